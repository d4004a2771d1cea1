"""The child's network map (netværkskort) for a family group conference, drawn as an SVG string.

The child sits in the centre; each person sits on one of four rings, innermost "close family",
outermost "professionals". The map is printed on A4 and shown on phones 360 px wide, in black
and white, so sizes are chosen for the phone and nothing relies on colour. Every text from the
caller goes through _text(): the family's words are shown as text, never run.
"""

import math
import re
import unicodedata
from html import escape

RING_COUNT = 4
MAX_NAME_LENGTH = 24

SIZE = 600
CENTRE = SIZE / 2
MARGIN = 4
CHILD_RADIUS = 52
FIRST_RING_START = 58
BAND_WIDTH = (SIZE / 2 - 14 - FIRST_RING_START) / RING_COUNT
DOT_RADIUS = 6
# On a phone the map is drawn about 330 px wide, 0.55 of its size: 22 units become 12 px, about
# the smallest a name stays readable at. A name with no room in its own band at that size is
# not made smaller or set in the next ring: its dot shows a number instead, and the list under
# the map names it (network_map()'s second answer).
NAME_SIZE = 22
# A numbered dot: a white disc with the number in bold, big enough to read on a phone.
BADGE_RADIUS = 14
BADGE_SIZE = 19
# Room a numbered dot needs along its ring; a ring with more people than fit in one row sets
# them in two rows, one a little inside the ring's middle line and one a little outside.
BADGE_SPACING = 2 * BADGE_RADIUS + 4
RING_LABEL_SIZE = 16
CHILD_SIZE = 20
CHILD_MIN_SIZE = 14
# The child's name may spill a little over the disc: its dark halo keeps it readable there.
CHILD_LABEL_WIDTH = 2 * CHILD_RADIUS + 16
# Distance from a dot's centre to its name: clears the dot and the name's halo.
LABEL_GAP = 10
# Where a name may go around its dot, as turns from outward, tried in this order.
TURNS = (0, *(side * step * 22.5 for step in range(1, 8) for side in (1, -1)), 180)
# Where on its ring the first person sits, as a fraction of the angle between two people;
# a different fraction for each ring, so names on neighbouring rings do not line up.
START_FRACTIONS = (0.5, 0.2, 0.8, 0.35)
BAND_FILLS = ("#ffffff", "#f2f2f2", "#ffffff", "#f2f2f2")
INK = "#1a1a1a"
LINE = "#595959"
HALO = "#ffffff"
# A ring's label sits inside its band, just under the band's outer line, clear of the line.
RING_LABEL_PAD = 3

ID_PATTERN = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")
# Characters XML 1.0 does not allow at all: a name holding one would make the SVG unreadable.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def network_map_svg(
    centre_label: str,
    people: list[tuple[str, int]],
    ring_labels: list[str],
    title: str,
    description: str,
    svg_id: str = "network-map",
    direction: str = "ltr",
) -> str:
    """The map as an `<svg>` element; people are (name, ring index 0..3), in the family's order.

    The ids inside are `{svg_id}-title` and `{svg_id}-desc`. `role="img"` hides the names from
    screen readers, so the description should say who is on the map.
    """
    return network_map(centre_label, people, ring_labels, title, description, svg_id, direction)[0]


def network_map(
    centre_label: str,
    people: list[tuple[str, int]],
    ring_labels: list[str],
    title: str,
    description: str,
    svg_id: str = "network-map",
    direction: str = "ltr",
) -> tuple[str, list[int | None]]:
    """The map, and for each person the number their dot shows where their name had no room
    inside their own band (None where the name is written on the map).

    In a language written right to left ("rtl") the map is the mirror image of the left-to-right
    one: the first person sits where the mirror puts them and each name runs from its dot the
    other way (the SVG's `direction` turns a name's start to its right), so the same room is
    found for every name."""
    rtl = direction == "rtl"

    def across(x):  # a place from the left as it is in this language's map
        return SIZE - x if rtl else x

    if not ID_PATTERN.fullmatch(svg_id):
        raise ValueError(f"svg_id must be letters, digits, '-' or '_', got {svg_id!r}")
    if len(ring_labels) != RING_COUNT:
        raise ValueError(f"{RING_COUNT} ring labels are needed, got {len(ring_labels)}")
    for name, ring in people:
        if ring not in range(RING_COUNT):
            raise ValueError(f"ring of {name!r} must be 0..{RING_COUNT - 1}, got {ring!r}")

    bands, leaders, halos, dots, labels, badges = [], [], [], [], [], []
    for ring in reversed(range(RING_COUNT)):
        bands.append(
            f'<circle cx="{_n(CENTRE)}" cy="{_n(CENTRE)}" r="{_n(_ring_outer(ring))}"'
            f' fill="{BAND_FILLS[ring]}"/>'
        )
    ring_texts = [_clean(label) for label in ring_labels]
    for ring, label in enumerate(ring_texts):
        attributes = _ring_label_attributes(ring, label)
        halos.append(f"<text {attributes}>{_text(label)}</text>")
        labels.append(f'<text class="fgc-map-ring-label" {attributes}>{_text(label)}</text>')
    numbers: list[int | None] = []
    for shown, _, x, y, place in _layout(_spots(people), ring_texts):
        if len(place) == 1:
            (radius,) = place
            size = _n(BADGE_SIZE * radius / BADGE_RADIUS)
            number = sum(1 for n in numbers if n is not None) + 1
            numbers.append(number)
            x = across(x)
            badges.append(
                f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{radius}"/>'
                f'<text class="fgc-map-number" x="{_n(x)}" y="{_n(y + float(size) * 0.35)}"'
                f' text-anchor="middle" font-size="{size}" fill="{INK}" stroke="none">'
                f"{number}</text>"
            )
            continue
        numbers.append(None)
        text_x, text_y, anchor, box = place
        if rtl:
            x, text_x = across(x), across(text_x)
            box = (across(box[2]), box[1], across(box[0]), box[3])
        dots.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{DOT_RADIUS}"/>')
        leaders.append(_leader(x, y, box))
        attributes = f'x="{_n(text_x)}" y="{_n(text_y)}" text-anchor="{anchor}"'
        halos.append(f"<text {attributes}>{_text(shown)}</text>")
        labels.append(f'<text class="fgc-map-name" {attributes}>{_text(shown)}</text>')

    title_id, desc_id = f"{svg_id}-title", f"{svg_id}-desc"
    svg = "".join(
        [
            '<svg xmlns="http://www.w3.org/2000/svg" class="fgc-network-map"'
            f' viewBox="0 0 {SIZE} {SIZE}" width="100%" role="img"'
            f' aria-labelledby="{title_id}" aria-describedby="{desc_id}" font-family="sans-serif"'
            + (' direction="rtl">' if rtl else ">"),
            f'<title id="{title_id}">{_text(_clean(title))}</title>',
            f'<desc id="{desc_id}">{_text(_clean(description))}</desc>',
            f'<g class="fgc-map-rings" stroke="{LINE}" stroke-width="1.5">{"".join(bands)}</g>',
            _child(centre_label),
            f'<g class="fgc-map-leaders" stroke="{LINE}" stroke-width="1">{"".join(leaders)}</g>',
            # Halos first, all of them, so no halo ever hides another person's name.
            f'<g class="fgc-map-halos" aria-hidden="true" font-size="{NAME_SIZE}" fill="{HALO}"'
            f' stroke="{HALO}" stroke-width="4" stroke-linejoin="round">{"".join(halos)}</g>',
            f'<g class="fgc-map-dots" fill="{INK}" stroke="{HALO}" stroke-width="1.5">'
            f"{''.join(dots)}</g>",
            f'<g class="fgc-map-badges" fill="{HALO}" stroke="{INK}" stroke-width="2"'
            f' font-size="{BADGE_SIZE}" font-weight="bold">'
            f"{''.join(badges)}</g>",
            f'<g class="fgc-map-labels" font-size="{NAME_SIZE}" fill="{INK}">{"".join(labels)}</g>',
            "</svg>",
        ]
    )
    return svg, numbers


def _spots(people):
    """(shown name, ring, x, y, angle) for each person's dot where the map would like it, in the
    family's order: each ring's people spread evenly around it (degrees clockwise from the
    top); the names then move their dots along the ring to where they fit (_layout)."""
    counts = [sum(1 for _, ring in people if ring == r) for r in range(RING_COUNT)]
    seen = [0] * RING_COUNT
    spots = []
    for name, ring in people:
        angle = (seen[ring] + START_FRACTIONS[ring]) * 360 / counts[ring]
        seen[ring] += 1
        spots.append((_shown_name(name), ring, *_point(angle, _ring_middle(ring)), angle))
    return spots


# How far along its ring a dot may move from its even place for its name to fit, in steps.
SHIFT_STEP = 7.5
SHIFTS = (0, *(side * step * SHIFT_STEP for step in range(1, 25) for side in (1, -1)))
# Discs look along their ring in finer steps: a full ring packs them close.
DISC_SHIFTS = (0, *(side * step * 2.5 for step in range(1, 73) for side in (1, -1)))
# Where a ring is so full that its discs find no room, smaller ones (numbers in proportion).
SMALLER_BADGES = (11, 9)


def _layout(spots, ring_texts):
    """Where each person goes: (shown, ring, x, y, place), place being (x, y, anchor, box) of
    the name, or (radius,) where the name has no room in its own band: that dot becomes a
    numbered disc of that radius instead, set where it covers nothing.

    Rings are laid out innermost first. In a ring, each dot tries its even place first, then
    moves along its ring a step at a time (and in towards or out from the middle of its band),
    and the name tries the places around the dot (TURNS); the first free one wins: wholly
    inside its own band and the map, covering no other name, dot, disc, ring label or the
    child. Then the ring's discs; where one finds no free place, the ring is laid out again
    with the longer half of its written names as discs too (a disc takes less room than a
    name), and at last with smaller discs.
    """
    obstacles = [_square(CENTRE, CENTRE, CHILD_RADIUS + 2)]
    for ring, label in enumerate(ring_texts):
        obstacles.append(ring_label_box(ring, label))
    result = [None] * len(spots)
    for ring in range(RING_COUNT):
        members = [i for i, spot in enumerate(spots) if spot[1] == ring]
        placed, obstacles = _ring_with_room(spots, members, obstacles)
        for i, place in placed.items():
            result[i] = place
    return result


def _ring_with_room(spots, members, obstacles):
    forced: set[int] = set()
    while True:
        placed, taken = _lay_out_ring(spots, members, forced, list(obstacles), BADGE_RADIUS)
        if placed is not None:
            return placed, taken[None]
        written = sorted(
            (i for i in members if i not in forced and i in taken),
            key=lambda i: -_text_width(spots[i][0]),
        )
        if not written:
            break
        # The longer half of the names written become discs too, and the ring is tried again.
        forced |= set(written[: max(len(written) // 2, 1)])
    # A ring full of discs: smaller discs, down to a floor, before any may touch.
    for radius in (*SMALLER_BADGES, None):
        placed, taken = _lay_out_ring(
            spots, members, forced, list(obstacles), radius or SMALLER_BADGES[-1], radius is None
        )
        if placed is not None:
            return placed, taken[None]
    raise AssertionError("unreachable")


def _lay_out_ring(spots, members, forced, obstacles, disc_radius, anyway=False):
    """One ring's names, then its discs; (places by person, {person: written, None: the
    obstacles now}), or (None, those written) when a disc found no free place."""
    placed, written, discs = {}, {}, []
    for i in members:
        shown, ring, _, _, angle = spots[i]
        found = None if i in forced else _name_place(shown, ring, angle, obstacles)
        if found is None:
            discs.append(i)
            continue
        x, y, place = found
        obstacles += [_square(x, y, DOT_RADIUS + 2), place[3]]
        placed[i] = (shown, ring, x, y, place)
        written[i] = True
    for i in discs:
        shown, ring, _, _, angle = spots[i]
        spot = _disc_place(ring, angle, obstacles, disc_radius)
        if spot is None:
            if not anyway:
                return None, written
            spot = _point(angle, _ring_middle(ring))
        obstacles.append(_square(*spot, disc_radius + 1))
        # A disc's "place" is its radius alone.
        placed[i] = (shown, ring, *spot, (disc_radius,))
    return placed, {**written, None: obstacles}


def _name_place(shown, ring, angle, obstacles):
    width = _text_width(shown)
    inner, outer = FIRST_RING_START + ring * BAND_WIDTH, _ring_outer(ring)
    # The dot on the ring's middle line, else near the band's inner or outer line, where a
    # name set beside it may still lie inside the band.
    radii = (_ring_middle(ring), inner + DOT_RADIUS + 3, outer - DOT_RADIUS - 3)
    for shift, radius in ((shift, radius) for shift in SHIFTS for radius in radii):
        at = angle + shift
        x, y = _point(at, radius)
        dot = _square(x, y, DOT_RADIUS + 2)
        if any(_overlap(dot, o) for o in obstacles):
            continue
        for place in (_beside(x, y, at + turn, LABEL_GAP, width) for turn in TURNS):
            # A little larger than drawn: the SVG's coordinates are rounded to 0.1.
            box = _grown(place[3], 0.5)
            if not _inside_map(box) or _crossing(box) or _outside_band(box, ring):
                continue
            if any(_overlap(box, o) for o in obstacles):
                continue
            return x, y, place
    return None


def _disc_place(ring, angle, obstacles, radius):
    """A numbered disc's place: in a row just inside or outside its ring's middle line, or on
    it, as near its even place as is free; None where none is."""
    offset = BAND_WIDTH / 2 - radius - 1
    for shift in DISC_SHIFTS:
        for row in (-offset, offset, 0):
            x, y = _point(angle + shift, _ring_middle(ring) + row)
            if not any(_overlap(_square(x, y, radius + 1), o) for o in obstacles):
                return x, y
    return None


def _leader(dot_x, dot_y, box):
    """A line from a dot to its name when the name had to move away from it; else nothing."""
    left, top, right, bottom = box
    end_x, end_y = min(max(dot_x, left), right), min(max(dot_y, top), bottom)
    distance = math.hypot(end_x - dot_x, end_y - dot_y)
    if distance <= LABEL_GAP + NAME_SIZE / 2:
        return ""
    start_x = dot_x + (end_x - dot_x) * DOT_RADIUS / distance
    start_y = dot_y + (end_y - dot_y) * DOT_RADIUS / distance
    return f'<line x1="{_n(start_x)}" y1="{_n(start_y)}" x2="{_n(end_x)}" y2="{_n(end_y)}"/>'


def _beside(dot_x, dot_y, direction, gap, width):
    """A name set off its dot in a direction (degrees clockwise from up); with its box."""
    ux, uy = _point(direction, 1, origin=0)
    x, y = dot_x + ux * gap, dot_y + uy * gap
    # Names to the side of a dot start or end at it; names above or below centre on it.
    if ux > 0.35:
        anchor, left = "start", x
    elif ux < -0.35:
        anchor, left = "end", x - width
    else:
        anchor, left = "middle", x - width / 2
    middle = y + uy * NAME_SIZE / 2
    baseline = middle + NAME_SIZE * 0.35
    box = (left, baseline - NAME_SIZE * 0.8, left + width, baseline + NAME_SIZE * 0.25)
    return x, baseline, anchor, box


def _inside_map(box):
    left, top, right, bottom = box
    return left >= MARGIN and top >= MARGIN and right <= SIZE - MARGIN and bottom <= SIZE - MARGIN


def _grown(box, by):
    left, top, right, bottom = box
    return (left - by, top - by, right + by, bottom + by)


def _square(x, y, half):
    return (x - half, y - half, x + half, y + half)


def _overlap(box, other):
    """Whether two boxes share any area."""
    left, top, right, bottom = box
    o_left, o_top, o_right, o_bottom = other
    return min(right, o_right) > max(left, o_left) and min(bottom, o_bottom) > max(top, o_top)


def ring_lines():
    """The radii of the lines between bands, innermost first: the inner edge of the first
    band, then each band's outer edge."""
    return [FIRST_RING_START, *(_ring_outer(ring) for ring in range(RING_COUNT))]


def distances(box):
    """The nearest and the farthest a box comes to the centre of the map."""
    left, top, right, bottom = box
    near_x = max(left - CENTRE, 0, CENTRE - right)
    near_y = max(top - CENTRE, 0, CENTRE - bottom)
    far_x = max(abs(left - CENTRE), abs(right - CENTRE))
    far_y = max(abs(top - CENTRE), abs(bottom - CENTRE))
    return math.hypot(near_x, near_y), math.hypot(far_x, far_y)


def _crossing(box):
    """How deep a box reaches across the ring lines it crosses (0 for a box inside a band)."""
    near, far = distances(box)
    return sum(min(radius - near, far - radius) for radius in ring_lines() if near < radius < far)


def _outside_band(box, ring):
    """How far a box reaches out of its own band (the outermost band reaches to the edge)."""
    near, far = distances(box)
    lines = ring_lines()
    outer = lines[ring + 1] if ring + 1 < RING_COUNT else math.inf
    return max(lines[ring] - near, 0) + max(far - outer, 0)


def _ring_label_baseline(ring, label):
    """As high in the band as the label's corners stay clear of the curved outer line."""
    half = _text_width(label, RING_LABEL_SIZE, bold=True) / 2
    room = _ring_outer(ring) - RING_LABEL_PAD
    top = math.sqrt(max(room * room - half * half, 0))
    return CENTRE - top + RING_LABEL_SIZE * 0.8


def ring_label_box(ring, label):
    """Where a ring's label is drawn: at the top, inside its band, under its outer line."""
    width = _text_width(label, RING_LABEL_SIZE, bold=True)
    baseline = _ring_label_baseline(ring, label)
    return (
        CENTRE - width / 2,
        baseline - RING_LABEL_SIZE * 0.8,
        CENTRE + width / 2,
        baseline + RING_LABEL_SIZE * 0.25,
    )


def _ring_label_attributes(ring, label):
    """A ring's label sits inside its band at the top, under the outer line, above the dots."""
    y = _ring_label_baseline(ring, label)
    return (
        f'x="{_n(CENTRE)}" y="{_n(y)}" text-anchor="middle"'
        f' font-size="{RING_LABEL_SIZE}" font-weight="bold"'
    )


def _child(centre_label):
    """The child's disc, dark, with the label in white bold, made to fit the disc."""
    label = _clean(centre_label)
    size = CHILD_SIZE
    width = _text_width(label, size, bold=True)
    if width > CHILD_LABEL_WIDTH:
        size = max(CHILD_MIN_SIZE, math.floor(size * CHILD_LABEL_WIDTH / width))
    while len(label) > 1 and _text_width(label, size, bold=True) > CHILD_LABEL_WIDTH:
        label = label[:-2].rstrip() + "…"
    y = CENTRE + size * 0.35
    text = (
        f'x="{_n(CENTRE)}" y="{_n(y)}" text-anchor="middle" font-size="{size}"'
        f' font-weight="bold">{_text(label)}</text>'
    )
    return (
        f'<g class="fgc-map-child">'
        f'<circle cx="{_n(CENTRE)}" cy="{_n(CENTRE)}" r="{CHILD_RADIUS}" fill="{INK}"/>'
        f'<text aria-hidden="true" fill="{INK}" stroke="{INK}" stroke-width="6"'
        f' stroke-linejoin="round" {text}'
        f'<text class="fgc-map-centre" fill="{HALO}" {text}'
        "</g>"
    )


def _ring_outer(ring):
    return FIRST_RING_START + (ring + 1) * BAND_WIDTH


def _ring_middle(ring):
    return FIRST_RING_START + (ring + 0.5) * BAND_WIDTH


def _point(angle, radius, origin=CENTRE):
    radians = math.radians(angle)
    return origin + radius * math.sin(radians), origin - radius * math.cos(radians)


def _clean(text):
    """The caller's text as one line of characters XML can hold."""
    return " ".join(NOT_XML.sub("", text).split())


def _shown_name(name):
    name = _clean(name)
    if len(name) <= MAX_NAME_LENGTH:
        return name
    return name[: MAX_NAME_LENGTH - 1].rstrip() + "…"


def _text_width(text, size=NAME_SIZE, bold=False):
    """A generous estimate of a text's width: the layout has no fonts to measure with."""
    ems = 0.0
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        if unicodedata.east_asian_width(char) in ("W", "F"):
            ems += 1.0
        else:
            ems += 0.62 if bold else 0.55
    return ems * size


def _text(text):
    return escape(text, quote=True)


def _n(value):
    """A coordinate rounded to 0.1, so the same map is always the same string."""
    formatted = f"{value:.1f}"
    return "0.0" if formatted == "-0.0" else formatted
