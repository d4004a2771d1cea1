"""The Python the site serves: its folder named by its bytes, the forms' zip beside it, named
by its own."""

import base64
import hashlib
import re
import tomllib
import zipfile

import pytest
from support import ROOT

from forms.schema import form_ids
from scripts.build import pyodide_bundle
from scripts.build.pyodide_bundle import (
    PYODIDE_CORE,
    PYODIDE_STDLIB,
    integrity,
    prepare_python,
    pyodide_version,
    python_core_dir,
    python_key,
    without_examples,
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


def test_the_forms_zip_is_named_by_its_own_bytes_and_checked_by_them(python):
    _, forms = python
    digest = hashlib.sha256(forms.read_bytes())
    assert forms.name == f"forms-{digest.hexdigest()[:12]}.zip"
    assert integrity(forms) == "sha256-" + base64.b64encode(digest.digest()).decode()


def test_the_forms_zip_holds_bytecode_the_definitions_and_the_catalogue_stored(python):
    _, forms = python
    with zipfile.ZipFile(forms) as zipped:
        infos = zipped.infolist()
    names = {info.filename for info in infos}
    assert {"forms/__init__.pyc", "forms/worker.pyc", "forms/catalogue/plan/hooks.pyc"} <= names
    assert "forms/definitions/ui.toml" in names
    # Every form's folder, its form.toml beside its modules.
    assert {f"forms/catalogue/{form_id}/form.toml" for form_id in form_ids()} <= names
    assert not any(name.endswith(".py") or "__pycache__" in name for name in names)
    assert {info.compress_type for info in infos} == {zipfile.ZIP_STORED}


def test_the_browser_gets_each_form_whole_but_for_its_examples(python):
    _, forms = python
    with zipfile.ZipFile(forms) as zipped:
        for form_id in form_ids():
            shipped = tomllib.loads(zipped.read(f"forms/catalogue/{form_id}/form.toml").decode())
            whole = tomllib.loads(
                (ROOT / "forms" / "catalogue" / form_id / "form.toml").read_text()
            )
            assert "examples" in whole
            whole.pop("examples")
            assert shipped == whole


def test_a_table_after_the_examples_stops_the_build():
    text = 'id = "x"\n[examples.filled]\nvalues = {a = "b"}\n[title]\nda = "T"\n'
    with pytest.raises(ValueError, match="last tables"):
        without_examples(text, "x/form.toml")
    last = 'id = "x"\n[title]\nda = "T"\n[[examples.filled.lists.a]]\nb = "c"\n'
    assert without_examples(last, "x/form.toml") == 'id = "x"\n[title]\nda = "T"\n'


def test_the_bundle_holds_the_core_the_compiled_library_and_the_forms(python, tmp_path):
    library, forms = python
    site = tmp_path / "site"
    (site / "pyodide" / "old").mkdir(parents=True)
    core = python_core_dir(library)
    write_bundle(site, core, library, forms)
    assert not (site / "pyodide" / "old").exists()
    assert all((site / core / name).stat().st_size > 0 for name in PYODIDE_CORE)
    with zipfile.ZipFile(site / core / PYODIDE_STDLIB) as served:
        assert "json/__init__.pyc" in served.namelist()
        assert "json/__init__.py" not in served.namelist()
        assert not any(name.startswith("unittest/") for name in served.namelist())
        assert not any(name.startswith(("email/", "tarfile")) for name in served.namelist())
    assert (site / "pyodide" / forms.name).read_bytes() == forms.read_bytes()
    assert not (site / "pyodide" / "pyodide-lock.json").exists()
    assert python_key(core, forms) != python_key(core + "x", forms)
    other = forms.with_name("other.zip")
    other.write_bytes(forms.read_bytes() + b"\0")
    assert python_key(core, other) != python_key(core, forms)


def test_a_second_build_with_the_same_inputs_takes_the_compiled_python_from_the_cache(
    python, tmp_path, monkeypatch
):
    cache = tmp_path / "cache"
    (tmp_path / "first").mkdir()
    first = prepare_python(tmp_path / "first", cache)

    def not_again(*args):
        raise AssertionError("compiled again although nothing it is made from changed")

    monkeypatch.setattr(pyodide_bundle, "compile_python", not_again)
    (tmp_path / "second").mkdir()
    second = prepare_python(tmp_path / "second", cache)
    assert [path.name for path in second] == [path.name for path in first]
    assert [path.read_bytes() for path in second] == [path.read_bytes() for path in first]
    assert [path.read_bytes() for path in first] == [path.read_bytes() for path in python]


def test_a_changed_form_file_is_compiled_afresh(tmp_path, monkeypatch):
    before = pyodide_bundle.python_inputs()
    changed = tmp_path / "plan.toml"
    changed.write_text("[changed]\n")
    files = pyodide_bundle.forms_files()
    monkeypatch.setattr(
        pyodide_bundle, "forms_files", lambda: [*files[:-1], (files[-1][0], changed)]
    )
    assert pyodide_bundle.python_inputs() != before


def test_the_digest_of_what_is_compiled_covers_every_forms_folder():
    names = {name for name, _ in pyodide_bundle.forms_files()}
    for form_id in form_ids():
        assert f"forms/catalogue/{form_id}/form.toml" in names
    assert {"forms/catalogue/plan/hooks.py", "forms/catalogue/guests/network_map.py"} <= names
    # A form's styles and README stay out: the browser's Python reads neither.
    assert not any(name.endswith((".css", ".md")) for name in names)
