"""A form's own wording of the site's texts (its [ui] table) reaches every place the form shows
one of them: the buttons of its lists, "(optional)" inside an item, its error summary, its
calendar and calendar file, its file status, a time written out, the help lines, a draft it
refuses. Each test gives the form a [ui] table that words every one of ui.toml's texts its own
way (marked «key·language» in front of ui.toml's text, its placeholders kept) and looks for the
mark where the family would read the text."""

import ast
import html
import re
from pathlib import Path

import icalendar
import pytest
from support import example_draft

from forms import text, worker
from forms.app import start, update
from forms.events import (
    CalendarRequested,
    DraftOffered,
    FieldChanged,
    ItemClosed,
    ItemOpened,
    StepChosen,
    StepContinued,
)
from forms.render import render_form
from forms.schema import load
from forms.text import languages, ui_texts

LANGUAGES = list(languages())
NOW = "2026-11-23T10:04:05.123Z"
FORMS = Path(text.__file__).parent


def mark(key: str, language: str) -> str:
    return f"«{key}·{language}»"


def _own(key: str, texts: dict) -> dict:
    """ui.toml's text for a key with the key's mark in front, in every language (every plural
    category of a text with a count)."""
    worded = {}
    for language, wording in texts.items():
        if isinstance(wording, dict):
            worded[language] = {c: f"{mark(key, language)} {t}" for c, t in wording.items()}
        else:
            worded[language] = f"{mark(key, language)} {wording}"
    return worded


@pytest.fixture
def own_wording(monkeypatch):
    """Every form words every one of the site's texts its own way."""
    table = {key: _own(key, texts) for key, texts in ui_texts().items()}
    monkeypatch.setattr(text, "form_ui_texts", lambda form_id: table)


def said(fragment: str) -> str:
    """HTML as its text: tags gone, entities read."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def assert_worded(found: str, keys, language: str) -> None:
    missing = [key for key in keys if mark(key, language) not in said(found)]
    assert not missing, f"ui.toml's own wording where the form's was due: {missing}"


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_open_items_buttons_and_fields_use_the_forms_wording(own_wording, language):
    state, view = start("guests", language, "2026-11-23", example_draft(["guests"], language))
    # The example's second guest opened: "done", "move up", "move down" and "remove" on it, its
    # fields' names saying which guest they belong to, "(optional)" beside the fields it may
    # leave out.
    second = state.items("guests")[1].uid
    state, view = update(state, ItemOpened("guests", second))
    item = re.search(
        rf'<li class="fgc-item" data-uid="{second}">.*?</li>', view.lists["guests"]["html"]
    )
    assert item, "the guest did not open"
    keys = (
        "item_done",
        "move_up",
        "move_down",
        "remove",
        "item_action",
        "field_of_item",
        "optional",
    )
    assert_worded(item.group(0), keys, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_folded_items_row_uses_the_forms_wording(own_wording, language):
    state, _ = start("guests", language, "2026-11-23", example_draft(["guests"], language))
    first = state.items("guests")[0].uid
    state, view = update(state, ItemClosed("guests", first))
    assert view.announce and mark("item_folded", language) in view.announce
    row = re.search(r'<li class="fgc-item fgc-item--folded".*?</li>', view.lists["guests"]["html"])
    assert row, "the guest was not folded"
    assert_worded(row.group(0), ("change_button", "remove", "item_action"), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_nested_items_names_use_the_forms_wording(own_wording, language):
    _, view = start("plan", language, "2026-11-23", example_draft(["plan"], language))
    sections = view.lists["sections"]["html"]
    # "Agreement 1 of question 2", the agreements' legend and their "add" inside a question.
    assert_worded(sections, ("item_under", "field_of_item", "item_action"), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendars_choices_use_the_forms_wording(own_wording, language):
    definition = load("plan")
    state, view = start("plan", language, "2026-11-23", example_draft(["plan"], language))
    page = render_form(definition, state, view.summary, view.document, "")
    calendar = re.search(r'<div class="fgc-calendar">.*?data-calendar-notice', page)
    assert calendar, "the plan offers no calendar file"
    keys = (
        "calendar_button",
        "calendar_hint",
        "calendar_options",
        "calendar_duration",
        "calendar_hours",
        "calendar_zone",
        "calendar_zone_denmark",
        "calendar_zone_greenland",
        "calendar_reminder",
        "calendar_neutral",
    )
    assert_worded(calendar.group(0), keys, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_calendar_file_uses_the_forms_wording(own_wording, language):
    state, _ = start("plan", language, "2026-11-23", example_draft(["plan"], language))
    _, view = update(state, CalendarRequested(now=NOW))
    assert mark("calendar_file_name", language) in view.calendar["name"]
    # The meetings as the notice tells them: a time written out ("kl. 17.00").
    assert_worded(view.calendar["message"], ("calendar_saved", "time_format"), language)
    events = icalendar.Calendar.from_ical(view.calendar["text"]).walk("VEVENT")
    titles = {str(event["SUMMARY"]) for event in events}
    assert any(mark("calendar_conference", language) in title for title in titles)
    _, view = update(state, CalendarRequested(now=NOW, choices=(("neutral", True),)))
    events = icalendar.Calendar.from_ical(view.calendar["text"]).walk("VEVENT")
    assert all(mark("calendar_neutral_title", language) in str(e["SUMMARY"]) for e in events)
    empty, _ = start("plan", language, "2026-11-23")
    _, view = update(empty, CalendarRequested(now=NOW))
    assert_worded(view.calendar["message"], ("calendar_no_dates",), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_error_summary_uses_the_forms_wording(own_wording, language):
    state, _ = start("guests", language, "2026-11-23", example_draft(["guests"], language))
    state, _ = update(state, StepChosen("people"))
    first = state.items("guests")[0].uid
    state, view = update(state, FieldChanged(f"guests/{first}/name", ""))
    state, view = update(state, StepContinued())
    assert view.error_summary, "nothing was missing"
    keys = ("error_summary_title", "in_item", "required_text")
    assert_worded(view.error_summary, keys, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_time_written_out_uses_the_forms_wording(own_wording, language):
    state, view = start("plan", language, "2026-11-23", example_draft(["plan"], language))
    assert state.values.get("conference_time"), "the example holds no time"
    assert_worded(view.document, ("time_format",), language)
    assert_worded(view.summary, ("time_format",), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_help_lines_use_the_forms_wording(own_wording, language):
    definition = load("wishes")
    state, view = start("wishes", language, "2026-11-23")
    page = render_form(definition, state, view.summary, view.document, "")
    keys = (
        "private_help_title",
        "private_help_denmark",
        "private_help_greenland",
        "private_help_danger",
    )
    assert_worded(page, keys, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_file_status_uses_the_forms_wording(own_wording, language):
    _, view = start("guests", language, "2026-11-23", example_draft(["guests"], language))
    assert_worded(view.file_status, ("file_never", "file_save_before_meeting"), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_refused_or_offered_draft_uses_the_forms_wording(own_wording, language):
    state, _ = start("guests", language, "2026-11-23")
    _, view = update(state, DraftOffered(text=None, size=10, not_text=True))
    assert_worded(view.notice["html"], ("draft_refused", "draft_not_json"), language)
    _, view = update(state, DraftOffered(text="{ not a draft", size=13))
    assert_worded(view.notice["html"], ("draft_refused", "draft_not_json"), language)
    offered = example_draft(["guests"], language)
    _, view = update(state, DraftOffered(text=offered, size=len(offered.encode())))
    assert_worded(view.offer, ("offer_intro", "draft_saved_on"), language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_what_a_kept_draft_holds_is_told_in_the_forms_wording(own_wording, language):
    worker.begin("guests", language, "2026-11-23", None)
    assert mark("kept_nothing", language) in worker.describe(None, language)
    assert mark("kept_forms", language) in worker.describe(example_draft(["guests"]), language)


def test_the_forms_code_asks_for_no_text_without_its_form():
    """Only forms/text.py knows the site's texts without a form (ui, ui_count): everything else
    in forms/ is handed a Texts bound to its form, and cannot leave the form out."""
    site_only = {"ui", "ui_count", "_ui_text", "ui_texts"}
    found = []
    for path in sorted(FORMS.rglob("*.py")):
        if path.name == "text.py" and path.parent == FORMS:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module == "forms.text":
                found += [f"{path.name}: {a.name}" for a in node.names if a.name in site_only]
            elif isinstance(node, ast.Attribute) and node.attr in site_only - {"ui"}:
                found.append(f"{path.name}: .{node.attr}")
    assert not found
