"""The hooks of "Follow-up" (followup/hooks.py): the plan's check of the meetings' order,
shared, and the plan's agreements and requests to look at again; every other hook the core's
default that does nothing."""

import pytest

from forms import hooks
from forms.catalogue.followup.derive import follow_up_from_plan
from forms.catalogue.plan.meetings import advise, coach

OWN = [
    ("derive", follow_up_from_plan),
    ("coach", coach),
    ("advise", advise),
]


@pytest.mark.parametrize(("hook", "function"), OWN, ids=[hook for hook, _ in OWN])
def test_the_form_uses_its_own_modules_for_its_hooks(hook, function):
    assert getattr(hooks.of("followup"), hook) is function


def test_every_other_hook_does_nothing():
    own = {hook for hook, _ in OWN}
    for name in set(hooks.NAMES) - own:
        assert getattr(hooks.of("followup"), name) is hooks.DEFAULTS[name]
