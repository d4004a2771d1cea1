"""The one entry point: update(state, event) -> (state, view), pure and the same everywhere."""

from dataclasses import replace

from forms import draft, render
from forms.events import (
    DraftOffered,
    Event,
    EverythingDeleted,
    FieldChanged,
    FieldsRestored,
    ItemAdded,
    ItemMoved,
    ItemRemoved,
    OfferAccepted,
    OfferDeclined,
)
from forms.rules import COACHES
from forms.schema import FormDefinition, load
from forms.state import FormState, Item, initial_state
from forms.text import ui


def start(
    form_id: str, language: str, today: str | None, stored: str | None = None
) -> tuple[FormState, dict]:
    """A form, filled from the draft kept on the device when there is one."""
    definition = load(form_id)
    state = initial_state(definition, language, today)
    if stored is None:
        return state, view(definition, state)
    try:
        kept = draft.parse(stored, len(stored.encode()), language)
    except draft.DraftError as refused:
        notice = _notice("error", ui("stored_unreadable", language, reason=str(refused)))
        return state, view(definition, state, notice=notice)
    state = _with_draft(definition, state, kept)
    return state, view(definition, state, values=_all_values(definition, state))


def update(state: FormState, event: Event) -> tuple[FormState, dict]:
    """Apply one event; the view says everything the page should now show."""
    definition = load(state.form_id)
    notices: dict[str, list[str]] = {}
    focus = announce = notice = offer = values = None
    force = False
    if isinstance(event, FieldChanged):
        state = _set_value(definition, state, event.path, event.value)
    elif isinstance(event, FieldsRestored):
        for path, value in event.values.items():
            state = _set_value(definition, state, path, value)
    elif isinstance(event, ItemAdded):
        state, focus, announce, notices = _add_item(definition, state, event.list_name)
    elif isinstance(event, ItemRemoved):
        state, focus, announce, notices = _remove_item(definition, state, event)
    elif isinstance(event, ItemMoved):
        state, focus, announce = _move_item(definition, state, event)
    elif isinstance(event, DraftOffered):
        try:
            offered = draft.parse(event.text, event.size, state.language)
        except draft.DraftError as refused:
            state = replace(state, offer=None)
            notice = _notice("error", ui("draft_refused", state.language, reason=str(refused)))
        else:
            state = replace(state, offer=offered)
            offer = render.render_offer(
                draft.summary_lines(offered, state.language), state.language
            )
            focus = render.OFFER_ID
    elif isinstance(event, OfferAccepted) and state.offer is not None:
        state = _with_draft(definition, replace(state, offer=None), state.offer)
        values, force = _all_values(definition, state), True
        notice = _notice("done", ui("opened", state.language))
    elif isinstance(event, OfferDeclined):
        state = replace(state, offer=None)
        notice = _notice("done", ui("not_opened", state.language))
    elif isinstance(event, EverythingDeleted):
        state = initial_state(definition, state.language, state.today)
        values, force = _all_values(definition, state), True
        notice = _notice("done", ui("deleted", state.language))
    return state, view(
        definition,
        state,
        notices=notices,
        focus=focus,
        announce=announce,
        notice=notice,
        offer=offer,
        values=values,
        force=force,
    )


def _notice(kind: str, text: str) -> dict:
    return {"kind": kind, "html": render.render_notice(kind, text)}


def _with_draft(definition: FormDefinition, state: FormState, kept: draft.Draft) -> FormState:
    own = kept.forms.get(definition.id, draft.FormData())
    others = {form_id: data for form_id, data in kept.forms.items() if form_id != definition.id}
    return replace(draft.with_form_data(definition, state, own), others=others)


def _all_values(definition: FormDefinition, state: FormState) -> dict[str, str]:
    """Every field's text by path: what the page sets after a draft is opened or deleted."""
    values = {field.name: state.values.get(field.name, "") for field in definition.fields}
    for list_def in definition.lists:
        for item in state.items(list_def.name):
            for field in list_def.fields:
                path = render.field_path(list_def.name, item.uid, field.name)
                values[path] = item.values.get(field.name, "")
    return values


def current_draft(definition: FormDefinition, state: FormState) -> draft.Draft:
    """The whole draft: this form as it is now, and the other forms as they were read."""
    forms = {**state.others, definition.id: draft.form_data(definition, state)}
    return draft.Draft(language=state.language, saved=state.today, forms=forms)


def view(
    definition: FormDefinition,
    state: FormState,
    notices: dict | None = None,
    focus: str | None = None,
    announce: str | None = None,
    notice: dict | None = None,
    offer: str | None = None,
    values: dict | None = None,
    force: bool = False,
) -> dict:
    coaching = {**COACHES.get(definition.id, _no_coaching)(definition, state)}
    for path, messages in _length_messages(definition, state).items():
        coaching.setdefault(path, []).extend(messages)
    for path, messages in (notices or {}).items():
        coaching.setdefault(path, []).extend(messages)
    return {
        "lists": {
            list_def.name: {
                "key": render.structure_key(state.items(list_def.name)),
                "html": render.render_items(list_def, state.items(list_def.name), state.language),
            }
            for list_def in definition.lists
        },
        "coaching": {path: render.render_coaching(messages) for path, messages in coaching.items()},
        "document": render.render_document(definition, state),
        "focus": focus,
        "announce": announce,
        "notice": notice,
        "offer": offer,
        "values": values,
        "force": force,
        "draft": draft.serialize(current_draft(definition, state)),
    }


def _no_coaching(definition: FormDefinition, state: FormState) -> dict:
    return {}


def _length_messages(definition: FormDefinition, state: FormState) -> dict[str, list[str]]:
    found = {}
    for field in definition.fields:
        value = state.values.get(field.name, "")
        if len(value) >= field.max_length:
            found[field.name] = [_too_long(value, field.max_length, state.language)]
    for list_def in definition.lists:
        for item in state.items(list_def.name):
            for field in list_def.fields:
                value = item.values.get(field.name, "")
                if len(value) >= field.max_length:
                    path = render.field_path(list_def.name, item.uid, field.name)
                    found[path] = [_too_long(value, field.max_length, state.language)]
    return found


def _too_long(value: str, max_length: int, language: str) -> str:
    if len(value) == max_length:
        return ui("at_limit", language, max=max_length)
    return ui("too_long", language, length=len(value), max=max_length)


def _set_value(definition: FormDefinition, state: FormState, path: str, value: str) -> FormState:
    """Store a field's text; a path that names no field of this form is ignored."""
    parts = path.split("/")
    if len(parts) == 1:
        if parts[0] not in {field.name for field in definition.fields}:
            return state
        return replace(state, values={**state.values, parts[0]: value})
    if len(parts) != 3 or parts[0] not in state.lists:
        return state
    list_name, uid, name = parts
    if name not in {field.name for field in definition.list_def(list_name).fields}:
        return state
    items = tuple(
        Item(item.uid, {**item.values, name: value}) if item.uid == uid else item
        for item in state.items(list_name)
    )
    return replace(state, lists={**state.lists, list_name: items})


def _add_item(definition: FormDefinition, state: FormState, list_name: str):
    list_def = definition.list_def(list_name)
    items = state.items(list_name)
    if len(items) >= list_def.max_items:
        return (
            state,
            None,
            None,
            {list_name: [ui("list_full", state.language, max=list_def.max_items)]},
        )
    uid = f"{list_name[0]}{state.next_uid}"
    items = (*items, Item(uid))
    state = replace(state, lists={**state.lists, list_name: items}, next_uid=state.next_uid + 1)
    first_field = list_def.fields[0].name
    focus = render.element_id(render.field_path(list_name, uid, first_field))
    name = render.item_name(list_def, len(items), state.language)
    return state, focus, ui("added", state.language, item=name.capitalize()), {}


def _remove_item(definition: FormDefinition, state: FormState, event: ItemRemoved):
    list_def = definition.list_def(event.list_name)
    items = state.items(event.list_name)
    uids = [item.uid for item in items]
    if event.uid not in uids:
        return state, None, None, {}
    if len(items) <= list_def.min_items:
        notice = ui("list_minimum", state.language, min=list_def.min_items)
        return state, None, None, {event.list_name: [notice]}
    index = uids.index(event.uid)
    remaining = tuple(item for item in items if item.uid != event.uid)
    state = replace(state, lists={**state.lists, event.list_name: remaining})
    neighbour = remaining[max(index - 1, 0)]
    first_field = list_def.fields[0].name
    focus = render.element_id(render.field_path(event.list_name, neighbour.uid, first_field))
    name = render.item_name(list_def, index + 1, state.language)
    return state, focus, ui("removed", state.language, item=name.capitalize()), {}


def _move_item(definition: FormDefinition, state: FormState, event: ItemMoved):
    list_def = definition.list_def(event.list_name)
    items = list(state.items(event.list_name))
    uids = [item.uid for item in items]
    if event.uid not in uids:
        return state, None, None
    index = uids.index(event.uid)
    target = index + event.offset
    if not 0 <= target < len(items):
        return state, None, None
    items[index], items[target] = items[target], items[index]
    state = replace(state, lists={**state.lists, event.list_name: tuple(items)})
    direction = "up" if event.offset < 0 else "down"
    at_edge = target == 0 if direction == "up" else target == len(items) - 1
    # Keep focus on the same button unless it has just become disabled at the end of the list.
    focus_action = ("down" if direction == "up" else "up") if at_edge else direction
    focus = render.button_id(event.list_name, event.uid, focus_action)
    name = render.item_name(list_def, target + 1, state.language)
    announce = ui(f"moved_{direction}", state.language, item=name.capitalize())
    return state, focus, announce
