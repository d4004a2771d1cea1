"""The hooks of "My wishes" (forms/hooks.py): the three houses on the paper and as the child
fills each, and the steps' pictures."""

from forms.catalogue.wishes.paper import houses_section, live_houses
from forms.catalogue.wishes.pictures import picture  # noqa: F401


def paper_opening(definition, state, blank: bool) -> str:
    return houses_section(definition, state, blank)


def drawing(definition, state) -> dict[str, str]:
    return live_houses(definition, state)
