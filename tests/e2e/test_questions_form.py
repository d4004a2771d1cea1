"""The questions form in the browser, by keyboard alone, in Danish and English."""

import datetime

import pytest
from pagecheck import (
    PYTHON_START_TIMEOUT_S,
    current_step,
    go_to_step,
    open_form,
    pdf_text,
    python_state,
    wait_for_python,
    wait_until,
)

from forms.schema import load
from forms.text import format_date, ui

FORM = load("questions")
URLS = {"da": "skemaer/vores-spoergsmaal/", "en": "en/skemaer/vores-spoergsmaal/"}
QUESTIONS = {
    "da": (
        "Emma",
        "Skal Emma flytte hjem til sin mor?",
        "Hvordan sikrer vi, at Emma kommer i skole hver dag?",
        "Hvem kan Emma ringe til, når hun er ked af det?",
    ),
    "en": (
        "Noah",
        "Should Noah live with his grandmother?",
        "How do we make sure Noah has a safe place to sleep every night?",
        "Who can Noah call when he is sad?",
    ),
}


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def coaching_text(page, path) -> str:
    return page.locator(f'[data-coach-for="{path}"]').inner_text()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_family_writes_reorders_and_prints_its_questions_by_keyboard(
    page, site_url, guarded, tmp_path, language
):
    name, yes_no, first, second = QUESTIONS[language]
    yes_no_hint = FORM.messages["yes_no"][language]
    page.goto(site_url + URLS[language])

    # The whole form can be used at once, while Python is still starting.
    page.locator("#f-child_name").focus()
    page.keyboard.type(name)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused_id(page) == "f-questions-q1-text"
    page.keyboard.type(yes_no)
    assert python_state(page) == "starting"

    assert wait_for_python(page) == "ready"
    # What was typed meanwhile is still there, and Python has read it; one step now shows:
    # the one being typed in, with the focus where it was.
    assert current_step(page) == "questions"
    assert focused_id(page) == "f-questions-q1-text"
    assert page.input_value("#f-child_name") == name
    assert page.input_value("#f-questions-q1-text") == yes_no
    wait_until(page, "document.querySelector('[data-document]').textContent.includes('?')")
    assert yes_no_hint in page.locator('[data-coach-for="questions/q1/text"]').text_content()
    assert page.locator("#step-child-title").is_hidden()

    # Back by keyboard, and on again: the step's heading takes the focus.
    page.locator("section.fgc-step:not([hidden]) [data-action=step_chosen]").first.focus()
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'step-child-title'")
    page.locator("#f-child_name").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'step-questions-title'")
    assert page.locator("#step-child-title").is_hidden()

    # Rewriting the question as an open one makes the hint go away.
    page.keyboard.press("Tab")
    assert focused_id(page) == "f-questions-q1-text"
    page.keyboard.press("Control+A")
    page.keyboard.type(first)
    wait_until(page, "!document.querySelector('[data-coach-for=\"questions/q1/text\"]').innerText")

    # Add a second question with the keyboard: the new field gets the focus.
    add = FORM.list_def("questions").add[language]
    while focused_id(page) != "b-questions-add":
        page.keyboard.press("Tab")
    assert page.locator("#b-questions-add").inner_text() == add
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'f-questions-q2-text'")
    page.keyboard.type(second)

    # Move it to the top: the focus stays on a button, the order changes on paper.
    page.locator("#b-questions-q2-up").focus()
    page.keyboard.press("Enter")
    wait_until(
        page, "document.querySelector('[data-items-for=questions]').dataset.structure === 'q2 q1'"
    )
    assert focused_id(page) == "b-questions-q2-down"
    assert page.input_value("#f-questions-q2-text") == second

    go_to_step(page, "check")
    summary = page.locator("[data-summary]").inner_text()
    assert name in summary and second[:40] in summary

    printed = pdf_text(page, tmp_path / "printout.pdf")
    title = FORM.texts["document_title"][language]
    today = ui(
        "printed_on", language, date=format_date(datetime.date.today().isoformat(), language)
    )
    assert title in printed
    assert today in printed
    assert ui("document_for_child", language).format(name=name) in printed
    assert printed.index(second) < printed.index(first)
    # Only the paper goes to the printer: no buttons, hints, summary or site navigation.
    assert add not in printed
    assert yes_no_hint not in printed
    assert ui("print_hint", language) not in printed
    assert ui("check_title", language) not in printed

    # Back to the questions with "Change", and remove the first question again by keyboard.
    page.locator("[data-summary] [data-step=questions]").focus()
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'step-questions-title'")
    page.locator("#b-questions-q2-remove").focus()
    page.keyboard.press("Enter")
    wait_until(
        page, "document.querySelector('[data-items-for=questions]').dataset.structure === 'q1'"
    )
    assert focused_id(page) == "f-questions-q1-text"
    wait_until(
        page,
        f"!document.querySelector('[data-document]').textContent.includes({second!r})",
    )
    guarded.assert_clean()


def test_a_blank_template_prints_lines_and_none_of_what_was_typed(page, site_url, tmp_path):
    page.add_init_script("window.print = () => { window.__printed = true; };")
    open_form(page, site_url + URLS["da"])
    page.locator("#f-child_name").fill("Emma")
    go_to_step(page, "questions")
    # At least one question is needed to go on to the answers to check.
    page.locator("#f-questions-q1-text").fill("Hvordan får Emma det godt i skolen?")
    go_to_step(page, "check")
    page.locator(".fgc-print [data-action=print_blank]").click()
    assert page.evaluate("window.__printed") is True
    printed = pdf_text(page, tmp_path / "printout.pdf")
    assert FORM.texts["document_title"]["da"] in printed
    assert "Emma" not in printed
    assert ui("date_line", "da") in printed


def test_when_python_cannot_start_the_family_is_told_and_can_still_print(page, site_url, tmp_path):
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url + URLS["da"])
    page.locator("#f-questions-q1-text").fill("Hvordan får Emma det godt i skolen?")
    assert wait_for_python(page) == "failed"
    status = page.locator("[data-status]").inner_text()
    assert status == ui("status_failed", "da")
    assert page.input_value("#f-questions-q1-text") == "Hvordan får Emma det godt i skolen?"
    printed = pdf_text(page, tmp_path / "printout.pdf")
    assert "Hvordan får Emma det godt i skolen?" in printed
    assert FORM.list_def("questions").add["da"] not in printed


BAR_ANIMATIONS = """() => document.getAnimations()
    .filter((a) => a.effect.target.matches('.fgc-progress'))
    .map((a) => a.effect.getKeyframes().flatMap((frame) => Object.keys(frame)
        .filter((key) => !['offset', 'computedOffset', 'easing', 'composite'].includes(key))))"""


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_while_python_starts_a_bar_moves_unless_less_motion_is_asked_for(page, site_url, motion):
    page.emulate_media(reduced_motion=motion)
    held = []  # Python's files are held, so Python stays "starting"
    page.route("**/pyodide/**", lambda route: held.append(route))
    # The worker asks for Pyodide (the wait fails if it never does); the request is held.
    with page.expect_request("**/pyodide/**", timeout=PYTHON_START_TIMEOUT_S * 1000):
        page.goto(site_url + URLS["da"])
    bar = page.locator(".fgc-progress")
    assert python_state(page) == "starting"
    assert bar.is_visible()
    animated = page.evaluate(BAR_ANIMATIONS)
    if motion == "reduce":
        assert animated == []
    else:
        # It moves by its transform alone, so the page is not painted again for every frame
        # while Python's start needs the processor.
        assert len(animated) == 1 and set(animated[0]) == {"transform"}
    for route in held:
        route.continue_()
    page.unroute("**/pyodide/**")
    assert wait_for_python(page) == "ready"
    assert not bar.is_visible()
