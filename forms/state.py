"""What a form holds: its fields and its lists of items, as immutable values."""

from dataclasses import dataclass, field

from forms.schema import FormDefinition


@dataclass(frozen=True)
class Item:
    """One entry of a list (a question, a guest, an action); uid stays put when it moves."""

    uid: str
    values: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FormState:
    form_id: str
    language: str
    today: str | None
    values: dict
    lists: dict
    next_uid: int
    # The other forms' answers from the draft (forms.draft.FormData by form id), kept as read.
    others: dict = field(default_factory=dict)
    # A draft from a file, read and waiting for the family to confirm that it should be opened.
    offer: object = None

    def items(self, list_name: str) -> tuple[Item, ...]:
        return self.lists[list_name]


def initial_state(definition: FormDefinition, language: str, today: str | None = None) -> FormState:
    """An empty form: every list holds its minimum number of empty items."""
    lists = {}
    next_uid = 1
    for list_def in definition.lists:
        items = []
        for _ in range(list_def.min_items):
            items.append(Item(uid=f"{list_def.name[0]}{next_uid}"))
            next_uid += 1
        lists[list_def.name] = tuple(items)
    return FormState(
        form_id=definition.id,
        language=language,
        today=today,
        values={},
        lists=lists,
        next_uid=next_uid,
    )
