"""Precompressed copies: a `.gz` and, where it is smaller, a `.br` beside each large file, which a
static host can send as they are (nginx `gzip_static` and `brotli_static`, Apache MultiViews).

Brotli at its best level takes about 25 s for Pyodide's 9 MiB wasm alone, so each copy is also
filed in a cache folder under the hash of what it compresses, and the next build on the same
machine takes it from there.
"""

import gzip
import hashlib
from pathlib import Path

import brotli

# The library and the forms are zips whose Python is stored uncompressed for this (see
# python_bytecode.py).
PRECOMPRESSED = {
    *(".wasm", ".mjs", ".js", ".css", ".json", ".html", ".svg", ".webmanifest"),
    ".zip",
}
# From 1 KiB: the form page's modules are 1 to 7 KiB each, and Brotli sends them in a third.
PRECOMPRESS_MIN_BYTES = 1024
COMPRESSED_SUFFIXES = (".gz", ".br")


def gzipped(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_compressed(data: bytes) -> bytes:
    return brotli.compress(data, quality=11)


def cached(cache: Path | None, kind: str, data: bytes, compress) -> bytes:
    """`compress(data)`, from the cache folder when it has been made there before."""
    if cache is None:
        return compress(data)
    copy = cache / f"{hashlib.sha256(data).hexdigest()}.{kind}"
    if copy.exists():
        return copy.read_bytes()
    made = compress(data)
    cache.mkdir(parents=True, exist_ok=True)
    partial = copy.with_suffix(".partial")
    partial.write_bytes(made)
    partial.replace(copy)
    return made


def write_compressed_copies(site: Path, cache: Path | None = None) -> None:
    """A .gz beside each large text, wasm or zip file where it is smaller, and a .br where
    Brotli makes it smaller still, made at build time with fixed settings, so the same build
    gives the same bytes."""
    for path in site.rglob("*"):
        if path.suffix in PRECOMPRESSED and path.stat().st_size >= PRECOMPRESS_MIN_BYTES:
            data = path.read_bytes()
            gz = cached(cache, "gz", data, gzipped)
            br = cached(cache, "br", data, brotli_compressed)
            if len(gz) < len(data):
                path.with_name(path.name + ".gz").write_bytes(gz)
            if len(br) < min(len(gz), len(data)):
                path.with_name(path.name + ".br").write_bytes(br)
