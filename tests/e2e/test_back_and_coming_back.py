"""Back and coming back: each step is an entry in the tab's history (Back goes one step back, as
on GOV.UK); a form opened again, in a new visit or in the other language, opens at the step the
family was on and says that their draft was found."""

import pytest
from pagecheck import choose_keep, current_step, go_to_step, open_form, wait_for_python, wait_until
from test_pages import axe_violations

from forms.schema import load
from forms.text import ui

URLS = {"da": "skemaer/vores-spoergsmaal/", "en": "en/skemaer/vores-spoergsmaal/"}
STEPS = load("questions").step_ids()
QUESTION = "#f-questions-q1-text"


def step_shown(page, step):
    wait_until(page, f"document.querySelector('form.fgc-form').dataset.step === {step!r}")


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["da", "en"])
def test_back_goes_one_step_back_and_a_new_visit_opens_where_the_family_was(
    page, site_url, language, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + ("" if language == "da" else "en/"))
    open_form(page, site_url + URLS[language])
    choose_keep(page, "device")
    page.locator("#f-child_name").fill("Emma")
    go_to_step(page, "questions")
    page.locator(QUESTION).fill("Hvem henter Emma?")
    go_to_step(page, STEPS[STEPS.index("questions") + 1])

    # The phone's Back: one step back at a time, with the answers each step had.
    page.go_back()
    step_shown(page, "questions")
    assert page.input_value(QUESTION) == "Hvem henter Emma?"
    page.go_back()
    step_shown(page, STEPS[0])
    # Forward again, then a new visit: it opens at the step the family was on, and says so.
    page.go_forward()
    step_shown(page, "questions")
    page.goto(site_url + ("" if language == "da" else "en/"))
    open_form(page, site_url + URLS[language])
    assert current_step(page) == "questions"
    welcome = page.locator("[data-keep-notice]").inner_text()
    assert welcome.startswith(ui("welcome_back_on", language, date="§").split("§")[0])
    assert page.input_value(QUESTION) == "Hvem henter Emma?"
    assert axe_violations(page) == []

    # In the other language too.
    other = "en" if language == "da" else "da"
    open_form(page, site_url + URLS[other])
    assert current_step(page) == "questions"
    assert page.input_value(QUESTION) == "Hvem henter Emma?"


def test_a_form_reached_by_back_shows_the_answers_it_had_when_nothing_is_kept(page, site_url):
    open_form(page, site_url + URLS["da"])
    choose_keep(page, "shared")
    go_to_step(page, "questions")
    page.locator(QUESTION).fill("Hvem henter Emma?")
    wait_until(page, "document.querySelector('[data-document]').innerText.includes('Emma?')")
    # On to another form by the site's own link, type there, and Back.
    page.locator("a[href$='hvem-skal-med/']").first.click()
    assert wait_for_python(page) == "ready"
    page.locator("#f-child_name").fill("Emma")
    page.on("dialog", lambda dialog: dialog.accept())
    page.go_back(wait_until="load")
    page.wait_for_url(site_url + URLS["da"])
    assert wait_for_python(page) == "ready"
    wait_until(page, f"document.querySelector({QUESTION!r}).value === 'Hvem henter Emma?'")


def test_the_language_switch_opens_the_form_at_the_same_step_when_nothing_is_kept(page, site_url):
    open_form(page, site_url + URLS["da"])
    go_to_step(page, "questions")
    page.locator(QUESTION).fill("Hvem henter Emma?")
    wait_until(page, "document.querySelector('[data-document]').innerText.includes('Emma?')")
    page.locator(f"a[hreflang='en'][href*='{URLS['da']}']").first.evaluate("(link) => link.click()")
    page.wait_for_url(site_url + URLS["en"] + "**")
    assert wait_for_python(page) == "ready"
    assert current_step(page) == "questions"
    assert page.input_value(QUESTION) == "Hvem henter Emma?"
    assert page.evaluate("localStorage.length") == 0
