"""A form's folder gives the core only the hooks it defines (forms/hooks.py); the others do
nothing, and a misspelt hook or a second form of the same id stops the forms loading."""

import shutil

import pytest
from support import ROOT

from forms import hooks
from forms.discovery import Root, added_root, catalogue
from forms.schema import load

VISITS = ROOT / "tests" / "fixtures" / "catalogue" / "visits"


def _form_folder(tmp_path, form_id, hooks_text=None):
    folder = tmp_path / form_id
    folder.mkdir()
    text = (VISITS / "form.toml").read_text(encoding="utf-8")
    (folder / "form.toml").write_text(
        text.replace('id = "visits"', f'id = "{form_id}"'), encoding="utf-8"
    )
    if hooks_text is not None:
        (folder / "hooks.py").write_text(hooks_text, encoding="utf-8")
    return folder


def test_a_form_without_hooks_gets_the_defaults_that_do_nothing(tmp_path):
    _form_folder(tmp_path, "plain")
    with added_root(Root(tmp_path)):
        own = hooks.of("plain")
        definition = load("plain")
        assert own.coach(definition, None) == {} and own.advise(definition, None) == []
        assert own.derive(definition, "state") == "state"
        assert own.paper(definition, None, False) == "" and own.picture("x") == ""
    assert "plain" not in catalogue()


def test_the_sites_forms_have_the_hooks_their_folders_define():
    assert hooks.of("questions").coach is not hooks.coach
    assert hooks.of("questions").advise is hooks.advise
    assert hooks.of("guests").paper is not hooks.paper
    assert hooks.of("wishes").picture("me").startswith("<svg")
    assert hooks.of("plan").derive is not hooks.derive


def test_a_misspelt_hook_is_refused(tmp_path):
    _form_folder(tmp_path, "misspelt", "def papers(definition, state, blank):\n    return ''\n")
    with added_root(Root(tmp_path)), pytest.raises(ValueError, match="papers"):
        hooks.of("misspelt")


def test_two_forms_of_one_id_are_refused(tmp_path):
    shutil.copytree(VISITS, tmp_path / "questions")
    with added_root(Root(tmp_path)), pytest.raises(ValueError, match="questions"):
        catalogue()


def test_a_folder_named_other_than_its_forms_id_is_refused(tmp_path):
    shutil.copytree(VISITS, tmp_path / "outings")
    with added_root(Root(tmp_path)), pytest.raises(ValueError, match="outings"):
        load("outings")
