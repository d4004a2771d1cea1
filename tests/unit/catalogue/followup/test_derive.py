"""What the follow-up takes from the plan (followup/derive.py): each agreement whole, and
the requests."""

import pytest
from support import example_draft
from test_family_size import FAMILY, _read, family

from forms.app import start
from forms.schema import load


def _review_blocks(document: str) -> list[str]:
    return [_read(block) for block in document.split('class="fgc-document-item ')[1:]]


def test_the_follow_up_takes_the_plans_agreements():
    state, _ = start("followup", "da", "2026-11-23", example_draft(["plan"]))
    plan = load("plan").examples["filled"]
    expected = [
        (section["question"], a["what"], a.get("who", ""), a.get("checker", ""))
        for section in plan["sections"]
        for a in section["actions"]
    ]
    fields = ("question", "action", "who", "checker")
    got = [tuple(item.values.get(f, "") for f in fields) for item in state.items("reviews")]
    assert got == expected


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
