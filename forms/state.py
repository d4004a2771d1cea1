"""What a form holds: its fields and its lists of items, as immutable values, and the paths
that name them ('child_name', 'guests/g3/name', 'sections/s1/actions/a4/what')."""

from dataclasses import dataclass, field, replace

from forms.schema import FormDefinition, ListDef
from forms.text import Texts


@dataclass(frozen=True)
class Item:
    """One entry of a list (a question, a guest, an action); uid stays put when it moves."""

    uid: str
    values: dict = field(default_factory=dict)
    lists: dict = field(default_factory=dict)


@dataclass(frozen=True)
class FormState:
    form_id: str
    language: str
    today: str | None
    values: dict
    lists: dict
    next_uid: int
    step: str = ""
    # Errors from the last "continue", by field path; shown until that field is changed.
    errors: dict = field(default_factory=dict)
    # The other forms' answers from the draft (forms.draft.FormData by form id), kept as read.
    others: dict = field(default_factory=dict)
    # A draft from a file, read and waiting for the family to confirm that it should be opened.
    offer: object = None
    # When the draft was last saved to a file, and what it held (forms.file_status).
    file_saved: dict | None = None
    # Answers another window changed too, differently, waiting for the family to choose.
    conflicts: tuple = ()
    # Whom the family can contact, from the site's edition (plain texts in the form's language:
    # whom, phone, email), printed in the footer; None when the site names no one.
    contact: dict | None = None
    # The items folded into a summary row ('guests/g3'), in lists that fold (ListDef.collapsible).
    collapsed: frozenset = frozenset()

    @property
    def texts(self) -> Texts:
        """The site's texts as this form words them, in the form's language."""
        return Texts(self.language, self.form_id)

    def items(self, list_path: str) -> tuple[Item, ...]:
        """The items of a list: 'guests', or a nested one: 'sections/s1/actions'."""
        parts = list_path.split("/")
        items = self.lists.get(parts[0], ())
        for index in range(1, len(parts), 2):
            parent = _find(items, parts[index])
            items = parent.lists.get(parts[index + 1], ()) if parent else ()
        return items


def _find(items, uid: str) -> Item | None:
    for item in items:
        if item.uid == uid:
            return item
    return None


def list_def_at(definition: FormDefinition, list_path: str) -> ListDef | None:
    """The definition of the list a path names, or None when it names none."""
    parts = list_path.split("/")
    if len(parts) % 2 == 0:
        return None
    try:
        list_def = definition.list_def(parts[0])
        for name in parts[2::2]:
            list_def = list_def.sublist(name)
    except KeyError:
        return None
    return list_def


def with_items(state: FormState, list_path: str, items: tuple[Item, ...]) -> FormState:
    """The state with one list's items replaced (a nested list inside its parent item)."""
    parts = list_path.split("/")
    if len(parts) == 1:
        return replace(state, lists={**state.lists, list_path: tuple(items)})
    parent_path, uid, name = "/".join(parts[:-2]), parts[-2], parts[-1]
    parents = tuple(
        replace(item, lists={**item.lists, name: tuple(items)}) if item.uid == uid else item
        for item in state.items(parent_path)
    )
    return with_items(state, parent_path, parents)


def new_items(list_def: ListDef, count: int, next_uid: int) -> tuple[tuple[Item, ...], int]:
    """`count` empty items, each with the minimum of empty items in its own lists."""
    items = []
    for _ in range(count):
        uid = f"{list_def.name[0]}{next_uid}"
        next_uid += 1
        lists = {}
        for sub in list_def.lists:
            lists[sub.name], next_uid = new_items(sub, sub.min_items, next_uid)
        items.append(Item(uid=uid, lists=lists))
    return tuple(items), next_uid


def initial_state(definition: FormDefinition, language: str, today: str | None = None) -> FormState:
    """An empty form at its first step: every list holds its minimum number of empty items."""
    lists = {}
    next_uid = 1
    for list_def in definition.lists:
        lists[list_def.name], next_uid = new_items(list_def, list_def.min_items, next_uid)
    return FormState(
        form_id=definition.id,
        language=language,
        today=today,
        values={},
        lists=lists,
        next_uid=next_uid,
        step=definition.step_ids()[0],
    )
