"""What one form takes from the others in the draft, so that nothing is typed twice: an empty
field takes a field of the same name in another form (the child's name), the names a field
offers to pick from come from the form that holds them, and a form's own `derive` hook takes
the rest (the plan's questions from "Our questions", the follow-up's actions from the plan)."""

from dataclasses import replace

from forms import hooks
from forms.discovery import catalogue
from forms.schema import FormDefinition, load
from forms.state import FormState, new_items, with_items


def from_other_forms(definition: FormDefinition, state: FormState) -> FormState:
    state = _shared_fields(definition, state)
    return hooks.of(definition.id).derive(definition, state)


def _shared_fields(definition: FormDefinition, state: FormState) -> FormState:
    """An empty field takes the value of a field of the same name in another form."""
    values = dict(state.values)
    for field in definition.fields:
        if values.get(field.name, "").strip():
            continue
        for other in state.others.values():
            if other.values.get(field.name, "").strip():
                values[field.name] = other.values[field.name]
                break
    return replace(state, values=values)


def empty(state: FormState, list_name: str) -> bool:
    """Whether a list of the form holds no answer at all."""
    return not any(
        value.strip() for item in state.items(list_name) for value in item.values.values()
    )


def items_with(definition, state, list_name, texts, field_name) -> FormState:
    """The list filled with one item per text (field `field_name`), replacing the empty items
    but keeping their uids, so the fields already on the page stay the same fields."""
    list_def = definition.list_def(list_name)
    existing = state.items(list_name)[: len(texts)]
    more, next_uid = new_items(list_def, len(texts) - len(existing), state.next_uid)
    items = tuple(
        replace(item, values={field_name: text})
        for item, text in zip((*existing, *more), texts, strict=True)
    )
    return replace(with_items(state, list_name, items), next_uid=next_uid)


def items_from(definition, state, list_name, rows: list[dict]) -> FormState:
    """The list filled with one item per row of values, replacing the empty items but keeping
    their uids; each value cut to its field's length, the rows to the list's size."""
    list_def = definition.list_def(list_name)
    lengths = {field.name: field.max_length for field in list_def.fields}
    rows = [
        {name: value[: lengths[name]] for name, value in row.items() if value and name in lengths}
        for row in rows[: list_def.max_items]
    ]
    existing = state.items(list_name)[: len(rows)]
    more, next_uid = new_items(list_def, len(rows) - len(existing), state.next_uid)
    items = tuple(
        replace(item, values=row) for item, row in zip((*existing, *more), rows, strict=True)
    )
    return replace(with_items(state, list_name, items), next_uid=next_uid)


def names_from(source: str, state: FormState) -> list[str]:
    """The names the form `source` holds for others to pick from ([roles] names in its
    form.toml), in its order, each once; none where the draft has not got that form."""
    list_name, field_name = load(source).roles.names
    data = state.others.get(source)
    names: list[str] = []
    for item in data.lists.get(list_name, ()) if data is not None else ():
        name = item.get(field_name, "").strip()
        if name and name not in names:
            names.append(name)
    return names


def suggestions(definition: FormDefinition, state: FormState) -> dict[str, list[str]]:
    """What a field with `suggestions` offers to pick from: the names of the form it names."""
    sources = {
        field.suggestions
        for list_def in definition.lists
        for fields in (list_def.fields, *(sub.fields for sub in list_def.lists))
        for field in fields
        if field.suggestions
    } | {field.suggestions for field in definition.fields if field.suggestions}
    return {
        source: names_from(source, state)
        for source in sorted(sources)
        if source in catalogue() and load(source).roles.names
    }
