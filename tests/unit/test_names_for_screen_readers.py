"""What a screen reader says for each control of a form: a name that tells which item it belongs
to (never fourteen fields all called "Navn"), each item's heading one level below its parent's,
and which answers are required."""

import html
import re
from collections import Counter
from html.parser import HTMLParser

import pytest
from support import example_draft

from forms.app import start, update
from forms.events import FieldChanged, StepChosen, StepContinued
from forms.render import render_form
from forms.schema import form_ids, load
from forms.text import Texts, languages, ui

FORMS = form_ids()
LANGUAGES = list(languages())


class Names(HTMLParser):
    """Each label's and button's whole text (hidden words included, as a screen reader reads
    them), the headings in order with their level, and each control's attributes."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.labels = {}  # control id -> label text
        self.buttons = []  # (data-action, text)
        self.headings = []  # (level, text, class)
        self.controls = {}  # id -> attributes
        self._open = []  # [kind, key, [text]]

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and "for" in attrs:
            self._open.append(["label", attrs["for"], []])
        elif tag == "button":
            self._open.append(["button", attrs.get("data-action"), []])
        elif tag in ("h2", "h3", "h4", "h5", "h6"):
            self._open.append(["heading", (int(tag[1]), attrs.get("class", "")), []])
        if "data-field" in attrs:
            self.controls[attrs["id"]] = attrs

    def handle_endtag(self, tag):
        kinds = {"label": "label", "button": "button"}
        kind = kinds.get(tag, "heading" if tag in ("h2", "h3", "h4", "h5", "h6") else None)
        if not kind or not self._open or self._open[-1][0] != kind:
            return
        _, key, text = self._open.pop()
        text = " ".join("".join(text).split())
        if kind == "label":
            self.labels[key] = text
        elif kind == "button":
            self.buttons.append((key, text))
        else:
            self.headings.append((key[0], text, key[1]))

    def handle_data(self, data):
        for entry in self._open:
            entry[2].append(data)


def names(form_id: str, language: str) -> Names:
    """The form as the page first draws it, filled with a family-sized example: every item
    open."""
    definition = load(form_id)
    state, view = start(form_id, language, "2026-11-23", example_draft(example="family"))
    parser = Names()
    parser.feed(render_form(definition, state, view.summary, view.document, ""))
    return parser


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form_id", FORMS)
def test_every_field_has_a_name_of_its_own(form_id, language):
    found = names(form_id, language)
    named = [found.labels[control] for control in found.controls]
    assert len(named) == len(found.controls)
    repeated = [name for name, count in Counter(named).items() if count > 1]
    assert repeated == []


def test_a_guests_name_field_says_which_guest():
    found = names("guests", "da")
    guests = [text for control, text in found.labels.items() if control.endswith("-name")]
    assert len(guests) >= 14
    # The words shown come first; which guest follows (for screen readers only).
    assert guests[1] == "Navn, gæst 2"


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form_id", FORMS)
def test_every_item_button_says_which_item(form_id, language):
    found = names(form_id, language)
    acting = [
        text
        for action, text in found.buttons
        if action in ("item_removed", "item_moved", "item_closed", "item_opened", "item_added")
    ]
    repeated = [name for name, count in Counter(acting).items() if count > 1]
    assert repeated == []


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("da", "Fjern: aftale 1 under spørgsmål 2"),
        ("en", "Remove: agreement 1 of question 2"),
    ],
)
def test_the_plans_remove_button_names_the_agreement_and_its_question(language, said):
    found = names("plan", language)
    removes = [text for action, text in found.buttons if action == "item_removed"]
    assert said in removes
    assert ui("remove", language) == said.split(":")[0]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_nested_items_heading_sits_one_level_below_its_parents(language):
    found = names("plan", language)
    items = [(level, text) for level, text, css in found.headings if "fgc-item-label" in css]
    questions = [level for level, text in items if text.lower().startswith(("spørgsmål", "quest"))]
    agreements = [level for level, text in items if text.lower().startswith(("aftale", "agree"))]
    assert questions and agreements
    assert set(questions) == {3}
    assert set(agreements) == {4}
    # Each agreement's heading comes after its question's, never before the first one.
    assert items[0][0] == 3


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("form_id", FORMS)
def test_a_required_answer_is_said_to_be_required_and_no_other(form_id, language):
    found = names(form_id, language)
    optional = Texts(language, form_id).ui("optional")
    assert found.controls
    for control, attributes in found.controls.items():
        said_optional = optional in found.labels[control]
        assert (attributes.get("aria-required") == "true") is not said_optional, control
        # Said, not enforced: the browser's own bubbles would come before the form's messages.
        assert "required" not in attributes


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("da", "Aftale 1 under spørgsmål 2: Udfyld »Hvad gør vi?«"),
        ("en", "Agreement 1 of question 2: Fill in “What will we do?”"),
    ],
)
def test_the_error_summary_tells_whose_agreement_is_missing_an_answer(language, said):
    state, _ = start("plan", language, "2026-11-23", example_draft(example="family"))
    state, _ = update(state, StepChosen("sections"))
    # The first agreement of every question loses its "what", keeping its "who".
    for question in state.items("sections"):
        first = question.lists["actions"][0]
        state, _ = update(
            state, FieldChanged(f"sections/{question.uid}/actions/{first.uid}/what", "")
        )
    state, view = update(state, StepContinued())
    links = re.findall(r"<a [^>]*>(.*?)</a>", view.error_summary)
    assert len(links) == 3
    assert len(set(links)) == 3
    assert said in [html.unescape(link) for link in links]
