"""Precompressed copies: a `.gz` beside each large file, which a static host can send as it is
(nginx `gzip_static`, Apache MultiViews)."""

import gzip
from pathlib import Path

PRECOMPRESSED = {".wasm", ".mjs", ".js", ".css", ".json", ".html", ".svg", ".webmanifest"}
PRECOMPRESS_MIN_BYTES = 4096


def write_compressed_copies(site: Path) -> None:
    """A .gz beside each large text or wasm file, made once at build time, with a fixed time
    stamp so the same build gives the same bytes."""
    for path in site.rglob("*"):
        if path.suffix in PRECOMPRESSED and path.stat().st_size >= PRECOMPRESS_MIN_BYTES:
            data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(data)
