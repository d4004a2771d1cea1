"""The Python the site serves: Pyodide's core files, the trimmed standard library, the forms
wheel and the lock file that lists it, all copied from the pinned npm package."""

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

from scripts.build.python_stdlib import trim as trim_stdlib

ROOT = Path(__file__).resolve().parents[2]
PYODIDE_PACKAGE = ROOT / "node_modules" / "pyodide"
PYODIDE_CORE = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm")
# Served with only the part of the library the forms need (python_stdlib.py beside this file).
PYODIDE_STDLIB = "python_stdlib.zip"
STDLIB_TRIMMER = Path(__file__).with_name("python_stdlib.py")
PYODIDE_DIR = "pyodide"
# Pyodide's own files and the trimmed library sit in a folder named by their version and their
# bytes, and the wheel's name carries its own sha256 (a wheel "build tag"): a new Pyodide or new
# forms code is a new address, so the offline copy can serve them from the cache without asking
# the network, and can never mix one build's Python with another's.
PYTHON_CORE_INPUTS = (*PYODIDE_CORE, PYODIDE_STDLIB)
PYTHON_LOCK = "pyodide-lock.json"
# A fixed time stamp inside the wheel, so the same code gives the same file and sha256.
WHEEL_EPOCH = "1700000000"


def pyodide_version() -> str:
    return json.loads((PYODIDE_PACKAGE / "package.json").read_text())["version"]


def python_core_dir() -> str:
    """The folder of Pyodide's files and the trimmed library: `pyodide/<version>-<hash>`."""
    digest = hashlib.sha256()
    for name in PYTHON_CORE_INPUTS:
        digest.update((PYODIDE_PACKAGE / name).read_bytes())
    digest.update(STDLIB_TRIMMER.read_bytes())
    return f"{PYODIDE_DIR}/{pyodide_version()}-{digest.hexdigest()[:12]}"


def python_key(core_dir: str, wheel: Path) -> str:
    """What a kept Python was made from: when Pyodide, the library or the forms change, the
    kept one is thrown away and a new one is made."""
    return hashlib.sha256(core_dir.encode() + wheel.read_bytes()).hexdigest()[:16]


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
    info = InfoSpec(**upstream["info"], version=pyodide_version())
    spec = add_wheels_to_spec(PyodideLockSpec(info=info, packages={}), [wheel])
    spec.to_json(target / PYTHON_LOCK)


def write_bundle(site: Path, core_dir: str, wheel: Path) -> None:
    """Into the built site: `pyodide/` afresh, with the core files and the trimmed library in
    `core_dir`, and beside them the wheel and the lock."""
    target = site / PYODIDE_DIR
    if target.exists():
        shutil.rmtree(target)
    core = site / core_dir
    core.mkdir(parents=True)
    for name in PYODIDE_CORE:
        shutil.copy2(PYODIDE_PACKAGE / name, core / name)
    trim_stdlib(PYODIDE_PACKAGE / PYODIDE_STDLIB, core / PYODIDE_STDLIB)
    write_lock(target, Path(shutil.copy2(wheel, target / wheel.name)))
