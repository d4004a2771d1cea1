"""GOV.UK's "add another" for long lists (guests, the plan's questions, the follow-up's
agreements): an item whose required answers are given folds into a summary row with "change"
and "remove" when the family adds another, says it is done, or goes on to the next step; one
item is open at a time. Which items are folded is part of the form's state, never of the draft."""

from dataclasses import replace

from forms.schema import FormDefinition, ListDef
from forms.state import FormState, Item, list_def_at


def key(list_path: str, uid: str) -> str:
    return f"{list_path}/{uid}"


def has_text(item: Item) -> bool:
    return any(value.strip() for value in item.values.values()) or any(
        has_text(child) for children in item.lists.values() for child in children
    )


def complete(list_def: ListDef, item: Item) -> bool:
    """Whether an item holds an answer and every required one, and each of its own lists as
    many answers as it needs (a question of the plan at least one agreement), all complete."""
    if not has_text(item):
        return False
    if any(f.required and not item.values.get(f.name, "").strip() for f in list_def.fields):
        return False
    for sub in list_def.lists:
        answered = [child for child in item.lists.get(sub.name, ()) if has_text(child)]
        if len(answered) < sub.min_items or not all(complete(sub, c) for c in answered):
            return False
    return True


def fold(definition: FormDefinition, state: FormState, list_path: str, keep_open=None):
    """Every complete item of a folding list folded, but `keep_open` (a uid)."""
    list_def = list_def_at(definition, list_path)
    if list_def is None or not list_def.collapsible:
        return state
    folded = {
        key(list_path, item.uid)
        for item in state.items(list_path)
        if item.uid != keep_open and complete(list_def, item)
    }
    return replace(state, collapsed=state.collapsed | folded)


def fold_all(definition: FormDefinition, state: FormState, names=None) -> FormState:
    """Every item with answers in every folding list (or in the lists named) folded but the
    first one still unfinished, which stays open to go on with: a draft just opened, a step
    left."""
    for list_def in definition.lists:
        if not list_def.collapsible or (names is not None and list_def.name not in names):
            continue
        items = state.items(list_def.name)
        unfinished = next((i.uid for i in items if not complete(list_def, i)), None)
        folded = {key(list_def.name, i.uid) for i in items if has_text(i) and i.uid != unfinished}
        state = replace(state, collapsed=state.collapsed | folded)
    return state


def unfold_errors(state: FormState, paths) -> FormState:
    """The folded items holding a field with an error opened, so the family can reach it."""
    opened = {entry for entry in state.collapsed for path in paths if path.startswith(entry + "/")}
    return replace(state, collapsed=state.collapsed - opened)


def unfold(state: FormState, list_path: str, uid: str) -> FormState:
    return replace(state, collapsed=state.collapsed - {key(list_path, uid)})


def folded_in(state: FormState, list_path: str) -> frozenset:
    """The uids of a list's folded items."""
    prefix = f"{list_path}/"
    return frozenset(
        entry.removeprefix(prefix)
        for entry in state.collapsed
        if entry.startswith(prefix) and "/" not in entry.removeprefix(prefix)
    )
