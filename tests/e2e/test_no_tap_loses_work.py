"""Every way the site can remove what a family kept, walked in the browser: only the confirmed
"Delete everything" (and, where the family set it so, leaving quickly) removes anything; a choice
about keeping changes only what is kept from now on."""

import pytest
from pagecheck import (
    CHILD_FILE_KEY,
    DRAFT_KEY,
    KEEP_KEY,
    LEAVE_KEY,
    SITE_KEYS,
    choose_keep,
    go_to_step,
    open_form,
    stored,
    wait_for_python,
    wait_until,
)

from forms.text import ui, ui_count

QUESTIONS = {"da": "skemaer/vores-spoergsmaal/", "en": "en/skemaer/vores-spoergsmaal/"}
QUESTION = "#f-questions-q1-text"
STORED = f"{stored(DRAFT_KEY)} ?? ''"


def keep_and_type(page, text):
    choose_keep(page, "device")
    go_to_step(page, "questions")
    page.locator(QUESTION).fill(text)
    wait_until(page, f"({STORED}).includes({text!r})")


def keep_notice(page) -> str:
    return page.locator("[data-keep-notice]").inner_text()


@pytest.mark.parametrize("language", ["da", "en"])
def test_choosing_to_keep_nothing_more_deletes_nothing_and_says_what_is_still_kept(
    page, site_url, language
):
    open_form(page, site_url + QUESTIONS[language])
    keep_and_type(page, "Hvem henter Emma?")

    # Arrowing through the choices changes nothing: only the button makes the choice.
    page.locator("#fgc-keep-device").focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.is_checked("#fgc-keep-shared")
    page.locator(QUESTION).fill("Hvem henter Emma om fredagen?")
    wait_until(page, f"({STORED}).includes('fredagen')")
    assert page.evaluate(f"localStorage.getItem({KEEP_KEY!r})") == "ja"

    page.locator("[data-keep] [data-action=keep_chosen]").click()
    assert keep_notice(page).startswith(ui("keep_off", language))
    # What is still kept is said, with the way to delete it.
    still = ui("keep_off_still_kept", language, what=ui_count("kept_forms", 1, language))
    wait_until(
        page, f"document.querySelector('[data-keep-notice]').innerText.includes({still[:20]!r})"
    )
    assert ui_count("kept_forms", 1, language) in keep_notice(page)
    assert page.evaluate(f"localStorage.getItem({KEEP_KEY!r})") is None
    assert "fredagen" in page.evaluate(STORED)

    # Typed from now on: not kept.
    page.locator(QUESTION).fill("Ny tekst, ikke gemt")
    wait_until(page, "document.querySelector('[data-document]').innerText.includes('Ny tekst')")
    assert "Ny tekst" not in page.evaluate(STORED)

    # A reload keeps what was typed in this tab's memory; a new visit shows what was kept.
    page.on("dialog", lambda dialog: dialog.accept())
    page.reload()
    assert wait_for_python(page) == "ready"
    assert page.input_value(QUESTION) == "Ny tekst, ikke gemt"
    visit = page.context.new_page()
    open_form(visit, site_url + QUESTIONS[language])
    assert visit.input_value(QUESTION) == "Hvem henter Emma om fredagen?"
    assert not visit.is_checked("#fgc-keep-device")


@pytest.mark.parametrize("language", ["da", "en"])
def test_delete_everything_says_what_goes_offers_a_file_first_and_only_then_deletes(
    page, site_url, language
):
    open_form(page, site_url + QUESTIONS[language])
    keep_and_type(page, "Hvem henter Emma?")
    page.locator("[data-action=delete_all]").click()
    confirm = page.locator("[data-confirm]")
    what = ui("delete_what", language, what=ui_count("kept_forms", 1, language))
    wait_until(
        page, f"document.querySelector('[data-delete-what]').innerText.startsWith({what[:-1]!r})"
    )
    assert confirm.locator("[data-action=save_file_first]").is_visible()
    with page.expect_download() as download:
        confirm.locator("[data-action=save_file_first]").click()
    assert download.value.suggested_filename.endswith(".json")

    # Cancel: everything stays.
    confirm.locator("[data-action=delete_cancelled]").click()
    assert confirm.is_hidden()
    assert "Hvem henter Emma?" in page.evaluate(STORED)

    page.locator("[data-action=delete_all]").click()
    confirm.locator("[data-action=delete_confirmed]").click()
    wait_until(page, f"document.querySelector({QUESTION!r}).value === ''")
    assert page.evaluate(STORED) == ""
    assert page.evaluate(f"localStorage.getItem({KEEP_KEY!r})") is None


EXIT_URL = ui("exit_url", "da")


@pytest.fixture
def neutral_site(page):
    """The neutral page the exit leads to, answered here: the tests reach no other host."""
    page.route(EXIT_URL + "**", lambda route: route.fulfill(body="<title>Vejret</title>"))


def leave(page):
    page.locator("[data-quick-exit]:visible").click()
    page.wait_for_url(EXIT_URL)


@pytest.mark.parametrize("language", ["da", "en"])
def test_leaving_hides_the_site_back_included_but_keeps_the_work_unless_set_to_delete(
    page, site_url, neutral_site, language
):
    page.goto(site_url + ("" if language == "da" else "en/"))
    open_form(page, site_url + QUESTIONS[language])
    keep_and_type(page, "Hvem henter Emma?")
    # The button says what it does, as set.
    assert ui("exit_keeps", language) in page.locator(".fgc-exit").inner_text()
    leave(page)
    # Back never shows the site again in this tab.
    page.go_back()
    page.wait_for_url(EXIT_URL)
    assert page.title() == "Vejret"
    page.go_back()
    assert not page.url.startswith(site_url)
    # One tap by mistake lost nothing: opened again on purpose, the work is there.
    open_form(page, site_url + QUESTIONS[language])
    assert page.input_value(QUESTION) == "Hvem henter Emma?"

    # Set to delete on leaving: the button says so, and leaving deletes everything kept.
    choose_keep(page, "leave")
    assert LEAVE_KEY in page.evaluate(SITE_KEYS)
    page.reload()
    assert wait_for_python(page) == "ready"
    assert page.is_checked("#fgc-keep-leave")
    assert ui("exit_deletes", language) in page.locator(".fgc-exit").inner_text()
    leave(page)
    open_form(page, site_url + QUESTIONS[language])
    assert page.evaluate(SITE_KEYS) == []
    assert page.input_value(QUESTION) == ""


def test_on_a_phone_the_open_menu_never_covers_the_leave_button(page, site_url, neutral_site):
    page.set_viewport_size({"width": 375, "height": 700})
    page.goto(site_url + "hvad-er-det/")
    page.locator("[data-menu-button]").click()
    wait_until(page, "document.getElementById('__drawer').checked")
    button = page.locator("[data-quick-exit]:visible")
    box = button.bounding_box()
    assert box["x"] + box["width"] <= 375
    on_top = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y)?.closest('[data-quick-exit]') !== null",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    assert on_top
    leave(page)


def promised(page, site_url, language, table) -> dict[str, set[str]]:
    """The keys the privacy page lists in one of its tables, by the choice that keeps them."""
    page.goto(site_url + ("privatliv/" if language == "da" else "en/privatliv/"))
    found: dict[str, set[str]] = {}
    for row in page.locator(f"[{table}] tbody tr[data-where=localStorage]").all():
        choice = row.get_attribute("data-choice") or "keep"
        found.setdefault(choice, set()).update(c.inner_text() for c in row.locator("code").all())
    return found


@pytest.mark.parametrize("language", ["da", "en"])
def test_what_each_choice_leaves_on_the_device_is_what_the_privacy_page_says(
    page, site_url, language
):
    kept_always = promised(page, site_url, language, "data-kept-on-device")["keep"]
    by_choice = promised(page, site_url, language, "data-kept-by-choice")
    site_keys = lambda: set(page.evaluate(SITE_KEYS))  # noqa: E731

    open_form(page, site_url + QUESTIONS[language])
    keep_and_type(page, "Hvem henter Emma?")
    assert site_keys() <= kept_always
    assert LEAVE_KEY not in site_keys()
    choose_keep(page, "leave")
    assert site_keys() - kept_always == by_choice["leave"]
    # Keeping nothing more removes nothing.
    before = site_keys()
    choose_keep(page, "shared")
    assert site_keys() == before - {KEEP_KEY}

    open_form(page, site_url + ("" if language == "da" else "en/") + "skemaer/mine-oensker/")
    choose_keep(page, "device")
    page.locator("[data-action=save_file]").click()
    wait_until(page, f"{stored(CHILD_FILE_KEY)} !== null")
    assert {key for key in site_keys() if ".barn." in key} == by_choice["child"]


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["da", "en"])
def test_every_new_state_is_axe_clean(page, site_url, language, width):
    from test_pages import axe_violations

    page.set_viewport_size({"width": width, "height": 800})
    open_form(page, site_url + QUESTIONS[language])
    keep_and_type(page, "Hvem henter Emma?")
    choose_keep(page, "shared")
    wait_until(page, "document.querySelector('[data-keep-notice]').children.length > 1")
    page.locator("[data-action=delete_all]").click()
    wait_until(page, "document.querySelector('[data-delete-what]').innerText.length > 0")
    assert axe_violations(page) == []

    # Python blocked: the failed start, Try again, and what cannot be done without it.
    page.route("**/pyodide/**", lambda route: route.abort())
    page.evaluate("localStorage.clear()")
    page.reload()
    assert wait_for_python(page) == "failed"
    page.locator("#fgc-keep-leave").check()
    page.locator("[data-keep] [data-action=keep_chosen]").click()
    page.locator("[data-action=item_added]").first.click()
    assert page.locator("[data-needs-python-note]").count() == 1
    assert axe_violations(page) == []
