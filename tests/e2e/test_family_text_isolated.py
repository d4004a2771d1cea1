"""A right-to-left override (U+202E) typed into an answer turns round only that answer: the
site's own words beside it, in the answers to check, keep their order."""

import pytest
from pagecheck import go_to_step, open_form, wait_until

from forms.schema import load

PAGES = {"da": "skemaer/hvem-skal-med/", "en": "en/skemaer/hvem-skal-med/"}
NAME = "\u202eKaren"

# Where the site's words after the family's text sit on the screen, against the family's text.
PLACES = """(row) => {
  const family = row.querySelector('bdi');
  const after = family.nextSibling;
  const range = document.createRange();
  range.selectNodeContents(after);
  const words = range.getBoundingClientRect();
  return {
    family: family.textContent,
    words: after.textContent,
    familyRight: family.getBoundingClientRect().right,
    wordsLeft: words.left,
    sameLine: Math.abs(words.top - family.getBoundingClientRect().top) < 4,
  };
}"""


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_right_to_left_mark_in_a_name_leaves_the_sites_words_in_their_order(
    page, site_url, language
):
    open_form(page, site_url + PAGES[language])
    page.locator("#f-child_name").focus()
    page.keyboard.type("Emma")
    go_to_step(page, "people")
    page.locator("#f-guests-g1-name").focus()
    page.keyboard.type(NAME)
    page.locator("#f-guests-g1-circle").select_option("close")
    go_to_step(page, "check")
    wait_until(page, f"document.querySelector('[data-summary]').innerText.includes({NAME!r})")

    circle = load("guests").lists[0].fields[1].options[0].label[language]
    row = page.locator("[data-summary] li", has_text="Karen").first
    places = row.evaluate(PLACES)
    assert places["family"] == NAME
    assert places["words"] == f" – {circle}"
    # Read left to right: the name first, then the site's word for the circle, on one line.
    assert places["sameLine"]
    assert places["wordsLeft"] >= places["familyRight"] - 1

    # The same row with the name not isolated reads the other way round: this test would see it.
    row.evaluate(
        "row => { const plain = document.createElement('span');"
        " plain.textContent = row.querySelector('bdi').textContent;"
        " row.querySelector('bdi').replaceWith(plain); }"
    )
    turned = row.evaluate(PLACES.replace("querySelector('bdi')", "querySelector('span')"))
    assert turned["wordsLeft"] < turned["familyRight"] - 1
