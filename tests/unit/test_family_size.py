"""The forms at a real family's size (the definitions' "family" example: eight close relatives,
six more guests, three questions with two agreements each, a follow-up three months on): what
the family reads back, and what the papers hold."""

import re
from html import unescape

import pytest
from support import example_draft

from forms.app import start, update
from forms.catalogue.plan.paper import BLANK_SIGNATURE_LINES
from forms.document import render_document
from forms.events import (
    FieldChanged,
    ItemAdded,
    ItemClosed,
    ItemOpened,
    StepChosen,
    StepContinued,
)
from forms.schema import CHECK_STEP, load
from forms.text import format_date, pick

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


def _review_blocks(document: str) -> list[str]:
    return [_read(block) for block in document.split('class="fgc-document-item ')[1:]]


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_follow_up_receives_each_agreement_whole_and_the_requests(language):
    state, view = start("followup", language, "2027-04-01", family(["plan"], language))
    reviews = state.items("reviews")
    actions = [(s, a) for s in FAMILY["plan"]["sections"] for a in s["actions"]]
    assert len(reviews) == len(actions) == 6
    blocks = _review_blocks(view.document)
    for review, block, (section, action) in zip(reviews, blocks, actions, strict=False):
        assert review.values["question"] == section["question"]
        for field in ("who", "when", "until", "checker"):
            assert review.values.get(field, "") == action.get(field, "")
        # On paper: the question it answers, when, until when and who keeps an eye on it.
        for text in (section["question"], action["what"], action["when"], action["checker"]):
            assert text in block
        if action.get("until"):
            assert action["until"] in block
    requests = [item.values["text"] for item in state.items("requests")]
    assert requests == [r["text"] for r in FAMILY["plan"]["requests"]]
    for text in requests:
        assert text in _read(view.document)


def test_the_follow_up_keeps_its_own_answers_over_the_plans():
    state, _ = start("followup", "da", "2027-04-01", family(["plan", "followup"]))
    assert [item.values.get("status") for item in state.items("reviews")] == [
        review["status"] for review in FAMILY["followup"]["reviews"]
    ]


@pytest.mark.parametrize("form_id", ["plan", "followup"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_a_follow_up_dated_before_the_conference_gets_a_gentle_word(form_id, language):
    state, _ = start(form_id, language, "2026-12-01", family(["plan"], language))
    message = pick(load(form_id).messages["before_conference"], language).format(
        conference=format_date(FAMILY["plan"]["conference_date"], language)
    )
    state, view = update(state, FieldChanged("followup_date", "2027-04-15"))
    assert message not in str(view.coaching)
    state, view = update(state, FieldChanged("followup_date", "2027-01-02"))
    assert message in _read(view.coaching["followup_date"])
    _, view = update(state, StepChosen(CHECK_STEP))
    assert message in _read(view.summary)


def _signature_rows(document: str, section: str) -> list[str]:
    part = document.split(f'fgc-document-{section}"')[1]
    table = part.split("</table>")[0]
    return [_read(row) for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])]


def test_the_plans_paper_has_the_child_the_family_and_a_line_for_the_caseworkers_approval():
    state, view = start("plan", "da", "2026-12-01", family(["plan"]))
    rows = _signature_rows(view.document, "signatures")
    names = [row for row in rows if row]
    assert names[0] == "Sara"  # the child chose to sign
    assert names[1:3] == ["Maria", "Thomas"]
    assert len(rows) - len(names) >= 4
    approval = _signature_rows(view.document, "approval")
    assert approval == [""]
    assert pick(load("plan").texts["approval_heading"], "da") in view.document
    state, view = update(state, FieldChanged("child_signs", "no"))
    assert "Sara" not in _signature_rows(view.document, "signatures")


def test_the_blank_plan_has_room_for_a_network_meeting_to_sign():
    state, _ = start("plan", "en", "2026-12-01")
    blank = render_document(load("plan"), state, blank=True)
    assert len(_signature_rows(blank, "signatures")) == BLANK_SIGNATURE_LINES >= 12
    assert len(_signature_rows(blank, "approval")) == 1


def test_those_who_sign_start_from_the_family_nearest_first_without_professionals():
    state, _ = start("plan", "da", "2026-12-01", family(["guests"]))
    names = [item.values["name"] for item in state.items("signers")]
    guests = FAMILY["guests"]["guests"]
    close = [g["name"] for g in guests if g["circle"] == "close"]
    assert names[: len(close)] == close
    assert not {g["name"] for g in guests if g["circle"] == "professionals"} & set(names)
    assert len(names) == 12


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
