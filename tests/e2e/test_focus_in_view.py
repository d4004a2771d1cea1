"""Wherever the keyboard takes the focus, the focused control is in sight: never under the
sticky header (WCAG 2.2, 2.4.11 Focus Not Obscured), on a phone or a desktop."""

import pytest
from pagecheck import go_to_step, open_form
from support import ROOT

FORM_PAGES = sorted(
    page.name.removesuffix(".da.md") for page in (ROOT / "docs/skemaer").glob("*.da.md")
)

FOCUSABLE = """[...document.querySelectorAll(
  '.md-content :is(a[href], button, input, textarea, select, [tabindex="0"])')]
  .filter((element) => element.getClientRects().length && !element.disabled
    && getComputedStyle(element).visibility !== 'hidden')"""

# Put control `index` half under the header, focus the control after it without scrolling,
# and Shift+Tab back: as a keyboard user arrives at a control from below.
HALF_UNDER_HEADER = f"""(index) => {{
  const controls = {FOCUSABLE};
  const [target, next] = [controls[index], controls[index + 1]];
  const header = document.querySelector('.md-header').getBoundingClientRect();
  window.scrollBy(0, target.getBoundingClientRect().top - header.bottom + target.offsetHeight / 2);
  next.focus({{preventScroll: true}});
  return controls.length;
}}"""

COVERED = """() => {
  const header = document.querySelector('.md-header').getBoundingClientRect();
  const focused = document.activeElement.getBoundingClientRect();
  const hidden = Math.max(0, Math.min(focused.bottom, header.bottom) - focused.top);
  return {covered: focused.height ? hidden / focused.height : 0,
          what: document.activeElement.outerHTML.slice(0, 120)};
}"""


def covered_controls(page) -> list[str]:
    count = page.evaluate(f"({FOCUSABLE}).length")
    assert count > 3
    found = []
    for index in range(count - 1):
        page.evaluate(HALF_UNDER_HEADER, index)
        page.keyboard.press("Shift+Tab")
        seen = page.evaluate(COVERED)
        if seen["covered"] > 0:
            found.append(f"{seen['covered']:.0%} {seen['what']}")
    return found


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("form_page", FORM_PAGES)
def test_shift_tab_never_leaves_the_focus_under_the_header(page, site_url, form_page, width):
    page.set_viewport_size({"width": width, "height": 700})
    open_form(page, f"{site_url}skemaer/{form_page}/")
    assert covered_controls(page) == []


def test_a_guests_name_reached_from_below_is_in_sight(page, site_url):
    page.set_viewport_size({"width": 1280, "height": 700})
    open_form(page, site_url + "skemaer/hvem-skal-med/")
    go_to_step(page, "people")
    assert covered_controls(page) == []
