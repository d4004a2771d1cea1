"""Leaving quickly, the page's own Content-Security-Policy, and a form that stays offline."""

import pytest
from pagecheck import go_to_step, wait_for_python, wait_until

from forms.text import ui

EXIT_URL = ui("exit_url", "da")


@pytest.fixture
def neutral_site(page):
    """The neutral page the exit leads to, answered here: the tests reach no other host."""
    page.route(EXIT_URL + "**", lambda route: route.fulfill(body="<title>Vejret</title>"))


def test_the_leave_button_replaces_the_page_and_back_does_not_show_the_site(
    page, site_url, neutral_site
):
    page.goto(site_url + "hvad-er-det/")
    page.goto(site_url + "dine-rettigheder/")
    exit_link = page.locator("[data-quick-exit]:visible")
    assert exit_link.inner_text() == ui("exit_button", "da")
    # It is the first thing a keyboard reaches after the skip link.
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
    page.keyboard.press("Enter")
    page.wait_for_url(EXIT_URL)
    # Back does not show the site again: its page goes straight on to the neutral one.
    page.go_back()
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Vejret"


def test_pressing_shift_three_times_leaves_from_any_page(page, site_url, neutral_site):
    page.goto(site_url + "en/skemaer/vores-spoergsmaal/")
    page.locator("#f-questions-q1-text").fill("Something private")
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Vejret"


def test_going_back_with_shift_tab_or_typing_capitals_never_leaves(page, site_url, neutral_site):
    page.goto(site_url + "skemaer/vores-spoergsmaal/")
    assert wait_for_python(page) == "ready"
    page.locator("#f-child_name").focus()
    page.keyboard.type("ANNA MAJA")
    for _ in range(4):
        page.keyboard.press("Shift+Tab")
    # A key between the presses starts the count again.
    for key in ("Shift", "Shift", "a", "Shift"):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == site_url + "skemaer/vores-spoergsmaal/"
    assert page.input_value("#f-child_name") == "ANNA MAJA"


def test_the_page_refuses_scripts_it_did_not_ship(page, site_url):
    refused = []
    page.on("console", lambda message: refused.append(message.text))
    page.goto(site_url)
    page.evaluate(
        "document.head.append(Object.assign(document.createElement('script'),"
        " {textContent: 'window.__injected = true'}))"
    )
    wait_until(page, "true")
    assert page.evaluate("window.__injected ?? false") is False
    assert any("Content Security Policy" in text for text in refused)


def test_a_form_asks_nothing_of_the_network_once_python_has_started(page, site_url, tmp_path):
    page.goto(site_url + "skemaer/vores-spoergsmaal/")
    assert wait_for_python(page) == "ready"
    # Nothing comes after Python's start by itself either (the search's index waits until the
    # search is opened): what the family does below must ask for nothing.
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvordan får Emma det godt?")
    page.locator("#b-questions-add").click()
    wait_until(page, "document.activeElement.id === 'f-questions-q2-text'")
    page.keyboard.type("Hvem hjælper?")
    page.pdf(path=str(tmp_path / "offline.pdf"))
    assert requests == []
