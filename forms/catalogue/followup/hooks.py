"""The hooks of "Follow-up" (forms/hooks.py): the meetings in order (the plan's check, shared),
and the plan's agreements and requests to look at again."""

from forms.catalogue.followup.derive import follow_up_from_plan as derive  # noqa: F401
from forms.catalogue.plan.meetings import advise, coach  # noqa: F401
