"""When the draft was last saved to a file, and whether that file still holds what the forms
hold now: the file is the copy that lasts (a browser may clear what a site keeps).

The page keeps the record (on the device only if the family chose to keep things there) and
hands it back at start: {"on": "2026-12-02", "draft": "<fingerprint>"}.
"""

import json
import re
import zlib
from dataclasses import replace

from forms import draft
from forms.text import Texts

ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def fingerprint(kept: draft.Draft) -> str:
    """The same for two drafts that hold the same answers, whatever day they were written (a
    checksum, not a secret: it only tells whether the file still matches)."""
    text = draft.serialize(replace(kept, saved=None)).encode("utf-8", "surrogatepass")
    return f"{zlib.crc32(text):08x}{len(text):x}"


def record(on: str | None, kept: draft.Draft) -> dict:
    return {"on": on, "draft": fingerprint(kept)}


def read(text: str | None) -> dict | None:
    """A record as the page kept it; anything else is no record (the line then says 'not yet')."""
    try:
        raw = json.loads(text) if text else None
    except ValueError:
        return None
    if not isinstance(raw, dict) or not isinstance(raw.get("draft"), str):
        return None
    on = raw.get("on")
    return {"on": on if isinstance(on, str) and ISO_DATE.match(on) else None, "draft": raw["draft"]}


def status(saved: dict | None, now: draft.Draft, texts: Texts, finished: bool) -> tuple[str, bool]:
    """The line the draft box shows (`finished` on the form's last step, check your answers),
    and whether the forms hold answers that no saved file holds. Drawn on every keystroke: the
    answers are checked against the file once."""
    in_file = saved is not None and saved["draft"] == fingerprint(now)
    has_answers = any(not data.is_empty() for data in now.forms.values())
    if saved is None:
        text = texts.ui("file_never")
    else:
        when = texts.date(saved["on"]) if saved["on"] else None
        text = texts.ui("file_saved_on", date=when) if when else texts.ui("file_saved_before")
        if in_file:
            return f"{text} {texts.ui('file_up_to_date')}", False
        text = f"{text} {texts.ui('file_changed_since')}"
    advice = texts.ui("file_save_now" if finished else "file_save_before_meeting")
    return f"{text} {advice}", has_answers and not in_file
