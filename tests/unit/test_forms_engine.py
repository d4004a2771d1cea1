"""The guided steps, required answers, nested lists and the forms' examples, on CPython."""

import json
import re
from html import unescape

import pytest
from support import example_draft

from forms import draft
from forms.app import start, update
from forms.document import render_document
from forms.events import FieldChanged, ItemAdded, ItemMoved, ItemRemoved, StepChosen, StepContinued
from forms.schema import CHECK_STEP, form_ids, load
from forms.text import Texts, languages, pick


def test_every_form_starts_at_its_first_step_and_ends_with_checking_the_answers():
    for form_id in form_ids():
        definition = load(form_id)
        state, view = start(form_id, "da", "2026-11-23")
        assert state.step == definition.steps[0].id == view.step
        assert definition.step_ids()[-1] == CHECK_STEP


def test_continue_goes_step_by_step_and_back_returns():
    state, _ = start("guests", "en", "2026-11-23")
    state, view = update(state, StepContinued())
    assert view.step == "people" and view.focus == "step-people-title"
    state, view = update(state, StepContinued())
    assert view.step == CHECK_STEP
    state, view = update(state, StepChosen("child"))
    assert view.step == "child"
    same, _ = update(state, StepChosen("nowhere"))
    assert same == state


def test_a_missing_required_answer_stops_continue_and_says_what_and_where():
    state, _ = start("guests", "da", "2026-11-23")
    state, _ = update(state, StepContinued())
    state, _ = update(state, FieldChanged("guests/g1/relation", "mormor"))
    stopped, view = update(state, StepContinued())
    assert stopped.step == "people"
    assert view.focus == "fgc-error-summary"
    summary = view.error_summary
    assert 'href="#f-guests-g1-name"' in summary and 'href="#f-guests-g1-circle"' in summary
    assert "Gæst 1: Udfyld »Navn«" in summary
    assert view.errors["guests/g1/circle"].startswith('<p class="fgc-error-message">')
    # Filling it in takes that error away at once.
    _, view = update(stopped, FieldChanged("guests/g1/name", "Karen"))
    assert "guests/g1/name" not in view.errors


def test_an_empty_item_is_not_an_answer_to_check():
    state, _ = start("guests", "da", "2026-11-23")
    state, _ = update(state, StepContinued())
    state, view = update(state, StepContinued())
    assert view.step == CHECK_STEP and view.error_summary == ""


def test_nested_lists_grow_move_and_shrink_inside_their_own_item():
    state, _ = start("plan", "da", "2026-11-23")
    section = state.items("sections")[0].uid
    actions = f"sections/{section}/actions"
    first = state.items(actions)[0].uid
    state, view = update(state, ItemAdded(actions))
    second = state.items(actions)[1].uid
    assert view.focus == f"f-sections-{section}-actions-{second}-what"
    state, _ = update(state, FieldChanged(f"{actions}/{second}/what", "Mor ringer"))
    state, view = update(state, ItemMoved(actions, second, -1))
    assert [item.uid for item in state.items(actions)] == [second, first]
    assert view.focus == f"b-sections-{section}-actions-{second}-down"
    state, view = update(state, ItemRemoved(actions, first))
    assert [item.values for item in state.items(actions)] == [{"what": "Mor ringer"}]
    # The outer list is drawn again whenever a list inside one of its items changes.
    assert view.lists["sections"]["key"] == f"{section}[actions({second})]"


def test_a_question_without_agreements_prints_empty_rows_to_write_them_on():
    state, _ = start("plan", "da", "2026-11-23")
    section = state.items("sections")[0].uid
    state, view = update(state, FieldChanged(f"sections/{section}/question", "Hvem henter Emma?"))
    legend = pick(load("plan").list_def("sections").lists[0].legend, "da")
    assert "Hvem henter Emma?" in view.document
    assert legend in view.document
    empty_row = "<tr>" + "<td></td>" * 5 + "</tr>"
    assert view.document.count(empty_row) >= 3
    actions = f"sections/{section}/actions"
    what = f"{actions}/{state.items(actions)[0].uid}/what"
    state, view = update(state, FieldChanged(what, "Mormor henter om fredagen"))
    assert legend in view.document and "Mormor henter om fredagen" in view.document
    assert legend in render_document(load("plan"), state, blank=True)


def _as_read(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


@pytest.mark.parametrize("form_id", form_ids())
@pytest.mark.parametrize("language", list(languages()))
def test_every_forms_example_prints_filled_and_blank(form_id, language):
    definition = load(form_id)
    state, view = start(form_id, language, "2026-11-23", example_draft([form_id]))
    filled = view.document
    blank = render_document(definition, state, blank=True)
    assert pick(definition.texts.get("document_title", definition.title), language) in filled
    assert 'class="fgc-write-line' in blank
    example = definition.examples["filled"]
    for field in definition.fields:
        value = example.get(field.name)
        if value and field.printed and field.kind in ("text", "textarea"):
            # As a reader sees it: a house's words are drawn a line at a time.
            assert value in _as_read(filled)
            assert value not in _as_read(blank)
    for _ in definition.step_ids()[:-1]:
        state, view = update(state, StepContinued())
    assert view.step == CHECK_STEP and view.error_summary == ""


def test_what_the_child_keeps_private_is_never_printed():
    state, view = start("wishes", "da", "2026-11-23")
    state, view = update(state, FieldChanged("private", "Det om far"))
    assert "Det om far" not in view.document
    assert "Det om far" in view.summary


def test_what_the_child_keeps_private_is_never_in_the_draft():
    state, view = start("wishes", "da", "2026-11-23")
    state, view = update(state, FieldChanged("good", "Fodbold"))
    state, view = update(state, FieldChanged("private", "Det om far"))
    assert "Fodbold" in view.draft
    assert "Det om far" not in view.draft
    # A draft that still holds it (kept before it was kept apart) is read without it.
    old = json.loads(view.draft)
    old["forms"]["wishes"]["values"]["private"] = "Det om far"
    state, view = start("wishes", "da", "2026-11-23", json.dumps(old))
    assert state.values["private"] == ""
    assert "Det om far" not in view.draft


def test_another_windows_draft_leaves_the_private_answer_on_the_open_page():
    state, view = start("wishes", "da", "2026-11-23")
    state, view = update(state, FieldChanged("good", "Fodbold"))
    state, view = update(state, FieldChanged("private", "Det om far"))
    opened = draft.parse(view.draft, len(view.draft), Texts("da", None))
    state = draft.with_form_data(load("wishes"), state, opened.forms["wishes"])
    assert state.values["private"] == "Det om far"
