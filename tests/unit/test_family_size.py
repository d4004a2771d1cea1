"""The forms at a real family's size (the definitions' "family" example: eight close relatives,
six more guests, three questions with two agreements each, a follow-up three months on): what
the family reads back, and what the papers hold."""

import re
from html import unescape

import pytest
from support import example_draft

from forms.app import start, update
from forms.events import (
    FieldChanged,
    ItemAdded,
    ItemClosed,
    ItemOpened,
    StepChosen,
    StepContinued,
)
from forms.schema import CHECK_STEP, load
from forms.text import pick

FAMILY = {form_id: load(form_id).examples["family"] for form_id in ("guests", "plan", "followup")}


def family(form_ids, language="da"):
    return example_draft(form_ids, language, example="family")


def _read(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def _summary_entries(summary: str) -> list[str]:
    """Each list item's own line (an item's own list, nested in it, left out)."""
    return [_read(re.split(r"</li>|<ul", part)[0]) for part in summary.split("<li>")[1:]]


@pytest.mark.parametrize("language", ["da", "en"])
def test_check_your_answers_shows_every_guest_on_a_line_of_its_own(language):
    state, _ = start("guests", language, "2026-12-01", family(["guests"], language))
    state, view = update(state, StepChosen(CHECK_STEP))
    entries = _summary_entries(view.summary)
    guests = FAMILY["guests"]["guests"]
    assert len(guests) == 14
    circle = load("guests").field_of_list("guests", "circle")
    for guest in guests:
        line = f"{guest['name']} – {circle.option_label(guest['circle'], language)}"
        assert any(entry.startswith(line) for entry in entries), line
    assert "(+" not in view.summary


def test_check_your_answers_shows_each_question_and_each_agreement_apart():
    state, _ = start("plan", "da", "2026-12-01", family(["plan"]))
    _, view = update(state, StepChosen(CHECK_STEP))
    entries = _summary_entries(view.summary)
    for section in FAMILY["plan"]["sections"]:
        # The question whole, not cut and not joined to the next one with a comma.
        assert any(entry.startswith(section["question"]) for entry in entries)
        for action in section["actions"]:
            assert any(entry.startswith(action["what"]) for entry in entries)
    for request in FAMILY["plan"]["requests"]:
        assert request["text"] in entries


# ----- Long lists: one item open at a time, the finished ones as summary rows -----


def _lis(html: str) -> list[str]:
    return re.findall(r'<li class="(fgc-item[^"]*)" data-uid="([^"]+)"', html)


def _guests_step(language="da"):
    state, _ = start("guests", language, "2026-12-01", family(["guests"], language))
    return update(state, StepChosen("people"))


def test_finished_guests_are_summary_rows_with_change_and_remove():
    _, view = _guests_step()
    html = view.lists["guests"]["html"]
    rows = _lis(html)
    assert len(rows) == 14 and all(kind == "fgc-item fgc-item--folded" for kind, _ in rows)
    assert 'data-field=""' not in html  # no field is open
    summary = _read(html)
    assert "Gæst 3 Mormor Karen – Nær familie – mormor" in summary
    assert summary.count("Ændr") == 14 and summary.count("Fjern") == 14


def test_adding_a_guest_opens_only_the_new_one_and_change_opens_one_again():
    state, _ = _guests_step()
    state, view = update(state, ItemAdded("guests"))
    rows = _lis(view.lists["guests"]["html"])
    assert [kind for kind, _ in rows].count("fgc-item") == 1 and rows[-1][0] == "fgc-item"
    new = rows[-1][1]
    assert view.focus == f"f-guests-{new}-name"
    # "Done" with nothing written says what is missing, and folds nothing.
    state, view = update(state, ItemClosed("guests", new))
    assert view.focus == "fgc-error-summary" and f"f-guests-{new}-name" in view.error_summary
    state, _ = update(state, FieldChanged(f"guests/{new}/name", "Naja"))
    state, _ = update(state, FieldChanged(f"guests/{new}/circle", "friends"))
    state, view = update(state, ItemClosed("guests", new))
    assert view.focus == f"b-guests-{new}-open"
    assert all(kind.endswith("--folded") for kind, _ in _lis(view.lists["guests"]["html"]))
    third = rows[2][1]
    state, view = update(state, ItemOpened("guests", third))
    assert view.focus == f"f-guests-{third}-name"
    opened = [uid for kind, uid in _lis(view.lists["guests"]["html"]) if kind == "fgc-item"]
    assert opened == [third]
    # What was typed is all still there, folded or not.
    assert [i.values["name"] for i in state.items("guests")][-1] == "Naja"


def test_an_error_in_a_folded_item_opens_it_so_the_family_can_reach_it():
    state, _ = _guests_step()
    third = state.items("guests")[2].uid
    state, _ = update(state, FieldChanged(f"guests/{third}/circle", ""))
    state, view = update(state, StepContinued())
    assert view.step == "people"
    assert (("fgc-item", third)) in _lis(view.lists["guests"]["html"])
    assert f"f-guests-{third}-circle" in view.error_summary


def test_the_plan_takes_one_question_at_a_time():
    state, _ = start("plan", "da", "2026-12-01", family(["questions"]))
    state, view = update(state, StepChosen("sections"))
    rows = [row for row in _lis(view.lists["sections"]["html"]) if row[1].startswith("s")]
    assert [kind for kind, _ in rows] == [
        "fgc-item",
        "fgc-item fgc-item--folded",
        "fgc-item fgc-item--folded",
    ]
    # The long hint of the question is there once, not under every question.
    hint = pick(load("plan").list_def("sections").fields[0].hint, "da")
    assert view.lists["sections"]["html"].count(hint[:40]) == 1


def test_at_least_one_question_is_needed_and_a_lone_question_has_no_buttons_that_cannot_act():
    state, view = start("questions", "en", "2026-12-01")
    assert "(optional)" not in view.lists["questions"]["html"]
    assert "<button" not in view.lists["questions"]["html"]
    state, _ = update(state, StepContinued())
    stopped, view = update(state, StepContinued())
    assert stopped.step == "questions"
    assert pick(load("questions").list_def("questions").required, "en") in view.error_summary
    first = state.items("questions")[0].uid
    state, _ = update(
        stopped, FieldChanged(f"questions/{first}/text", "How does Noah sleep safely?")
    )
    state, view = update(state, ItemAdded("questions"))
    html = view.lists["questions"]["html"]
    # Two questions: the first can move down, the second up, each can go; nothing greyed out.
    assert "disabled" not in html
    assert html.count('data-action="item_moved"') == 2 and html.count("item_removed") == 2
    state, view = update(state, StepContinued())
    assert view.step == CHECK_STEP


def test_done_on_a_question_without_agreements_says_the_agreements_are_missing():
    state, _ = start("plan", "da", "2026-12-01", family(["questions"]))
    state, _ = update(state, StepChosen("sections"))
    first = state.items("sections")[0]
    state, view = update(state, ItemClosed("sections", first.uid))
    action = first.lists["actions"][0].uid
    assert f"f-sections-{first.uid}-actions-{action}-what" in view.error_summary
    assert "Spørgsmål 1: Udfyld »Aftaler«" in _read(view.error_summary)
    state, _ = update(state, FieldChanged(f"sections/{first.uid}/actions/{action}/what", "Mor"))
    state, view = update(state, ItemClosed("sections", first.uid))
    assert view.focus == f"b-sections-{first.uid}-open"
