"""Search answers in the language the reader is reading."""

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
def test_a_form_page_builds_the_search_only_once_python_has_started(page, site_url, guarded, start):
    page.goto(site_url + start + "skemaer/vores-plan/")
    ready = wait_until(page, PYTHON_READY, timeout_s=60)
    requested = wait_until(page, f"({INDEX_REQUESTED})().length && ({INDEX_REQUESTED})()")
    assert len(requested) == 1
    assert requested[0] >= ready
    assert open_search_and_type(page, "samordner" if start == "" else "coordinator")
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
