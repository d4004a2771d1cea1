"""The hooks of "Our questions" (questions/hooks.py): hints on the questions as the family
types, and nothing else; every other hook the core's default that does nothing."""

import pytest

from forms import hooks
from forms.catalogue.questions.rules import coach

OWN = [
    ("coach", coach),
]


@pytest.mark.parametrize(("hook", "function"), OWN, ids=[hook for hook, _ in OWN])
def test_the_form_uses_its_own_modules_for_its_hooks(hook, function):
    assert getattr(hooks.of("questions"), hook) is function


def test_every_other_hook_does_nothing():
    own = {hook for hook, _ in OWN}
    for name in set(hooks.NAMES) - own:
        assert getattr(hooks.of("questions"), name) is hooks.DEFAULTS[name]
