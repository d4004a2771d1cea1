"""Nothing typed is ever lost: typing while Python starts on a slow phone, leaving a form by any
way out, and the way out of the site always within reach on a phone."""

import time

import pytest
from pagecheck import (
    DRAFT_KEY,
    PYTHON_START_TIMEOUT_S,
    WOULD_ASK,
    choose_keep,
    go_to_step,
    kept_before_opening,
    open_form,
    python_state,
    wait_for_python,
    wait_until,
)

from forms.text import ui

FORM = "skemaer/vores-spoergsmaal/"
# A question in the form's second step, so the first step is not the one being typed in.
FIELD = "#f-questions-q1-text"
# With s, n, p and f: the theme's keys for search and for the next and previous page.
SENTENCE = (
    "Hvordan sikrer vi, at Noah spiser sin madpakke, sover nok og får sine venner "
    "på besøg, når han skal passes af farfar efter skole? "
)


def type_through_the_start(page, url, extra_s: float = 2.0) -> str:
    """Types one key every 100-200 ms into the field from the moment it can be used until
    `extra_s` after Python is ready; what was typed."""
    page.goto(url, wait_until="commit")
    deadline = time.monotonic() + PYTHON_START_TIMEOUT_S
    page.locator(FIELD).wait_for(state="visible", timeout=PYTHON_START_TIMEOUT_S * 1000)
    page.locator(FIELD).click()
    typed, ready_at, index = "", None, 0
    while ready_at is None or time.monotonic() < ready_at + extra_s:
        key = SENTENCE[index % len(SENTENCE)]
        page.keyboard.type(key)
        typed += key
        index += 1
        time.sleep(0.1 + 0.1 * (index % 2))
        if ready_at is None and python_state(page) in ("ready", "failed"):
            assert python_state(page) == "ready"
            ready_at = time.monotonic()
        assert time.monotonic() < deadline, "Python never started"
    return typed


@pytest.fixture(params=[("", 375), ("en/", 1280)], ids=["da-phone", "en-desktop"])
def slow_phone(request, page):
    """A page whose processor is four times slower: Danish on a phone, English on a desktop.
    The page's `prefix` is its language's part of the address."""
    prefix, width = request.param
    page.prefix = prefix
    page.set_viewport_size({"width": width, "height": 740})
    session = page.context.new_cdp_session(page)
    session.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    yield page
    session.send("Emulation.setCPUThrottlingRate", {"rate": 1})


def assert_nothing_lost(page, url, typed):
    assert page.url == url
    assert page.input_value(FIELD) == typed
    assert page.evaluate("document.activeElement.id") == FIELD[1:]
    assert page.locator(".md-search__input").evaluate("(input) => input.value") == ""
    assert page.locator(FIELD).is_visible()
    assert page.evaluate("document.querySelector('form.fgc-form').dataset.step") == "questions"


def test_typing_while_python_starts_cold_keeps_every_key_the_step_and_the_focus(
    slow_phone, site_url, guarded
):
    url = site_url + slow_phone.prefix + FORM
    typed = type_through_the_start(slow_phone, url)
    assert_nothing_lost(slow_phone, url, typed)
    # Python has every key too: the paper preview holds the whole text.
    wait_until(
        slow_phone,
        f"document.querySelector('[data-document]').innerText.includes({typed.strip()[-30:]!r})",
    )
    guarded.assert_clean()


def test_typing_while_python_starts_warm_keeps_every_key_the_step_and_the_focus(
    slow_phone, site_url
):
    url = site_url + slow_phone.prefix + FORM
    slow_phone.add_init_script(kept_before_opening())
    open_form(slow_phone, url)
    # The kept Python is made on this first start; the next start restores it.
    python_kept = (
        "caches.keys().then((n) => n.some((x) => x.startsWith('familieraadslagning-python-')))"
    )
    wait_until(slow_phone, python_kept, 60)
    slow_phone.evaluate("(key) => localStorage.removeItem(key)", DRAFT_KEY)
    typed = type_through_the_start(slow_phone, url)
    assert_nothing_lost(slow_phone, url, typed)


def test_the_theme_shortcuts_do_nothing_on_a_form_page(page, site_url):
    open_form(page, site_url + FORM)
    page.locator("h1").click()
    for key in ("n", "p", "s", "f", "/", ".", ","):
        page.keyboard.press(key)
    page.wait_for_timeout(300)
    assert page.url == site_url + FORM
    assert not page.evaluate("document.activeElement.matches('.md-search__input')")
    # On a page without a form they still work.
    page.goto(site_url + "hvad-er-det/")
    page.locator("h1").click()
    page.keyboard.press("n")
    page.wait_for_url(lambda url: not url.endswith("/hvad-er-det/"))


def answer(page, text="Hvem henter Noah om fredagen?"):
    go_to_step(page, "questions")
    page.locator(FIELD).fill(text)
    wait_until(page, "document.querySelector('[data-document]').innerText.includes('fredagen')")
    return text


@pytest.fixture
def asked(page):
    """The questions the browser asked before leaving a page (each one answered: stay)."""
    questions = []

    def stay(dialog):
        questions.append(dialog.type)
        dialog.dismiss()

    page.on("dialog", stay)
    return questions


def test_reloading_with_answers_neither_kept_nor_saved_asks_first(page, site_url, asked):
    open_form(page, site_url + FORM)
    text = answer(page)
    with page.expect_event("dialog"):
        page.evaluate("() => { setTimeout(() => location.reload(), 0); }")
    assert asked == ["beforeunload"]
    assert page.input_value(FIELD) == text


def test_closing_with_answers_asks_first_and_not_once_they_are_in_a_file(page, site_url):
    open_form(page, site_url + FORM)
    assert page.evaluate(WOULD_ASK) is False
    answer(page)
    assert page.evaluate(WOULD_ASK) is True
    with page.expect_download():
        page.locator("[data-action=save_file]").click()
    wait_until(page, f"!({WOULD_ASK})()")
    # Written more since the file: asks again.
    page.locator(FIELD).fill("Hvem henter Noah om torsdagen?")
    wait_until(page, f"({WOULD_ASK})()")
    # Kept on the device: nothing to lose.
    choose_keep(page, "device")
    assert page.evaluate(WOULD_ASK) is False


def test_the_language_switch_and_the_menu_carry_the_answers_without_keeping_them(page, site_url):
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.accept()))
    open_form(page, site_url + FORM)
    text = answer(page)
    # The language switch: the English form opens with the answer, without a question.
    page.locator(f"a[hreflang='en'][href*='{FORM}']").first.evaluate("(link) => link.click()")
    page.wait_for_url(site_url + "en/" + FORM)
    assert wait_for_python(page) == "ready"
    assert page.input_value(FIELD) == text
    # A menu link to a page without a form, then to the next form: the answers go along.
    page.locator("a.md-nav__link[href$='hvad-er-det/']").first.evaluate("(link) => link.click()")
    page.wait_for_url(site_url + "en/hvad-er-det/")
    page.locator("a.md-nav__link[href$='skemaer/vores-plan/']").first.evaluate(
        "(link) => link.click()"
    )
    page.wait_for_url(site_url + "en/skemaer/vores-plan/")
    assert wait_for_python(page) == "ready"
    # The plan takes its questions from "Our questions".
    assert "fredagen" in page.locator("form.fgc-form").text_content()
    assert asked == []
    # Back, like reloading, asks first (the browser does not say where it goes); then the
    # answers are there too.
    # The first step back waits on the question, which may come after go_back returns: the
    # second begins once the page it leaves has been reached.
    page.go_back()
    page.wait_for_url(site_url + "en/hvad-er-det/")
    page.go_back()
    page.wait_for_url(site_url + "en/" + FORM)
    assert wait_for_python(page) == "ready"
    assert page.input_value(FIELD) == text
    assert asked == ["beforeunload"]
    # Nothing of it was written to the device.
    stored = "Object.keys(localStorage).length + Object.keys(sessionStorage).length"
    assert page.evaluate(stored) == 0


def test_leaving_this_page_takes_no_answers_along(page, site_url, asked):
    exit_url = ui("exit_url", "da")
    page.route(exit_url + "**", lambda route: route.fulfill(body="<title>Vejret</title>"))
    open_form(page, site_url + FORM)
    answer(page)
    page.locator("[data-quick-exit]:visible").first.click()
    page.wait_for_url(exit_url)
    assert asked == []
    open_form(page, site_url + FORM)
    assert page.input_value(FIELD) == ""


@pytest.mark.parametrize("width", [320, 375])
def test_the_way_out_stays_on_a_phone_screen_and_takes_one_tap(page, site_url, width):
    from test_pages import axe_violations

    exit_url = ui("exit_url", "da")
    page.route(exit_url + "**", lambda route: route.fulfill(body="<title>Vejret</title>"))
    page.set_viewport_size({"width": width, "height": 640})
    open_form(page, site_url + "skemaer/hvem-skal-med/")
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
    button = page.locator("[data-quick-exit]:visible")
    assert button.count() == 1
    box = button.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= 640
    assert box["width"] >= 24 and box["height"] >= 24
    # It covers none of the form's own controls: it sits in the header, above the page.
    header = page.locator(".md-header").bounding_box()
    assert box["y"] + box["height"] <= header["y"] + header["height"]
    assert axe_violations(page) == []
    # By keyboard: reached with Tab, left with Enter.
    page.locator("h1").click()
    for _ in range(40):
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-quick-exit')"):
            break
    assert page.evaluate("document.activeElement.hasAttribute('data-quick-exit')")
    page.keyboard.press("Enter")
    page.wait_for_url(exit_url)
