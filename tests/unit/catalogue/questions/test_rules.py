"""The gentle coaching on the family's questions, in Danish and English."""

import pytest

from forms.app import start, update
from forms.events import FieldChanged, ItemAdded
from forms.schema import load

MESSAGES = load("questions").messages


def coaching_for(language, *questions, child_name=""):
    state, _ = start("questions", language, "2026-11-23")
    state, _ = update(state, FieldChanged("child_name", child_name))
    for index, text in enumerate(questions):
        if index:
            state, _ = update(state, ItemAdded("questions"))
        uid = state.items("questions")[index].uid
        state, view = update(state, FieldChanged(f"questions/{uid}/text", text))
    return state, view.coaching


def text_of(language, key, **params):
    return MESSAGES[key][language].format(**params)


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("da", "Skal Emma flytte hjem til sin mor igen?"),
        ("da", "kan hun blive boende?"),
        ("en", "Should Noah live with his grandmother?"),
        ("en", "Is she safe at home?"),
    ],
)
def test_a_yes_no_question_gets_a_hint_to_ask_openly(language, question):
    _, coaching = coaching_for(language, question)
    assert text_of(language, "yes_no") in coaching["questions/q1/text"]


@pytest.mark.parametrize(
    ("language", "question"),
    [
        ("da", "Hvordan sikrer vi, at Emma kommer i skole hver dag?"),
        ("en", "How do we make sure that Noah has a safe place to sleep?"),
    ],
)
def test_an_open_question_about_the_child_gets_no_hint(language, question):
    name = "Emma" if language == "da" else "Noah"
    _, coaching = coaching_for(language, question, child_name=name)
    assert coaching == {}


def test_a_question_not_about_the_child_names_the_child_in_the_hint():
    _, coaching = coaching_for(
        "da", "Hvordan får mor og far et bedre samarbejde om alt?", child_name="Emma"
    )
    assert coaching["questions/q1/text"] == (
        f'<p class="fgc-coach-message">{text_of("da", "not_about_named_child", name="Emma")}</p>'
    )


def test_the_childs_name_in_the_possessive_counts_as_about_the_child():
    _, coaching = coaching_for(
        "da", "Hvordan bliver Emmas hverdag i skolen mere rolig?", child_name="Emma"
    )
    assert coaching == {}


def test_a_question_still_being_typed_is_not_judged_on_its_subject():
    _, coaching = coaching_for("en", "How do we")
    assert coaching == {}


def test_a_very_long_question_is_suggested_to_be_split():
    question = "Hvordan kan vi sammen " + "og ".join(["hjælpe barnet i skolen"] * 10) + "?"
    _, coaching = coaching_for("da", question)
    assert "Spørgsmålet er langt (" in coaching["questions/q1/text"]


def test_a_question_written_twice_is_pointed_out_once():
    question = "Hvordan sikrer vi, at Emma kommer i skole hver dag?"
    _, coaching = coaching_for("da", question, question.upper(), child_name="Emma")
    assert "questions/q1/text" not in coaching
    assert text_of("da", "duplicate", n=1) in coaching["questions/q2/text"]


def test_a_danish_question_is_coached_in_english_when_the_form_is_english():
    _, coaching = coaching_for("en", "Skal Emma flytte hjem?")
    assert text_of("en", "yes_no") in coaching["questions/q1/text"]
