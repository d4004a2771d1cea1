"""The few lines the Web Worker calls: JSON in, JSON out, the form's state kept between calls."""

import json

from forms.app import start, update
from forms.draft import describe as describe_draft
from forms.events import event_from_dict
from forms.text import Texts

_state = None


def begin(
    form_id: str,
    language: str,
    today: str,
    stored: str | None,
    file_saved: str | None = None,
    contact: str | None = None,
    step: str | None = None,
) -> str:
    """Start the form, from the draft kept on the device if there is one, at the step the
    family was on; the first view. `contact`: the page's local contacts as JSON (made by the
    build), or None."""
    global _state
    contacts = json.loads(contact) if contact else None
    _state, view = start(form_id, language, today, stored, file_saved, contacts, step)
    return json.dumps(view.to_dict())


def handle(message: str) -> str:
    global _state
    _state, view = update(_state, event_from_dict(json.loads(message)))
    return json.dumps(view.to_dict())


def describe(text: str | None, language: str) -> str:
    """What a kept draft holds, in a few words, for the page's question before deleting it,
    as the open form words it."""
    return describe_draft(text, Texts(language, _state.form_id if _state else None))
