"""The menu by keyboard: on a narrow screen or at high zoom the closed menu is no Tab stop, the
menu button is a named button that Enter opens and Escape closes, the search button has a name."""

import pytest
from pagecheck import wait_until
from support import built_pages

# Where the focus is, after one more Tab: whether a person can see it, and whether the page's
# own content has been reached.
TAB_STOP = """() => {
  // The colour scheme's switch is a radio button drawn by the label that follows it.
  const element = document.activeElement.matches('.md-option')
    ? document.activeElement.nextElementSibling : document.activeElement;
  const box = element.getBoundingClientRect();
  const seen = box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0
    && box.left < innerWidth && box.top < innerHeight
    && getComputedStyle(element).visibility !== 'hidden';
  return {seen, inContent: Boolean(element.closest('.md-content')),
          what: element.outerHTML.slice(0, 100)};
}"""


def unseen_stops_before_the_content(page) -> list[str]:
    unseen = []
    for _ in range(60):
        page.keyboard.press("Tab")
        stop = page.evaluate(TAB_STOP)
        if stop["inContent"]:
            return unseen
        if not stop["seen"]:
            unseen.append(stop["what"])
    raise AssertionError("the content was never reached by Tab")


@pytest.mark.parametrize("width", [320, 1024])
def test_no_page_has_tab_stops_nobody_can_see_before_its_content(page, site_url, site_dir, width):
    page.set_viewport_size({"width": width, "height": 800})
    found = {}
    for path in built_pages(site_dir):
        page.goto(site_url + path)
        unseen = unseen_stops_before_the_content(page)
        if unseen:
            found[path] = unseen
    assert found == {}


@pytest.mark.parametrize(
    ("start", "menu", "search"), [("", "Menu", "Søg på siden"), ("en/", "Menu", "Search the site")]
)
def test_the_menu_button_is_named_opens_with_enter_and_closes_with_escape(
    page, site_url, start, menu, search
):
    page.set_viewport_size({"width": 1024, "height": 800})
    page.goto(site_url + start + "hvad-er-det/")
    button = page.get_by_role("button", name=menu, exact=True)
    assert button.get_attribute("aria-expanded") == "false"
    assert page.locator(".md-header__button[for=__search]").inner_text().strip() == search
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-menu-button')"):
            break
    else:
        raise AssertionError("Tab never reached the menu button")
    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('__drawer').checked")
    assert button.get_attribute("aria-expanded") == "true"
    link = page.locator(".md-sidebar--primary .md-nav__link[href]").first
    wait_until(
        page,
        "getComputedStyle(document.querySelector('.md-sidebar--primary')).visibility === 'visible'",
    )
    assert link.is_visible()
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('__drawer').checked")
    assert page.evaluate("document.activeElement.hasAttribute('data-menu-button')")
    assert button.get_attribute("aria-expanded") == "false"
