"""The hooks of "Our plan" (plan/hooks.py): the meetings in order, what the plan still lacks,
its questions and signers from the other forms, its signature lines after the steps on paper;
every other hook the core's default that does nothing."""

import pytest

from forms import hooks
from forms.catalogue.plan.derive import plan_from_questions
from forms.catalogue.plan.meetings import coach
from forms.catalogue.plan.paper import signatures
from forms.catalogue.plan.rules import advise

OWN = [
    ("derive", plan_from_questions),
    ("coach", coach),
    ("advise", advise),
    ("paper", signatures),
]


@pytest.mark.parametrize(("hook", "function"), OWN, ids=[hook for hook, _ in OWN])
def test_the_form_uses_its_own_modules_for_its_hooks(hook, function):
    assert getattr(hooks.of("plan"), hook) is function


def test_every_other_hook_does_nothing():
    own = {hook for hook, _ in OWN}
    for name in set(hooks.NAMES) - own:
        assert getattr(hooks.of("plan"), name) is hooks.DEFAULTS[name]
