"""The site's own styles follow the page's direction of writing: logical properties (inline
start and end), never left and right, so a language written right to left is laid out from the
right without styles of its own."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# The stylesheet's parts (joined into the one served by scripts/build/stylesheet.py), and any
# other stylesheet of the site's own.
STYLES = [
    *sorted((ROOT / "styles").rglob("*.css")),
    *sorted((ROOT / "docs").rglob("*.css")),
    *sorted((ROOT / "overrides").rglob("*.css")),
]
COMMENT = re.compile(r"/\*.*?\*/", re.S)
PHYSICAL = re.compile(
    r"(?<![\w-])(?:(?:margin|padding|border|inset|scroll-margin|scroll-padding)-(?:left|right)"
    r"(?:-\w+)?\s*:|(?:left|right)\s*:|(?:float|clear|text-align)\s*:\s*(?:left|right)\b)"
)


def physical_properties(css: str) -> list[str]:
    return PHYSICAL.findall(COMMENT.sub("", css))


def test_there_are_styles_to_check():
    assert STYLES


@pytest.mark.parametrize("path", STYLES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_the_sites_styles_name_no_left_or_right(path):
    assert physical_properties(path.read_text(encoding="utf-8")) == []


def test_a_left_or_right_is_found():
    css = ".a { margin-left: 1rem } .b { float: right; } /* left: 0 */ .c { right: 0 }"
    assert physical_properties(css) == ["margin-left:", "float: right", "right:"]
    assert physical_properties(".a { margin-inline-start: 1rem; float: inline-end }") == []
