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
