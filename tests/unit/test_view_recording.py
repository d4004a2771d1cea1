"""The JSON the page receives for every form in both languages, over a long sequence of events,
is what it was when tests/unit/view_recording.json was written: a change to how Python builds
its views leaves the page's every key and value as they were. After a change the page is meant
to see, write the record again (`.venv/bin/python tests/unit/view_recording.py`) and read its
diff."""

import json

import pytest
import view_recording

RECORDED = json.loads(view_recording.RECORD.read_text(encoding="utf-8"))
NOW = view_recording.record()


def test_the_record_covers_every_form_in_both_languages():
    assert set(NOW) == set(RECORDED)
    assert len(RECORDED) >= 10


@pytest.mark.parametrize("scenario", sorted(RECORDED))
def test_every_view_the_page_receives_is_as_recorded(scenario):
    recorded, now = RECORDED[scenario], [list(step) for step in NOW[scenario]]
    assert [event for event, _ in now] == [event for event, _ in recorded]
    for (event, keys), (_, recorded_keys) in zip(now, recorded, strict=True):
        assert keys == recorded_keys, event
