"""A language written right to left, made through the translator's kit from the PO files (the
pseudo-language ar-XB: Arabic's direction, counts and dates, every text accented, a third longer
and set right to left, tests/conftest.py), shows its pages, its forms, their printouts, the
network map and the three houses laid out from the right, and nothing wider than a 320 px phone."""

import pytest
from pagecheck import PageGuard, current_step, go_to_step, open_form, pdf_lines_by_page, wait_until
from support import RTL_PSEUDO_LANGUAGE
from test_pages import axe_violations

from forms.schema import load

# How far (CSS px) a line may stand from its column's edge: padding, a bullet.
EDGE_PX = 40


@pytest.fixture(scope="module")
def rtl_url(rtl_pseudo_language_url):
    return f"{rtl_pseudo_language_url}{RTL_PSEUDO_LANGUAGE}/"


# The last line of each element's text (a heading's only line), and the element's own box: on a
# page written right to left the line stands against the right edge, its free room at the left.
LAST_LINE = """(selector) => [...document.querySelectorAll(selector)].map(element => {
  const range = document.createRange();
  range.selectNodeContents(element);
  const rects = [...range.getClientRects()].filter(r => r.width > 0);
  const bottom = Math.max(...rects.map(r => r.bottom));
  const line = rects.filter(r => Math.abs(r.bottom - bottom) < 4);
  const box = element.getBoundingClientRect();
  return {left: Math.min(...line.map(r => r.left)), right: Math.max(...line.map(r => r.right)),
          boxLeft: box.left, boxRight: box.right};
})"""
OVERFLOW = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def assert_starts_at_the_right(page, selector):
    """Every element's last line against its right edge, and one at least (a last line may
    fill its width) with its free room at the left."""
    places = page.evaluate(LAST_LINE, selector)
    assert places, selector
    assert all(p["boxRight"] - p["right"] <= EDGE_PX for p in places), (selector, places)
    assert any(p["left"] - p["boxLeft"] > EDGE_PX for p in places), (selector, places)


def test_a_content_page_reads_from_the_right(page, rtl_url):
    guard = PageGuard(page, rtl_url)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(rtl_url + "hvad-er-det/")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert_starts_at_the_right(page, ".md-content article h1")
    assert_starts_at_the_right(page, ".md-content article > p")
    # The navigation, at the left of a page read from the left, stands at its right.
    nav = page.locator(".md-sidebar--primary").bounding_box()
    content = page.locator(".md-content").bounding_box()
    assert nav["x"] > content["x"]
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    page.reload()
    assert page.evaluate(OVERFLOW) <= 0
    guard.assert_clean()


def test_the_timeline_runs_down_the_right_with_its_texts_beside_it(page, rtl_url):
    guard = PageGuard(page, rtl_url)
    page.set_viewport_size({"width": 360, "height": 800})
    page.goto(rtl_url + "saadan-foregaar-det/")
    places = page.evaluate(
        """() => {
          const svg = document.querySelector('.fgc-timeline svg').getBoundingClientRect();
          const boxes = s => [...document.querySelectorAll('.fgc-timeline ' + s)]
            .map(e => e.getBoundingClientRect());
          return {svg: [svg.left, svg.right], dots: boxes('circle').map(b => b.left),
                  texts: boxes('text').map(b => [b.left, b.right])};
        }"""
    )
    left, right = places["svg"]
    assert places["dots"] and places["texts"]
    # Every dot right of every text, every text whole inside the drawing.
    assert min(places["dots"]) > max(text_right for _, text_right in places["texts"])
    assert all(left - 1 <= a and b <= right + 1 for a, b in places["texts"])
    guard.assert_clean()


def test_who_should_come_its_steps_map_and_printout_run_from_the_right(page, rtl_url, tmp_path):
    guard = PageGuard(page, rtl_url)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_form(page, rtl_url + "skemaer/hvem-skal-med/")
    page.locator("#f-child_name").fill("Emma")
    go_to_step(page, "people")
    # Back stands where a reader starts the line (right), Continue after it (left).
    nav = "section.fgc-step:not([hidden]) .fgc-step-nav"
    back = page.locator(f"{nav} [data-action=step_chosen]").bounding_box()
    onward = page.locator(f"{nav} [data-action=step_continued]").bounding_box()
    assert back["x"] > onward["x"]
    assert_starts_at_the_right(page, "section.fgc-step:not([hidden]) h2")
    for number, name in enumerate(("Karen", "Ali"), 1):
        if number > 1:
            page.locator("#b-guests-add").click()
        page.locator(f"#f-guests-g{number}-name").focus()
        page.keyboard.type(name)
        page.locator(f"#f-guests-g{number}-circle").focus()
        page.keyboard.press("ArrowDown")  # the first circle: close family
    go_to_step(page, "check")
    assert current_step(page) == "check"

    svg = "[data-document] svg.fgc-network-map"
    wait_until(page, f"document.querySelectorAll({svg!r} + ' .fgc-map-name').length === 2")
    assert page.locator(svg).get_attribute("direction") == "rtl"
    # Every name on the map inside the drawing, none cut at its edge.
    inside = page.evaluate(
        """(selector) => {
          const svg = document.querySelector(selector).getBoundingClientRect();
          const names = selector + ' :is(.fgc-map-name, .fgc-map-ring-label)';
          return [...document.querySelectorAll(names)].map(t => {
            const r = t.getBoundingClientRect();
            return r.left >= svg.left - 1 && r.right <= svg.right + 1 && r.width > 0;
          });
        }""",
        svg,
    )
    assert inside and all(inside), inside
    assert axe_violations(page) == []
    # On paper too: the printout's heading begins at the right, the guest list's first column
    # (the name) is its rightmost.
    page.emulate_media(media="print")
    assert_starts_at_the_right(page, "[data-document] h2")
    columns = page.locator("[data-document] table th")
    assert columns.first.bounding_box()["x"] > columns.last.bounding_box()["x"]
    lines = [line for lines in pdf_lines_by_page(page, tmp_path / "guests.pdf") for line in lines]
    assert any("Karen" in line for line in lines)
    page.emulate_media(media="screen")
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(OVERFLOW) <= 0
    guard.assert_clean()


def test_my_wishes_draws_the_first_house_on_the_right(page, rtl_url):
    guard = PageGuard(page, rtl_url)
    page.set_viewport_size({"width": 1280, "height": 900})
    open_form(page, rtl_url + "skemaer/mine-oensker/")
    for step in [step.id for step in load("wishes").steps]:
        if step != current_step(page):
            go_to_step(page, step)
        if step in ("good", "worries", "dreams"):
            page.locator(f"#f-{step}").fill(f"Noget om {step}")
    go_to_step(page, "check")
    houses = "[data-document] svg.fgc-houses"
    good = page.locator(f"{houses} .fgc-house--good rect").bounding_box()
    worries = page.locator(f"{houses} .fgc-house--worries rect").bounding_box()
    assert good["x"] > worries["x"]
    assert axe_violations(page) == []
    page.set_viewport_size({"width": 320, "height": 640})
    assert page.evaluate(OVERFLOW) <= 0
    guard.assert_clean()
