"""The small pictures on the child's steps (wishes/pictures.py): each step that names one shows
it, as a drawing that screen readers pass over."""

import xml.etree.ElementTree as ET

import pytest

from forms.app import start, update
from forms.catalogue.wishes.pictures import picture
from forms.events import StepChosen
from forms.render import render_step
from forms.schema import load

SVG = "{http://www.w3.org/2000/svg}"
STEPS = [step for step in load("wishes").steps if step.picture]


def test_most_of_the_childs_steps_have_a_picture():
    assert len(STEPS) >= 6


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.id)
def test_each_steps_picture_is_a_drawing_hidden_from_screen_readers(step):
    svg = ET.fromstring(picture(step.picture))
    assert svg.tag == f"{SVG}svg"
    assert svg.get("aria-hidden") == "true" and svg.get("focusable") == "false"
    assert list(svg.iter(f"{SVG}circle")) + list(svg.iter(f"{SVG}path"))
    assert not "".join(svg.itertext()).strip()


@pytest.mark.parametrize("step", STEPS, ids=lambda step: step.id)
def test_the_step_shows_its_own_picture(step):
    definition = load("wishes")
    state, _ = start("wishes", "da", "2026-11-23")
    state, _ = update(state, StepChosen(step.id))
    page = render_step(definition, step, state, state.texts)
    assert picture(step.picture) in page


def test_a_name_without_a_picture_draws_nothing():
    assert picture("no-such-picture") == ""
