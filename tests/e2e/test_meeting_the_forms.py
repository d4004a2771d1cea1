"""The forms as a family, a child and a caseworker first meet them, in both languages: the blank
template from the first step, the choice to keep the draft before the first step, no old news
on a new step, no "back to top" on form pages, the exit banner's words on a touch screen, and
the plan's signers chosen by the family."""

import pytest
from pagecheck import (
    answer_what_is_required,
    current_step,
    go_to_step,
    kept_before_opening,
    next_frames,
    open_form,
    pdf_text,
    wait_for_python,
    wait_until,
)
from support import example_draft, form_pages

from forms.schema import load
from forms.text import ui

# The family's forms (the child's own has its own tests: test_childs_form.py).
FORMS = {form_id: page for form_id, page in form_pages().items() if form_id != "wishes"}


def url(site_url, path, language):
    return site_url + ("" if language == "da" else f"{language}/") + path


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("form_id", FORMS)
def test_the_blank_template_prints_from_the_first_step(
    page, site_url, guarded, tmp_path, form_id, language
):
    page.add_init_script("window.print = () => { window.__printed = true; };")
    open_form(page, url(site_url, FORMS[form_id], language))
    first = load(form_id).step_ids()[0]
    assert current_step(page) == first
    button = page.locator("[data-print-bar] [data-action=print_blank]")
    assert button.is_visible()
    assert button.inner_text() == ui("print_blank", language)
    button.click()
    assert page.evaluate("window.__printed") is True
    assert current_step(page) == first
    printed = pdf_text(page, tmp_path / "blank.pdf")
    assert load(form_id).texts["document_title"][language] in printed
    # The paper alone: none of the page's own words.
    assert ui("print_blank_hint", language) not in printed
    assert ui("keep_legend", language) not in printed
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_blank_template_prints_before_python_has_started(page, site_url, tmp_path, language):
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(url(site_url, FORMS["plan"], language))
    assert wait_for_python(page) == "failed"
    page.evaluate("window.print = () => {}")
    page.locator("[data-print-bar] [data-action=print_blank]").click()
    printed = pdf_text(page, tmp_path / "blank.pdf")
    assert load("plan").texts["document_title"][language] in printed
    assert ui("continue", language) not in printed


@pytest.mark.parametrize("language", ["da", "en"])
def test_keeping_the_draft_is_asked_before_the_first_step_and_says_what_it_gives(
    page, site_url, language
):
    open_form(page, url(site_url, FORMS["questions"], language))
    keep = page.locator("#fgc-keep-device")
    assert keep.is_visible()
    first_step = page.locator("section.fgc-step:not([hidden])")
    above = page.evaluate(
        "([a, b]) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING",
        [keep.element_handle(), first_step.element_handle()],
    )
    assert above, "the choice comes before the first step"
    box = page.locator("[data-keep]")
    assert ui("keep_intro", language) in box.inner_text()
    # Moving to a choice does not make it; the button does.
    keep.check()
    assert page.evaluate("localStorage.length") == 0
    page.locator("[data-keep] [data-action=keep_chosen]").click()
    wait_until(
        page,
        "document.querySelector('[data-keep-notice]').innerText.includes("
        f"{ui('keep_on', language)!r})",
    )
    page.reload()
    assert wait_for_python(page) == "ready"
    assert page.is_checked("#fgc-keep-device")


@pytest.mark.parametrize("language", ["da", "en"])
def test_what_was_told_on_one_step_is_gone_on_the_next(page, site_url, language):
    open_form(page, url(site_url, FORMS["questions"], language))
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvordan får Emma det godt i skolen?")
    page.locator("#b-questions-add").click()
    status = page.locator("[data-status] .fgc-status-text")
    added = load("questions").list_def("questions").item_name[language].format(n=2)
    wait_until(page, "document.activeElement.id === 'f-questions-q2-text'")
    assert added.lower() in status.inner_text().lower()
    page.locator("#f-questions-q2-text").fill("Hvem hjælper efter skole?")
    go_to_step(page, "check")
    assert status.inner_text() == ui("status_ready", language)


@pytest.mark.parametrize("language", ["da", "en"])
def test_no_back_to_top_button_on_form_pages_but_on_other_pages(page, site_url, language):
    page.set_viewport_size({"width": 375, "height": 700})
    open_form(page, url(site_url, FORMS["plan"], language))
    go_to_step(page, load("plan").step_ids()[1])
    page.mouse.wheel(0, -300)
    next_frames(page)
    assert page.locator(".md-top").count() == 0
    page.goto(url(site_url, "hvad-er-det/", language))
    assert page.locator(".md-top").count() == 1
    page.mouse.wheel(0, 2000)
    wait_until(page, "window.scrollY > 0")
    next_frames(page)
    page.mouse.wheel(0, -300)
    wait_until(page, "!document.querySelector('.md-top').hidden")
    assert page.locator(".md-top").is_visible()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_exit_banner_says_tap_on_a_touch_screen_and_shift_elsewhere(
    browser, site_url, language
):
    address = url(site_url, "hvad-er-det/", language)
    for touch, shown, hidden in (
        (True, "exit_hint_touch", "exit_hint"),
        (False, "exit_hint", "exit_hint_touch"),
    ):
        context = browser.new_context(
            viewport={"width": 1024, "height": 700}, has_touch=touch, is_mobile=touch
        )
        page = context.new_page()
        page.goto(address)
        banner = page.locator(".md-banner")
        assert ui(shown, language) in banner.inner_text()
        assert ui(hidden, language) not in banner.inner_text()
        button = page.locator(".fgc-exit [data-quick-exit]")
        size = button.bounding_box()
        assert size["width"] >= 44 and size["height"] >= 44
        context.close()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_family_chooses_who_signs_the_plan_and_picks_who_does_it_from_the_guests(
    page, site_url, guarded, tmp_path, language
):
    draft = example_draft(["guests"])
    page.add_init_script(kept_before_opening(draft))
    open_form(page, url(site_url, FORMS["plan"], language))
    guests = load("guests").examples["filled"]["guests"]
    family = [g["name"] for g in guests if g["circle"] != "professionals"]
    professional = next(g["name"] for g in guests if g["circle"] == "professionals")
    # "Who does it?" offers every guest's name.
    options = page.eval_on_selector_all(
        "#fgc-suggestions-guests option", "options => options.map((o) => o.value)"
    )
    assert options == [g["name"] for g in guests]
    who = page.locator("[data-field][name$='/who']").first
    assert who.get_attribute("list") == "fgc-suggestions-guests"
    go_to_step(page, "signers")
    names = page.eval_on_selector_all(
        "[data-items-for=signers] [data-field]", "fields => fields.map((f) => f.value)"
    )
    assert names == family
    # The family takes one name off and adds the professional who is there after all.
    first = page.locator("[data-items-for=signers] > li").first.get_attribute("data-uid")
    page.locator(f"#b-signers-{first}-remove").click()
    wait_until(page, f"!document.querySelector('[data-uid=\"{first}\"]')")
    page.locator("#b-signers-add").click()
    wait_until(page, "document.activeElement.matches('[data-items-for=signers] [data-field]')")
    page.keyboard.type(professional)
    go_to_step(page, "check")
    printed = pdf_text(page, tmp_path / "plan.pdf")
    signatures = printed.split(load("plan").texts["signatures_heading"][language])[1]
    assert family[0] not in signatures
    assert all(name in signatures for name in family[1:])
    assert professional in signatures
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_print_and_the_blank_template_do_not_touch_on_a_phone(page, site_url, language):
    page.set_viewport_size({"width": 375, "height": 700})
    open_form(page, url(site_url, FORMS["questions"], language))
    answer_what_is_required(page)
    go_to_step(page, "check")
    printing = page.locator(".fgc-print [data-action=print]").bounding_box()
    blank = page.locator(".fgc-print [data-action=print_blank]").bounding_box()
    apart_x = blank["x"] - (printing["x"] + printing["width"])
    apart_y = blank["y"] - (printing["y"] + printing["height"])
    assert max(apart_x, apart_y) >= 8


def test_the_desktop_menus_links_never_slide_under_its_title(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(url(site_url, FORMS["plan"], "da"))
    wait_until(page, "document.querySelector('.md-sidebar--primary .md-nav__link') !== null")
    next_frames(page)
    # Links cut at the menu's edge, as it scrolls, are fine; nothing of the menu is drawn over
    # them (Material's sticky title did, half hiding the first link shown).
    covered = page.evaluate(
        """() => {
            const menu = document.querySelector('.md-sidebar--primary');
            const titles = [...menu.querySelectorAll('.md-nav__title')]
                .filter((title) => title.offsetParent)
                .map((title) => title.getBoundingClientRect());
            return [...menu.querySelectorAll('.md-nav__link')]
                .filter((link) => link.offsetParent)
                .filter((link) => titles.some((t) => {
                    const box = link.getBoundingClientRect();
                    return box.top < t.bottom && t.top < box.bottom && box.height > 0;
                }))
                .map((link) => link.innerText);
        }"""
    )
    assert covered == []
