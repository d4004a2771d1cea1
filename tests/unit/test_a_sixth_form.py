"""A sixth form that lives only in its folder (tests/fixtures/catalogue/visits/: a child's name,
a list with a list in each item, a date that is a meeting, its own wording of the site's
buttons, a hook for its paper) goes through the whole core once the catalogue is given its
root: it renders every step, prints filled and blank, keeps and merges its draft and makes its
calendar file. No file outside its folder names it."""

import datetime
from dataclasses import replace
from html import escape

import icalendar
import pytest
from support import ROOT, example_draft

from forms.app import current_draft, start, update
from forms.discovery import Root, added_root, catalogue
from forms.document import render_document
from forms.draft import parse, serialize
from forms.events import StepChosen, event_from_dict
from forms.merge import merge_drafts
from forms.render import render_form
from forms.schema import form_ids, in_order, load
from forms.text import Texts, pick, ui

FIXTURES = Root(ROOT / "tests" / "fixtures" / "catalogue")
FORM = "visits"
LANGUAGES = ["da", "en"]


@pytest.fixture
def visits():
    with added_root(FIXTURES):
        yield load(FORM)


def _filled(language):
    state, view = start(FORM, language, "2027-04-01", example_draft([FORM], language))
    return state, view


def test_the_catalogue_takes_the_form_only_while_its_root_is_given(visits):
    assert FORM in form_ids() and in_order()[-1] == FORM
    assert catalogue()[FORM] == FIXTURES
    assert visits.roles.child == "child_name"
    assert [meeting.id for meeting in visits.meetings] == ["visit"]


def test_without_its_root_the_site_has_its_five_forms():
    assert FORM not in form_ids()
    assert in_order() == ["questions", "guests", "wishes", "plan", "followup"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_step_renders_with_the_forms_own_texts(visits, language):
    state, view = _filled(language)
    blank = render_document(visits, state, blank=True)
    html = render_form(visits, state, view.summary, view.document, blank, {})
    for step in visits.steps:
        assert f'data-step-id="{step.id}"' in html
        assert escape(pick(step.title, language)) in html
        state, view = update(state, StepChosen(step=step.id))
        assert view.step == step.id
    # The nested list: each visitor's things, their legend and their add button.
    assert escape(pick(visits.list_def("visitors").sublist("gifts").add, language)) in html
    assert 'value="Kage"' in html and 'value="Moster Ane"' in html
    state, view = update(state, StepChosen(step="check"))
    assert view.step == "check"
    assert "Et brætspil" in view.summary and "Nanna" in view.summary


@pytest.mark.parametrize("language", LANGUAGES)
def test_its_own_wording_reaches_its_list_buttons_and_optional_fields(visits, language):
    state, view = _filled(language)
    html = render_form(visits, state, view.summary, view.document, "", {})
    own_remove = escape(Texts(language, FORM).ui("remove"))
    assert own_remove != escape(ui("remove", language))
    assert own_remove in html  # on the visitors' and their things' remove buttons
    assert escape(Texts(language, FORM).ui("optional")) in html  # "(if you like)" on a list's field
    assert ">" + escape(ui("remove", language)) + "<" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_prints_filled_and_blank(visits, language):
    state, _ = _filled(language)
    filled = render_document(visits, state)
    example = visits.examples["filled"]
    for value in (
        "Nanna",
        example["visit_place"],
        "Moster Ane",
        "Fætter Ole",
        "Kage",
        "En fodbold",
    ):
        assert escape(value) in filled, value
    assert "fgc-visits-thanks" in filled  # its paper hook
    blank = render_document(visits, state, blank=True)
    assert "Nanna" not in blank and "Moster Ane" not in blank
    assert escape(pick(visits.fields[1].label, language)) in blank
    assert "fgc-write-line" in blank and "fgc-visits-thanks" in blank


def test_its_draft_round_trips_and_merges(visits):
    state, _ = _filled("da")
    kept = current_draft(visits, state)
    text = serialize(kept)
    again = parse(text, len(text.encode()), Texts("da", FORM))
    assert again.forms[FORM] == kept.forms[FORM]
    # One window changes the place, another adds a thing to bring: both kept.
    ours_state = replace(state, values={**state.values, "visit_place": "Parken"})
    ours = current_draft(visits, ours_state)
    visitor = state.items("visitors")[0]
    theirs_state, _ = update(
        state, event_from_dict({"type": "item_added", "list": f"visitors/{visitor.uid}/gifts"})
    )
    gift = theirs_state.items("visitors")[0].lists["gifts"][-1]
    path = f"visitors/{visitor.uid}/gifts/{gift.uid}/gift"
    theirs_state, _ = update(
        theirs_state, event_from_dict({"type": "field_changed", "path": path, "value": "Blomster"})
    )
    theirs = current_draft(visits, theirs_state)
    merged, conflicts = merge_drafts(kept, ours, theirs)
    assert conflicts == []
    form = merged.forms[FORM]
    assert form.values["visit_place"] == "Parken"
    gifts = [g.get("gift") for g in form.lists["visitors"][0].get("gifts")]
    assert gifts == ["Kage", "Et brætspil", "Blomster"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_it_makes_its_calendar_file(visits, language):
    state, _ = _filled(language)
    now = "2027-04-01T10:00:00Z"
    _, view = update(state, event_from_dict({"type": "calendar_requested", "now": now}))
    calendar = icalendar.Calendar.from_ical(view.calendar["text"])
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == {"da": "Besøg", "en": "Visit"}[language]
    assert event.decoded("DTSTART") == datetime.date(2027, 5, 9)
    assert str(event["LOCATION"]) == "Mormors have, Åvej 3"
    assert str(event["UID"]).startswith("visit-")
