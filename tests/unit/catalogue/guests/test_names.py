"""The guest list's names for the other forms (guests/names.py): every guest once, in the list's
order, to pick "who does it" from; those who sign the plan the family first, without the
professionals."""

from forms import draft
from forms.app import start
from forms.catalogue.guests.names import NOT_IN_PRIVATE_TIME, guest_names

GUESTS = (
    {"name": "Lærer Hanne", "circle": "professionals"},
    {"name": "Nabo Jørgen", "circle": "friends"},
    {"name": "  ", "circle": "close"},
    {"name": "Mormor Inge", "circle": "wider"},
    {"name": "Mor Mette", "circle": "close"},
    {"name": "Mor Mette", "circle": "close"},
    {"name": " Far Søren ", "circle": "close"},
)


def _plan_with(guests):
    stored = draft.serialize(
        draft.Draft("da", "2026-11-23", {"guests": draft.FormData(lists={"guests": guests})})
    )
    return start("plan", "da", "2026-11-23", stored)


def test_every_guest_can_be_picked_once_in_the_guest_lists_order():
    state, view = _plan_with(GUESTS)
    everyone = ["Lærer Hanne", "Nabo Jørgen", "Mormor Inge", "Mor Mette", "Far Søren"]
    assert guest_names(state) == everyone
    offered = view.suggestions["guests"]
    for name in everyone:
        assert offered.count(f'<option value="{name}">') == 1
    positions = [offered.index(f'<option value="{name}">') for name in everyone]
    assert positions == sorted(positions)


def test_those_who_sign_are_the_family_nearest_first_and_no_professional():
    state, _ = _plan_with(GUESTS)
    signers = ["Mor Mette", "Far Søren", "Mormor Inge", "Nabo Jørgen"]
    assert guest_names(state, NOT_IN_PRIVATE_TIME, close_first=True) == signers
    assert [item.values["name"] for item in state.items("signers")] == signers


def test_without_a_guest_list_there_are_no_names_and_no_signers_made_up():
    state, _ = start("plan", "da", "2026-11-23")
    assert guest_names(state) == []
    assert all(not item.values.get("name", "").strip() for item in state.items("signers"))
