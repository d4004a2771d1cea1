"""Every page at 320 CSS pixels wide (a phone, or a desktop at 400 % zoom): nothing scrolls
sideways except a wide table inside its own box, and a form's filled-in tables become cards."""

import json

import pytest
from pagecheck import (
    answer_what_is_required,
    go_to_step,
    kept_before_opening,
    open_form,
    wait_for_python,
    wait_until,
)
from support import built_pages, example_draft
from test_pages import axe_violations

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
            answer_what_is_required(page)
            go_to_step(page, "check")
        found = page.evaluate(SIDEWAYS)
        if found["scroll"] > 0 or found["wide"]:
            problems[path] = found
    context.close()
    assert problems == {}


CARDS = """() => [...document.querySelectorAll(
    '[data-document] table.fgc-document-table tbody td')].map((cell) => ({
  share: cell.getBoundingClientRect().width / cell.closest('table').getBoundingClientRect().width,
  label: getComputedStyle(cell, '::before').content,
  name: cell.dataset.label,
  empty: cell.textContent === '',
  shown: cell.getBoundingClientRect().height > 0,
}))"""


@pytest.mark.parametrize("path", ["skemaer/hvem-skal-med/", "en/skemaer/vores-plan/"])
def test_a_filled_in_table_becomes_cards_with_each_answer_under_its_name_on_a_phone(
    browser, site_url, path
):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    context.add_init_script(kept_before_opening(example_draft()))
    page = context.new_page()
    open_form(page, site_url + path)
    go_to_step(page, "check")
    cells = page.evaluate(CARDS)
    assert len(cells) >= 10
    for cell in cells:
        if cell["empty"]:
            assert not cell["shown"]
        else:
            assert cell["share"] > 0.9
            assert cell["label"] == json.dumps(cell["name"], ensure_ascii=False)
    assert axe_violations(page) == []
    context.close()


@pytest.mark.parametrize("path", ["andre-metoder/", "en/andre-metoder/"])
def test_a_table_wider_than_a_phone_slides_by_keyboard_and_is_named(browser, site_url, path):
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(site_url + path)
    box = page.locator(".md-typeset__scrollwrap")
    box.wait_for()
    assert box.evaluate("e => e.scrollWidth > e.clientWidth")  # it does slide at 320 px
    heading = page.locator("#comparison").inner_text()
    assert box.get_attribute("role") == "region"
    assert (
        page.evaluate(
            "document.getElementById("
            "document.querySelector('.md-typeset__scrollwrap').getAttribute('aria-labelledby')"
            ").innerText"
        )
        == heading
    )
    box.focus()
    page.keyboard.press("ArrowRight")
    wait_until(page, "document.querySelector('.md-typeset__scrollwrap').scrollLeft > 0")
    assert axe_violations(page) == []
    context.close()
