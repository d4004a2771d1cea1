"""The Python the site serves: Pyodide's core files from the pinned npm package, the trimmed
standard library, and the forms as a zip that Python's own zipimport reads (no package loader,
no lock file to fetch), both compiled to bytecode by that Pyodide (python_bytecode.py)."""

import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from pathlib import Path

from pyodide_lock import PyodideLockSpec
from pyodide_lock.spec import InfoSpec
from pyodide_lock.utils import add_wheels_to_spec

from scripts.build import python_bytecode, python_stdlib
from scripts.build.python_bytecode import compile_python
from scripts.build.python_stdlib import trim as trim_stdlib

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Served with only the part of the library the forms need (python_stdlib.py beside this file).
PYODIDE_STDLIB = "python_stdlib.zip"
PYODIDE_DIR = "pyodide"
# Pyodide's own files and the trimmed library sit in a folder named by their version and their
# bytes, and the forms' zip's name carries its own sha256 (`pyodide/forms-<sha256>.zip`): a new
# Pyodide or new forms code is a new address, so the offline copy can serve them from the cache
# without asking the network, and can never mix one build's Python with another's.
FORMS_NAME = re.compile(r"^forms-[0-9a-f]{12}\.zip$")
# Where the worker writes the forms' zip in Pyodide's file system (first on sys.path).
FORMS_PLACE = "/lib/forms.zip"
# A fixed time stamp for the zip's entries, so the same code gives the same file and sha256.
FORMS_DATE = (2023, 11, 14, 22, 13, 20)
# The bench's stock Pyodide (scripts/bench/boot.py) still installs the forms as a wheel.
PYTHON_LOCK = "pyodide-lock.json"
WHEEL_EPOCH = "1700000000"
# How many compiled Pythons the cache keeps (the newest), so switching branches stays fast.
CACHED_PYTHONS = 4


def pyodide_version() -> str:
    return json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]


def python_core_dir(library: Path) -> str:
    """The folder of Pyodide's files and the served library: `pyodide/<version>-<hash>`, the
    hash of those very bytes."""
    digest = hashlib.sha256()
    for path in (*(PYODIDE_PACKAGE / name for name in PYODIDE_CORE), library):
        digest.update(path.read_bytes())
    return f"{PYODIDE_DIR}/{pyodide_version()}-{digest.hexdigest()[:12]}"


def python_key(core_dir: str, forms: Path) -> str:
    """What a kept Python was made from: when Pyodide, the library or the forms change, the
    kept one is thrown away and a new one is made."""
    return hashlib.sha256(core_dir.encode() + forms.read_bytes()).hexdigest()[:16]


def python_info() -> dict:
    """Pyodide's own lock file's `info` (its ABI above all), handed to loadPyodide as a lock
    with no packages, so it fetches no lock file."""
    return json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text())["info"]


def integrity(path: Path) -> str:
    """The file's Subresource Integrity value, which the worker's fetch checks."""
    return "sha256-" + base64.b64encode(hashlib.sha256(path.read_bytes()).digest()).decode()


def forms_files() -> list[tuple[str, Path]]:
    """The package's modules and its data files, by their name in the zip, in a fixed order."""
    package = ROOT / "forms"
    files = [
        path
        for path in package.rglob("*")
        if path.is_file()
        and "__pycache__" not in path.parts
        and path.suffix in (".py", ".toml", ".json")
    ]
    return sorted((path.relative_to(ROOT).as_posix(), path) for path in files)


EXAMPLES_START = re.compile(r"^\[\[?examples[.\]]", re.MULTILINE)


def without_examples(text: str, name: str) -> str:
    """A form.toml as the browser gets it: without its examples (the tests' filled, hostile and
    at-limits answers, which the site never reads), cut from the first examples table on. The
    examples must come last in the file: anything after them would be cut too, so the build
    stops instead."""
    start = EXAMPLES_START.search(text)
    if start is None:
        return text
    kept = text[: start.start()]
    whole = tomllib.loads(text)
    whole.pop("examples", None)
    if tomllib.loads(kept) != whole:
        raise ValueError(f"{name}: the examples must be the last tables of the file")
    return kept


def build_forms_zip(target: Path) -> Path:
    """forms/ as a zip of source (compiled next), every entry stored: the host's Brotli and gzip
    copies compress it as a whole. A form's examples stay out (without_examples)."""
    zipped = target / "forms.zip"
    with zipfile.ZipFile(zipped, "w") as out:
        for name, path in forms_files():
            info = zipfile.ZipInfo(name, date_time=FORMS_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            data = path.read_bytes()
            if path.name == "form.toml":
                data = without_examples(data.decode("utf-8"), name).encode("utf-8")
            out.writestr(info, data)
    return zipped


def build_wheel(target: Path) -> Path:
    """For the bench's stock Pyodide: forms/ as a pure-Python wheel (flit_core, no network),
    from source only."""
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
        return Path(shutil.copy2(wheel, target / wheel.name))


def named(forms: Path) -> Path:
    """The forms' zip renamed with the start of its own sha256, so new code gets a new
    address."""
    digest = hashlib.sha256(forms.read_bytes()).hexdigest()[:12]
    return forms.rename(forms.with_name(f"forms-{digest}.zip"))


def python_inputs() -> str:
    """A digest of all the compiled Python is made from: Pyodide's package (its version and its
    library), the code that trims and compiles, and every file of forms/."""
    digest = hashlib.sha256()
    makers = (Path(__file__), Path(python_bytecode.__file__), Path(python_stdlib.__file__))
    for path in (PYODIDE_PACKAGE / "package.json", PYODIDE_PACKAGE / PYODIDE_STDLIB, *makers):
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    for name, path in forms_files():
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()[:24]


def prepare_python(target: Path, cache: Path | None = None) -> tuple[Path, Path]:
    """Into the empty folder `target`: the library to serve (trimmed, compiled) and the forms'
    zip (compiled, named by its bytes). Returns (library, forms).

    Compiling takes Pyodide's start under Node, several seconds; with a `cache` folder the
    result is filed there under the digest of its inputs (`python_inputs`), and a build whose
    inputs are the same (the second language, a rebuild after a Markdown edit) copies it."""
    if cache is None:
        return _compiled_python(target)
    kept = cache / python_inputs()
    if not kept.is_dir():
        cache.mkdir(parents=True, exist_ok=True)
        made = Path(tempfile.mkdtemp(prefix="partial-", dir=cache))
        _compiled_python(made)
        try:
            made.rename(kept)  # whole or not at all
        except OSError:  # another build filed the same meanwhile
            shutil.rmtree(made)
        _forget_old(cache)
    kept.touch()
    for path in kept.iterdir():
        shutil.copyfile(path, target / path.name)
    return target / PYODIDE_STDLIB, next(target.glob("forms-*.zip"))


def _forget_old(cache: Path) -> None:
    builds = sorted(
        (path for path in cache.iterdir() if not path.name.startswith("partial-")),
        key=lambda path: path.stat().st_mtime,
        reverse=True,
    )
    for path in builds[CACHED_PYTHONS:]:
        shutil.rmtree(path, ignore_errors=True)


def _compiled_python(target: Path) -> tuple[Path, Path]:
    source = target / "source"
    source.mkdir()
    trim_stdlib(PYODIDE_PACKAGE / PYODIDE_STDLIB, source / PYODIDE_STDLIB)
    plain = build_forms_zip(source)
    library, forms = target / PYODIDE_STDLIB, target / "forms.zip"
    compile_python(source / PYODIDE_STDLIB, plain, library, forms, FORMS_PLACE)
    shutil.rmtree(source)
    return library, named(forms)


def write_lock(target: Path, wheel: Path) -> None:
    """For the bench's stock Pyodide: a lock file that lists our wheel (with its sha256) and
    nothing Pyodide would not need."""
    upstream = json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text())
    info = InfoSpec(**upstream["info"], version=pyodide_version())
    spec = add_wheels_to_spec(PyodideLockSpec(info=info, packages={}), [wheel])
    spec.to_json(target / PYTHON_LOCK)


def write_bundle(site: Path, core_dir: str, library: Path, forms: Path) -> None:
    """Into the built site: `pyodide/` afresh, with the core files and the library in
    `core_dir`, and beside them the forms' zip."""
    target = site / PYODIDE_DIR
    if target.exists():
        shutil.rmtree(target)
    core = site / core_dir
    core.mkdir(parents=True)
    for name in PYODIDE_CORE:
        shutil.copy2(PYODIDE_PACKAGE / name, core / name)
    shutil.copy2(library, core / PYODIDE_STDLIB)
    shutil.copy2(forms, target / forms.name)
