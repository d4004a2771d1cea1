"""What a screen reader is given on a form, as Chromium computes it: the page's title and the
step's heading name the step and where it is in the form, every guest's fields say which guest,
and a field in error says so."""

import re

import pytest
from pagecheck import go_to_step, open_form, wait_until
from playwright.sync_api import expect
from test_pages import axe_violations

from forms.render import step_count, step_title
from forms.schema import load
from forms.text import Texts, pick, ui

GUESTS = load("guests")
PEOPLE = next(step for step in GUESTS.steps if step.id == "people")


def spoken(text: str) -> re.Pattern:
    """A name as Chromium computes it from several elements: a space may come before a comma
    or a colon that a screen reader reads as a pause anyway."""
    words = re.escape(text).replace(r"\ ", r"\s+")
    return re.compile(r"^\s*" + re.sub(r"([:,])", r"\\s*\1", words) + r"\s*$")


def served_title(page, address: str) -> str:
    """The page's own title, as the site serves it (before any script has changed it)."""
    html = page.request.get(address).text()
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip().replace("&amp;", "&")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_title_and_the_heading_name_the_step(page, site_url, language):
    address = site_url + ("" if language == "da" else "en/") + "skemaer/hvem-skal-med/"
    open_form(page, address)
    go_to_step(page, "people")
    texts = Texts(language, GUESTS.id)
    heading = texts.ui(
        "step_heading",
        count=step_count(GUESTS, "people", texts),
        title=step_title(GUESTS, PEOPLE, texts),
    )
    # "Trin 2 af 4: Hvem skal med?" is the heading's name, the count shown above the title.
    expect(page.locator("#step-people-title")).to_have_accessible_name(spoken(heading))
    assert page.locator("#step-people-title .fgc-step-count").is_visible()
    expected = ui("step_page_title", language, step=heading, page=served_title(page, address))
    wait_until(page, f"document.title === {expected!r}")
    # An error comes first in the title, the step still named (a guest with a name only).
    page.locator("section.fgc-step:not([hidden]) input[type=text][data-field]").first.fill("Karen")
    page.locator("section.fgc-step:not([hidden]) [data-action=step_continued]").click()
    wait_until(page, "document.querySelector('.fgc-error-summary') !== null")
    assert page.title() == ui("error_title_prefix", language) + expected


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_guests_fields_say_which_guest_and_an_error_marks_its_field(page, site_url, language):
    open_form(page, site_url + ("" if language == "da" else "en/") + "skemaer/hvem-skal-med/")
    go_to_step(page, "people")
    guests = GUESTS.list_def("guests")
    name = pick(GUESTS.field_of_list("guests", "name").label, language)
    circle = pick(GUESTS.field_of_list("guests", "circle").label, language)

    def field_name(label: str, number: int) -> str:
        item = pick(guests.item_name, language).format(n=number)
        return ui("field_of_item", language, field=label, item=item)

    page.get_by_role("textbox", name=spoken(field_name(name, 1))).fill("Karen")
    page.locator("#b-guests-add").click()
    second = page.get_by_role("textbox", name=spoken(field_name(name, 2)))
    expect(second).to_have_count(1)
    expect(page.get_by_role("textbox", name=spoken(field_name(name, 1)))).to_have_count(1)
    # A required answer is said to be required, without the browser's own check.
    assert second.get_attribute("aria-required") == "true"
    second.fill("Ole")
    first_circle = page.get_by_role("combobox", name=spoken(field_name(circle, 1)))
    expect(first_circle).to_have_count(1)
    assert first_circle.get_attribute("aria-invalid") is None

    page.locator("section.fgc-step:not([hidden]) [data-action=step_continued]").click()
    wait_until(page, "document.querySelector('.fgc-error-summary') !== null")
    # Each field with an error is marked invalid; no other field is.
    wait_until(page, "document.querySelector('[data-field][aria-invalid=true]') !== null")
    marked = page.evaluate(
        "[...document.querySelectorAll('[data-field][aria-invalid=true]')].map((f) => f.name)"
    )
    with_error = page.evaluate(
        "[...document.querySelectorAll('[data-error-for]')]"
        ".filter((box) => box.textContent.trim()).map((box) => box.dataset.errorFor)"
    )
    assert sorted(marked) == sorted(with_error)
    assert first_circle.get_attribute("aria-invalid") == "true"
    # Answered, the mark goes.
    first_circle.select_option(index=1)
    expect(first_circle).not_to_have_attribute("aria-invalid", "true")


@pytest.mark.parametrize("language", ["da", "en"])
def test_an_agreement_is_a_heading_below_its_question_and_its_buttons_name_both(
    page, site_url, language
):
    open_form(page, site_url + ("" if language == "da" else "en/") + "skemaer/vores-plan/")
    go_to_step(page, "sections")
    plan = load("plan")
    questions = plan.list_def("sections")
    agreements = questions.sublist("actions")
    question = pick(questions.item_name, language).format(n=1)
    agreement = pick(agreements.item_name, language).format(n=1)
    step = page.locator("section.fgc-step:not([hidden])")
    expect(
        step.get_by_role("heading", level=3, name=pick(questions.item_label, language).format(n=1))
    ).to_have_count(1)
    under = ui("item_under", language, item=agreement, parent=question)
    shown = pick(agreements.item_label, language).format(n=1)
    expect(
        step.get_by_role("heading", level=4, name=spoken(f"{shown}{under[len(agreement) :]}"))
    ).to_have_count(1)
    # A second agreement: each one's "remove" says which agreement of which question.
    step.locator("[data-action=item_added][data-list$='/actions']").first.click()
    second = ui(
        "item_under",
        language,
        item=pick(agreements.item_name, language).format(n=2),
        parent=question,
    )
    remove = ui("item_action", language, verb=ui("remove", language), item=second)
    expect(step.get_by_role("button", name=spoken(remove))).to_have_count(1)
    assert axe_violations(page) == []


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_states_named_here_are_axe_clean(page, site_url, language):
    """The step with an error and two guests, and the pages with marked Danish titles."""
    start = "" if language == "da" else "en/"
    open_form(page, site_url + start + "skemaer/hvem-skal-med/")
    go_to_step(page, "people")
    page.locator("section.fgc-step:not([hidden]) input[type=text][data-field]").first.fill("Karen")
    page.locator("#b-guests-add").click()
    page.locator("section.fgc-step:not([hidden]) [data-action=step_continued]").click()
    wait_until(page, "document.querySelector('[data-field][aria-invalid=true]') !== null")
    assert axe_violations(page) == []
    for path in ("dine-rettigheder/", "ordliste/", "saadan-foregaar-det/"):
        page.goto(site_url + start + path)
        assert axe_violations(page) == [], path
