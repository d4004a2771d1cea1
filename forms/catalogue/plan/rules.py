"""What a plan needs, said kindly: a person for every action, someone who checks, how we know
it works, a plan B, and the date of the follow-up meeting."""

from forms.catalogue.plan.meetings import out_of_order
from forms.schema import FormDefinition
from forms.state import FormState
from forms.text import pick


def advise(definition: FormDefinition, state: FormState) -> list[str]:
    language = state.language
    messages = definition.messages

    def say(key: str, **params) -> str:
        return pick(messages[key], language).format(**params)

    advice = []
    for section_number, section in enumerate(state.items("sections"), start=1):
        if not any(value.strip() for value in section.values.values()):
            continue
        if not section.values.get("how_we_know", "").strip():
            advice.append(say("no_how_we_know", section=section_number))
        if not section.values.get("backup", "").strip():
            advice.append(say("no_backup", section=section_number))
        for number, action in enumerate(section.lists.get("actions", ()), start=1):
            if not action.values.get("what", "").strip():
                continue
            if not action.values.get("who", "").strip():
                advice.append(say("action_without_person", n=number, section=section_number))
            if not action.values.get("checker", "").strip():
                advice.append(say("action_without_checker", n=number, section=section_number))
    if not state.values.get("followup_date", "").strip():
        advice.append(say("no_followup_date"))
    return advice + out_of_order(definition, state)
