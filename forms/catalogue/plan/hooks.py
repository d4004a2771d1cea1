"""The hooks of "Our plan" (forms/hooks.py): the meetings in order, what the plan still lacks,
its questions and signers from the other forms, its signature lines on the paper."""

from forms.catalogue.plan.derive import plan_from_questions as derive  # noqa: F401
from forms.catalogue.plan.meetings import coach  # noqa: F401
from forms.catalogue.plan.paper import signatures as paper  # noqa: F401
from forms.catalogue.plan.rules import advise  # noqa: F401
