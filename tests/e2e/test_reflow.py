"""Every page at 320 CSS pixels wide (a phone, or a desktop at 400 % zoom): nothing scrolls
sideways except a wide table inside its own box."""

import pytest
from pagecheck import go_to_step, wait_for_python
from support import built_pages

SIDEWAYS = """() => {
  const page = document.scrollingElement;
  const wide = [...document.querySelectorAll('body *')].filter(element => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.right <= window.innerWidth + 1) return false;
    // Inside a box of its own that scrolls (Material's wrapper around wide tables): allowed.
    for (let parent = element.parentElement; parent; parent = parent.parentElement) {
      const overflow = getComputedStyle(parent).overflowX;
      if ((overflow === 'auto' || overflow === 'scroll') && parent !== page) return false;
    }
    return true;
  });
  return {scroll: page.scrollWidth - window.innerWidth, wide: wide.slice(0, 5).map(
    element => element.tagName + '.' + element.className)};
}"""


@pytest.mark.parametrize("viewport", [(320, 640), (320, 256)], ids=["phone", "zoom-400"])
def test_no_page_scrolls_sideways_at_320_pixels(browser, site_dir, site_url, viewport):
    context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]})
    page = context.new_page()
    problems = {}
    for path in built_pages(site_dir):
        page.goto(site_url + path)
        if page.locator("form.fgc-form").count():
            assert wait_for_python(page) == "ready"
            go_to_step(page, "check")
        found = page.evaluate(SIDEWAYS)
        if found["scroll"] > 0 or found["wide"]:
            problems[path] = found
    context.close()
    assert problems == {}
