"""Every form's examples on paper and on screen: every value the family typed is printed, the
hostile example stays text, and the example at its limits renders on every step."""

import copy
import json
from collections import Counter
from html.parser import HTMLParser

import pytest

from forms.app import start, update
from forms.catalogue.wishes.three_houses import split_text
from forms.document import render_document
from forms.draft import FORMAT, VERSION
from forms.events import StepChosen
from forms.render import display_value, render_step
from forms.schema import CHECK_STEP, form_ids, load
from forms.text import Texts, languages
from forms.typed_text import browser_length

TODAY = "2026-11-23"
EXAMPLES = [
    (form_id, example) for form_id in form_ids() for example in sorted(load(form_id).examples)
]

# What the family typed that legitimately does not appear on the paper, named one by one.
NOT_ON_PAPER = {
    # The child's "what must not be shared": kept off the paper and off the device
    # (printed = false, kept = false in wishes.toml).
    ("wishes", "private"),
}


class _Parsed(HTMLParser):
    """An HTML text as a browser reads it: its text (entities read) and its elements."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.elements: list[tuple[str, tuple[tuple[str, str | None], ...]]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, tuple(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, tuple(attrs)))

    def handle_data(self, data):
        self.texts.append(data)

    def read(self) -> str:
        """The text with its whitespace as a reader sees it: any run of it is one space (a
        textarea's lines print as they were typed, a house's words wrap a line at a time)."""
        return " ".join(" ".join(self.texts).split())


def _as_read(text: str) -> str:
    return " ".join(text.split())


def _filled_lists(list_def, items: list) -> list:
    """The lists of an example at its limits: every list, nested ones too, filled to its
    max_items with copies of the items the example gives."""
    full = []
    while len(full) < list_def.max_items:
        full.extend(copy.deepcopy(items[: list_def.max_items - len(full)]))
    for item in full:
        for sub in list_def.lists:
            if sub.name in item:
                item[sub.name] = _filled_lists(sub, item[sub.name])
    return full


def _answers(form_id: str, example: str) -> dict:
    definition = load(form_id)
    answers = copy.deepcopy(definition.examples[example])
    if example == "at_limits":
        for list_def in definition.lists:
            answers[list_def.name] = _filled_lists(list_def, answers[list_def.name])
    return answers


def _items(list_def, raw_items) -> list[dict]:
    result = []
    for raw in raw_items:
        if isinstance(raw, str):
            raw = {list_def.fields[0].name: raw}
        item = {f.name: raw[f.name] for f in list_def.fields if f.name in raw}
        for sub in list_def.lists:
            if sub.name in raw:
                item[sub.name] = _items(sub, raw[sub.name])
        result.append(item)
    return result


def _draft(form_id: str, answers: dict, language: str) -> str:
    definition = load(form_id)
    form = {
        "values": {f.name: answers[f.name] for f in definition.fields if f.name in answers},
        "lists": {
            d.name: _items(d, answers[d.name]) for d in definition.lists if d.name in answers
        },
    }
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "saved": TODAY,
            "language": language,
            "forms": {form_id: form},
        }
    )


def _typed(form_id: str, answers: dict):
    """Every value of an example with its field: (where, field, value), list items included."""
    definition = load(form_id)
    for field in definition.fields:
        if field.name in answers:
            yield field.name, field, answers[field.name]

    def walk(list_def, items, where):
        for number, raw in enumerate(_items(list_def, items), start=1):
            for field in list_def.fields:
                if field.name in raw:
                    yield f"{where}/{number}/{field.name}", field, raw[field.name]
            for sub in list_def.lists:
                yield from walk(sub, raw.get(sub.name, []), f"{where}/{number}/{sub.name}")

    for list_def in definition.lists:
        yield from walk(list_def, answers.get(list_def.name, []), list_def.name)


def _started(form_id: str, example: str, language: str):
    answers = _answers(form_id, example)
    state, view = start(form_id, language, TODAY, _draft(form_id, answers, language))
    # A draft the reader refused would open an empty form: the example must be read whole.
    assert view.stored_unreadable is not True, (form_id, example)
    return answers, state, view


def test_every_form_has_a_hostile_example_and_one_at_its_limits():
    for form_id in form_ids():
        assert {"filled", "hostile", "at_limits"} <= set(load(form_id).examples), form_id


@pytest.mark.parametrize("language", list(languages()))
@pytest.mark.parametrize(("form_id", "example"), EXAMPLES)
def test_every_value_of_every_example_is_on_the_filled_paper(form_id, example, language):
    answers, _state, view = _started(form_id, example, language)
    paper = _Parsed(view.document).read()
    houses = load(form_id).texts.get("houses", {})
    checked = 0
    for where, field, value in _typed(form_id, answers):
        if (form_id, field.name) in NOT_ON_PAPER:
            assert _as_read(value) not in paper, where
            continue
        shown = display_value(field, value.strip(), Texts(language, form_id))
        if field.name in houses:
            # Drawn in its house a line at a time (a word too long for a line broken in two),
            # what does not fit printed below the drawing.
            lines, rest = split_text(shown)
            for line in [*lines, rest]:
                assert _as_read(line) in paper, f"{form_id} {example} {language}: {where}"
        else:
            assert _as_read(shown) in paper, f"{form_id} {example} {language}: {where}"
        checked += 1
    assert checked > 0


# The characters that make markup: replaced by a letter, what was typed cannot be markup.
MARKUP = str.maketrans({character: "x" for character in "<>&\"'="})


def _neutral(answers):
    """The same answers with no character that makes markup: same lengths, same words."""
    if isinstance(answers, str):
        return answers.translate(MARKUP)
    if isinstance(answers, list):
        return [_neutral(item) for item in answers]
    return {key: value if key in CHOICES else _neutral(value) for key, value in answers.items()}


CHOICES = {
    field.name
    for form_id in form_ids()
    for field in [
        *load(form_id).fields,
        *(f for d in load(form_id).lists for f in d.fields),
        *(f for d in load(form_id).lists for s in d.lists for f in s.fields),
    ]
    if field.kind in ("choice", "date", "time")
}


def _pages(form_id: str, answers: dict, language: str) -> dict[str, str]:
    """The HTML that shows the answers: the paper, the answers to check, every step as first
    drawn, and every list as the view redraws it."""
    state, view = start(form_id, language, TODAY, _draft(form_id, answers, language))
    assert view.stored_unreadable is not True
    definition = load(form_id)
    pages = {"paper": view.document, "summary": view.summary}
    for step in definition.steps:
        pages[step.id] = render_step(definition, step, state, state.texts)
    pages.update({f"list {name}": part["html"] for name, part in view.lists.items()})
    pages.update({f"houses {name}": html for name, html in view.houses.items()})
    return pages


URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster"}


@pytest.mark.parametrize("language", list(languages()))
@pytest.mark.parametrize("form_id", form_ids())
def test_the_hostile_example_stays_text_on_paper_and_on_every_step(form_id, language):
    answers = _answers(form_id, "hostile")
    hostile = _pages(form_id, answers, language)
    neutral = _pages(form_id, _neutral(answers), language)
    assert hostile.keys() == neutral.keys()
    for name, html in hostile.items():
        # Element for element and attribute for attribute, the page is the one the same answers
        # make without a character of markup in them: no tag or attribute comes from the text.
        elements = _Parsed(html).elements
        shape = [(tag, [attribute for attribute, _ in attrs]) for tag, attrs in elements]
        assert shape == [
            (tag, [attribute for attribute, _ in attrs])
            for tag, attrs in _Parsed(neutral[name]).elements
        ], name
        for tag, attrs in elements:
            for attribute, value in attrs:
                assert not (attribute.startswith("on") or tag == "script"), (name, tag, attribute)
                if attribute in URL_ATTRIBUTES:
                    assert "javascript:" not in (value or ""), (name, tag, attribute)
    # The entities and tags typed are read as typed, never turned into what they stand for.
    paper = _Parsed(hostile["paper"]).read()
    typed = [value for _, _, value in _typed(form_id, answers)]
    for piece in ("&amp; &lt;i&gt; &#60;u&#62; &nbsp; &copy;", '<script>alert("x")</script>'):
        assert any(piece in value for value in typed)
        assert piece in paper


@pytest.mark.parametrize("language", list(languages()))
@pytest.mark.parametrize("form_id", form_ids())
def test_the_example_at_its_limits_renders_on_paper_and_on_every_step(form_id, language):
    definition = load(form_id)
    answers, state, view = _started(form_id, "at_limits", language)
    for where, field, value in _typed(form_id, answers):
        if field.kind in ("text", "textarea"):
            assert browser_length(value) == field.max_length, where
    for list_def in definition.lists:
        assert len(state.items(list_def.name)) == list_def.max_items, list_def.name
        for sub in list_def.lists:
            for item in state.items(list_def.name):
                assert len(item.lists[sub.name]) == sub.max_items, sub.name
    blank = render_document(definition, state, blank=True)
    for html in (view.document, blank, view.summary):
        assert _Parsed(html).elements
    # What each text, full, says under it: "You have used all 500 characters ...".
    full = Counter(
        Texts(language, form_id).ui("at_limit", max=field.max_length)
        for _, field, _ in _typed(form_id, answers)
        if field.kind in ("text", "textarea") and field.kept
    )
    too_long = Texts(language, form_id).count("too_long", 2, max=1).split("2")[0]
    for step_id in definition.step_ids():
        state, view = update(state, StepChosen(step_id))
        assert view.step == step_id
        assert view.error_summary == "" and view.errors == {}, (step_id, view.errors)
        if step_id != CHECK_STEP:
            step = next(s for s in definition.steps if s.id == step_id)
            assert _Parsed(render_step(definition, step, state, state.texts)).elements
        for part in view.lists.values():
            assert _Parsed(part["html"]).elements
        # Full, not over: each text says it is at its limit, none that it is too long.
        assert not any(too_long in coaching for coaching in view.coaching.values())
        said = Counter(m for c in view.coaching.values() for m in full if m in c)
        assert said == full, step_id
