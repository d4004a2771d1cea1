"""The hooks of "Who should come?" (guests/hooks.py): the network map after the steps on paper,
and nothing else; every other hook the core's default that does nothing."""

import pytest

from forms import hooks
from forms.catalogue.guests.paper import network_map_section

OWN = [
    ("paper", network_map_section),
]


@pytest.mark.parametrize(("hook", "function"), OWN, ids=[hook for hook, _ in OWN])
def test_the_form_uses_its_own_modules_for_its_hooks(hook, function):
    assert getattr(hooks.of("guests"), hook) is function


def test_every_other_hook_does_nothing():
    own = {hook for hook, _ in OWN}
    for name in set(hooks.NAMES) - own:
        assert getattr(hooks.of("guests"), name) is hooks.DEFAULTS[name]
