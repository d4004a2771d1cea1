"""The service worker (the offline copy): this build's version and its list of files written
into `sw.js`, so its bytes change with every build and a returning visitor gets the new one."""

import hashlib
import json
import re
from pathlib import Path

from scripts.build.pyodide_bundle import FORMS_NAME, PYODIDE_DIR

ROOT = Path(__file__).resolve().parents[2]
# What the build is made of: when any of it changes, the offline copy of the site is renewed.
BUILD_INPUTS = (
    "docs",
    "forms",
    "overrides",
    "styles",
    "mkdocs.yml",
    "package-lock.json",
    "scripts/hooks.py",
    "scripts/build",
)
SERVICE_WORKER = "sw.js"
# Where the service worker's source says what the build fills in.
SERVICE_WORKER_BUILD = re.compile(r"^const BUILD = .*;$", re.MULTILINE)
# Files whose address changes whenever their bytes do (Material names its bundles by a hash).
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")


def build_version(
    root: Path = ROOT, inputs: tuple[str, ...] = BUILD_INPUTS, also: tuple[Path, ...] = ()
) -> str:
    """A hash of every file the build is made of, its path included; `also`: files from
    elsewhere that the pages show (the edition file and its logo)."""
    digest = hashlib.sha256()
    for name in inputs:
        path = root / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(file.relative_to(root).as_posix().encode())
            digest.update(file.read_bytes())
    for file in also:
        if file.is_file():
            digest.update(file.name.encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def offline_files(site: Path, languages: list[str]) -> list[str]:
    """Every file of the built site, for the service worker to keep: pages by their folder
    address (as a reader asks for them), everything else by its path. Of the search's language
    files, only those of the site's own languages (the others are over 1 MB together)."""
    search_languages = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"} | {
        f"lunr.{code}.min.js" for code in languages
    }
    files = []
    for path in sorted(site.rglob("*")):
        if (
            not path.is_file()
            or path.suffix in {".map", ".gz", ".br"}
            or path.name == SERVICE_WORKER
            or ("lunr" in path.parts and path.name not in search_languages)
        ):
            continue
        relative = path.relative_to(site).as_posix()
        if path.name == "index.html":
            relative = relative[: -len("index.html")] or "./"
        files.append(relative)
    return files


def is_immutable(relative: str) -> bool:
    """Whether a file's address names its bytes, so a cached copy is always the right one."""
    core = relative.startswith(f"{PYODIDE_DIR}/") and relative.count("/") == 2
    folder, _, name = relative.rpartition("/")
    forms = folder == PYODIDE_DIR and bool(FORMS_NAME.match(name))
    return core or forms or bool(HASHED_NAME.search(relative))


def write_service_worker(site: Path, version: str, languages: list[str]) -> None:
    """The built `sw.js` with this build's version, its files and which of them never change
    at their address."""
    files = offline_files(site, languages)
    build = {
        "version": version,
        "files": files,
        "immutable": [file for file in files if is_immutable(file)],
    }
    worker = site / SERVICE_WORKER
    source = worker.read_text()
    filled = f"const BUILD = {json.dumps(build, separators=(',', ':'))};"
    worker.write_text(SERVICE_WORKER_BUILD.sub(lambda _: filled, source, count=1))
