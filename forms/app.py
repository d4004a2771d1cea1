"""The one entry point: update(state, event) -> (state, view), pure and the same everywhere."""

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, replace

from forms import calendar_file, derive, draft, file_status, folding, hooks, merge, render
from forms.document import render_document, render_summary
from forms.events import (
    CalendarRequested,
    ConflictChosen,
    ConflictsRestored,
    DraftOffered,
    DraftStored,
    Event,
    EverythingDeleted,
    FieldChanged,
    FieldKept,
    FieldsRestored,
    FileSaved,
    ItemAdded,
    ItemClosed,
    ItemMoved,
    ItemOpened,
    ItemRemoved,
    OfferAccepted,
    OfferDeclined,
    StepChosen,
    StepContinued,
)
from forms.schema import CHECK_STEP, FormDefinition, ListDef, load
from forms.state import FormState, initial_state, list_def_at, new_items, with_items
from forms.text import Texts, pick
from forms.typed_text import browser_length, cut_to
from forms.view import NOTHING_SAID, Said, View


@dataclass(frozen=True)
class Outcome:
    """What one event made: the form's new state, what the page is to do or say, and messages
    to show this once under lists or fields ({path: [message]}, beside their coaching)."""

    state: FormState
    said: Said = NOTHING_SAID
    notices: dict = dataclasses.field(default_factory=dict)


def start(
    form_id: str,
    language: str,
    today: str | None,
    stored: str | None = None,
    file_saved: str | None = None,
    contact: dict | None = None,
    step: str | None = None,
) -> tuple[FormState, View]:
    """A form, filled from the draft kept on the device when there is one, and from what the
    other forms in it already say (the plan's questions, the follow-up's actions); with when
    the draft was last saved to a file, as the page kept it; `contact` is whom the site names
    for the family to contact (forms.state.FormState.contact); open at the step the family was
    on (step, as the page remembered it), with a word that their draft was found."""
    definition = load(form_id)
    state = replace(
        initial_state(definition, language, today),
        file_saved=file_status.read(file_saved),
        contact=contact,
    )
    if step in definition.step_ids():
        state = replace(state, step=step)
    texts = state.texts
    if stored is None:
        return state, view(definition, state)
    try:
        kept = draft.parse(stored, len(stored.encode("utf-8", "surrogatepass")), texts)
    except draft.DraftError as refused:
        # Never written over: the page stops keeping here and offers the draft as a file.
        text = texts.ui("stored_unreadable", reason=str(refused))
        notice = {
            "kind": "error",
            "html": render.render_unreadable_notice(text, texts),
        }
        return state, view(definition, state, Said(notice=notice, stored_unreadable=True))
    state = _with_draft(definition, state, kept)
    welcome = None
    if any(not data.is_empty() for data in kept.forms.values()):
        key = "welcome_back_on" if kept.saved else "welcome_back"
        date = texts.date(kept.saved) if kept.saved else ""
        welcome = render.render_notice("done", texts.ui(key, date=date))
    said = Said(values=_all_values(definition, state), welcome=welcome)
    return state, view(definition, state, said)


def update(state: FormState, event: Event) -> tuple[FormState, View]:
    """Apply one event; the view says everything the page should now show."""
    definition = load(state.form_id)
    outcome = _HANDLERS[type(event)](definition, state, event)
    state = outcome.state
    if state.conflicts:
        # Settled by itself: the answer is gone, or both windows now hold the same text.
        paths = _all_values(definition, state)
        state = replace(
            state,
            conflicts=tuple(
                c for c in state.conflicts if c.path in paths and paths[c.path] != c.theirs
            ),
        )
    return state, view(definition, state, outcome.said, outcome.notices)


def _field_changed(definition: FormDefinition, state: FormState, event: FieldChanged) -> Outcome:
    before = _length_messages(definition, state).get(event.path)
    state = _set_value(definition, state, event.path, event.value)
    announce = _limit_reached(before, _length_messages(definition, state).get(event.path))
    return Outcome(state, Said(announce=announce))


def _fields_restored(definition: FormDefinition, state: FormState, event: FieldsRestored):
    for path, value in event.values.items():
        state = _set_value(definition, state, path, value)
    return Outcome(state)


def _step_chosen(definition: FormDefinition, state: FormState, event: StepChosen) -> Outcome:
    if event.step not in definition.step_ids():
        return Outcome(state)
    state = replace(state, step=event.step, errors={})
    if event.quiet:
        # The page shows that step already, with what was typed in it: the focus stays.
        return Outcome(state)
    state = folding.fold_all(definition, state, _step_items(definition, event.step))
    return Outcome(state, Said(focus=render.step_heading_id(event.step)))


def _draft_offered(definition: FormDefinition, state: FormState, event: DraftOffered) -> Outcome:
    try:
        if event.not_text:
            raise draft.DraftError(state.texts.ui("draft_not_json"))
        offered = draft.parse(event.text, event.size, state.texts)
    except draft.DraftError as refused:
        text = state.texts.ui("draft_refused", reason=str(refused))
        return Outcome(replace(state, offer=None), Said(notice=_notice("error", text)))
    offer = render.render_offer(draft.summary_lines(offered, state.texts), state.texts)
    return Outcome(replace(state, offer=offered), Said(offer=offer, focus=render.OFFER_ID))


def _offer_accepted(definition: FormDefinition, state: FormState, event: OfferAccepted):
    if state.offer is None:
        return Outcome(state)
    opened = state.offer
    state = _with_draft(definition, replace(state, offer=None, collapsed=frozenset()), opened)
    state = folding.fold_all(definition, state)
    state = replace(
        state, file_saved=file_status.record(opened.saved, current_draft(definition, state))
    )
    said = Said(
        values=_all_values(definition, state),
        force=True,
        notice=_notice("done", state.texts.ui("opened")),
        focus=render.NOTICE_ID,  # the button that had it is gone with the offer
    )
    return Outcome(state, said)


def _offer_declined(definition: FormDefinition, state: FormState, event: OfferDeclined):
    notice = _notice("done", state.texts.ui("not_opened"))
    return Outcome(replace(state, offer=None), Said(notice=notice, focus=render.NOTICE_ID))


def _file_saved(definition: FormDefinition, state: FormState, event: FileSaved) -> Outcome:
    saved = file_status.record(state.today, current_draft(definition, state))
    return Outcome(replace(state, file_saved=saved))


def _everything_deleted(definition: FormDefinition, state: FormState, event: EverythingDeleted):
    state = replace(initial_state(definition, state.language, state.today), contact=state.contact)
    key = "deleted_elsewhere" if event.elsewhere else "deleted"
    said = Said(
        values=_all_values(definition, state),
        force=True,
        notice=_notice("done", state.texts.ui(key)),
    )
    return Outcome(state, said)


def _calendar_requested(definition: FormDefinition, state: FormState, event: CalendarRequested):
    choices = calendar_file.Choices.read(dict(event.choices))
    return Outcome(state, Said(calendar=_calendar(definition, state, event.now, choices)))


def _conflict_chosen(definition: FormDefinition, state: FormState, event: ConflictChosen):
    if not state.conflicts:
        return Outcome(state)
    return _choose(definition, state, event.keep_ours)


def _calendar(
    definition: FormDefinition, state: FormState, now: str, choices: calendar_file.Choices
) -> dict:
    """The form's dates as a calendar file for the page to save, and what to tell the family."""
    found = calendar_file.meetings(definition, state, choices)
    if not found:
        return {"message": render.render_notice("error", state.texts.ui("calendar_no_dates"))}
    name = calendar_file.file_name(state.texts)
    saved = state.texts.ui(
        "calendar_saved",
        name=name,
        meetings="; ".join(calendar_file.described(m, state.texts) for m in found),
    )
    return {
        "name": name,
        "text": calendar_file.calendar_text(found, now, choices),
        "message": render.render_notice("done", saved),
    }


def view(
    definition: FormDefinition,
    state: FormState,
    said: Said = NOTHING_SAID,
    notices: dict | None = None,
) -> View:
    """The form as it now is, with what the last event said (notices: messages to show this
    once under lists or fields, beside their coaching)."""
    texts = state.texts
    own = hooks.of(definition.id)
    coaching = {**own.coach(definition, state)}
    for path, messages in _length_messages(definition, state).items():
        coaching.setdefault(path, []).extend(messages)
    for path, messages in (notices or {}).items():
        coaching.setdefault(path, []).extend(messages)
    advice = own.advise(definition, state)
    errors = list(state.errors.items())
    now = current_draft(definition, state)
    file_line, unsaved = file_status.status(state.file_saved, now, texts, state.step == CHECK_STEP)
    return View(
        **{part.name: getattr(said, part.name) for part in dataclasses.fields(Said)},
        lists={
            list_def.name: {
                "key": render.structure_key(
                    state.items(list_def.name),
                    folding.folded_in(state, list_def.name),
                    list_def,
                    texts,
                ),
                "html": render.render_items(
                    list_def,
                    list_def.name,
                    state.items(list_def.name),
                    texts,
                    folding.folded_in(state, list_def.name),
                ),
            }
            for list_def in definition.lists
        },
        suggestions={
            source: render.render_suggestions(names)
            for source, names in derive.suggestions(definition, state).items()
        },
        coaching={path: render.render_coaching(messages) for path, messages in coaching.items()},
        errors={path: render.render_messages([m], "fgc-error-message") for path, m in errors},
        error_summary=render.render_error_summary(errors, texts),
        step=state.step,
        summary=render_summary(definition, state, advice),
        document=render_document(definition, state),
        houses=own.drawing(definition, state),
        draft=draft.serialize(now),
        kept=draft.serialize(_kept_draft(definition, state)) if state.conflicts else None,
        conflicts=[
            {"where": list(_where(state, c.path)), "ours": _value_at(definition, state, c.path)}
            for c in state.conflicts
        ],
        file_status=render.render_file_status(file_line),
        file_record=state.file_saved,
        unsaved=unsaved,
        conflict=_conflict_box(definition, state),
    )


def _notice(kind: str, text: str) -> dict:
    return {"kind": kind, "html": render.render_notice(kind, text, render.NOTICE_ID)}


def _with_draft(definition: FormDefinition, state: FormState, kept: draft.Draft) -> FormState:
    own = kept.forms.get(definition.id, draft.FormData())
    others = {form_id: data for form_id, data in kept.forms.items() if form_id != definition.id}
    state = replace(draft.with_form_data(definition, state, own), others=others)
    return derive.from_other_forms(definition, state)


def _fields_by_path(definition: FormDefinition, state: FormState):
    """(path, field, value) for every field of the form, list items included."""
    for field in definition.fields:
        yield field.name, field, state.values.get(field.name, "")

    def walk(list_def: ListDef, list_path: str):
        for item in state.items(list_path):
            for field in list_def.fields:
                path = render.field_path(list_path, item.uid, field.name)
                yield path, field, item.values.get(field.name, "")
            for sub in list_def.lists:
                yield from walk(sub, f"{list_path}/{item.uid}/{sub.name}")

    for list_def in definition.lists:
        yield from walk(list_def, list_def.name)


def _all_values(definition: FormDefinition, state: FormState) -> dict[str, str]:
    """Every field's text by path: what the page sets after a draft is opened or deleted."""
    return {path: value for path, _, value in _fields_by_path(definition, state)}


def current_draft(definition: FormDefinition, state: FormState) -> draft.Draft:
    """The whole draft: this form as it is now, and the other forms as they were read."""
    forms = {**state.others, definition.id: draft.form_data(definition, state)}
    return draft.Draft(language=state.language, saved=state.today, forms=forms)


def _length_messages(definition: FormDefinition, state: FormState) -> dict[str, list[str]]:
    found = {}
    for path, field, value in _fields_by_path(definition, state):
        if field.kind in ("text", "textarea") and browser_length(value) >= field.max_length:
            found[path] = [_too_long(value, field.max_length, state.texts)]
    return found


def _limit_reached(before: list[str] | None, after: list[str] | None) -> str | None:
    """What the status line says when a text has just reached its limit: the field's own
    message, once (the page's limit stops the keys there, silently otherwise)."""
    return after[0] if after and after != before else None


def _too_long(value: str, max_length: int, texts: Texts) -> str:
    length = browser_length(value)
    if length == max_length:
        return texts.ui("at_limit", max=max_length)
    return texts.count("too_long", length, max=max_length)


def _set_value(definition: FormDefinition, state: FormState, path: str, value: str) -> FormState:
    """Store a field's text; a path that names no field of this form is ignored."""
    parts = path.split("/")
    errors = {key: message for key, message in state.errors.items() if key != path}
    if len(parts) == 1:
        field = next((f for f in definition.fields if f.name == parts[0]), None)
        if field is None:
            return state
        value = cut_to(value, field.max_length)
        return replace(state, values={**state.values, parts[0]: value}, errors=errors)
    list_path, uid, name = "/".join(parts[:-2]), parts[-2], parts[-1]
    list_def = list_def_at(definition, list_path)
    field = next((f for f in list_def.fields if f.name == name), None) if list_def else None
    if field is None:
        return state
    # The page's own limit (maxlength) is counted the same way: this only ever cuts what came
    # some other way, so that the draft never holds a text its reader would refuse.
    value = cut_to(value, field.max_length)
    items = state.items(list_path)
    if uid not in {item.uid for item in items}:
        return state
    items = tuple(
        replace(item, values={**item.values, name: value}) if item.uid == uid else item
        for item in items
    )
    return replace(with_items(state, list_path, items), errors=errors)


def _first_field_id(list_def: ListDef, list_path: str, uid: str) -> str:
    return render.element_id(render.field_path(list_path, uid, list_def.fields[0].name))


def _add_item(definition: FormDefinition, state: FormState, event: ItemAdded) -> Outcome:
    list_path = event.list_path
    list_def = list_def_at(definition, list_path)
    if list_def is None or (("/" in list_path) and not _parent_exists(state, list_path)):
        return Outcome(state)
    items = state.items(list_path)
    if len(items) >= list_def.max_items:
        full = state.texts.ui("list_full", max=list_def.max_items)
        return Outcome(state, notices={list_path: [full]})
    added, next_uid = new_items(list_def, 1, state.next_uid)
    items = (*items, *added)
    state = replace(with_items(state, list_path, items), next_uid=next_uid)
    state = folding.fold(definition, state, list_path)
    focus = _first_field_id(list_def, list_path, added[0].uid)
    name = render.item_name(list_def, len(items), state.language)
    announce = state.texts.ui("added", item=_capitalised(name))
    return Outcome(state, Said(focus=focus, announce=announce))


def _parent_exists(state: FormState, list_path: str) -> bool:
    parts = list_path.split("/")
    parent_items = state.items("/".join(parts[:-2]))
    return parts[-2] in {item.uid for item in parent_items}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _remove_item(definition: FormDefinition, state: FormState, event: ItemRemoved) -> Outcome:
    list_def = list_def_at(definition, event.list_path)
    items = state.items(event.list_path) if list_def else ()
    uids = [item.uid for item in items]
    if event.uid not in uids:
        return Outcome(state)
    if len(items) <= list_def.min_items:
        notice = state.texts.ui("list_minimum", min=list_def.min_items)
        return Outcome(state, notices={event.list_path: [notice]})
    index = uids.index(event.uid)
    remaining = tuple(item for item in items if item.uid != event.uid)
    state = folding.unfold(
        with_items(state, event.list_path, remaining), event.list_path, event.uid
    )
    if remaining:
        focus = _first_field_id(list_def, event.list_path, remaining[max(index - 1, 0)].uid)
    else:
        focus = f"b-{event.list_path.replace('/', '-')}-add"
    name = render.item_name(list_def, index + 1, state.language)
    announce = state.texts.ui("removed", item=_capitalised(name))
    return Outcome(state, Said(focus=focus, announce=announce))


def _move_item(definition: FormDefinition, state: FormState, event: ItemMoved) -> Outcome:
    list_def = list_def_at(definition, event.list_path)
    items = list(state.items(event.list_path)) if list_def else []
    uids = [item.uid for item in items]
    if event.uid not in uids:
        return Outcome(state)
    index = uids.index(event.uid)
    target = index + event.offset
    if not 0 <= target < len(items):
        return Outcome(state)
    items[index], items[target] = items[target], items[index]
    state = with_items(state, event.list_path, tuple(items))
    direction = "up" if event.offset < 0 else "down"
    at_edge = target == 0 if direction == "up" else target == len(items) - 1
    # Keep focus on the same button unless it has just become disabled at the end of the list.
    focus_action = ("down" if direction == "up" else "up") if at_edge else direction
    focus = render.button_id(event.list_path, event.uid, focus_action)
    name = render.item_name(list_def, target + 1, state.language)
    announce = state.texts.ui(f"moved_{direction}", item=_capitalised(name))
    return Outcome(state, Said(focus=focus, announce=announce))


def _step_items(definition: FormDefinition, step_id: str) -> set[str]:
    return next((set(step.items) for step in definition.steps if step.id == step_id), set())


def _open_item(definition: FormDefinition, state: FormState, event: ItemOpened) -> Outcome:
    """Open a folded item to change it; the other complete items fold."""
    if event.uid not in {item.uid for item in state.items(event.list_path)}:
        return Outcome(state)
    state = folding.fold(definition, state, event.list_path, keep_open=event.uid)
    state = folding.unfold(state, event.list_path, event.uid)
    list_def = list_def_at(definition, event.list_path)
    return Outcome(state, Said(focus=_first_field_id(list_def, event.list_path, event.uid)))


def _close_item(definition: FormDefinition, state: FormState, event: ItemClosed) -> Outcome:
    """Fold an open item once its required answers are given; else say what is missing."""
    list_def = list_def_at(definition, event.list_path)
    items = state.items(event.list_path) if list_def else ()
    uids = [item.uid for item in items]
    if event.uid not in uids or not list_def.collapsible:
        return Outcome(state)
    item = items[uids.index(event.uid)]
    if not folding.complete(list_def, item):
        prefix = f"{event.list_path}/{event.uid}/"
        missing = {
            path: message
            for path, message in _missing(definition, state, [event.list_path]).items()
            if path.startswith(prefix)
        }
        if not missing:
            missing = _what_an_item_lacks(definition, state, list_def, event.list_path, item)
        state = replace(state, errors={**state.errors, **missing})
        return Outcome(state, Said(focus=render.ERROR_SUMMARY_ID))
    state = replace(state, collapsed=state.collapsed | {folding.key(event.list_path, event.uid)})
    name = render.item_name(list_def, uids.index(event.uid) + 1, state.language)
    announce = state.texts.ui("item_folded", item=_capitalised(name))
    focus = render.button_id(event.list_path, event.uid, "open")
    return Outcome(state, Said(focus=focus, announce=announce))


def _what_an_item_lacks(definition, state, list_def, list_path: str, item) -> dict[str, str]:
    """Where an item with no required answer missing is still unfinished: nothing written yet
    (its first field), or one of its own lists without an answer (a question's agreements)."""
    texts = state.texts
    language = texts.language
    uids = [i.uid for i in state.items(list_path)]
    label = render.item_label(list_def, uids.index(item.uid) + 1, language)
    path = render.field_path(list_path, item.uid, list_def.fields[0].name)
    first = list_def.fields[0]
    needed = pick(first.label, language) if first.label else label
    if folding.has_text(item):
        for sub in list_def.lists:
            children = item.lists.get(sub.name, ())
            if sum(1 for c in children if folding.has_text(c)) < sub.min_items and children:
                sub_path = f"{list_path}/{item.uid}/{sub.name}"
                path = render.field_path(sub_path, children[0].uid, sub.fields[0].name)
                needed = pick(sub.legend, language)
                break
    message = texts.ui("required_text", label=needed)
    return {path: texts.ui("in_item", item=label, message=message)}


def _continue(definition: FormDefinition, state: FormState, event: StepContinued) -> Outcome:
    """Check the step's required answers; go on only when none is missing."""
    steps = definition.step_ids()
    if state.step == CHECK_STEP:
        return Outcome(state)
    step = next(step for step in definition.steps if step.id == state.step)
    errors = _missing(definition, state, step.items)
    if errors:
        state = folding.unfold_errors(state, errors)
        return Outcome(replace(state, errors=errors), Said(focus=render.ERROR_SUMMARY_ID))
    following = steps[steps.index(state.step) + 1]
    entered = _step_items(definition, following)
    state = folding.fold_all(definition, state, set(step.items) | entered)
    state = replace(state, step=following, errors={})
    return Outcome(state, Said(focus=render.step_heading_id(following)))


def _missing(definition: FormDefinition, state: FormState, names) -> dict[str, str]:
    texts = state.texts
    language = texts.language
    missing = {}
    shown = set(names)

    def message(field, label: str) -> str:
        key = "required_choice" if field.kind == "choice" else "required_text"
        return texts.ui(key, label=label)

    for field in definition.fields:
        if field.name in shown and field.required and not state.values.get(field.name, "").strip():
            missing[field.name] = message(field, pick(field.label, language))

    def walk(list_def: ListDef, list_path: str, parent: str | None = None):
        # A nested item says whose it is ("Aftale 1 under spørgsmål 2"): the summary's links
        # are told apart.
        for number, item in enumerate(state.items(list_path), start=1):
            if not _item_has_text(item):
                continue
            item_title = render.item_label(list_def, number, language)
            if parent is not None:
                item_title = texts.ui("item_under", item=item_title, parent=parent)
            for field in list_def.fields:
                if field.required and not item.values.get(field.name, "").strip():
                    path = render.field_path(list_path, item.uid, field.name)
                    label = pick(field.label, language) if field.label else item_title
                    missing[path] = texts.ui(
                        "in_item", item=item_title, message=message(field, label)
                    )
            name = render.full_item_name(list_def, number, texts, parent)
            for sub in list_def.lists:
                walk(sub, f"{list_path}/{item.uid}/{sub.name}", name)

    for list_def in definition.lists:
        if list_def.name in shown:
            walk(list_def, list_def.name)
            items = state.items(list_def.name)
            if list_def.required and items and not any(_item_has_text(i) for i in items):
                path = render.field_path(list_def.name, items[0].uid, list_def.fields[0].name)
                missing[path] = pick(list_def.required, language)
    return missing


def _item_has_text(item) -> bool:
    """An item left completely empty is not an answer to check: it is simply left out."""
    return any(value.strip() for value in item.values.values()) or any(
        _item_has_text(child) for children in item.lists.values() for child in children
    )


# ----- Another window of the same browser stored the draft -----


def _parsed(text: str | None, texts: Texts) -> draft.Draft | None:
    if text is None:
        return None
    try:
        return draft.parse(text, len(text.encode("utf-8", "surrogatepass")), texts)
    except draft.DraftError:
        return None


def _merge_stored(definition: FormDefinition, state: FormState, event: DraftStored) -> Outcome:
    """This window's draft merged with the one another window stored: the fields that changed,
    where to put the focus, and whether the merged draft differs from the stored one."""
    theirs = _parsed(event.text, state.texts)
    if theirs is None:
        return Outcome(state, Said(merged={"store": False, "before": {}}))
    base = _parsed(event.base, state.texts)
    merged, conflicts = merge.merge_drafts(base, current_draft(definition, state), theirs)
    before = _all_values(definition, state)
    own = merged.forms.get(definition.id, draft.FormData())
    others = {form_id: data for form_id, data in merged.forms.items() if form_id != definition.id}
    state = replace(merge.with_merged(definition, state, own), others=others)
    after = _all_values(definition, state)
    changed = {path: value for path, value in after.items() if before.get(path) != value}
    pending = {conflict.path: conflict for conflict in state.conflicts if conflict.path in after}
    new = [
        _Pending(_page_path(state, conflict.where), conflict.ours, conflict.theirs)
        for conflict in conflicts
        if conflict.form_id == definition.id
    ]
    pending.update((conflict.path, conflict) for conflict in new)
    errors = {path: e for path, e in state.errors.items() if path not in changed}
    state = replace(state, conflicts=tuple(pending.values()), errors=errors)
    kept = _kept_draft(definition, state)
    same = replace(kept, language=theirs.language, saved=theirs.saved)
    store = draft.serialize(same) != draft.serialize(theirs)
    # What this window had in each field that changed: where the page holds something else by
    # now (keys on their way), or the family is typing there, the page keeps its own text.
    merged = {"store": store, "before": {path: before.get(path, "") for path in changed}}
    focus = render.CONFLICT_ID if new else None
    return Outcome(state, Said(values=changed, focus=focus, merged=merged))


@dataclass(frozen=True)
class _Pending:
    """An answer both windows changed: its field's path on the page, and the two texts."""

    path: str
    ours: str
    theirs: str


def _page_path(state: FormState, where: tuple) -> str:
    """('questions', 0, 'text') as the page names that field: 'questions/q1/text'."""
    if where[0] == "values":
        return where[1]
    list_path, rest = where[0], where[1:]
    while True:
        uid = state.items(list_path)[rest[0]].uid
        if len(rest) == 2:
            return render.field_path(list_path, uid, rest[1])
        list_path, rest = f"{list_path}/{uid}/{rest[1]}", rest[2:]


def _choose(definition: FormDefinition, state: FormState, keep_ours: bool) -> Outcome:
    first, rest = state.conflicts[0], state.conflicts[1:]
    values = None
    if not keep_ours:
        state = _set_value(definition, state, first.path, first.theirs)
        values = {first.path: first.theirs}
    state = replace(state, conflicts=rest)
    focus = render.CONFLICT_ID if rest else render.element_id(first.path)
    thanks = state.texts.ui("conflict_chosen")
    return Outcome(state, Said(values=values, focus=focus, notice=_notice("done", thanks)))


def _field_label(definition: FormDefinition, state: FormState, path: str) -> str:
    """A field as the family reads its name: 'Spørgsmål 2', 'Aftale 1 › Hvad'."""
    parts = path.split("/")
    if len(parts) == 1:
        return pick(definition.field(path).label, state.language)
    names = []
    for end in range(1, len(parts) - 1, 2):
        list_path = "/".join(parts[:end])
        list_def = list_def_at(definition, list_path)
        uids = [item.uid for item in state.items(list_path)]
        names.append(render.item_label(list_def, uids.index(parts[end]) + 1, state.language))
    field = next(f for f in list_def.fields if f.name == parts[-1])
    if not render.shows_item_label_as_field_label(list_def):
        names.append(pick(field.label, state.language))
    return " › ".join(names)


def _conflict_box(definition: FormDefinition, state: FormState) -> str:
    """The first answer to choose for, with this window's text as it is now (the family may
    have typed on) and the other window's as last stored."""
    if not state.conflicts:
        return ""
    first = state.conflicts[0]
    label = _field_label(definition, state, first.path)
    ours = _value_at(definition, state, first.path)
    return render.render_conflict(label, ours, first.theirs, state.texts)


def _value_at(definition: FormDefinition, state: FormState, path: str) -> str:
    return _all_values(definition, state).get(path, "")


def _kept_draft(definition: FormDefinition, state: FormState) -> draft.Draft:
    """The draft as the device keeps it: the other window's text where the family has still to
    choose."""
    for conflict in state.conflicts:
        state = _set_value(definition, state, conflict.path, conflict.theirs)
    return current_draft(definition, state)


def _where(state: FormState, path: str) -> tuple:
    """'questions/q1/text' by position: ('questions', 0, 'text') (_page_path's inverse)."""
    parts = path.split("/")
    if len(parts) == 1:
        return ("values", path)
    where: list = []
    list_path = parts[0]
    rest = parts[1:]
    while True:
        uids = [item.uid for item in state.items(list_path)]
        where += [list_path.rsplit("/", 1)[-1], uids.index(rest[0])]
        if len(rest) == 2:
            return (*where, rest[1])
        list_path, rest = f"{list_path}/{rest[0]}/{rest[1]}", rest[2:]


def _with_conflict(state: FormState, path: str, ours: str, theirs: str) -> tuple[FormState, bool]:
    """The state with a choice waiting at path (one per field, the newest texts); whether it is
    a new one."""
    others = tuple(c for c in state.conflicts if c.path != path)
    new = len(others) == len(state.conflicts)
    return replace(state, conflicts=(*others, _Pending(path, ours, theirs))), new


def _kept_here(definition: FormDefinition, state: FormState, event: FieldKept) -> Outcome:
    """The page kept the family's own text in a field another window's text came for: that
    text stays, and the other one waits for the family's choice (said, the focus left alone)."""
    state = _set_value(definition, state, event.path, event.value)
    value = _value_at(definition, state, event.path)
    if event.path not in _all_values(definition, state) or value == event.theirs:
        return Outcome(state)
    state, new = _with_conflict(state, event.path, value, event.theirs)
    if not new:
        return Outcome(state)
    label = _field_label(definition, state, event.path)
    return Outcome(state, Said(announce=state.texts.ui("conflict_intro", field=label)))


def _restore_conflicts(definition: FormDefinition, state: FormState, event: ConflictsRestored):
    """After a reload: this tab's own texts put back where the family had not chosen yet, each
    waiting for the choice against the text the device keeps now."""
    values = {}
    for where, ours in event.conflicts:
        try:
            path = _page_path(state, tuple(where))
        except (IndexError, KeyError, TypeError, ValueError):
            continue
        current = _all_values(definition, state).get(path)
        if current is None or current == ours:
            continue
        state = _set_value(definition, state, path, ours)
        state, _ = _with_conflict(state, path, _value_at(definition, state, path), current)
        values[path] = _value_at(definition, state, path)
    return Outcome(state, Said(values=values))


# Each event's handler: what it makes of the form and what the page is to do or say.
_HANDLERS: dict[type, Callable[[FormDefinition, FormState, Event], Outcome]] = {
    FieldChanged: _field_changed,
    FieldsRestored: _fields_restored,
    ItemAdded: _add_item,
    ItemRemoved: _remove_item,
    ItemMoved: _move_item,
    ItemOpened: _open_item,
    ItemClosed: _close_item,
    StepChosen: _step_chosen,
    StepContinued: _continue,
    DraftOffered: _draft_offered,
    OfferAccepted: _offer_accepted,
    OfferDeclined: _offer_declined,
    FileSaved: _file_saved,
    EverythingDeleted: _everything_deleted,
    CalendarRequested: _calendar_requested,
    DraftStored: _merge_stored,
    FieldKept: _kept_here,
    ConflictsRestored: _restore_conflicts,
    ConflictChosen: _conflict_chosen,
}
