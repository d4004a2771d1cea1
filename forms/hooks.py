"""The one small interface between the core and a form's folder: what a form may do beyond
what its form.toml declares. A form's `hooks.py` defines any of these functions; for the others
the core uses the defaults below, which do nothing.

- `coach(definition, state) -> {field path: [hint]}`: hints beside the fields as the family
  types.
- `advise(definition, state) -> [text]`: on "check your answers", what a finished form still
  lacks.
- `derive(definition, state) -> state`: what the form takes from the other forms in the draft
  (after the core's own: an empty field takes a field of the same name elsewhere).
- `paper_opening(definition, state, blank) -> html`: the paper's sections before the steps'
  (the child's three houses).
- `paper(definition, state, blank) -> html`: the paper's sections after the steps' (a network
  map, signature lines).
- `drawing(definition, state) -> {step id: html}`: a drawing the step shows as the family types
  (the house being filled), by the step it is on.
- `picture(name) -> svg`: a step's picture (`picture` in a step), "" for none.
"""

from functools import cache
from types import SimpleNamespace

from forms.discovery import hooks_module


def coach(definition, state) -> dict[str, list[str]]:
    return {}


def advise(definition, state) -> list[str]:
    return []


def derive(definition, state):
    return state


def paper_opening(definition, state, blank: bool) -> str:
    return ""


def paper(definition, state, blank: bool) -> str:
    return ""


def drawing(definition, state) -> dict[str, str]:
    return {}


def picture(name: str) -> str:
    return ""


NAMES = ("coach", "advise", "derive", "paper_opening", "paper", "drawing", "picture")
DEFAULTS = {name: globals()[name] for name in NAMES}


@cache
def of(form_id: str) -> SimpleNamespace:
    """The form's hooks: its own where its hooks.py has them, the defaults for the others."""
    module = hooks_module(form_id)
    own = {name: getattr(module, name) for name in NAMES if hasattr(module, name)}
    if module is not None:
        defined = [
            name
            for name, value in vars(module).items()
            if callable(value) and getattr(value, "__module__", None) == module.__name__
        ]
        if unknown := [name for name in defined if name not in NAMES and name[0] != "_"]:
            raise ValueError(f"{form_id}: its hooks.py defines {', '.join(unknown)}: no hook")
    return SimpleNamespace(**{**DEFAULTS, **own})
