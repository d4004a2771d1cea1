"""The few lines the Web Worker calls: JSON in, JSON out, the form's state kept between calls."""

import json

from forms.app import start, update
from forms.events import event_from_dict

_state = None


def begin(form_id: str, language: str, today: str) -> None:
    global _state
    _state, _ = start(form_id, language, today)


def handle(message: str) -> str:
    global _state
    _state, view = update(_state, event_from_dict(json.loads(message)))
    return json.dumps(view)
