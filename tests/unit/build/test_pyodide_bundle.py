"""The Python the site serves: its folder named by its bytes, the wheel and the lock beside it."""

import hashlib
import json
import re
import zipfile

import pytest

from scripts.build.pyodide_bundle import (
    PYODIDE_CORE,
    PYODIDE_STDLIB,
    prepare_python,
    pyodide_version,
    python_core_dir,
    python_key,
    write_bundle,
)


@pytest.fixture(scope="module")
def python(tmp_path_factory):
    return prepare_python(tmp_path_factory.mktemp("python"))


def test_the_core_folder_is_named_by_pyodides_version_and_the_served_bytes(python, tmp_path):
    library, _ = python
    name = rf"pyodide/{re.escape(pyodide_version())}-[0-9a-f]{{12}}"
    assert re.fullmatch(name, python_core_dir(library))
    assert python_core_dir(library) == python_core_dir(library)
    # Another library (another trim, another compiler) is another folder, and so another key
    # for the kept Python.
    other = tmp_path / "other.zip"
    other.write_bytes(library.read_bytes() + b"\0")
    assert python_core_dir(other) != python_core_dir(library)


def test_the_wheel_is_named_by_its_own_bytes(python):
    _, wheel = python
    tag = wheel.name.split("-")[2]
    assert tag == "0" + hashlib.sha256(wheel.read_bytes()).hexdigest()[:12]


def test_the_bundle_holds_the_core_the_compiled_library_the_wheel_and_the_lock(python, tmp_path):
    library, wheel = python
    site = tmp_path / "site"
    (site / "pyodide" / "old").mkdir(parents=True)
    core = python_core_dir(library)
    write_bundle(site, core, library, wheel)
    assert not (site / "pyodide" / "old").exists()
    assert all((site / core / name).stat().st_size > 0 for name in PYODIDE_CORE)
    with zipfile.ZipFile(site / core / PYODIDE_STDLIB) as served:
        assert "json/__init__.pyc" in served.namelist()
        assert "json/__init__.py" not in served.namelist()
        assert not any(name.startswith("unittest/") for name in served.namelist())
    lock = json.loads((site / "pyodide" / "pyodide-lock.json").read_text())
    entry = lock["packages"]["familieraad-forms"]
    assert entry["file_name"] == wheel.name
    assert entry["sha256"] == hashlib.sha256(wheel.read_bytes()).hexdigest()
    assert (site / "pyodide" / wheel.name).read_bytes() == wheel.read_bytes()
    assert python_key(core, wheel) != python_key(core + "x", wheel)
