"""A language added through the translator's kit (every text pseudo-translated: accented,
lengthened, marked ⟦…⟧), in the browser: each form starts Python and speaks the language, the
printout too, and search works for a language lunr has no stemmer for, with no console error."""

import re

import pytest
from pagecheck import PageGuard, pdf_text, wait_for_python, wait_until
from support import PSEUDO_LANGUAGE

FORMS = [
    "skemaer/vores-spoergsmaal/",
    "skemaer/hvem-skal-med/",
    "skemaer/mine-oensker/",
    "skemaer/vores-plan/",
    "skemaer/opfoelgning/",
]
PLAIN_WORD = re.compile(r"[A-Za-zæøåÆØÅ]{2,}")
# The other languages' names in the language menu stay as each language writes its own.
NAMES = {"Dansk", "English"}
RESULT_LINKS = "[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"


def plain_words(text: str) -> set[str]:
    return set(PLAIN_WORD.findall(text)) - NAMES


@pytest.mark.parametrize("form", FORMS)
def test_a_form_starts_python_and_speaks_the_new_language(
    page, pseudo_language_url, form, tmp_path
):
    guarded = PageGuard(page, pseudo_language_url)
    page.goto(f"{pseudo_language_url}{PSEUDO_LANGUAGE}/{form}")
    assert wait_for_python(page) == "ready"
    shown = page.locator("form.fgc-form").inner_text()
    assert "⟦" in shown
    assert plain_words(shown) == set()
    assert plain_words(page.locator("body").inner_text()) == set()
    page.evaluate("window.print = () => {}")
    page.locator(".fgc-print [data-action=print_blank]").click()
    printed = pdf_text(page, tmp_path / "blank.pdf")
    assert "⟦" in printed
    assert plain_words(printed) == set()
    guarded.assert_clean()


def test_search_finds_pages_in_a_language_lunr_cannot_stem(page, pseudo_language_url):
    guarded = PageGuard(page, pseudo_language_url)
    start = f"{pseudo_language_url}{PSEUDO_LANGUAGE}/"
    page.goto(start)
    search = page.locator(".md-search__input")
    search.click() if search.is_visible() else page.locator("label[for=__search]").first.click()
    page.keyboard.type("ŕéţţíĝĥéðéŕ", delay=20)  # "rettigheder", as the pseudo-language writes it
    links = wait_until(page, f"({RESULT_LINKS}).length && {RESULT_LINKS}", timeout_s=20)
    assert links and all(link.startswith(start) for link in links)
    assert any("dine-rettigheder" in link for link in links)
    guarded.assert_clean()  # no "importScripts … lunr.kl.min.js" error
