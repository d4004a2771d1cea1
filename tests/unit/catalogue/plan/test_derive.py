"""What the plan takes from the other forms (plan/derive.py): a section for each of the family's
questions, and the guests who make the plan as those who sign it, the family first."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from support import example_draft
from test_family_size import FAMILY, family
from test_render import TextAndTags

from forms import draft
from forms.app import start, update
from forms.events import FieldChanged, ItemRemoved
from forms.schema import load


def test_the_plan_takes_its_questions_and_signatures_from_the_other_forms():
    stored = example_draft(["questions", "guests"])
    state, view = start("plan", "en", "2026-11-23", stored)
    questions = load("questions").examples["filled"]["questions"]
    assert [item.values["question"] for item in state.items("sections")] == questions
    # Those who sign: the family and network from the guest list, not the professionals, who
    # are not there while the family makes the plan; every guest can be picked as who does it.
    guests = load("guests").examples["filled"]["guests"]
    signers = [guest["name"] for guest in guests if guest["circle"] != "professionals"]
    assert [item.values["name"] for item in state.items("signers")] == signers
    for guest in guests:
        signs = f"<td>{guest['name']}</td>" in view.document
        assert signs == (guest["circle"] != "professionals")
        assert f'<option value="{guest["name"]}">' in view.suggestions["guests"]


def test_the_family_chooses_who_signs_the_plan():
    state, _ = start("plan", "da", "2026-11-23", example_draft(["guests"]))
    first, second = state.items("signers")[:2]
    state, _ = update(state, ItemRemoved("signers", first.uid))
    state, view = update(state, FieldChanged(f"signers/{second.uid}/name", "Morbror Jens"))
    signatures = view.document.split('class="fgc-signatures"')[1]
    assert "<td>Morbror Jens</td>" in signatures
    assert f"<td>{first.values['name']}</td>" not in signatures


def test_what_the_family_already_wrote_is_never_replaced_by_a_derivation():
    stored = json.loads(example_draft(["questions", "plan"]))
    state, _ = start("plan", "da", "2026-11-23", json.dumps(stored))
    plan_questions = [s["question"] for s in load("plan").examples["filled"]["sections"]]
    assert [item.values["question"] for item in state.items("sections")] == plan_questions


names = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), min_size=1, max_size=40)


@settings(max_examples=150, deadline=None)
@given(
    questions=st.lists(names.filter(str.strip), min_size=1, max_size=10),
    guests=st.lists(names.filter(str.strip), max_size=30),
)
def test_any_questions_and_guests_give_a_plan_with_exactly_those_sections_and_signatures(
    questions, guests
):
    stored = draft.serialize(
        draft.Draft(
            "da",
            "2026-11-23",
            {
                "questions": draft.FormData(
                    lists={"questions": tuple({"text": q} for q in questions)}
                ),
                "guests": draft.FormData(
                    lists={"guests": tuple({"name": g, "circle": "close"} for g in guests)}
                ),
            },
        )
    )
    state, view = start("plan", "en", "2026-11-23", stored)
    assert [item.values["question"] for item in state.items("sections")] == [
        q.strip() for q in questions
    ]
    parser = TextAndTags()
    parser.feed(view.document.split('class="fgc-signatures"')[1])
    cells = [text for text in parser.text if text.strip()]
    for guest in guests:
        assert guest.strip() in cells


def test_those_who_sign_start_from_the_family_nearest_first_without_professionals():
    state, _ = start("plan", "da", "2026-12-01", family(["guests"]))
    names = [item.values["name"] for item in state.items("signers")]
    guests = FAMILY["guests"]["guests"]
    close = [g["name"] for g in guests if g["circle"] == "close"]
    assert names[: len(close)] == close
    assert not {g["name"] for g in guests if g["circle"] == "professionals"} & set(names)
    assert len(names) == 12
