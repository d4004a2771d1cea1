"""Search answers in the language the reader is reading."""

import re

import pytest
from pagecheck import wait_until

RESULT_LINKS = "[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"


@pytest.mark.parametrize(("start", "query"), [("", "familierådslagning"), ("en/", "conference")])
def test_search_results_are_pages_in_the_readers_language(page, site_url, guarded, start, query):
    page.goto(site_url + start)
    search = page.locator(".md-search__input")
    search.click() if search.is_visible() else page.locator("label[for=__search]").first.click()
    page.keyboard.type(query, delay=20)
    links = wait_until(page, f"({RESULT_LINKS}).length && {RESULT_LINKS}", timeout_s=15)
    in_english = [link for link in links if link.startswith(site_url + "en/")]
    if start == "en/":
        assert in_english == links
    else:
        assert in_english == []
    guarded.assert_clean()


INDEX_REQUESTED = """() => performance.getEntriesByType("resource")
  .filter((entry) => entry.name.endsWith("/search/search_index.json"))
  .map((entry) => entry.startTime)"""
PYTHON_READY = "performance.getEntriesByName('python-ready')[0]?.startTime ?? null"


def open_search_and_type(page, query):
    search = page.locator(".md-search__input")
    search.click() if search.is_visible() else page.locator("label[for=__search]").first.click()
    page.keyboard.type(query, delay=20)
    return wait_until(page, f"({RESULT_LINKS}).length && {RESULT_LINKS}", timeout_s=15)


@pytest.mark.parametrize("start", ["", "en/"])
def test_a_form_page_fetches_the_search_only_when_it_is_opened(page, site_url, guarded, start):
    page.goto(site_url + start + "skemaer/vores-plan/")
    wait_until(page, PYTHON_READY, timeout_s=60)
    # Python has started and the page is idle: the index is still not asked for.
    page.wait_for_load_state("networkidle")
    assert page.evaluate(f"({INDEX_REQUESTED})()") == []
    assert open_search_and_type(page, "samordner" if start == "" else "coordinator")
    assert len(page.evaluate(f"({INDEX_REQUESTED})()")) == 1
    guarded.assert_clean()


@pytest.mark.parametrize(("start", "query"), [("", "samordner"), ("en/", "coordinator")])
def test_the_search_answers_at_once_while_python_is_still_starting(page, site_url, start, query):
    # Python's engine never arrives, so the form stays "starting" for as long as this test runs.
    page.route("**/pyodide.asm.wasm", lambda route: None)
    page.goto(site_url + start + "skemaer/vores-plan/")
    page.wait_for_load_state("load")
    page.wait_for_timeout(500)
    assert page.evaluate(f"({INDEX_REQUESTED})()") == []
    links = open_search_and_type(page, query)
    assert links
    assert page.locator("form[data-python]").get_attribute("data-python") == "starting"


@pytest.mark.parametrize(("start", "query"), [("", "samordner"), ("en/", "coordinator")])
def test_the_number_of_results_is_said_as_a_status(page, site_url, start, query):
    page.goto(site_url + start + "hvad-er-det/")
    open_search_and_type(page, query)
    said = page.get_by_role("status").filter(has_text=re.compile(r"\d"))
    assert said.count() == 1
    assert said.inner_text() == page.locator(".md-search-result__meta").inner_text()
