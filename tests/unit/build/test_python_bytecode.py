"""The library and the wheel compiled by Pyodide: bytecode for every module, of Pyodide's
Python, and the same bytes from the same input."""

import base64
import hashlib
import zipfile

import pytest

from scripts.build.pyodide_bundle import PYODIDE_PACKAGE, PYODIDE_STDLIB, build_wheel
from scripts.build.python_bytecode import compile_python, is_unchecked, pyc_files
from scripts.build.python_stdlib import trim

# Python 3.14's bytecode (Pyodide 314); the host's CPython writes another.
PYODIDE_MAGIC = "2b0e0d0a"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bytecode")
    trim(PYODIDE_PACKAGE / PYODIDE_STDLIB, folder / "library.zip")
    wheel = build_wheel(folder)
    made = compile_python(folder / "library.zip", wheel, folder / "out.zip", folder / "out.whl")
    return folder, wheel, made


def names(archive):
    with zipfile.ZipFile(archive) as zipped:
        return zipped.namelist()


def test_each_module_of_the_library_is_bytecode_only(compiled):
    folder, _, made = compiled
    sources = [n for n in names(folder / "library.zip") if n.endswith(".py")]
    assert len(sources) > 200
    assert sorted(names(folder / "out.zip")) == sorted(
        n[:-3] + ".pyc" if n.endswith(".py") else n for n in names(folder / "library.zip")
    )
    pycs = pyc_files(folder / "out.zip")
    assert made["magic"] == PYODIDE_MAGIC
    assert {pyc[:4].hex() for pyc in pycs.values()} == {PYODIDE_MAGIC}
    assert all(is_unchecked(pyc) for pyc in pycs.values())


def test_the_wheel_keeps_its_source_and_records_its_bytecode(compiled):
    folder, wheel, made = compiled
    out = folder / "out.whl"
    sources = [n for n in names(wheel) if n.endswith(".py")]
    pycs = pyc_files(out)
    for source in sources:
        package, _, module = source.rpartition("/")
        assert f"{package}/__pycache__/{module[:-3]}.{made['tag']}.pyc" in pycs
    assert len(pycs) == len(sources)
    assert set(names(wheel)) < set(names(out))
    with zipfile.ZipFile(out) as zipped:
        (record,) = [n for n in zipped.namelist() if n.endswith("/RECORD")]
        rows = {line.split(",")[0]: line for line in zipped.read(record).decode().splitlines()}
        for name, data in pycs.items():
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
            assert rows[name] == f"{name},sha256={digest.decode()},{len(data)}"
        for name in sources:
            assert zipped.read(name) == zipfile.ZipFile(wheel).read(name)


def test_the_same_input_gives_the_same_bytes(compiled):
    folder, wheel, _ = compiled
    compile_python(folder / "library.zip", wheel, folder / "again.zip", folder / "again.whl")
    assert (folder / "again.zip").read_bytes() == (folder / "out.zip").read_bytes()
    assert (folder / "again.whl").read_bytes() == (folder / "out.whl").read_bytes()
