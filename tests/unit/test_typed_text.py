"""Text counted and mended as a browser hands it over, and never a draft its reader refuses."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from forms import draft, file_status
from forms.app import _fields_by_path, current_draft, start, update
from forms.events import event_from_dict
from forms.schema import form_ids, load
from forms.text import Texts, ui
from forms.typed_text import browser_length, cut_to, is_text, mended

EMOJI = "\U0001f600"


def test_an_emoji_counts_twice_as_a_browser_counts_it():
    assert browser_length("abc") == 3
    assert browser_length(EMOJI * 3) == 6
    assert cut_to(EMOJI * 3, 5) == EMOJI * 2
    assert cut_to("ab" + EMOJI, 3) == "ab"
    assert cut_to("short", 500) == "short"


def test_a_lone_half_of_a_pair_is_mended_and_is_not_text():
    assert not is_text("Emma\ud800")
    assert mended("Emma\ud800") == "Emma\ufffd"
    assert is_text(mended("\udfff x \ud83d"))


def test_600_emoji_typed_in_a_500_character_field_keep_500_and_say_the_limit_is_reached():
    state, _ = start("questions", "en", "2026-12-06")
    state, view = update(
        state,
        event_from_dict({"type": "field_changed", "path": "child_name", "value": EMOJI * 600}),
    )
    limit = load("questions").field("child_name").max_length
    assert browser_length(state.values["child_name"]) == limit
    kept = draft.serialize(current_draft(load("questions"), state))
    assert (
        draft.parse(kept, len(kept.encode()), Texts("en", None))
        .forms["questions"]
        .values["child_name"]
    )
    assert ui("at_limit", "en", max=limit) in json.dumps(view.to_dict(), ensure_ascii=False)


def test_a_lone_surrogate_typed_is_kept_mended_and_the_file_line_still_works():
    state, _ = start("questions", "da", "2026-12-06")
    state, _ = update(
        state,
        event_from_dict({"type": "field_changed", "path": "child_name", "value": "Emma\ud800"}),
    )
    assert state.values["child_name"] == "Emma\ufffd"
    now = current_draft(load("questions"), state)
    assert file_status.status(None, now, Texts("da", "questions"), finished=False)[1] is True


# Any character a browser can hand over: astral ones, and lone halves of a pair.
typed = st.text(
    st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)),
    max_size=700,
)


@settings(max_examples=150, deadline=None)
@given(form_id=st.sampled_from(form_ids()), data=st.data())
def test_whatever_is_typed_the_draft_written_is_a_draft_the_reader_opens(form_id, data):
    definition = load(form_id)
    state, _ = start(form_id, data.draw(st.sampled_from(["da", "en"])), "2026-12-06")
    paths = [
        (path, field)
        for path, field, _ in _fields_by_path(definition, state)
        if field.kind in ("text", "textarea")
    ]
    for path, field in data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=6)):
        text = data.draw(st.one_of(typed, st.just("x" * field.max_length + EMOJI)))
        state, _ = update(
            state, event_from_dict({"type": "field_changed", "path": path, "value": text})
        )
    written = draft.serialize(current_draft(definition, state))
    opened = draft.parse(written, len(written.encode()), Texts("en", None))
    assert json.loads(draft.serialize(opened)) == json.loads(written)
