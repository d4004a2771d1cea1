"""A link into a country tab ("Danmark", "Grønland") on "Dine rettigheder" opens that tab and
shows the place it points to: from another page, the address, or the table of contents."""

import pytest
from pagecheck import wait_until
from test_pages import axe_violations

RIGHTS = {"da": "dine-rettigheder/", "en": "en/dine-rettigheder/"}
GREENLAND_PAGE = {"da": "groenland/", "en": "en/groenland/"}
TAB_LABEL = {"da": ("Danmark", "Grønland"), "en": ("Denmark", "Greenland")}

# True when the element is shown (its tab open) and its top is inside the window.
IN_VIEW = """id => {
  const element = document.getElementById(id);
  if (!element || element.offsetParent === null) return false;
  const top = element.getBoundingClientRect().top;
  return top >= 0 && top < window.innerHeight;
}"""
OPEN_TAB = """() => {
  const input = document.querySelector('.tabbed-set > input:checked');
  return input ? document.querySelector(`label[for="${input.id}"]`).innerText.trim() : null;
}"""


def shows(page, anchor: str) -> bool:
    return page.evaluate(IN_VIEW, anchor)


def wait_for_open(page, anchor: str, label: str) -> None:
    wait_until(page, f"({IN_VIEW})({anchor!r}) && ({OPEN_TAB})() === {label!r}")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_greenland_page_links_into_the_greenland_tab(page, site_url, guarded, language):
    page.goto(site_url + GREENLAND_PAGE[language])
    page.locator("article a[href$='dine-rettigheder/#gl-law']").first.click()
    wait_for_open(page, "gl-law", TAB_LABEL[language][1])
    assert not shows(page, "dk-law")
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_an_address_into_the_greenland_tab_opens_it(page, site_url, guarded, language):
    page.goto(site_url + RIGHTS[language] + "#gl-complaint")
    wait_for_open(page, "gl-complaint", TAB_LABEL[language][1])
    # Back to a Danish place on the same page: the Danish tab opens again.
    page.evaluate("location.hash = '#dk-complaint'")
    wait_for_open(page, "dk-complaint", TAB_LABEL[language][0])
    page.go_back()
    wait_for_open(page, "gl-complaint", TAB_LABEL[language][1])
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_table_of_contents_opens_the_tab_it_points_into(page, site_url, guarded, language):
    page.set_viewport_size({"width": 1400, "height": 900})
    page.goto(site_url + RIGHTS[language])
    assert page.evaluate(OPEN_TAB) == TAB_LABEL[language][0]
    toc = page.locator(".md-sidebar--secondary")
    toc.locator("a[href='#gl-mio']").click()
    wait_for_open(page, "gl-mio", TAB_LABEL[language][1])
    toc.locator("a[href='#dk-files']").click()
    wait_for_open(page, "dk-files", TAB_LABEL[language][0])
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_rights_page_is_accessible_with_either_tab_open(page, site_url, language):
    page.goto(site_url + RIGHTS[language] + "#gl-law")
    wait_for_open(page, "gl-law", TAB_LABEL[language][1])
    assert axe_violations(page) == []
    page.goto(site_url + GREENLAND_PAGE[language])
    assert axe_violations(page) == []


RESULT_LINKS = "[...document.querySelectorAll('.md-search-result__link')].map(a => a.href)"


@pytest.mark.parametrize(("language", "query"), [("da", "Najorti"), ("en", "Najorti")])
def test_a_search_hit_in_the_greenland_tab_opens_it(page, site_url, guarded, language, query):
    page.goto(site_url + GREENLAND_PAGE[language])
    search = page.locator(".md-search__input")
    search.click() if search.is_visible() else page.locator("label[for=__search]").first.click()
    page.keyboard.type(query, delay=20)
    hits = wait_until(
        page, f"({RESULT_LINKS}).filter(h => h.includes('rettigheder/') && h.includes('#gl-'))"
    )
    anchor = hits[0].split("#", 1)[1]
    page.locator(f".md-search-result__link[href$='#{anchor}']").first.click()
    wait_for_open(page, anchor, TAB_LABEL[language][1])
    guarded.assert_clean()
