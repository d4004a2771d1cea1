"""The child's three houses (wishes/paper.py): on paper with the child's words in them, three
empty houses on the blank template, and the one house the child fills drawn on its own step."""

import xml.etree.ElementTree as ET
from html import unescape

from support import example_draft

from forms.app import start, update
from forms.document import render_document
from forms.events import FieldChanged, StepChosen
from forms.schema import load
from forms.text import pick

WISHES = load("wishes")
FILLED = WISHES.examples["filled"]
HOUSES = list(WISHES.texts["houses"])


def _houses(html: str) -> str:
    return html.split('class="fgc-document-section fgc-document-houses"')[1].split("</section>")[0]


def _words(html: str) -> list[str]:
    """What the houses say, as read: the drawing's text and the words continued below it."""
    svg = html.split("<svg", 1)[1].split("</svg>")[0]
    drawn = " ".join(ET.fromstring("<svg" + svg + "</svg>").itertext())
    below = html.split("</svg>", 1)[1]
    return " ".join(unescape(f"{drawn} {below}").replace("<", " <").split()).split()


def test_the_paper_has_the_three_houses_with_every_word_the_child_wrote():
    _, view = start("wishes", "da", "2026-11-23", example_draft(["wishes"]))
    words = _words(_houses(view.document))
    for kind in HOUSES:
        assert pick(WISHES.texts["houses"][kind], "da") in " ".join(words)
        for word in FILLED[kind].split():
            assert word in words


def test_the_blank_template_has_three_empty_houses_to_write_in():
    state, _ = start("wishes", "en", "2026-11-23", example_draft(["wishes"], "en"))
    section = _houses(render_document(WISHES, state, blank=True))
    svg = section.split("</svg>")[0]
    for kind in HOUSES:
        assert pick(WISHES.texts["houses"][kind], "en") in unescape(svg)
        assert FILLED[kind].split()[2] not in unescape(section)
    assert pick(WISHES.texts["houses_blank_description"], "en") in unescape(svg)


def test_the_house_the_child_fills_is_drawn_on_its_step_as_the_child_types():
    state, view = start("wishes", "da", "2026-11-23")
    assert view.houses == {}
    state, view = update(state, StepChosen("worries"))
    state, view = update(state, FieldChanged("worries", "Jeg savner min far"))
    assert list(view.houses) == ["worries"]
    drawn = unescape(view.houses["worries"])
    assert "savner" in drawn and pick(WISHES.texts["houses"]["worries"], "da") in drawn
    assert pick(WISHES.texts["houses"]["good"], "da") not in drawn
