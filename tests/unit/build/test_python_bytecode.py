"""The library and the forms' zip compiled by Pyodide: bytecode for every module, of Pyodide's
Python, and the same bytes from the same input."""

import zipfile

import pytest

from scripts.build.pyodide_bundle import (
    FORMS_PLACE,
    PYODIDE_PACKAGE,
    PYODIDE_STDLIB,
    build_forms_zip,
)
from scripts.build.python_bytecode import compile_python, is_unchecked, pyc_files
from scripts.build.python_stdlib import trim

# Python 3.14's bytecode (Pyodide 314); the host's CPython writes another.
PYODIDE_MAGIC = "2b0e0d0a"


@pytest.fixture(scope="module")
def compiled(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bytecode")
    (folder / "source").mkdir()
    trim(PYODIDE_PACKAGE / PYODIDE_STDLIB, folder / "library.zip")
    forms = build_forms_zip(folder)
    made = compile_python(
        folder / "library.zip", forms, folder / "out.zip", folder / "out-forms.zip", FORMS_PLACE
    )
    return folder, forms, made


def names(archive):
    with zipfile.ZipFile(archive) as zipped:
        return zipped.namelist()


def test_each_module_of_the_library_is_bytecode_only(compiled):
    folder, _, made = compiled
    sources = [n for n in names(folder / "library.zip") if n.endswith(".py")]
    assert len(sources) > 150
    assert sorted(names(folder / "out.zip")) == sorted(
        n[:-3] + ".pyc" if n.endswith(".py") else n for n in names(folder / "library.zip")
    )
    pycs = pyc_files(folder / "out.zip")
    assert made["magic"] == PYODIDE_MAGIC
    assert {pyc[:4].hex() for pyc in pycs.values()} == {PYODIDE_MAGIC}
    assert all(is_unchecked(pyc) for pyc in pycs.values())


def test_the_forms_keep_only_their_bytecode_compiled_for_where_the_worker_puts_them(compiled):
    folder, forms, made = compiled
    out = folder / "out-forms.zip"
    assert sorted(names(out)) == sorted(
        n[:-3] + ".pyc" if n.endswith(".py") else n for n in names(forms)
    )
    pycs = pyc_files(out)
    assert len(pycs) >= 10
    assert {pyc[:4].hex() for pyc in pycs.values()} == {made["magic"]}
    assert all(is_unchecked(pyc) for pyc in pycs.values())
    # Marshalled code can only be read by the Python that wrote it: its file name, at least,
    # sits in its bytes as text.
    assert all(f"{FORMS_PLACE}/{name[:-1]}".encode() in pyc for name, pyc in pycs.items())
    with zipfile.ZipFile(out) as zipped:
        assert zipped.read("forms/definitions/ui.toml") == (
            zipfile.ZipFile(forms).read("forms/definitions/ui.toml")
        )


def test_the_same_input_gives_the_same_bytes(compiled):
    folder, forms, _ = compiled
    again = folder / "again-forms.zip"
    compile_python(folder / "library.zip", forms, folder / "again.zip", again, FORMS_PLACE)
    assert (folder / "again.zip").read_bytes() == (folder / "out.zip").read_bytes()
    assert again.read_bytes() == (folder / "out-forms.zip").read_bytes()
    assert build_forms_zip(folder / "source").read_bytes() == forms.read_bytes()


def test_the_forms_hold_no_assert_the_compiled_code_would_leave_out():
    # The forms are compiled as `python -OO` runs them, which drops every assert: a check the
    # forms rely on must be an `if` that raises, or it would run in the tests and not in the
    # browser.
    import ast
    from pathlib import Path

    forms = Path(__file__).resolve().parents[3] / "forms"
    asserts = [
        f"{path.name}:{node.lineno}"
        for path in forms.rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Assert)
    ]
    assert asserts == []
