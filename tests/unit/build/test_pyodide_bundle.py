"""The Python the site serves: its folder named by its bytes, the wheel and the lock beside it."""

import json
import re
import zipfile

from scripts.build.pyodide_bundle import (
    PYODIDE_CORE,
    PYODIDE_STDLIB,
    build_wheel,
    pyodide_version,
    python_core_dir,
    python_key,
    write_bundle,
)


def test_the_core_folder_is_named_by_pyodides_version_and_bytes():
    name = rf"pyodide/{re.escape(pyodide_version())}-[0-9a-f]{{12}}"
    assert re.fullmatch(name, python_core_dir())
    assert python_core_dir() == python_core_dir()


def test_the_bundle_holds_the_core_the_trimmed_library_the_wheel_and_the_lock(tmp_path):
    wheel = build_wheel(tmp_path)
    site = tmp_path / "site"
    (site / "pyodide" / "old").mkdir(parents=True)
    core = python_core_dir()
    write_bundle(site, core, wheel)
    assert not (site / "pyodide" / "old").exists()
    assert all((site / core / name).stat().st_size > 0 for name in PYODIDE_CORE)
    with zipfile.ZipFile(site / core / PYODIDE_STDLIB) as library:
        assert "json/__init__.py" in library.namelist()
        assert not any(name.startswith("unittest/") for name in library.namelist())
    lock = json.loads((site / "pyodide" / "pyodide-lock.json").read_text())
    assert lock["packages"]["familieraad-forms"]["file_name"] == wheel.name
    assert (site / "pyodide" / wheel.name).read_bytes() == wheel.read_bytes()
    assert python_key(core, wheel) != python_key(core + "x", wheel)
