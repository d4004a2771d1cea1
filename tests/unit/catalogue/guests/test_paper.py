"""The guest list's own part of the paper (guests/paper.py): the network map with the child in
the centre, and every guest by circle as text for those who cannot see the map."""

import re
from html import unescape

from support import example_draft

from forms.app import start
from forms.document import render_document
from forms.schema import load
from forms.text import pick

GUESTS = load("guests")


def _section(document: str) -> str:
    return document.split('class="fgc-document-section fgc-document-map"')[1].split("</section>")[0]


def _key(section: str) -> dict[str, str]:
    """Each circle's line of the text beside the map: circle name -> the names, as read."""
    lines = re.findall(r"<li><strong>(.*?):</strong> (.*?)</li>", section)
    return {unescape(label): unescape(re.sub(r"<[^>]+>", " ", names)) for label, names in lines}


def test_the_filled_paper_maps_every_guest_and_lists_them_by_circle():
    _, view = start("guests", "da", "2026-11-23", example_draft(["guests"]))
    section = _section(view.document)
    assert "<svg" in section
    key = _key(section)
    for guest in GUESTS.examples["filled"]["guests"]:
        circle = pick(GUESTS.texts["circles"][guest["circle"]], "da")
        assert guest["name"] in key[circle]
        assert guest["name"] in unescape(section.split("</figure>")[0])
    assert GUESTS.examples["filled"]["child_name"] in unescape(section.split("</figure>")[0])


def test_the_blank_paper_has_an_empty_map_with_the_child_in_the_centre_and_no_names():
    state, _ = start("guests", "en", "2026-11-23", example_draft(["guests"], "en"))
    section = _section(render_document(GUESTS, state, blank=True))
    assert "<svg" in section
    assert pick(GUESTS.texts["child_in_centre"], "en") in unescape(section)
    assert 'class="fgc-map-text"' not in section
    for guest in GUESTS.examples["filled"]["guests"]:
        assert guest["name"] not in unescape(section)
