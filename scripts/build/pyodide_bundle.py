"""The Python the site serves: Pyodide's core files from the pinned npm package, the trimmed
standard library and the forms wheel, both compiled to bytecode by that Pyodide
(python_bytecode.py), and the lock file that lists the wheel."""

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pyodide_lock import PyodideLockSpec
from pyodide_lock.spec import InfoSpec
from pyodide_lock.utils import add_wheels_to_spec

from scripts.build.python_bytecode import compile_python
from scripts.build.python_stdlib import trim as trim_stdlib

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Served with only the part of the library the forms need (python_stdlib.py beside this file).
PYODIDE_STDLIB = "python_stdlib.zip"
PYODIDE_DIR = "pyodide"
# Pyodide's own files and the trimmed library sit in a folder named by their version and their
# bytes, and the wheel's name carries its own sha256 (a wheel "build tag"): a new Pyodide or new
# forms code is a new address, so the offline copy can serve them from the cache without asking
# the network, and can never mix one build's Python with another's.
PYTHON_LOCK = "pyodide-lock.json"
# A fixed time stamp inside the wheel, so the same code gives the same file and sha256.
WHEEL_EPOCH = "1700000000"


def pyodide_version() -> str:
    return json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]


def python_core_dir(library: Path) -> str:
    """The folder of Pyodide's files and the served library: `pyodide/<version>-<hash>`, the
    hash of those very bytes."""
    digest = hashlib.sha256()
    for path in (*(PYODIDE_PACKAGE / name for name in PYODIDE_CORE), library):
        digest.update(path.read_bytes())
    return f"{PYODIDE_DIR}/{pyodide_version()}-{digest.hexdigest()[:12]}"


def python_key(core_dir: str, wheel: Path) -> str:
    """What a kept Python was made from: when Pyodide, the library or the forms change, the
    kept one is thrown away and a new one is made."""
    return hashlib.sha256(core_dir.encode() + wheel.read_bytes()).hexdigest()[:16]


def build_wheel(target: Path) -> Path:
    """forms/ as a pure-Python wheel (flit_core, no network), from source only."""
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


def tagged(wheel: Path) -> Path:
    """The wheel renamed with the start of its own sha256 as its build tag (a build tag starts
    with a digit), so new code gets a new address."""
    tag = "0" + hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]
    name, version, rest = wheel.name.split("-", 2)
    return wheel.rename(wheel.with_name(f"{name}-{version}-{tag}-{rest}"))


def prepare_python(target: Path) -> tuple[Path, Path]:
    """Into the empty folder `target`: the library to serve (trimmed, compiled) and the forms
    wheel (compiled, tagged). Returns (library, wheel)."""
    source = target / "source"
    source.mkdir()
    trim_stdlib(PYODIDE_PACKAGE / PYODIDE_STDLIB, source / PYODIDE_STDLIB)
    plain = build_wheel(source)
    library, wheel = target / PYODIDE_STDLIB, target / plain.name
    compile_python(source / PYODIDE_STDLIB, plain, library, wheel)
    shutil.rmtree(source)
    return library, tagged(wheel)


def write_lock(target: Path, wheel: Path) -> None:
    """A lock file that lists our wheel (with its sha256) and nothing Pyodide would not need."""
    upstream = json.loads((PYODIDE_PACKAGE / "pyodide-lock.json").read_text())
    info = InfoSpec(**upstream["info"], version=pyodide_version())
    spec = add_wheels_to_spec(PyodideLockSpec(info=info, packages={}), [wheel])
    spec.to_json(target / PYTHON_LOCK)


def write_bundle(site: Path, core_dir: str, library: Path, wheel: Path) -> None:
    """Into the built site: `pyodide/` afresh, with the core files and the library in
    `core_dir`, and beside them the wheel and the lock."""
    target = site / PYODIDE_DIR
    if target.exists():
        shutil.rmtree(target)
    core = site / core_dir
    core.mkdir(parents=True)
    for name in PYODIDE_CORE:
        shutil.copy2(PYODIDE_PACKAGE / name, core / name)
    shutil.copy2(library, core / PYODIDE_STDLIB)
    write_lock(target, Path(shutil.copy2(wheel, target / wheel.name)))
