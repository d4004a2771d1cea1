"""The draft file: written and read back unchanged; anything else refused, with a reason."""

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_render import TextAndTags, lines

from forms import draft
from forms.app import start, update
from forms.events import DraftOffered, EverythingDeleted, OfferAccepted, OfferDeclined
from forms.render import render_notice, render_offer
from forms.schema import form_ids, load
from forms.text import Texts, ui, ui_count
from forms.typed_text import FamilyText, cut_to

DRAFTS = Path(__file__).parent.parent / "drafts"
QUESTIONS = load("questions").list_def("questions")
GOOD = json.loads((DRAFTS / "v1.json").read_text())


def refusal(raw, language="da") -> str:
    text = raw if isinstance(raw, str) else json.dumps(raw)
    with pytest.raises(draft.DraftError) as refused:
        draft.parse(text, len(text.encode()), Texts(language, None))
    return str(refused.value)


@pytest.mark.parametrize("path", sorted(DRAFTS.glob("v*.json")), ids=lambda p: p.name)
def test_every_version_of_the_format_still_opens(path):
    opened = draft.parse(path.read_text(), path.stat().st_size, Texts("en", None))
    assert opened.forms["questions"].values["child_name"] == "Emma"


def test_there_is_a_test_file_for_every_version_up_to_the_current_one():
    assert {path.stem for path in DRAFTS.glob("v*.json")} == {
        f"v{n}" for n in range(1, draft.VERSION + 1)
    }


# Texts as a browser lets them be typed: at most the field's length, as a browser counts it.
texts = st.text(st.characters(codec="utf-8"), max_size=QUESTIONS.fields[0].max_length).map(
    lambda text: cut_to(text, QUESTIONS.fields[0].max_length)
)


@settings(max_examples=300, deadline=None)
@given(
    child_name=st.text(max_size=60).map(lambda text: cut_to(text, 60)),
    questions=st.lists(texts, min_size=1, max_size=QUESTIONS.max_items),
    language=st.sampled_from(["da", "en"]),
)
def test_a_saved_draft_opens_with_exactly_what_was_written(child_name, questions, language):
    definition = load("questions")
    state, _ = start("questions", language, "2026-11-23")
    state = draft.with_form_data(
        definition,
        state,
        draft.FormData(
            values={"child_name": child_name},
            lists={"questions": tuple({"text": text} for text in questions)},
        ),
    )
    saved = draft.serialize(
        draft.Draft(language, "2026-11-23", {"questions": draft.form_data(definition, state)})
    )
    reopened, _ = start("questions", "en" if language == "da" else "da", "2026-12-01", saved)
    assert reopened.values["child_name"] == child_name
    reopened_questions = [item.values.get("text", "") for item in reopened.items("questions")]
    if child_name or any(questions):
        assert reopened_questions == questions
    else:  # nothing written, nothing kept: the form opens as new
        assert reopened_questions == [""]


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=30,
)


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_are_read_or_refused_never_a_crash(content):
    text = content.decode(errors="replace")
    try:
        draft.parse(text, len(content), Texts("da", None))
    except draft.DraftError as refused:
        assert str(refused)


@settings(max_examples=500, deadline=None)
@given(forms=json_values, version=st.integers(-3, 3), extra=json_values)
def test_any_json_shaped_like_a_draft_is_read_or_refused_never_a_crash(forms, version, extra):
    for raw in (
        {**GOOD, "forms": forms},
        {**GOOD, "version": version},
        {**GOOD, "forms": {"questions": extra}},
        {**GOOD, "forms": {"questions": {"lists": {"questions": extra}}}},
    ):
        try:
            opened = draft.parse(json.dumps(raw), 100, Texts("en", None))
        except draft.DraftError as refused:
            assert str(refused)
        else:
            assert set(opened.forms) <= set(form_ids())


def test_the_reasons_say_what_is_wrong():
    assert refusal("{ this is not json") == ui("draft_not_json", "da")
    assert refusal(json.dumps(GOOD)[:40]) == ui("draft_truncated", "da")
    assert refusal({"format": "x"}) == ui("draft_not_ours", "da")
    assert refusal({**GOOD, "version": 7}) == ui("draft_newer", "da", version=7)
    assert refusal({**GOOD, "extra": 1}) == ui("draft_unknown_field", "da", name="extra")
    assert refusal({**GOOD, "saved": "i går"}) == ui("draft_bad_value", "da", where="saved")
    assert refusal({**GOOD, "language": "xx"}) == ui("draft_bad_value", "da", where="language")
    wrong_type = {**GOOD, "forms": {"questions": {"values": {"child_name": ["Emma"]}}}}
    assert refusal(wrong_type) == ui(
        "draft_bad_value", "da", where="Vores spørgsmål › Barnets fornavn"
    )


def test_limits_are_explicit_and_named_when_hit():
    many = {**GOOD, "forms": {"questions": {"lists": {"questions": [{}] * 11}}}}
    assert refusal(many, "en") == ui_count(
        "draft_list_too_long",
        11,
        "en",
        max=QUESTIONS.max_items,
        where="Our questions › The questions",
    )
    long_text = {**GOOD, "forms": {"questions": {"lists": {"questions": [{"text": "x" * 501}]}}}}
    assert refusal(long_text, "en") == ui_count(
        "draft_text_too_long", 501, "en", max=500, where="Our questions › Question 1"
    )
    with pytest.raises(draft.DraftError, match="512 kB"):
        draft.parse(None, 10_000_000, Texts("en", None))
    assert draft.MAX_FILE_BYTES == 512_000


def test_a_very_deep_file_is_refused_not_crashed():
    assert refusal("[" * 100_000 + "]" * 100_000) == ui("draft_not_json", "da")


def test_opening_a_file_first_shows_what_it_holds_and_changes_nothing():
    state, _ = start("questions", "da", "2026-11-24")
    text = json.dumps(GOOD)
    offered, view = update(state, DraftOffered(text, len(text)))
    assert "Vores spørgsmål – Barnets fornavn: <bdi>Emma</bdi>; Spørgsmålene: 2" in view.offer
    assert offered.items("questions") == state.items("questions")
    declined, view = update(offered, OfferDeclined())
    assert declined.offer is None and ui("not_opened", "da") in view.notice["html"]
    opened, view = update(offered, OfferAccepted())
    assert view.force is True
    assert [item.values["text"] for item in opened.items("questions")] == [
        q["text"] for q in GOOD["forms"]["questions"]["lists"]["questions"]
    ]


def test_a_refused_file_changes_nothing():
    state, _ = start("questions", "da", "2026-11-24")
    after, view = update(state, DraftOffered("not a draft", 11))
    assert after == state
    assert view.notice["kind"] == "error"


def test_delete_everything_empties_the_form_and_the_draft():
    text = json.dumps(GOOD)
    state, _ = start("questions", "da", "2026-11-24", stored=text)
    state, view = update(state, EverythingDeleted())
    assert json.loads(view.draft)["forms"] == {}
    assert set(view.values.values()) == {""}


def test_an_unreadable_draft_on_the_device_is_reported_and_left_alone():
    _, view = start("questions", "en", "2026-11-24", stored="{broken")
    assert view.notice["kind"] == "error"
    assert 'class="fgc-notice-message fgc-notice-message--error"' in view.notice["html"]
    assert "could not be read" in view.notice["html"]
    assert view.values is None


def test_a_kept_draft_is_written_back_as_it_was_read():
    _, view = start("questions", "da", "2026-11-24", stored=json.dumps(GOOD))
    assert json.loads(view.draft)["forms"] == GOOD["forms"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(max_size=100), max_size=5), st.text(max_size=100))
def test_offers_and_notices_show_any_text_as_text(answers, text):
    summary = [("Label: ", FamilyText(answer)) for answer in answers]
    parser = TextAndTags()
    parser.feed(render_offer(summary, Texts("da", "questions")) + render_notice("error", text))
    assert set(parser.tags) <= {"div", "p", "strong", "ul", "li", "button", "bdi"}
    shown = parser.text_content
    for piece in (*answers, text):
        assert lines(piece) in lines(shown)


def test_a_right_to_left_mark_in_an_answer_cannot_turn_the_sites_words_round():
    reversed_name = json.loads(json.dumps(GOOD))
    reversed_name["forms"]["questions"]["values"]["child_name"] = "\u202eEmma"
    text = json.dumps(reversed_name)
    texts = Texts("en", "questions")
    offer = render_offer(draft.summary_lines(draft.parse(text, len(text), texts), texts), texts)
    assert "The child's first name: <bdi>\u202eEmma</bdi>" in offer.replace("&#x27;", "'")
    counted = [line for line in offer.split("<li>") if "Our questions – " in line]
    assert counted and "<bdi>" not in counted[0].split("The child")[0]


def test_a_time_that_is_not_a_time_is_refused_and_a_right_one_read():
    wrong = {**GOOD, "forms": {"plan": {"values": {"conference_time": "25:99"}}}}
    assert refusal(wrong) == ui("draft_bad_value", "da", where="Vores plan › Klokkeslæt")
    right = {**GOOD, "forms": {"plan": {"values": {"conference_time": "17:30"}}}}
    opened = draft.parse(json.dumps(right), 200, Texts("da", None))
    assert opened.forms["plan"].values["conference_time"] == "17:30"


def test_a_small_file_nested_thousands_deep_is_refused_before_it_is_parsed():
    nested = "[" * 3000 + "]" * 3000
    assert len(nested) == 6000
    assert refusal(nested, "en") == ui("draft_not_json", "en")
    assert refusal(
        {**GOOD, "saved": None, "x": [[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]}
    ) == (ui("draft_not_json", "da"))


def test_brackets_inside_answers_do_not_count_as_nesting():
    with_brackets = json.loads(json.dumps(GOOD))
    with_brackets["forms"]["questions"]["values"]["child_name"] = '[{"\\' * 12
    text = json.dumps(with_brackets)
    opened = draft.parse(text, len(text.encode()), Texts("da", None))
    assert opened.forms["questions"].values["child_name"] == '[{"\\' * 12


def test_a_name_holding_half_a_character_is_refused_with_where():
    broken = json.loads(json.dumps(GOOD))
    broken["forms"]["questions"]["values"]["child_name"] = "Emma\ud800"
    assert refusal(json.dumps(broken), "en") == ui(
        "draft_bad_value", "en", where="Our questions › The child's first name"
    )


def test_a_key_written_twice_is_refused():
    text = json.dumps(GOOD)[:-1] + ', "format": "something-else"}'
    assert refusal(text, "en") == ui("draft_bad_value", "en", where="format")


def test_texts_in_a_file_are_counted_as_a_browser_counts_them():
    emoji = "\U0001f600"
    fits = {**GOOD, "forms": {"questions": {"lists": {"questions": [{"text": emoji * 250}]}}}}
    assert (
        draft.parse(json.dumps(fits), 100, Texts("en", None)).forms["questions"].lists["questions"]
    )
    over = {**GOOD, "forms": {"questions": {"lists": {"questions": [{"text": emoji * 251}]}}}}
    assert refusal(over, "en") == ui_count(
        "draft_text_too_long", 502, "en", max=500, where="Our questions › Question 1"
    )


def _kept(forms: dict, saved: str | None = "2026-12-03") -> str:
    return json.dumps(
        {
            "format": draft.FORMAT,
            "version": draft.VERSION,
            "saved": saved,
            "language": "da",
            "forms": forms,
        }
    )


def test_what_a_kept_draft_holds_is_said_in_a_few_words_before_it_is_deleted():
    questions = {"values": {"child_name": "Emma"}}
    plan = {"values": {}, "lists": {}}
    assert (
        draft.describe(_kept({"questions": questions}), Texts("da", None))
        == "1 skema, gemt 3. december 2026"
    )
    two = _kept({"questions": questions, "guests": {"values": {"child_name": "Emma"}}})
    assert draft.describe(two, Texts("en", None)) == "2 forms, kept 3 December 2026"
    # An empty form is not counted; nothing filled in is said as such.
    assert draft.describe(_kept({"plan": plan}), Texts("da", None)) == "ingen udfyldte skemaer"
    assert draft.describe(None, Texts("en", None)) == "no filled-in forms"
    assert draft.describe("{", Texts("da", None)) == "en kladde, som ikke kan læses"
    assert (
        draft.describe(_kept({"questions": questions}, saved=None), Texts("da", None)) == "1 skema"
    )


def test_a_file_that_is_not_utf8_text_is_refused_and_changes_nothing():
    state, _ = start("questions", "en", "2026-11-24")
    after, view = update(state, DraftOffered(None, 120, not_text=True))
    assert after.offer is None and after.values == state.values
    assert ui("draft_not_json", "en") in view.notice["html"]
