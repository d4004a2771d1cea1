"""The hooks of "My wishes" (wishes/hooks.py): the three houses before the steps on paper and on
the step where the child fills one, and the steps' pictures; every other hook the core's default
that does nothing."""

from support import example_draft

from forms import hooks
from forms.app import start, update
from forms.catalogue.wishes.paper import houses_section, live_houses
from forms.catalogue.wishes.pictures import picture
from forms.events import StepChosen
from forms.schema import load

OWN = {"paper_opening", "drawing", "picture"}


def test_the_paper_opens_with_the_childs_houses():
    definition = load("wishes")
    state, view = start("wishes", "da", "2026-11-23", example_draft(["wishes"]))
    own = hooks.of("wishes")
    for blank in (False, True):
        assert own.paper_opening(definition, state, blank) == houses_section(
            definition, state, blank
        )
    assert houses_section(definition, state, False) in view.document


def test_the_house_being_filled_is_the_forms_drawing_and_the_steps_pictures_its_own():
    definition = load("wishes")
    state, _ = start("wishes", "da", "2026-11-23", example_draft(["wishes"]))
    state, view = update(state, StepChosen("good"))
    assert hooks.of("wishes").drawing(definition, state) == live_houses(definition, state)
    assert view.houses == live_houses(definition, state) != {}
    assert hooks.of("wishes").picture is picture


def test_every_other_hook_does_nothing():
    for name in set(hooks.NAMES) - OWN:
        assert getattr(hooks.of("wishes"), name) is hooks.DEFAULTS[name]
