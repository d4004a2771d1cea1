"""Form definitions: the TOML files in definitions/ read into small frozen dataclasses."""

from dataclasses import dataclass
from functools import cache

from forms.text import DEFINITIONS, load_toml

TEXT_KINDS = ("text", "textarea")


@dataclass(frozen=True)
class Field:
    """One thing to fill in; its texts are keyed by language."""

    name: str
    kind: str
    max_length: int
    label: dict | None = None
    hint: dict | None = None
    optional: bool = False
    rows: int = 3
    width: int | None = None


@dataclass(frozen=True)
class ListDef:
    """A list the family can grow, shrink and reorder (questions, guests, actions)."""

    name: str
    min_items: int
    max_items: int
    legend: dict
    hint: dict | None
    item_name: dict
    item_label: dict
    add: dict
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class FormDefinition:
    id: str
    title: dict
    fields: tuple[Field, ...]
    lists: tuple[ListDef, ...]
    texts: dict
    words: dict
    messages: dict
    examples: dict

    def list_def(self, name: str) -> ListDef:
        for list_def in self.lists:
            if list_def.name == name:
                return list_def
        raise KeyError(name)


def _field(raw: dict) -> Field:
    if raw["kind"] not in TEXT_KINDS:
        raise ValueError(f"unknown field kind {raw['kind']!r}")
    return Field(**raw)


def _list(raw: dict) -> ListDef:
    raw = dict(raw)
    fields = tuple(_field(field) for field in raw.pop("fields"))
    raw.setdefault("hint", None)
    return ListDef(fields=fields, **raw)


@cache
def load(form_id: str) -> FormDefinition:
    raw = load_toml(f"{form_id}.toml")
    known = {"id", "title", "fields", "lists", "words", "messages", "examples"}
    return FormDefinition(
        id=raw["id"],
        title=raw["title"],
        fields=tuple(_field(field) for field in raw.get("fields", [])),
        lists=tuple(_list(item) for item in raw.get("lists", [])),
        texts={key: value for key, value in raw.items() if key not in known},
        words=raw.get("words", {}),
        messages=raw.get("messages", {}),
        examples=raw.get("examples", {}),
    )


def form_ids() -> list[str]:
    """Every form defined in definitions/ (each TOML file with an id)."""
    return sorted(path.stem for path in DEFINITIONS.glob("*.toml") if "id" in load_toml(path.name))
