"""In forced colours (Windows' contrast themes) the country tabs still show which one is chosen
and which one has the focus: the theme's own bar and colours are not drawn there."""

import pytest

LABELS = """() => [...document.querySelector('.tabbed-set .tabbed-labels').children]
  .map((label) => {
  const style = getComputedStyle(label);
  return {text: label.textContent.trim(), line: style.borderBottomColor,
          lineWidth: parseFloat(style.borderBottomWidth), outline: style.outlineStyle,
          background: getComputedStyle(document.body).backgroundColor,
          underlined: getComputedStyle(label.querySelector('a') ?? label)
            .textDecorationLine.includes('underline')};
})"""


@pytest.mark.parametrize("start", ["", "en/"])
def test_the_chosen_and_the_focused_country_tab_show_in_forced_colours(page, site_url, start):
    page.emulate_media(forced_colors="active")
    page.goto(site_url + start + "dine-rettigheder/")
    page.locator(".tabbed-set input").first.focus()
    page.keyboard.press("ArrowRight")
    chosen_first, chosen_second = page.evaluate(LABELS)
    assert chosen_second["line"] != chosen_second["background"] and chosen_second["lineWidth"] >= 3
    assert chosen_first["line"] == chosen_first["background"]
    assert chosen_second["outline"] == "solid"
    assert chosen_first["outline"] == "none"
    assert not chosen_first["underlined"] and not chosen_second["underlined"]
