"""Form definitions: the TOML files in definitions/ read into small frozen dataclasses."""

import datetime
from dataclasses import dataclass
from functools import cache

from forms.discovery import catalogue
from forms.text import load_form_toml

FIELD_KINDS = ("text", "textarea", "date", "time", "choice")
DATE_LENGTH = 10  # YYYY-MM-DD
TIME_LENGTH = 5  # HH:MM
# The step every form ends with: the answers to check before printing.
CHECK_STEP = "check"


@dataclass(frozen=True)
class Option:
    value: str
    label: dict


@dataclass(frozen=True)
class Field:
    """One thing to fill in; its texts are keyed by language."""

    name: str
    kind: str
    max_length: int
    label: dict | None = None
    hint: dict | None = None
    required: bool = False
    rows: int = 3
    width: int | None = None
    options: tuple[Option, ...] = ()
    # False for what must stay off paper (the child's "what must not be shared").
    printed: bool = True
    # Names to pick from while typing (forms/derive.py, suggestions()): "guests", the guest list.
    suggestions: str | None = None
    # False for what is never written to the device: not in the kept draft, not in a file, not
    # carried to the next page; it lives in the open page only (the child's private answer).
    kept: bool = True

    def option_label(self, value: str, language: str) -> str:
        for option in self.options:
            if option.value == value:
                return option.label[language]
        return value


# A date or time field's value as the browser's inputs give it: 2026-12-10, 17:30.
_PARSERS = {"date": (datetime.date.fromisoformat, 10), "time": (datetime.time.fromisoformat, 5)}


def well_formed(kind: str, value: str) -> bool:
    """Whether a value fits a field of this kind: a real date or time in the browser's form for
    date and time fields, anything for the others."""
    if kind not in _PARSERS:
        return True
    parse, length = _PARSERS[kind]
    try:
        parse(value)
    except ValueError:
        return False
    return len(value) == length


@dataclass(frozen=True)
class ListDef:
    """A list the family can grow, shrink and reorder (questions, guests, actions); an item
    may hold lists of its own, one level down (a plan's question holds its actions)."""

    name: str
    min_items: int
    max_items: int
    legend: dict
    hint: dict | None
    item_name: dict
    item_label: dict
    add: dict
    fields: tuple[Field, ...]
    lists: tuple["ListDef", ...] = ()
    # "table" prints the items as rows (a guest list); "blocks" as one block each (a plan).
    document_layout: str = "blocks"
    # False for a list the paper shows in its own way (the plan's signers, as signature lines).
    printed: bool = True
    # GOV.UK's "add another": an item with its required answers given folds into a summary
    # row (change, remove) when the family adds another or goes on; one is open at a time.
    collapsible: bool = False
    # The message when the list is left without a single answer (at least one is needed).
    required: dict | None = None

    def sublist(self, name: str) -> "ListDef":
        for list_def in self.lists:
            if list_def.name == name:
                return list_def
        raise KeyError(name)


@dataclass(frozen=True)
class Step:
    """One clear thing to do: a heading, a hint, and the fields and lists it shows."""

    id: str
    title: dict
    items: tuple[str, ...]
    hint: dict | None = None
    # The heading on paper, where it should differ from the step's question on screen.
    document_title: dict | None = None
    # A picture drawn for the step (forms/pictures.py), and whether the step says it can be
    # skipped (the child's form, where most steps can).
    picture: str | None = None
    skippable: bool = False


@dataclass(frozen=True)
class Roles:
    """What the core takes from a form's fields, by the fields' names ([roles] in form.toml)."""

    # The child's name: the paper's header, the calendar's events.
    child: str | None = None
    # Whom the child lets see the page: at the paper's foot.
    may_see: str | None = None
    # The names other forms offer to pick from (a field's `suggestions` names this form):
    # (list, field) of this form.
    names: tuple[str, str] | None = None
    # Fields the form's own drawing shows (its paper_opening and drawing hooks: the child's
    # houses): not printed again among the steps, and their steps make room for the drawing.
    drawn: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingDef:
    """A meeting the form holds, for the calendar file ([[meetings]] in form.toml)."""

    id: str  # in the event's UID, so keep it as it is
    # What names it: the key of a site's text (ui.toml), or the form's own {language: text}.
    name: str | dict
    date: str  # its fields
    place: str | None = None
    time: str | None = None
    hours: int | None = None  # None: as long as the family chooses


@dataclass(frozen=True)
class FormDefinition:
    id: str
    title: dict
    fields: tuple[Field, ...]
    lists: tuple[ListDef, ...]
    steps: tuple[Step, ...]
    texts: dict
    words: dict
    messages: dict
    examples: dict
    # Its place in the booklet, its page's path below a language's address.
    order: int = 0
    page: str = ""
    roles: Roles = Roles()
    meetings: tuple[MeetingDef, ...] = ()

    def role_value(self, role: str, values: dict) -> str:
        """The value, stripped, of the field holding a role ("" where the form has none)."""
        name = getattr(self.roles, role)
        return values.get(name, "").strip() if name else ""

    def list_def(self, name: str) -> ListDef:
        for list_def in self.lists:
            if list_def.name == name:
                return list_def
        raise KeyError(name)

    def field(self, name: str) -> Field:
        for field in self.fields:
            if field.name == name:
                return field
        raise KeyError(name)

    def field_of_list(self, list_name: str, field_name: str) -> Field:
        for field in self.list_def(list_name).fields:
            if field.name == field_name:
                return field
        raise KeyError(field_name)

    def step_ids(self) -> list[str]:
        return [step.id for step in self.steps] + [CHECK_STEP]


def _field(raw: dict) -> Field:
    raw = dict(raw)
    if raw["kind"] not in FIELD_KINDS:
        raise ValueError(f"unknown field kind {raw['kind']!r}")
    options = tuple(Option(o["value"], o["label"]) for o in raw.pop("options", []))
    if raw["kind"] == "choice":
        raw.setdefault("max_length", max((len(o.value) for o in options), default=1))
        if not options:
            raise ValueError(f"choice field {raw['name']!r} has no options")
    if raw["kind"] == "date":
        raw.setdefault("max_length", DATE_LENGTH)
    if raw["kind"] == "time":
        raw.setdefault("max_length", TIME_LENGTH)
    raw.pop("optional", None)
    return Field(options=options, **raw)


def _list(raw: dict, depth: int = 0) -> ListDef:
    raw = dict(raw)
    fields = tuple(_field(field) for field in raw.pop("fields"))
    nested = raw.pop("lists", [])
    if nested and depth > 0:
        raise ValueError(f"list {raw['name']!r}: lists nest one level only")
    raw.setdefault("hint", None)
    raw.setdefault("required", None)
    return ListDef(fields=fields, lists=tuple(_list(item, depth + 1) for item in nested), **raw)


KNOWN_KEYS = {
    *("id", "title", "fields", "lists", "steps", "words", "messages", "examples", "ui"),
    *("order", "page", "roles", "meetings"),
}


@cache
def load(form_id: str) -> FormDefinition:
    raw = load_form_toml(form_id)
    fields = tuple(_field(field) for field in raw.get("fields", []))
    lists = tuple(_list(item) for item in raw.get("lists", []))
    steps = tuple(
        Step(
            id=step["id"],
            title=step["title"],
            items=tuple(step["items"]),
            hint=step.get("hint"),
            document_title=step.get("document_title"),
            picture=step.get("picture"),
            skippable=step.get("skippable", False),
        )
        for step in raw.get("steps", [])
    )
    names = {field.name for field in fields} | {list_def.name for list_def in lists}
    shown = [item for step in steps for item in step.items]
    if sorted(shown) != sorted(names):
        raise ValueError(f"{form_id}: every field and list must be in exactly one step")
    roles = dict(raw.get("roles", {}))
    if "names" in roles:
        roles["names"] = (roles["names"]["list"], roles["names"]["field"])
    roles["drawn"] = tuple(roles.get("drawn", ()))
    meetings = tuple(MeetingDef(**meeting) for meeting in raw.get("meetings", []))
    field_names = {field.name for field in fields}
    named = [roles.get("child"), roles.get("may_see"), *roles["drawn"]]
    named += [name for m in meetings for name in (m.date, m.time, m.place)]
    if unknown := [name for name in named if name and name not in field_names]:
        raise ValueError(f"{form_id}: its roles or meetings name no field of it: {unknown}")
    if raw["id"] != form_id:
        raise ValueError(f"{form_id}: its folder and its id differ ({raw['id']!r})")
    return FormDefinition(
        order=raw.get("order", 0),
        page=raw.get("page", ""),
        roles=Roles(**roles),
        meetings=meetings,
        id=raw["id"],
        title=raw["title"],
        fields=fields,
        lists=lists,
        steps=steps,
        texts={key: value for key, value in raw.items() if key not in KNOWN_KEYS},
        words=raw.get("words", {}),
        messages=raw.get("messages", {}),
        examples=raw.get("examples", {}),
    )


def form_ids() -> list[str]:
    """Every form of the catalogue (forms/discovery.py), by id."""
    return sorted(catalogue())


def in_order() -> list[str]:
    """Every form in the order a family meets them (each form's `order`: the booklet's)."""
    return sorted(form_ids(), key=lambda form_id: (load(form_id).order, form_id))
