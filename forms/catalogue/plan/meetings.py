"""The two meetings in order: a follow-up date before the conference gets a gentle word, beside
the field as the family types and among what the plan still lacks."""

from forms.schema import FormDefinition, well_formed
from forms.state import FormState
from forms.text import format_date, pick


def conference_date(state: FormState) -> str:
    """The conference's date: the plan's own field, or the plan's in the draft (follow-up)."""
    own = state.values.get("conference_date", "").strip()
    if own:
        return own
    plan = state.others.get("plan")
    return plan.values.get("conference_date", "").strip() if plan is not None else ""


def out_of_order(definition: FormDefinition, state: FormState) -> list[str]:
    """The message when the follow-up meeting is dated before the conference, else nothing."""
    followup = state.values.get("followup_date", "").strip()
    conference = conference_date(state)
    if not (followup and conference):
        return []
    if not (well_formed("date", followup) and well_formed("date", conference)):
        return []
    if followup >= conference:
        return []
    when = format_date(conference, state.language)
    return [pick(definition.messages["before_conference"], state.language).format(conference=when)]


def coach(definition: FormDefinition, state: FormState) -> dict[str, list[str]]:
    found = out_of_order(definition, state)
    return {"followup_date": found} if found else {}


def advise(definition: FormDefinition, state: FormState) -> list[str]:
    return out_of_order(definition, state)
