"""What one form takes from the others in the draft, so that nothing is typed twice: the child's
name, the plan's questions from "Our questions", the follow-up's actions from the plan."""

from dataclasses import replace

from forms.draft import FormData
from forms.schema import FormDefinition
from forms.state import FormState, new_items, with_items


def from_other_forms(definition: FormDefinition, state: FormState) -> FormState:
    state = _shared_fields(definition, state)
    derive = DERIVATIONS.get(definition.id)
    return derive(definition, state) if derive else state


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


def _empty(state: FormState, list_name: str) -> bool:
    return not any(
        value.strip() for item in state.items(list_name) for value in item.values.values()
    )


def _items_with(definition, state, list_name, texts, field_name) -> FormState:
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


# The guests who are not there while the family makes the plan (the family's private time).
NOT_IN_PRIVATE_TIME = {"professionals"}


def guest_names(state: FormState, leave_out: frozenset | set = frozenset()) -> list[str]:
    """The names on the guest list, in its order, each once; those in `leave_out`'s circles
    left out."""
    guests: FormData | None = state.others.get("guests")
    names: list[str] = []
    for item in guests.lists.get("guests", ()) if guests is not None else ():
        name = item.get("name", "").strip()
        if name and name not in names and item.get("circle", "") not in leave_out:
            names.append(name)
    return names


def suggestions(definition: FormDefinition, state: FormState) -> dict[str, list[str]]:
    """What a field with `suggestions` offers to pick from: for "guests", every guest's name."""
    sources = {
        field.suggestions
        for list_def in definition.lists
        for fields in (list_def.fields, *(sub.fields for sub in list_def.lists))
        for field in fields
        if field.suggestions
    } | {field.suggestions for field in definition.fields if field.suggestions}
    return {source: guest_names(state) for source in sorted(sources) if source == "guests"}


def _plan_from_questions(definition: FormDefinition, state: FormState) -> FormState:
    """One section of the plan for each question the family wrote for the conference, and the
    guests who make the plan (not the professionals) as those who sign it."""
    state = _signers_from_guests(definition, state)
    questions: FormData | None = state.others.get("questions")
    if questions is None or not _empty(state, "sections"):
        return state
    texts = [
        item.get("text", "").strip()
        for item in questions.lists.get("questions", ())
        if item.get("text", "").strip()
    ]
    if not texts:
        return state
    return _items_with(definition, state, "sections", texts, "question")


def _signers_from_guests(definition: FormDefinition, state: FormState) -> FormState:
    if not _empty(state, "signers"):
        return state
    names = guest_names(state, NOT_IN_PRIVATE_TIME)
    max_items = definition.list_def("signers").max_items
    if not names:
        return state
    return _items_with(definition, state, "signers", names[:max_items], "name")


def action_text(action: dict) -> str:
    """An action of the plan in one line: what, and who does it."""
    what = action.get("what", "").strip()
    who = action.get("who", "").strip()
    return f"{what} – {who}" if what and who else what


def _follow_up_from_plan(definition: FormDefinition, state: FormState) -> FormState:
    """One line of the follow-up for each action agreed in the plan."""
    plan: FormData | None = state.others.get("plan")
    if plan is None or not _empty(state, "reviews"):
        return state
    texts = [
        action_text(action)
        for section in plan.lists.get("sections", ())
        for action in section.get("actions", ())
        if action.get("what", "").strip()
    ]
    if not texts:
        return state
    reviews = definition.list_def("reviews")
    max_length = next(f.max_length for f in reviews.fields if f.name == "action")
    texts = [text[:max_length] for text in texts[: reviews.max_items]]
    return _items_with(definition, state, "reviews", texts, "action")


DERIVATIONS = {"plan": _plan_from_questions, "followup": _follow_up_from_plan}
