"""The form and its print document: the family's words always appear as text, never as markup."""

import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.app import start, update
from forms.document import render_document
from forms.events import FieldChanged, ItemAdded
from forms.render import display_value, render_form
from forms.schema import load
from forms.text import Texts

DEFINITION = load("questions")


class TextAndTags(HTMLParser):
    """Collects the visible text and the tags, as a browser would parse them."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)

    @property
    def text_content(self) -> str:
        return "".join(self.text)


def lines(text: str) -> str:
    """Line ends as a browser shows them: \r\n and \r are both a new line."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(html):
    parser = TextAndTags()
    parser.feed(html)
    return "".join(parser.text), parser.tags


def filled(child_name, question, language="da"):
    state, _ = start("questions", language, "2026-11-23")
    state, _ = update(state, FieldChanged("child_name", child_name))
    state, view = update(state, FieldChanged("questions/q1/text", question))
    return state, view


@settings(max_examples=200, deadline=None)
@given(child_name=st.text(max_size=80), question=st.text(max_size=300))
def test_any_text_is_shown_as_text_in_the_document(child_name, question):
    _, view = filled(child_name, question)
    _, blank_tags = parse(render_document(DEFINITION, filled("", "")[0], blank=True))
    _, example_tags = parse(filled("Emma", "Hvordan?")[1].document)
    text, tags = parse(view.document)
    assert set(tags) <= set(blank_tags) | set(example_tags)
    if question.strip():
        assert lines(question.strip()) in lines(text)


@settings(max_examples=100, deadline=None)
@given(question=st.text(max_size=200))
def test_any_text_is_shown_as_text_in_the_form(question):
    _, view = filled(question, question)
    _, clean_view = filled("", "")
    _, tags = parse(view.lists["questions"]["html"])
    _, clean_tags = parse(clean_view.lists["questions"]["html"])
    assert tags == clean_tags


def test_markup_typed_by_the_family_is_escaped_everywhere():
    hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"'&"
    state, view = filled(hostile, hostile)
    for html in (
        view.document,
        view.lists["questions"]["html"],
        render_form(DEFINITION, state, view.summary, view.document, ""),
    ):
        assert "<script" not in html
        assert "<img" not in html
        assert "&lt;script&gt;" in html


def test_the_blank_template_has_lines_to_write_on():
    state, _ = start("questions", "da", "2026-11-23")
    html = render_document(DEFINITION, state, blank=True)
    assert html.count('class="fgc-write-line"') >= 3
    assert "Dato:" in html


def test_a_filled_form_prints_the_questions_in_order_with_the_date():
    state, _ = filled("Emma", "Hvordan får Emma ro til lektier?", language="en")
    state, _ = update(state, ItemAdded("questions"))
    state, view = update(state, FieldChanged("questions/q2/text", "Hvem henter Emma?"))
    text, _ = parse(view.document)
    assert re.search(r"Hvordan får Emma ro til lektier\?.*Hvem henter Emma\?", text)
    assert "Printed 23 November 2026" in text
    assert "Family group conference for Emma" in text
    assert 'class="fgc-write-line"' not in view.document


def test_empty_questions_are_left_out_of_the_printout():
    state, _ = filled("", "Hvordan får Emma ro?")
    state, view = update(state, ItemAdded("questions"))
    assert view.document.count("<li>") == 1


def test_a_time_field_is_the_browsers_time_input_and_prints_in_the_pages_words():
    plan = load("plan")
    state, view = start("plan", "da", None)
    html = render_form(plan, state, view.summary, view.document, "")
    assert 'class="fgc-input fgc-time" type="time"' in html
    field = plan.field("conference_time")
    assert display_value(field, "17:30", Texts("da", "plan")) == "kl. 17.30"
    assert display_value(field, "17:30", Texts("en", "plan")) == "17:30"
    # The calendar file is offered where a meeting's date is, and only there.
    assert 'data-action="calendar_requested"' in html
    questions = load("questions")
    state, view = start("questions", "en", None)
    assert 'data-action="calendar_requested"' not in render_form(
        questions, state, view.summary, view.document, ""
    )
