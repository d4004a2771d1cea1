"""The child's three houses (the house of good things, of worries, of dreams), drawn as an SVG.

Two houses stand side by side and the third below, so that on A4 each is about 88 mm wide,
big enough to write or draw in by hand on a blank printout. The child's own words stand inside
each house, wrapped by word and never cut: what does not fit inside is handed back to the
caller, to be printed below the drawing as ordinary text. Nothing relies on colour alone: each
house has its own picture on the roof, dark outlines and black text on a light fill, and a white
paper behind it all, so a dark colour scheme leaves it readable. Every text from the caller goes
through _text(): the child's words are shown as text, never run.
"""

import re
from html import escape

HOUSE_WIDTH = 190
GAP = 12
# Two houses side by side, and room for their outlines and the roofs' eaves on either side.
WIDTH = 2 * HOUSE_WIDTH + GAP + 8
ROOF = 44
BODY = 172
ROW = ROOF + BODY + GAP
HEIGHT = 2 * ROW - GAP + 8
TITLE_SIZE = 15
TEXT_SIZE = 13
LINE_HEIGHT = 17
PADDING = 10
# An average letter at TEXT_SIZE is about 0.55 of its size wide; a little room is left over, so
# a line of wide letters still stays inside the walls.
LINE_CHARS = int((HOUSE_WIDTH - 2 * PADDING) / (TEXT_SIZE * 0.58))
MAX_LINES = int((BODY - 2 * PADDING - TITLE_SIZE - 8) / LINE_HEIGHT)
INK = "#1a1a1a"
# (fill, outline) per house: light enough for black text, different in black and white too.
COLOURS = {
    "good": ("#e3f4e1", "#1e5e1b"),
    "worries": ("#e4ebf5", "#243f73"),
    "dreams": ("#fdf1cf", "#7a5200"),
}
ICONS = {
    # A heart, a cloud with a raindrop, a star: drawn in a 24 x 24 box.
    "good": '<path d="M12 21s-8-5.2-8-11a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10'
    'c0 5.8-8 11-8 11z"/>',
    "worries": '<path d="M7 16a4 4 0 0 1-.6-8A5.5 5.5 0 0 1 17 7.5 4.2 4.2 0 0 1 17.5 16z"/>'
    '<path d="M12 18.5c0 1.4-1 2.5-1 2.5s-1-1.1-1-2.5 1-2.5 1-2.5 1 1.1 1 2.5z"/>',
    "dreams": '<path d="M12 2.5l2.8 6 6.5.7-4.9 4.4 1.4 6.4L12 16.8 6.2 20'
    'l1.4-6.4-4.9-4.4 6.5-.7z"/>',
}
KINDS = tuple(COLOURS)

ID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _text(value: str) -> str:
    return escape(NOT_XML.sub("", value))


def _pieces(text: str, width: int) -> list[tuple[str, bool]]:
    """(line, whether the line ends inside a word) for each line of the text."""
    pieces = []
    for paragraph in text.splitlines():
        line = ""
        for word in paragraph.split():
            while len(word) > width:
                if line:
                    pieces.append((line, False))
                pieces.append((word[:width], True))
                line, word = "", word[width:]
            if not line:
                line = word
            elif len(line) + 1 + len(word) <= width:
                line += " " + word
            else:
                pieces.append((line, False))
                line = word
        if line:
            pieces.append((line, False))
    return pieces


def wrap(text: str, width: int = LINE_CHARS) -> list[str]:
    """Lines of at most `width` characters, broken between words; a word longer than a line is
    broken inside it, so nothing is ever cut off."""
    return [line for line, _ in _pieces(text, width)]


def split_text(text: str) -> tuple[list[str], str]:
    """The lines that fit inside a house, and the rest of the words, to be printed below: the
    rest starts exactly where the house ends, without repeating or dropping a word."""
    pieces = _pieces(text, LINE_CHARS)
    inside = [line for line, _ in pieces[:MAX_LINES]]
    rest = ""
    for index in range(MAX_LINES, len(pieces)):
        line = pieces[index][0]
        glued = pieces[index - 1][1] and index > MAX_LINES
        rest += line if not rest or glued else " " + line
    return inside, rest


def _size(count: int) -> tuple[float, float]:
    """The drawing's width and height: one house alone (on the step where the child fills it,
    big enough to read on a phone), or two side by side and the third below."""
    if count == 1:
        return HOUSE_WIDTH + 8, ROW - GAP + 8
    return WIDTH, HEIGHT


def _origin(index: int, count: int) -> tuple[float, float]:
    if count == 1:
        return 4, 4
    if index < 2:
        return 4 + index * (HOUSE_WIDTH + GAP), 4
    return (WIDTH - HOUSE_WIDTH) / 2, 4 + ROW


def _house(kind: str, index: int, count: int, title: str, lines: list[str], rtl: bool) -> str:
    x, y = _origin(index, count)
    if rtl:  # the mirror image: the first house on the right, each line begun at its right
        x = _size(count)[0] - x - HOUSE_WIDTH
    fill, outline = COLOURS[kind]
    right, eave = x + HOUSE_WIDTH, y + ROOF
    middle = x + HOUSE_WIDTH / 2
    parts = [
        f'<g class="fgc-house fgc-house--{kind}">',
        f'<polygon points="{x - 2},{eave} {middle},{y} {right + 2},{eave}" fill="{fill}"'
        f' stroke="{outline}" stroke-width="3" stroke-linejoin="round"/>',
        f'<rect x="{x}" y="{eave}" width="{HOUSE_WIDTH}" height="{BODY}" fill="{fill}"'
        f' stroke="{outline}" stroke-width="3"/>',
        f'<g transform="translate({middle - 13} {y + 14}) scale(1.1)" fill="{outline}">'
        f"{ICONS[kind]}</g>",
        f'<text x="{middle}" y="{eave + PADDING + TITLE_SIZE}" text-anchor="middle"'
        f' font-size="{TITLE_SIZE}" font-weight="700" fill="{INK}">{_text(title)}</text>',
    ]
    first = eave + PADDING + TITLE_SIZE + 8 + LINE_HEIGHT
    for number, line in enumerate(lines):
        parts.append(
            f'<text x="{x + HOUSE_WIDTH - PADDING if rtl else x + PADDING}"'
            f' y="{first + number * LINE_HEIGHT}"'
            f' font-size="{TEXT_SIZE}" fill="{INK}">{_text(line)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)


def three_houses_svg(
    houses: list[tuple[str, str, str]],
    title: str,
    description: str,
    svg_id: str,
    direction: str = "ltr",
) -> tuple[str, list[str]]:
    """The drawing of (kind, house title, the child's words) for each house (all three, or one
    alone), and for each the words that did not fit inside, in order ("" where all fit); in a
    language written right to left ("rtl"), laid out from the right."""
    rtl = direction == "rtl"
    if not ID_PATTERN.fullmatch(svg_id):
        raise ValueError(f"not an id: {svg_id!r}")
    body, rests = [], []
    for index, (kind, house_title, words) in enumerate(houses):
        lines, rest = split_text(words)
        body.append(_house(kind, index, len(houses), house_title, lines, rtl))
        rests.append(rest)
    width, height = _size(len(houses))
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="fgc-houses" viewBox="0 0 {width}'
        f' {height}" role="img" aria-labelledby="{svg_id}-title"'
        f' aria-describedby="{svg_id}-desc"'
        ' font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'
        + (' direction="rtl">' if rtl else ">")
        + f'<title id="{svg_id}-title">{_text(title)}</title>'
        f'<desc id="{svg_id}-desc">{_text(description)}</desc>'
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )
    return svg, rests


def icon(kind: str) -> str:
    """A house's picture on its own, for the step where the child fills that house."""
    fill, outline = COLOURS[kind]
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" class="fgc-step-picture" viewBox="0 0 64 64"'
        ' aria-hidden="true" focusable="false">'
        f'<polygon points="4,28 32,4 60,28" fill="{fill}" stroke="{outline}" stroke-width="3"'
        ' stroke-linejoin="round"/>'
        f'<rect x="10" y="28" width="44" height="32" fill="{fill}" stroke="{outline}"'
        ' stroke-width="3"/>'
        f'<g transform="translate(20 32) scale(1)" fill="{outline}">{ICONS[kind]}</g></svg>'
    )
