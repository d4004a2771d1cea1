"""What the plan still needs, said kindly (plan/rules.py)."""

import json

from support import example_draft

from forms.app import start, update
from forms.events import FieldChanged
from forms.schema import load
from forms.text import ui


def test_the_plan_says_kindly_what_it_still_needs():
    state, _ = start("plan", "da", "2026-11-23")
    section = state.items("sections")[0].uid
    action = state.items(f"sections/{section}/actions")[0].uid
    state, _ = update(state, FieldChanged(f"sections/{section}/question", "Hvordan?"))
    state, view = update(state, FieldChanged(f"sections/{section}/actions/{action}/what", "Ring"))
    messages = load("plan").messages
    for key, params in (
        ("no_how_we_know", {"section": 1}),
        ("no_backup", {"section": 1}),
        ("action_without_person", {"n": 1, "section": 1}),
        ("action_without_checker", {"n": 1, "section": 1}),
        ("no_followup_date", {}),
    ):
        assert messages[key]["da"].format(**params) in view.summary
    filled = json.loads(example_draft(["plan"]))
    _, view = start("plan", "da", "2026-11-23", json.dumps(filled))
    assert ui("advice_title", "da") not in view.summary
