"""What the page receives from the Web Worker's Python, for every form in both languages, over a
sequence of events (start, typing, items added, removed, moved, opened and closed, continue with
errors, steps chosen, a draft offered, refused, declined and opened, a second window's answers,
a conflict chosen, the calendar, saving, deleting): each view as the JSON the worker sends.

Run as a script to write the record the test compares with (tests/unit/view_recording.json):
    .venv/bin/python tests/unit/view_recording.py
"""

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parents[1]), str(HERE.parent)]

from support import example_draft  # noqa: E402

from forms import app, worker  # noqa: E402
from forms.schema import form_ids, load  # noqa: E402

RECORD = HERE / "view_recording.json"
TODAY = "2026-11-23"
NOW = "2026-11-23T10:04:05.123Z"
CONTACT = json.dumps({"who": "Kommunen", "phone": "12 34 56 78", "tel": "tel:+4512345678"})


def _digest(value) -> str:
    text = json.dumps(value, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _summary(sent: str) -> dict:
    """A view as the page reads it: each key with a digest of its value (the record stays small
    and still says which key changed)."""
    view = json.loads(sent)
    return {key: _digest(value) for key, value in sorted(view.items())}


def _text_field(definition):
    return next(f for f in definition.fields if f.kind in ("text", "textarea"))


def _uids(list_path):
    return [item.uid for item in worker._state.items(list_path)]


def _scenario(form_id: str, language: str) -> list[tuple[str, dict]]:
    definition = load(form_id)
    steps = []

    def begin(label, *args):
        steps.append((label, _summary(worker.begin(form_id, language, TODAY, *args))))

    def send(event: dict):
        sent = worker.handle(json.dumps(event))
        steps.append((json.dumps(event, sort_keys=True), _summary(sent)))
        return json.loads(sent)

    filled = example_draft([form_id], language)
    # Starts: with nothing kept, with a draft kept, with one unreadable, at a step, with contacts.
    begin("begin stored unreadable", "{broken")
    begin("begin at step", None, None, None, definition.step_ids()[1])
    begin("begin stored", filled, f'{{"saved": "{TODAY}"}}', CONTACT)
    begin("begin empty", None)
    field = _text_field(definition)
    send({"type": "fields_restored", "values": {field.name: "Emma"}})
    for other in definition.fields[:6]:
        value = {"date": "2026-12-10", "time": "17:00"}.get(other.kind, "Noah & <b>Ida</b>")
        if other.options:
            value = other.options[0].value
        send({"type": "field_changed", "path": other.name, "value": value})
    send({"type": "field_changed", "path": field.name, "value": "x" * field.max_length})
    send({"type": "field_changed", "path": field.name, "value": "x" * (field.max_length + 1)})
    send({"type": "step_continued"})
    send({"type": "file_saved"})
    for list_def in definition.lists:
        name = list_def.name
        send({"type": "item_added", "list": name})
        send({"type": "item_added", "list": name})
        uids = _uids(name)
        for uid in uids:
            for item_field in list_def.fields[:2]:
                path = f"{name}/{uid}/{item_field.name}"
                value = item_field.options[0].value if item_field.options else f"svar {uid}"
                send({"type": "field_changed", "path": path, "value": value})
        send({"type": "item_moved", "list": name, "uid": uids[-1], "offset": -1})
        send({"type": "item_moved", "list": name, "uid": uids[-1], "offset": 1})
        send({"type": "item_moved", "list": name, "uid": uids[0], "offset": -1})
        send({"type": "item_closed", "list": name, "uid": uids[0]})
        send({"type": "item_opened", "list": name, "uid": uids[0]})
        send({"type": "item_closed", "list": name, "uid": uids[-1]})
        for sub in list_def.lists:
            path = f"{name}/{uids[0]}/{sub.name}"
            send({"type": "item_added", "list": path})
            sub_uids = _uids(path)
            send({"type": "item_removed", "list": path, "uid": sub_uids[-1]})
        send({"type": "item_removed", "list": name, "uid": uids[-1]})
        send({"type": "item_removed", "list": name, "uid": "nobody"})
    for step in definition.step_ids():
        send({"type": "step_chosen", "step": step})
        send({"type": "step_continued"})
    send({"type": "step_chosen", "step": definition.step_ids()[0], "quiet": True})
    send({"type": "step_chosen", "step": "no-such-step"})
    send({"type": "calendar_requested", "now": NOW})
    send({"type": "draft_offered", "text": None, "size": 10, "not_text": True})
    send({"type": "draft_offered", "text": "{broken", "size": 7})
    send({"type": "draft_offered", "text": filled, "size": len(filled.encode())})
    send({"type": "offer_declined"})
    send({"type": "offer_accepted"})
    send({"type": "draft_offered", "text": filled, "size": len(filled.encode())})
    last = send({"type": "offer_accepted"})
    send({"type": "calendar_requested", "now": NOW, "choices": {"reminder": "1"}})
    # A second window: both change the same answer, then the other stores its draft.
    base = last["draft"]
    other, _ = app.start(form_id, language, TODAY, base)
    other, written = app.update(other, app.FieldChanged(field.name, "Derfra"))
    send({"type": "field_changed", "path": field.name, "value": "Herfra"})
    last = send({"type": "draft_stored", "base": base, "text": written.draft})
    send({"type": "field_changed", "path": field.name, "value": "Herfra, nu"})
    send({"type": "field_kept", "path": field.name, "value": "Her", "theirs": "Der"})
    send({"type": "conflicts_restored", "conflicts": last["conflicts"]})
    send({"type": "conflict_ours"})
    send({"type": "conflict_theirs"})
    other, newer = app.update(other, app.FieldChanged(field.name, "Derfra igen"))
    send({"type": "draft_stored", "base": written.draft, "text": newer.draft})
    send({"type": "conflict_theirs"})
    send({"type": "draft_stored", "base": base, "text": "{broken"})
    # Each window changes a different answer: the merged draft is for this window to store.
    last = send({"type": "field_changed", "path": field.name, "value": "Kun herfra"})
    other, _ = app.start(form_id, language, TODAY, last["draft"])
    other, elsewhere = app.update(other, app.FieldChanged(definition.fields[-1].name, "2026-12-11"))
    send({"type": "field_changed", "path": field.name, "value": "Kun herfra, og mere"})
    send({"type": "draft_stored", "base": last["draft"], "text": elsewhere.draft})
    send({"type": "everything_deleted"})
    send({"type": "field_changed", "path": field.name, "value": "Igen"})
    send({"type": "everything_deleted", "elsewhere": True})
    return steps


def record() -> dict:
    return {
        f"{form_id} {language}": _scenario(form_id, language)
        for form_id in form_ids()
        for language in ("da", "en")
    }


def as_json(recorded: dict) -> str:
    """One line a view, so that a difference shows as the lines of the views that differ."""
    scenarios = []
    for name, steps in recorded.items():
        lines = ",\n".join(json.dumps(step, ensure_ascii=False) for step in steps)
        scenarios.append(f"{json.dumps(name)}: [\n{lines}\n]")
    return "{\n" + ",\n".join(scenarios) + "\n}\n"


if __name__ == "__main__":
    RECORD.write_text(as_json(record()), encoding="utf-8")
