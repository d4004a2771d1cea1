""" "Leave this page" stays readable under the pointer and the keyboard's focus, and its focus
ring shows: the theme's own link colours never win on the safety control."""

import re

import pytest
from pagecheck import wait_until

STYLE = """(selector) => {
  const button = document.querySelector(selector);
  const style = getComputedStyle(button);
  const around = getComputedStyle(button.closest('.md-banner, .md-header'));
  return [style.color, style.backgroundColor, style.outlineStyle, style.outlineColor,
          around.backgroundColor].join('|');
}"""


def luminance(rgb: str) -> float:
    channels = [int(value) / 255 for value in re.findall(r"\d+", rgb)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def settled(page, selector: str) -> list[str]:
    """The computed colours once the theme's colour transitions have finished (a running CSS
    transition is one of the element's animations)."""
    wait_until(page, f"document.querySelector({selector!r}).getAnimations().length === 0")
    return page.evaluate(STYLE, selector).split("|")


@pytest.mark.parametrize(
    ("width", "selector"),
    [(1280, ".md-banner [data-quick-exit]"), (375, ".md-header [data-quick-exit]")],
)
def test_the_exit_button_is_readable_when_hovered_and_focused(page, site_url, width, selector):
    page.set_viewport_size({"width": width, "height": 700})
    page.goto(site_url + "hvad-er-det/")
    page.locator(selector).hover()
    text, background, _, _, _ = settled(page, selector)
    assert contrast(text, background) >= 4.5
    page.mouse.move(0, 650)
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement === document.querySelector({selector!r})"):
            break
    else:
        raise AssertionError("Tab never reached the exit button")
    text, background, outline, ring, around = settled(page, selector)
    assert contrast(text, background) >= 4.5
    assert outline == "solid"
    assert contrast(ring, background) >= 3
    assert contrast(ring, around) >= 3
