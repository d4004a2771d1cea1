"""Each form's own checks, by form id. Coaches give hints beside the fields as the family
types; advisors list, on the "check your answers" step, what a finished form still lacks."""

from forms.rules import meetings, plan, questions

COACHES = {"questions": questions.coach, "plan": meetings.coach, "followup": meetings.coach}
ADVISORS = {"plan": plan.advise, "followup": meetings.advise}
