"""What the plan takes from the other forms: one section for each question the family wrote for
the conference ("Our questions"), and the guests who make the plan (not the professionals) as
those who sign it, the family first."""

from forms.catalogue.guests.names import NOT_IN_PRIVATE_TIME, guest_names
from forms.derive import empty, items_with
from forms.draft import FormData
from forms.schema import FormDefinition
from forms.state import FormState


def plan_from_questions(definition: FormDefinition, state: FormState) -> FormState:
    state = _signers_from_guests(definition, state)
    questions: FormData | None = state.others.get("questions")
    if questions is None or not empty(state, "sections"):
        return state
    texts = [
        item.get("text", "").strip()
        for item in questions.lists.get("questions", ())
        if item.get("text", "").strip()
    ]
    if not texts:
        return state
    return items_with(definition, state, "sections", texts, "question")


def _signers_from_guests(definition: FormDefinition, state: FormState) -> FormState:
    if not empty(state, "signers"):
        return state
    names = guest_names(state, NOT_IN_PRIVATE_TIME, close_first=True)
    max_items = definition.list_def("signers").max_items
    if not names:
        return state
    return items_with(definition, state, "signers", names[:max_items], "name")
