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
# At 360 px the map is drawn at 0.6 of its size: 18 units become about 11 px, about the
# smallest a name stays readable at on a phone.
NAME_SIZE = 18
RING_LABEL_SIZE = 16
CHILD_SIZE = 20
CHILD_MIN_SIZE = 14
# The child's name may spill a little over the disc: its dark halo keeps it readable there.
CHILD_LABEL_WIDTH = 2 * CHILD_RADIUS + 16
# Distance from a dot's centre to its name: clears the dot and the name's halo.
LABEL_GAP = 10
# Where a name may go around its dot: (distance, turn from the preferred side, how much worse
# than the best place it is, in units of area covered). A small overlap of the estimated boxes,
# often none in the drawing, is better than a name far from its dot; the farther places let
# names on a crowded ring stack in rows.
TURNS = (0, *(side * step * 22.5 for step in range(1, 8) for side in (1, -1)), 180)
FAR_COST = 100
PLACES = [
    (LABEL_GAP + row * NAME_SIZE, turn, row * FAR_COST + rank)
    for row in range(3)
    for rank, turn in enumerate(TURNS)
]
# Where on its ring the first person sits, as a fraction of the angle between two people;
# a different fraction for each ring, so names on neighbouring rings do not line up.
START_FRACTIONS = (0.5, 0.2, 0.8, 0.35)
BAND_FILLS = ("#ffffff", "#f2f2f2", "#ffffff", "#f2f2f2")
INK = "#1a1a1a"
LINE = "#595959"
HALO = "#ffffff"
# How much worse it is for a name to cover each thing, per unit of area covered.
CHILD_COVER_COST = 10
DOT_COVER_COST = 3
RING_LABEL_COVER_COST = 2
NAME_COVER_COST = 1
# How much worse it is for a name to cross a ring's line, per unit of depth across it: a line
# through a name is the hardest to read past, so a name stays inside its band wherever it fits.
RING_CROSS_COST = 1000
# A ring's label sits inside its band, just under the band's outer line, clear of the line.
RING_LABEL_PAD = 3
# A name set along its band (beside its dot on the ring's middle line) counts as a near place.
BAND_PLACE_COST = 8

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
) -> str:
    """The map as an `<svg>` element; people are (name, ring index 0..3), in the family's order.

    The ids inside are `{svg_id}-title` and `{svg_id}-desc`. `role="img"` hides the names from
    screen readers, so the description should say who is on the map.
    """
    if not ID_PATTERN.fullmatch(svg_id):
        raise ValueError(f"svg_id must be letters, digits, '-' or '_', got {svg_id!r}")
    if len(ring_labels) != RING_COUNT:
        raise ValueError(f"{RING_COUNT} ring labels are needed, got {len(ring_labels)}")
    for name, ring in people:
        if ring not in range(RING_COUNT):
            raise ValueError(f"ring of {name!r} must be 0..{RING_COUNT - 1}, got {ring!r}")

    bands, leaders, halos, dots, labels = [], [], [], [], []
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
    spots = _spots(people)
    for (shown, _, x, y, _), (text_x, text_y, anchor, box) in zip(
        spots, _place_names(spots, ring_texts), strict=True
    ):
        dots.append(f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{DOT_RADIUS}"/>')
        leaders.append(_leader(x, y, box))
        attributes = f'x="{_n(text_x)}" y="{_n(text_y)}" text-anchor="{anchor}"'
        halos.append(f"<text {attributes}>{_text(shown)}</text>")
        labels.append(f'<text class="fgc-map-name" {attributes}>{_text(shown)}</text>')

    title_id, desc_id = f"{svg_id}-title", f"{svg_id}-desc"
    return "".join(
        [
            '<svg xmlns="http://www.w3.org/2000/svg" class="fgc-network-map"'
            f' viewBox="0 0 {SIZE} {SIZE}" width="100%" role="img"'
            f' aria-labelledby="{title_id} {desc_id}" font-family="sans-serif">',
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
            f'<g class="fgc-map-labels" font-size="{NAME_SIZE}" fill="{INK}">{"".join(labels)}</g>',
            "</svg>",
        ]
    )


def _spots(people):
    """(shown name, ring, x, y, angle) for each person's dot, in the family's order.

    Angles are degrees clockwise from the top; each ring's people are spread evenly around it.
    """
    counts = [sum(1 for _, ring in people if ring == r) for r in range(RING_COUNT)]
    seen = [0] * RING_COUNT
    spots = []
    for name, ring in people:
        angle = (seen[ring] + START_FRACTIONS[ring]) * 360 / counts[ring]
        seen[ring] += 1
        spots.append((_shown_name(name), ring, *_point(angle, _ring_middle(ring)), angle))
    return spots


def _place_names(spots, ring_texts):
    """(x, y, text-anchor, box) for each name: beside its dot, where it covers the least.

    Names are placed innermost ring first, each at the place around its dot (PLACES) that
    covers least of the child, the dots, the ring labels and the names already placed. On a
    crowded ring every second name looks inside the ring first, so neighbours alternate.
    """
    obstacles = [_square(CENTRE, CENTRE, CHILD_RADIUS + 2, CHILD_COVER_COST)]
    obstacles += [_square(x, y, DOT_RADIUS + 2, DOT_COVER_COST) for _, _, x, y, _ in spots]
    for ring, label in enumerate(ring_texts):
        obstacles.append((*ring_label_box(ring, label), RING_LABEL_COVER_COST))
    crowded = [_crowded([s for s in spots if s[1] == ring], ring) for ring in range(RING_COUNT)]
    order = sorted(range(len(spots)), key=lambda i: spots[i][1])
    index_on_ring = [0] * RING_COUNT
    placed = [None] * len(spots)
    for i in order:
        shown, ring, x, y, angle = spots[i]
        inward_first = crowded[ring] and index_on_ring[ring] % 2 == 1
        index_on_ring[ring] += 1
        width = _text_width(shown)
        facing = angle + 180 if inward_first else angle
        best = None
        candidates = [
            (_beside(x, y, facing + turn, gap, width), penalty) for gap, turn, penalty in PLACES
        ] + [(place, BAND_PLACE_COST) for place in _along_the_ring(ring, angle, width)]
        for (text_x, text_y, anchor, box), penalty in candidates:
            if not _inside_map(box):
                continue
            cost = sum(_overlap(box, obstacle) for obstacle in obstacles) + penalty
            cost += RING_CROSS_COST * (_crossing(box) + _outside_band(box, ring))
            if best is None or cost < best[0]:
                best = (cost, (text_x, text_y, anchor, box))
        if best is None:
            text_x, text_y, anchor, box = _beside(x, y, facing, LABEL_GAP, width)
            shift_x, shift_y = _shift_into_map(box)
            box = (box[0] + shift_x, box[1] + shift_y, box[2] + shift_x, box[3] + shift_y)
            best = (None, (text_x + shift_x, text_y + shift_y, anchor, box))
        placed[i] = best[1]
        obstacles.append((*best[1][3], NAME_COVER_COST))
    return placed


def _along_the_ring(ring, angle, width):
    """Names centred on the ring's middle line, just before or after the dot: where a band is
    narrow for a name set off to one side, one set along the band may still fit inside it."""
    middle = _ring_middle(ring)
    places = []
    for side in (1, -1):
        for extra in (0, NAME_SIZE):
            turn = math.degrees((width / 2 + LABEL_GAP + DOT_RADIUS + extra) / middle)
            centre_x, centre_y = _point(angle + side * turn, middle)
            baseline = centre_y + NAME_SIZE * 0.35
            box = (
                centre_x - width / 2,
                baseline - NAME_SIZE * 0.8,
                centre_x + width / 2,
                baseline + NAME_SIZE * 0.25,
            )
            places.append((centre_x, baseline, "middle", box))
    return places


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


def _crowded(spots, ring):
    """Whether two neighbours' names, set side by side at the top of the ring, would touch."""
    if len(spots) < 2:
        return False
    spacing = 2 * _ring_middle(ring) * math.sin(math.pi / len(spots))
    widths = [_text_width(shown) for shown, *_ in spots]
    return any(
        (widths[i] + widths[i - 1]) / 2 + NAME_SIZE / 2 > spacing for i in range(len(widths))
    )


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


def _shift_into_map(box):
    left, top, right, bottom = box
    shift_x = max(MARGIN - left, 0) - max(right - (SIZE - MARGIN), 0)
    shift_y = max(MARGIN - top, 0) - max(bottom - (SIZE - MARGIN), 0)
    return shift_x, shift_y


def _square(x, y, half, cost):
    return (x - half, y - half, x + half, y + half, cost)


def _overlap(box, obstacle):
    left, top, right, bottom = box
    o_left, o_top, o_right, o_bottom, cost = obstacle
    width = min(right, o_right) - max(left, o_left)
    height = min(bottom, o_bottom) - max(top, o_top)
    return cost * width * height if width > 0 and height > 0 else 0


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
