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


# The guest list's circles from the nearest out: those who sign are listed the family first.
CIRCLE_ORDER = ("close", "wider", "friends", "professionals")


def guest_names(
    state: FormState, leave_out: frozenset | set = frozenset(), close_first: bool = False
) -> list[str]:
    """The names on the guest list, in its order (or nearest circle first), each once; those in
    `leave_out`'s circles left out."""
    guests: FormData | None = state.others.get("guests")
    names: list[str] = []
    items = list(guests.lists.get("guests", ())) if guests is not None else []
    if close_first:
        rank = {circle: n for n, circle in enumerate(CIRCLE_ORDER)}
        items.sort(key=lambda item: rank.get(item.get("circle", ""), len(rank)))
    for item in items:
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
    names = guest_names(state, NOT_IN_PRIVATE_TIME, close_first=True)
    max_items = definition.list_def("signers").max_items
    if not names:
        return state
    return _items_with(definition, state, "signers", names[:max_items], "name")


# What the follow-up takes of each agreement of the plan: its own field for each of the plan's.
REVIEW_FROM_ACTION = {
    "action": "what",
    "who": "who",
    "when": "when",
    "until": "until",
    "checker": "checker",
}


def _items_from(definition, state, list_name, rows: list[dict]) -> FormState:
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


def _follow_up_from_plan(definition: FormDefinition, state: FormState) -> FormState:
    """Each agreement of the plan whole (the question it answers, what, who, when, until when,
    who keeps an eye on it), and each request to the municipality, to look at again."""
    plan: FormData | None = state.others.get("plan")
    if plan is None:
        return state
    if _empty(state, "reviews"):
        rows = [
            {
                "question": section.get("question", "").strip(),
                **{
                    mine: action.get(theirs, "").strip()
                    for mine, theirs in REVIEW_FROM_ACTION.items()
                },
            }
            for section in plan.lists.get("sections", ())
            for action in section.get("actions", ())
            if action.get("what", "").strip()
        ]
        if rows:
            state = _items_from(definition, state, "reviews", rows)
    if _empty(state, "requests"):
        rows = [
            {"text": request.get("text", "").strip()}
            for request in plan.lists.get("requests", ())
            if request.get("text", "").strip()
        ]
        if rows:
            state = _items_from(definition, state, "requests", rows)
    return state


DERIVATIONS = {"plan": _plan_from_questions, "followup": _follow_up_from_plan}
