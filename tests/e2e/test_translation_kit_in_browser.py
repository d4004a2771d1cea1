"""A language added through the translator's kit (every text pseudo-translated: accented,
lengthened, marked ⟦…⟧), in the browser: each form starts Python and speaks the language, the
printout too, and search works for a language lunr has no stemmer for, with no console error."""

import json
import re

import pytest
from pagecheck import PageGuard, current_step, open_form, pdf_text, wait_until
from support import PSEUDO_LANGUAGE, built_pages, form_pages, without_cldr_dates
from test_pages import axe_violations
from test_reflow import SIDEWAYS

from scripts.translation.pseudo import ACCENTED, pseudo

FORMS = list(form_pages().values())
PLAIN_WORD = re.compile(r"[A-Za-zæøåÆØÅ]{2,}")
# The other languages' names in the language menu stay as each language writes its own.
NAMES = {"Dansk", "English"}
RESULT_LINKS = "[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"


def plain_words(text: str, locale: dict | None = None) -> set[str]:
    """The words in plain letters, but for the dates written from the language's CLDR data."""
    if locale:
        text = without_cldr_dates(text, locale)
    return set(PLAIN_WORD.findall(text)) - NAMES


@pytest.fixture(scope="module")
def cldr_locale(pseudo_language):
    """The language's entry of locales.json, as the build in the copy wrote it."""
    written = pseudo_language["repo"] / "forms" / "definitions" / "locales.json"
    return json.loads(written.read_text(encoding="utf-8"))[PSEUDO_LANGUAGE]


# "Our questions" needs a question before its answers can be checked: typed in the language.
A_QUESTION = """() => {
  const field = document.querySelector('#f-questions-q1-text');
  if (!field || field.value) return;
  field.value = 'Ĥṽóŕðáñ ƒǻŕ ƀáŕñéţ ðéţ ĝóðţ?';
  field.dispatchEvent(new Event('input', {bubbles: true}));
}"""
SHOWN_STEP = "section.fgc-step:not([hidden])"


PHONE = {"width": 320, "height": 640}


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport=PHONE, service_workers="block")
    yield context.new_page()
    context.close()


def test_every_page_of_the_new_language_fits_a_phone_and_is_axe_clean(
    phone_page, pseudo_language, pseudo_language_url
):
    """The pages (the forms' own steps are in the test below) at 320 px, lengthened by a third."""
    page = phone_page
    guarded = PageGuard(page, pseudo_language_url)
    problems = {}
    paths = [p for p in built_pages(pseudo_language["site"]) if p.startswith(PSEUDO_LANGUAGE + "/")]
    assert len(paths) == 17
    for path in paths:
        if path.removeprefix(PSEUDO_LANGUAGE + "/") in FORMS:
            continue
        page.goto(pseudo_language_url + path)
        found = {"sideways": page.evaluate(SIDEWAYS), "axe": axe_violations(page)}
        if found["sideways"]["scroll"] > 0 or found["sideways"]["wide"] or found["axe"]:
            problems[path] = found
    assert problems == {}
    guarded.assert_clean()


@pytest.mark.parametrize("form", FORMS)
def test_a_form_starts_python_and_speaks_the_new_language(
    phone_page, pseudo_language_url, form, tmp_path, cldr_locale
):
    """Every step of the form, its check and its blank printout, in the new language, on a
    phone: nothing scrolls sideways, axe clean."""
    page = phone_page
    guarded = PageGuard(page, pseudo_language_url)
    open_form(page, f"{pseudo_language_url}{PSEUDO_LANGUAGE}/{form}")
    assert plain_words(page.locator("body").inner_text(), cldr_locale) == set()
    page.evaluate(A_QUESTION)
    steps = 0
    while current_step(page) != "check":
        shown = page.locator(SHOWN_STEP).inner_text()
        assert "⟦" in shown
        assert plain_words(shown, cldr_locale) == set(), current_step(page)
        sideways = page.evaluate(SIDEWAYS)
        assert sideways["scroll"] <= 0 and sideways["wide"] == [], (current_step(page), sideways)
        before = current_step(page)
        page.locator(f"{SHOWN_STEP} [data-action=step_continued]").click()
        wait_until(page, f"document.querySelector('form.fgc-form').dataset.step !== {before!r}")
        steps += 1
        assert steps < 12
    assert plain_words(page.locator("form.fgc-form").inner_text(), cldr_locale) == set()
    assert axe_violations(page) == []
    page.evaluate("window.print = () => {}")
    page.locator(".fgc-print [data-action=print_blank]").click()
    printed = pdf_text(page, tmp_path / "blank.pdf")
    assert "⟦" in printed
    assert plain_words(printed, cldr_locale) == set()
    guarded.assert_clean()


def test_search_finds_pages_in_a_language_lunr_cannot_stem(page, pseudo_language_url):
    """At a desktop's width, where the search field is shown."""
    guarded = PageGuard(page, pseudo_language_url)
    start = f"{pseudo_language_url}{PSEUDO_LANGUAGE}/"
    page.goto(start)
    search = page.locator(".md-search__input")
    search.click() if search.is_visible() else page.locator("label[for=__search]").first.click()
    # Typed once the search is ready: it then asks for a search word (in the language), where
    # it said it was starting before.
    ready = pseudo("Indtast søgeord")
    wait_until(
        page,
        f"document.querySelector('.md-search-result__meta')?.innerText === {ready!r}",
        timeout_s=30,
    )
    page.keyboard.type("rettigheder".translate(ACCENTED), delay=20)
    # Letters outside the test keyboard's layout come as inserted text, with no key released;
    # a key press gives the search the key-up a reader's own keyboard gives it.
    page.keyboard.press("End")
    links = wait_until(page, f"({RESULT_LINKS}).length && {RESULT_LINKS}", timeout_s=20)
    assert links and all(link.startswith(start) for link in links)
    assert any("dine-rettigheder" in link for link in links)
    guarded.assert_clean()  # no "importScripts … lunr.kl.min.js" error
