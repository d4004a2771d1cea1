"""Each form's own gentle checks, by form id; a form without rules simply has none."""

from forms.rules import questions

COACHES = {"questions": questions.coach}
