"""The trimmed library: what it leaves out is really in Pyodide's, and is really left out."""

import zipfile

from scripts.build.pyodide_bundle import PYODIDE_PACKAGE, PYODIDE_STDLIB
from scripts.build.python_stdlib import DROP, KEEP, kept, module_name, trim


def test_each_left_out_part_names_a_module_of_a_kept_package(tmp_path):
    with zipfile.ZipFile(PYODIDE_PACKAGE / PYODIDE_STDLIB) as whole:
        modules = {module_name(name) for name in whole.namelist() if name.endswith(".py")}
    for drop in DROP:
        assert drop in modules, drop
        assert drop.split(".")[0] in KEEP
    trim(PYODIDE_PACKAGE / PYODIDE_STDLIB, tmp_path / "part.zip")
    with zipfile.ZipFile(tmp_path / "part.zip") as part:
        served = {module_name(name) for name in part.namelist()}
    assert not {m for m in served if any(m == d or m.startswith(d + ".") for d in DROP)}
    assert {"json.decoder", "asyncio.base_events", "logging", "html.entities"} <= served
    assert not {m for m in served if m.startswith(("email", "tarfile", "importlib.metadata"))}


def test_a_package_left_out_goes_with_everything_inside_it():
    assert not kept("importlib/resources/__init__.py")
    assert not kept("importlib/resources/readers.py")
    assert not kept("importlib/metadata/__init__.py")
    assert kept("importlib/util.py")
    assert not kept("unittest/mock.py")
    assert kept("encodings/utf_8.py") and not kept("encodings/cp1250.py")
