"""What the follow-up takes from the plan: each agreement of the plan whole (the question it
answers, what, who, when, until when, who keeps an eye on it), and each request to the
municipality, to look at again."""

from forms.derive import empty, items_from
from forms.draft import FormData
from forms.schema import FormDefinition
from forms.state import FormState

# What the follow-up takes of each agreement of the plan: its own field for each of the plan's.
REVIEW_FROM_ACTION = {
    "action": "what",
    "who": "who",
    "when": "when",
    "until": "until",
    "checker": "checker",
}


def follow_up_from_plan(definition: FormDefinition, state: FormState) -> FormState:
    plan: FormData | None = state.others.get("plan")
    if plan is None:
        return state
    if empty(state, "reviews"):
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
            state = items_from(definition, state, "reviews", rows)
    if empty(state, "requests"):
        rows = [
            {"text": request.get("text", "").strip()}
            for request in plan.lists.get("requests", ())
            if request.get("text", "").strip()
        ]
        if rows:
            state = items_from(definition, state, "requests", rows)
    return state
