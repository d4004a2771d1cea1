"""The guest list's names for the other forms: all of them (to pick "who does it" from, through
[roles] names in form.toml), or those who make the plan, the family first (who sign it)."""

from forms.draft import FormData
from forms.state import FormState

FORM = "guests"

# The guests who are not there while the family makes the plan (the family's private time).
NOT_IN_PRIVATE_TIME = {"professionals"}


# The guest list's circles from the nearest out: those who sign are listed the family first.
CIRCLE_ORDER = ("close", "wider", "friends", "professionals")


def guest_names(
    state: FormState, leave_out: frozenset | set = frozenset(), close_first: bool = False
) -> list[str]:
    """The names on the guest list, in its order (or nearest circle first), each once; those in
    `leave_out`'s circles left out."""
    guests: FormData | None = state.others.get(FORM)
    names: list[str] = []
    items = list(guests.lists.get("guests", ())) if guests is not None else []
    if close_first:
        rank = {circle: n for n, circle in enumerate(CIRCLE_ORDER)}
        items.sort(key=lambda item: rank.get(item.get("circle", ""), len(rank)))
    for item in items:
        name = item.get("name", "").strip()
        if name and name not in names and item.get("circle", "") not in leave_out:
            names.append(name)
    return names
