"""MkDocs hook: puts the pre-rendered forms into their pages and the pinned Pyodide into the site.

The only MkDocs-specific code besides overrides/: it delegates all rendering to forms/.
"""

import base64
import gzip
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.plugins import event_priority
from pyodide_lock import PyodideLockSpec
from pyodide_lock.spec import InfoSpec
from pyodide_lock.utils import add_wheels_to_spec

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from forms.app import start  # noqa: E402
from forms.document import render_document  # noqa: E402
from forms.render import render_form  # noqa: E402
from forms.schema import load  # noqa: E402
from forms.text import ui  # noqa: E402
from scripts.python_stdlib import trim as trim_stdlib  # noqa: E402

PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Served with only the part of the library the forms need (scripts/python_stdlib.py).
PYODIDE_STDLIB = "python_stdlib.zip"
PYODIDE_DIR = "pyodide"
# Pyodide's own files and the trimmed library sit in a folder named by their version and their
# bytes, and the wheel's name carries its own sha256 (a wheel "build tag"): a new Pyodide or new
# forms code is a new address, so the offline copy can serve them from the cache without asking
# the network, and can never mix one build's Python with another's.
PYTHON_CORE_INPUTS = (*PYODIDE_CORE, PYODIDE_STDLIB)
PYTHON_LOCK = "pyodide-lock.json"
# The page script and the worker: theme files from overrides/assets/forms/.
SHELL_DIR = "assets/forms"
# Material's page settings: "base" is where its script looks for search/search_index.json.
CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)"'
)
FORM_MARKER = re.compile(r"<!--\s*form:\s*([a-z_]+)\s*-->")
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
# Everything from the site itself; Pyodide needs 'wasm-unsafe-eval' wherever the host also sends
# this policy as a header (the worker's script gets the header's policy, not this tag's).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {hashes}; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; connect-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
SITE_TEXTS = (
    "exit_button",
    "exit_hint",
    "exit_url",
    "read_aloud",
    "read_aloud_stop",
    "site_updated",
)
# What the build is made of: when any of it changes, the offline copy of the site is renewed.
BUILD_INPUTS = ("docs", "forms", "overrides", "mkdocs.yml", "package-lock.json", "scripts/hooks.py")
SERVICE_WORKER = "sw.js"
# Where the service worker's source says what the build fills in.
SERVICE_WORKER_BUILD = re.compile(r"^const BUILD = .*;$", re.MULTILINE)
# Files whose address changes whenever their bytes do (Material names its bundles by a hash).
HASHED_NAME = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")
# Files a static host can send compressed as they are (nginx `gzip_static`, Apache MultiViews).
PRECOMPRESSED = {".wasm", ".mjs", ".js", ".css", ".json", ".html", ".svg", ".webmanifest"}
PRECOMPRESS_MIN_BYTES = 4096
THEME_COLOUR = "#1d4e5f"
# `mkdocs serve` injects its own inline reload script, which a strict policy would block.
_serving = False
# The wheel, built once per build when the configuration is read (pages name its sha256).
_wheel: Path | None = None
# A fixed time stamp inside the wheel, so the same code gives the same file and sha256.
WHEEL_EPOCH = "1700000000"


def _language(config) -> str:
    return config["theme"]["language"]


def _site_root(config) -> Path:
    return Path(config["site_dir"])


def _relative(page, config, target: str) -> str:
    """The URL of a file at the site's root as seen from a page (any language, any depth)."""
    page_dir = Path(page.file.abs_dest_path).parent
    return Path(os.path.relpath(_site_root(config) / target, page_dir)).as_posix()


def on_startup(command, dirty):
    global _serving
    _serving = command == "serve"


def build_version() -> str:
    digest = hashlib.sha256()
    for name in BUILD_INPUTS:
        path = ROOT / name
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if "__pycache__" in file.parts:
                continue
            digest.update(file.relative_to(ROOT).as_posix().encode())
            digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


def python_core_dir() -> str:
    """The folder of Pyodide's files and the trimmed library: `pyodide/<version>-<hash>`."""
    digest = hashlib.sha256()
    for name in PYTHON_CORE_INPUTS:
        digest.update((PYODIDE_PACKAGE / name).read_bytes())
    digest.update((ROOT / "scripts" / "python_stdlib.py").read_bytes())
    version = json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]
    return f"{PYODIDE_DIR}/{version}-{digest.hexdigest()[:12]}"


def on_config(config):
    global _wheel
    # Offline only for a real build: `mkdocs serve` should always show the newest files.
    config["extra"]["offline_version"] = None if _serving else build_version()
    config["extra"]["python_core"] = python_core_dir()
    _wheel = build_wheel(Path(tempfile.mkdtemp(prefix="fgc-wheel-")))
    # What a kept Python was made from: when Pyodide, the library or the forms change, the
    # kept one is thrown away and a new one is made.
    digest = hashlib.sha256(config["extra"]["python_core"].encode() + _wheel.read_bytes())
    config["extra"]["python_key"] = digest.hexdigest()[:16]
    return config


def on_page_context(context, page, config, nav):
    """Texts the templates show on every page (leaving the site quickly), in its language, and
    the manifest of that language."""
    context["site_text"] = {key: ui(key, _language(config)) for key in SITE_TEXTS}
    language = _other_language(config)
    manifest = f"{language}/manifest.webmanifest" if language else "manifest.webmanifest"
    context["manifest_url"] = _relative(page, config, manifest)
    return context


def on_template_context(context, template_name, config):
    """The same texts for pages made from a template alone (404.html)."""
    context["site_text"] = {key: ui(key, _language(config)) for key in SITE_TEXTS}
    return context


def on_post_template(output_content, template_name, config):
    return _with_policy(output_content) if template_name.endswith(".html") else output_content


def _with_policy(html: str) -> str:
    if _serving:
        return html
    meta = f'<meta http-equiv="Content-Security-Policy" content="{content_security_policy(html)}">'
    return html.replace('<meta charset="utf-8">', f'<meta charset="utf-8">\n    {meta}', 1)


def content_security_policy(html: str) -> str:
    """The policy for a page: its own inline scripts (Material's) allowed by their hashes."""
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in INLINE_SCRIPT.findall(html)
    )
    return CONTENT_SECURITY_POLICY.format(hashes=hashes)


def on_page_content(html, page, config, files):
    match = FORM_MARKER.search(html)
    if not match:
        return html
    form_id = match.group(1)
    definition = load(form_id)
    state, view = start(form_id, _language(config), today=None)
    blank = render_document(definition, state, blank=True)
    form_html = render_form(definition, state, view["summary"], view["document"], blank).replace(
        "<form ",
        f'<form data-pyodide="{_relative(page, config, config["extra"]["python_core"])}/"'
        f' data-python-lock="{_relative(page, config, PYODIDE_DIR)}/{PYTHON_LOCK}"'
        f' data-python-key="{config["extra"]["python_key"]}"'
        f' data-worker="{_relative(page, config, SHELL_DIR)}/form-worker.js" ',
        1,
    )
    page.meta["form"] = form_id
    page.meta["form_script"] = _relative(page, config, SHELL_DIR) + "/form-page.js"
    return html[: match.start()] + form_html + html[match.end() :]


def _other_language(config) -> str | None:
    """The language being built when it is not the default one (the one at the site's root)."""
    i18n = config["plugins"].get("i18n")
    if i18n is None or i18n.current_language == i18n.default_language:
        return None
    return i18n.current_language


def on_post_page(output, page, config):
    """Pages in another language search their own index at <language>/search/, so a reader
    gets results in the language they read; every page gets its Content-Security-Policy."""
    language = _other_language(config)
    if language is not None:
        output = CONFIG_BASE.sub(
            lambda m: f'{m.group(1)}{m.group(2)}/{language}/"', output, count=1
        )
    return _with_policy(output)


@event_priority(-110)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    i18n = config["plugins"].get("i18n")
    if i18n is not None and i18n.building:
        return  # the end of one language's build inside mkdocs-static-i18n's own loop
    split_search_index(config)
    write_manifests(config, i18n)
    site = _site_root(config)
    target = site / PYODIDE_DIR
    if target.exists():
        shutil.rmtree(target)
    core = site / config["extra"]["python_core"]
    core.mkdir(parents=True)
    for name in PYODIDE_CORE:
        shutil.copy2(PYODIDE_PACKAGE / name, core / name)
    trim_stdlib(PYODIDE_PACKAGE / PYODIDE_STDLIB, core / PYODIDE_STDLIB)
    wheel = Path(shutil.copy2(_wheel, target / _wheel.name))
    write_lock(target, wheel)
    if not _serving:
        codes = i18n.build_languages if i18n is not None else [_language(config)]
        write_service_worker(site, config["extra"]["offline_version"], codes)
        write_compressed_copies(site)


def write_manifests(config, i18n) -> None:
    """A web app manifest per language, so the site can be installed on a phone."""
    site = _site_root(config)
    codes = [
        i18n.default_language,
        *[c for c in i18n.build_languages if c != i18n.default_language],
    ]
    for code in codes:
        prefix = "" if code == i18n.default_language else f"{code}/"
        icons = "../" * prefix.count("/") + "assets/icons/"
        manifest = {
            "name": ui("app_name", code),
            "short_name": ui("app_short_name", code),
            "lang": code,
            "start_url": "./",
            "scope": "./",
            "display": "standalone",
            "background_color": "#ffffff",
            "theme_color": THEME_COLOUR,
            "icons": [
                {
                    "src": f"{icons}icon-{size}.png",
                    "sizes": f"{size}x{size}",
                    "type": "image/png",
                    "purpose": "any maskable",
                }
                for size in (192, 512)
            ],
        }
        (site / prefix / "manifest.webmanifest").write_text(
            json.dumps(manifest, ensure_ascii=False)
        )


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
            or path.suffix in {".map", ".gz"}
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
    return core or relative.endswith(".whl") or bool(HASHED_NAME.search(relative))


def write_service_worker(site: Path, version: str, languages: list[str]) -> None:
    """The service worker with this build's version and files written into it, so its bytes
    change with every build and a returning visitor's browser installs the new one."""
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


def write_compressed_copies(site: Path) -> None:
    """A .gz beside each large text or wasm file, made once at build time, with a fixed time
    stamp so the same build gives the same bytes."""
    for path in site.rglob("*"):
        if path.suffix in PRECOMPRESSED and path.stat().st_size >= PRECOMPRESS_MIN_BYTES:
            data = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
            path.with_name(path.name + ".gz").write_bytes(data)


def split_search_index(config) -> None:
    """One search index per language, each at its language's root."""
    i18n = config["plugins"].get("i18n")
    if i18n is None:
        return
    site = _site_root(config)
    merged = json.loads((site / "search" / "search_index.json").read_text())
    others = [code for code in i18n.build_languages if code != i18n.default_language]
    for code in [i18n.default_language, *others]:
        prefix = "" if code == i18n.default_language else f"{code}/"
        docs = []
        for doc in merged["docs"]:
            location = doc["location"]
            in_other = any(location.startswith(f"{other}/") for other in others if other != code)
            if location.startswith(prefix) and not in_other:
                docs.append({**doc, "location": location[len(prefix) :]})
        index = {**merged, "config": {**merged["config"], "lang": [code]}, "docs": docs}
        target = site / prefix / "search"
        target.mkdir(parents=True, exist_ok=True)
        (target / "search_index.json").write_text(json.dumps(index, ensure_ascii=False))


def build_wheel(target: Path) -> Path:
    """forms/ as a pure-Python wheel (flit_core, no network), its name tagged with the start of
    its own sha256 (a build tag starts with a digit), so new code gets a new address."""
    for old in target.glob("*.whl"):
        old.unlink()
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "build",
                "--wheel",
                "--no-isolation",
                "--outdir",
                out,
                str(ROOT),
            ],
            check=True,
            capture_output=True,
            env={**os.environ, "SOURCE_DATE_EPOCH": WHEEL_EPOCH},
        )
        (wheel,) = Path(out).glob("*.whl")
        tag = "0" + hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
        name, version, rest = wheel.name.split("-", 2)
        return Path(shutil.copy2(wheel, target / f"{name}-{version}-{tag}-{rest}"))


def write_lock(target: Path, wheel: Path) -> None:
    """A lock file that lists our wheel (with its sha256) and nothing Pyodide would not need."""
    upstream = json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text())
    version = json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]
    info = InfoSpec(**upstream["info"], version=version)
    spec = add_wheels_to_spec(PyodideLockSpec(info=info, packages={}), [wheel])
    spec.to_json(target / "pyodide-lock.json")
