"""Leaving quickly, the page's own Content-Security-Policy, and a form that stays offline."""

import pytest
from pagecheck import go_to_step, open_form, wait_until

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


@pytest.mark.parametrize("keys", ["Alt+Shift+KeyQ", "Shift+Alt+KeyQ"])
def test_alt_shift_q_leaves_from_any_page_even_from_a_field(page, site_url, neutral_site, keys):
    page.goto(site_url + "en/skemaer/vores-spoergsmaal/")
    page.locator("#f-questions-q1-text").fill("Something private")
    page.locator("#f-questions-q1-text").focus()
    page.keyboard.press(keys)
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Vejret"


def _still_here(page) -> bool:
    # Leaving blanks the page at once, within the key's own event (assets/quick-exit.js).
    return page.evaluate(
        "document.documentElement.dataset.leaving === undefined"
        " && document.querySelector('form.fgc-form') !== null"
    )


def test_three_lone_shift_presses_no_longer_leave(page, site_url, neutral_site):
    """Shift pressed on its own is how a screen reader's user stops its speech (NVDA)."""
    open_form(page, site_url + "skemaer/vores-spoergsmaal/")
    page.locator("#f-child_name").fill("Anna")
    for _ in range(5):
        page.keyboard.press("Shift")
    assert _still_here(page)
    assert page.url == site_url + "skemaer/vores-spoergsmaal/"
    assert page.input_value("#f-child_name") == "Anna"


def test_going_back_with_shift_tab_or_typing_capitals_never_leaves(page, site_url, neutral_site):
    open_form(page, site_url + "skemaer/vores-spoergsmaal/")
    page.locator("#f-child_name").focus()
    # Capitals, Alt with another letter, Control+Shift+Q: none of them is the way out.
    page.keyboard.type("ANNA MAJA")
    for key in ("Shift+Tab", "Shift+Tab", "Alt+Shift+KeyW", "Control+Shift+KeyQ", "Alt+KeyQ"):
        page.keyboard.press(key)
        assert _still_here(page), key
    assert page.url == site_url + "skemaer/vores-spoergsmaal/"
    page.locator("#f-child_name").focus()
    page.keyboard.press("End")
    page.keyboard.type("Q")
    assert page.input_value("#f-child_name") == "ANNA MAJAQ"


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
    open_form(page, site_url + "skemaer/vores-spoergsmaal/")
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
