"""The line in the draft box that says when the draft was last saved to a file."""

import json

from support import example_draft

from forms.app import start, update
from forms.events import EverythingDeleted, FieldChanged, FileSaved, event_from_dict
from forms.text import ui


def line(view) -> str:
    return view.file_status


def test_a_new_draft_was_never_saved_to_a_file():
    _, view = start("questions", "da", "2026-12-02")
    assert ui("file_never", "da") in line(view)
    assert ui("file_save_before_meeting", "da") in line(view)
    assert view.file_record is None


def test_saving_records_the_day_and_then_says_whether_the_file_still_holds_everything():
    state, _ = start("questions", "en", "2026-12-02")
    state, _ = update(state, FieldChanged("child_name", "Emma"))
    state, view = update(state, event_from_dict({"type": "file_saved"}))
    assert ui("file_saved_on", "en", date="2 December 2026") in line(view)
    assert ui("file_up_to_date", "en") in line(view)
    state, view = update(state, FieldChanged("child_name", "Emma Sofie"))
    assert ui("file_changed_since", "en") in line(view)
    # Written back as it was: the file holds it again.
    state, view = update(state, FieldChanged("child_name", "Emma"))
    assert ui("file_up_to_date", "en") in line(view)


def test_the_record_kept_on_the_device_is_read_back_at_start_and_a_broken_one_is_ignored():
    state, _ = start("questions", "da", "2026-11-30")
    state, view = update(state, FileSaved())
    kept = json.dumps(view.file_record)
    _, later = start("questions", "da", "2026-12-02", view.draft, kept)
    assert ui("file_saved_on", "da", date="30. november 2026") in line(later)
    assert ui("file_up_to_date", "da") in line(later)
    for broken in ("{", "[]", '{"on": "<b>", "draft": 3}', '{"on": "i går", "draft": "x"}'):
        _, view = start("questions", "da", "2026-12-02", None, broken)
        assert "<b>" not in line(view)
        assert ui("file_never", "da") in line(view) or ui("file_saved_before", "da") in line(view)


def test_opening_a_file_takes_its_day_and_deleting_everything_forgets_it():
    state, _ = start("questions", "da", "2026-12-02")
    text = example_draft()
    state, _ = update(state, event_from_dict({"type": "draft_offered", "text": text, "size": 9}))
    state, view = update(state, event_from_dict({"type": "offer_accepted"}))
    saved_on = json.loads(text)["saved"]
    assert view.file_record["on"] == saved_on
    assert ui("file_up_to_date", "da") in line(view)
    state, view = update(state, EverythingDeleted())
    assert view.file_record is None
    assert ui("file_never", "da") in line(view)


def test_on_the_last_step_it_asks_for_a_file_now():
    state, _ = start("questions", "da", "2026-12-02")
    state, view = update(state, event_from_dict({"type": "step_chosen", "step": "check"}))
    assert ui("file_save_now", "da") in line(view)


def test_answers_are_unsaved_until_a_file_holds_them():
    state, view = start("questions", "da", "2026-12-02")
    assert view.unsaved is False
    state, view = update(state, FieldChanged("child_name", "Emma"))
    assert view.unsaved is True
    state, view = update(state, FileSaved())
    assert view.unsaved is False
    state, view = update(state, FieldChanged("child_name", "Emma S"))
    assert view.unsaved is True


def test_a_quiet_step_choice_keeps_the_focus_where_it_is():
    state, _ = start("questions", "da", "2026-12-02")
    state, view = update(
        state, event_from_dict({"type": "step_chosen", "step": "questions", "quiet": True})
    )
    assert view.step == "questions" and view.focus is None
    state, view = update(state, event_from_dict({"type": "step_chosen", "step": "child"}))
    assert view.focus is not None
