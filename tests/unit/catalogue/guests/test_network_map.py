"""The network map is well-formed SVG that shows every name as text and stays inside its box."""

import math
import re
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.catalogue.guests import network_map
from forms.catalogue.guests.network_map import network_map_svg
from forms.schema import load
from forms.text import pick

SVG = "{http://www.w3.org/2000/svg}"
RINGS = ["Nær familie", "Øvrig familie", "Venner og naboer", "Fagpersoner"]
TITLE, DESCRIPTION = "Emmas netværkskort", "Kort over netværket"
TWELVE = [
    ("Mor Mette", 0),
    ("Far Søren", 0),
    ("Lillebror Aksel", 0),
    ("Mormor Inge", 1),
    ("Farbror Bjørn", 1),
    ("Moster Åse", 1),
    ("Nabo Jørgen", 2),
    ("Veninde Freja", 2),
    ("Træner Ole", 2),
    ("Lærer Hanne Østergård", 3),
    ("Sagsbehandler Lærke", 3),
    ("Sundhedsplejerske Birgitte Ærø", 3),
]
ALLOWED_ELEMENTS = {"svg", "title", "desc", "circle", "text", "g", "line"}
# The characters XML 1.0 allows, written out from the spec rather than taken from the module.
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NUMBER_ATTRIBUTES = ("x", "y", "cx", "cy", "r", "x1", "y1", "x2", "y2")


def draw(people=TWELVE, centre="Emma", rings=RINGS, **extra):
    return network_map_svg(centre, people, rings, TITLE, DESCRIPTION, **extra)


def parse(svg):
    return ET.fromstring(svg)


def tag(element):
    assert element.tag.startswith(SVG), element.tag
    return element.tag.removeprefix(SVG)


def with_class(root, css_class):
    return [e for e in root.iter() if e.get("class") == css_class]


def names_shown(root):
    return [e.text or "" for e in with_class(root, "fgc-map-name")]


def numbered(people, centre="Emma", rings=RINGS):
    """The numbers the map gives those whose name had no room in their ring (None for a name
    written on the map)."""
    return network_map.network_map(centre, people, rings, TITLE, DESCRIPTION)[1]


def written(people, rings=RINGS):
    """The people whose names the map writes, as it promises to show them, in order."""
    return [
        expected_name(name)
        for (name, _), number in zip(people, numbered(people, rings=rings), strict=True)
        if number is None
    ]


def assert_everyone_shown_once(root, people, rings=RINGS):
    """Each person once: their name on the map, or a number there and in the key, 1, 2, 3…"""
    numbers = numbered(people, rings=rings)
    assert names_shown(root) == written(people, rings)
    discs = [e.text for e in with_class(root, "fgc-map-number")]
    assert discs == [str(n) for n in numbers if n is not None]
    assert discs == [str(k) for k in range(1, len(discs) + 1)]


def expected_name(name):
    """A name as the map promises to show it: one line, at most 24 characters."""
    name = " ".join(NOT_XML.sub("", name).split())
    return name if len(name) <= 24 else name[:23].rstrip() + "…"


def viewbox(root):
    left, top, width, height = (float(part) for part in root.get("viewBox").split())
    return left, top, width, height


def test_the_map_is_an_accessible_svg_image():
    root = parse(draw(svg_id="emma-map"))
    assert tag(root) == "svg"
    assert root.get("role") == "img"
    assert root.get("class") == "fgc-network-map"
    assert root.get("width") == "100%"
    assert root.get("height") is None
    _, _, width, height = viewbox(root)
    assert width == height
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.text == TITLE
    assert desc.text == DESCRIPTION
    # Named by its title, described by its description: each read once, not the description
    # twice (once in the name, once as the description).
    assert root.get("aria-labelledby") == title.get("id")
    assert root.get("aria-describedby") == desc.get("id")
    assert title.get("id").startswith("emma-map") and desc.get("id").startswith("emma-map")


def test_each_person_has_one_label_with_their_name_in_the_familys_order():
    root = parse(draw())
    assert_everyone_shown_once(root, TWELVE)
    assert names_shown(root)[:2] == ["Mor Mette", "Mormor Inge"]


def test_a_long_name_is_cut_to_24_characters_with_an_ellipsis():
    assert network_map._shown_name("Sundhedsplejerske Birgitte Ærø") == "Sundhedsplejerske Birgi…"
    assert network_map._shown_name("Ida") == "Ida"


def test_names_are_one_line_of_characters_xml_can_hold():
    root = parse(draw([("  Mor\x00 Mette\r\n", 1), ("Far\tSøren", 2)]))
    assert names_shown(root) == ["Mor Mette", "Far Søren"]


def test_the_rings_are_four_circles_labelled_innermost_first():
    root = parse(draw())
    assert [e.text for e in with_class(root, "fgc-map-ring-label")] == RINGS
    rings = root.find(f"{SVG}g[@class='fgc-map-rings']")
    radii = sorted(float(circle.get("r")) for circle in rings)
    assert len(radii) == 4 and len(set(radii)) == 4
    assert rings.get("stroke")


def test_the_child_is_a_dark_disc_with_the_label_in_white_bold():
    child = parse(draw(centre="Barnet")).find(f"{SVG}g[@class='fgc-map-child']")
    disc = child.find(f"{SVG}circle")
    label = with_class(child, "fgc-map-centre")[0]
    assert disc.get("fill") not in (None, "none", "#ffffff")
    assert label.text == "Barnet"
    assert label.get("fill") == "#ffffff"
    assert label.get("font-weight") == "bold"


def test_a_long_centre_label_is_cut_to_fit_the_disc():
    label = with_class(parse(draw(centre="Emma-Sofie Kristiansen Ærø")), "fgc-map-centre")[0]
    assert label.text.startswith("Emma") and label.text.endswith("…")


def test_every_label_has_a_white_halo_drawn_beneath_it():
    root = parse(draw())
    halos = root.find(f"{SVG}g[@class='fgc-map-halos']")
    assert halos.get("stroke") == "#ffffff" and halos.get("stroke-width") == "4"
    texts = [e.text for e in halos]
    assert texts == RINGS + written(TWELVE)
    groups = [e.get("class") for e in root]
    assert groups.index("fgc-map-halos") < groups.index("fgc-map-labels")


def test_an_empty_network_still_draws_the_rings_and_the_child():
    root = parse(draw([]))
    assert names_shown(root) == []
    assert len(root.find(f"{SVG}g[@class='fgc-map-rings']")) == 4
    assert with_class(root, "fgc-map-centre")[0].text == "Emma"


def test_the_callers_words_never_become_markup():
    hostile = '<script>alert(1)</script>" onload="alert(2)'
    svg = network_map_svg(hostile, [(hostile, 3), ("&amp;", 1)], [hostile] * 4, hostile, hostile)
    root = parse(svg)
    assert "<script" not in svg
    assert names_shown(root) == written([(hostile, 3), ("&amp;", 1)], [hostile] * 4)
    assert "&amp;" in names_shown(root)
    assert root.find(f"{SVG}title").text == hostile
    assert {tag(e) for e in root.iter()} <= ALLOWED_ELEMENTS
    assert not [name for e in root.iter() for name in e.attrib if name.lower().startswith("on")]


def test_the_svg_has_no_scripts_styles_or_outside_references():
    svg = draw()
    for forbidden in ("<script", "style=", "href", "foreignObject", "url("):
        assert forbidden not in svg


@pytest.mark.parametrize("svg_id", ["", "1map", "map one", 'a"b', "kort<"])
def test_an_svg_id_that_is_not_a_plain_name_is_refused(svg_id):
    with pytest.raises(ValueError):
        draw(svg_id=svg_id)


def test_a_ring_outside_0_to_3_is_refused():
    with pytest.raises(ValueError):
        draw([("Mor", 4)])


def test_four_ring_labels_are_needed():
    with pytest.raises(ValueError):
        draw(rings=RINGS[:3])


def test_the_same_network_always_draws_the_same_string():
    assert draw() == draw()


def test_coordinates_are_rounded_to_one_decimal():
    for element in parse(draw()).iter():
        for name in NUMBER_ATTRIBUTES:
            if name in element.attrib:
                assert re.fullmatch(r"-?\d+(\.\d)?", element.get(name)), (name, element.get(name))


def assert_inside_viewbox(root):
    left, top, width, height = viewbox(root)
    for element in root.iter():
        values = {name: float(element.get(name)) for name in NUMBER_ATTRIBUTES if element.get(name)}
        radius = values.pop("r", 0)
        for name, value in values.items():
            low, high = (left, left + width) if name.startswith("x") else (top, top + height)
            if name in ("cx", "cy"):
                low, high = low + radius, high - radius
            assert low <= value <= high, (tag(element), name, value)


def assert_names_inside_viewbox(root):
    """Each name's extent, at a usual half an em a character, lies inside the map."""
    _, _, width, _ = viewbox(root)
    size = float(root.find(f"{SVG}g[@class='fgc-map-labels']").get("font-size"))
    for label in with_class(root, "fgc-map-name"):
        x, extent = float(label.get("x")), len(label.text or "") * size / 2
        left, right = {
            "start": (x, x + extent),
            "end": (x - extent, x),
            "middle": (x - extent / 2, x + extent / 2),
        }[label.get("text-anchor")]
        assert left >= 0 and right <= width, (label.text, left, right)


def test_thirty_long_names_on_every_ring_stay_inside_the_map():
    people = [(f"Sagsbehandler Kirsten {ring}{i:02}", ring) for ring in range(4) for i in range(30)]
    root = parse(draw(people))
    assert_everyone_shown_once(root, people)
    assert_inside_viewbox(root)
    assert_names_inside_viewbox(root)


def test_names_on_a_full_ring_do_not_pile_up_in_one_place():
    people = [(f"Kusine {i}", 0) for i in range(30)]
    root = parse(draw(people))
    shown = with_class(root, "fgc-map-name") + with_class(root, "fgc-map-number")
    assert len({(label.get("x"), label.get("y")) for label in shown}) == 30


names = st.text(max_size=40)
rings = st.integers(min_value=0, max_value=3)


@settings(max_examples=200, deadline=None)
@given(
    centre=st.text(max_size=30),
    people=st.lists(st.tuples(names, rings), max_size=16),
    ring_labels=st.lists(st.text(max_size=30), min_size=4, max_size=4),
    title=st.text(),
)
def test_any_words_give_well_formed_svg_that_shows_them_as_text(centre, people, ring_labels, title):
    root = parse(network_map_svg(centre, people, ring_labels, title, title))
    assert {tag(e) for e in root.iter()} <= ALLOWED_ELEMENTS
    assert not [name for e in root.iter() for name in e.attrib if name.lower().startswith("on")]
    assert names_shown(root) == written(people, ring_labels)
    text = "".join(root.itertext())
    for name in written(people, ring_labels):
        assert name in text


@settings(max_examples=15, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=0, max_value=30), min_size=4, max_size=4),
    name=st.text(alphabet="abcdefghijklmnopqrstuvwxyzæøå ", max_size=30),
)
def test_up_to_thirty_people_a_ring_stay_inside_the_map(counts, name):
    people = [(f"{name}{i}", ring) for ring, count in enumerate(counts) for i in range(count)]
    root = parse(draw(people))
    assert_everyone_shown_once(root, people)
    assert_inside_viewbox(root)
    assert_names_inside_viewbox(root)


# ----- Geometry: ring labels clear of the ring lines, names inside their own band -----

GUESTS = load("guests")
EXAMPLE_PEOPLE = [
    (
        guest["name"],
        [o.value for o in GUESTS.field_of_list("guests", "circle").options].index(guest["circle"]),
    )
    for guest in GUESTS.examples["filled"]["guests"]
]
# Short names, as a family writes them on a map. A name wider than its band where the band runs
# up and down (the ring's sides) cannot lie inside it; the map then keeps the crossing small.
FAMILY_OF_EIGHT = [
    ("Mor", 0),
    ("Far", 0),
    ("Mormor", 1),
    ("Morbror Jens", 1),
    ("Nabo Ali", 2),
    ("Træner Ole", 2),
    ("Lærer", 3),
    ("Pia", 3),
]


def ring_labels_of(language):
    return [
        pick(GUESTS.texts["circles"][o.value], language)
        for o in GUESTS.field_of_list("guests", "circle").options
    ]


def label_boxes(root, css_class, size, bold=False):
    """Each text's box as the map estimates it (the same generous widths it places names by)."""
    boxes = []
    for label in with_class(root, css_class):
        x, baseline = float(label.get("x")), float(label.get("y"))
        width = network_map._text_width(label.text or "", size, bold=bold)
        left = {"start": x, "end": x - width, "middle": x - width / 2}[label.get("text-anchor")]
        boxes.append(
            (label.text, (left, baseline - size * 0.8, left + width, baseline + size * 0.25))
        )
    return boxes


def rings_crossed(box):
    near, far = network_map.distances(box)
    return [radius for radius in network_map.ring_lines() if near < radius < far]


@pytest.mark.parametrize("language", ["da", "en"])
def test_ring_labels_sit_inside_their_band_clear_of_the_lines(language):
    labels = ring_labels_of(language)
    root = parse(draw(EXAMPLE_PEOPLE, rings=labels))
    boxes = label_boxes(root, "fgc-map-ring-label", network_map.RING_LABEL_SIZE, bold=True)
    lines = network_map.ring_lines()
    assert [text for text, _ in boxes] == labels
    for ring, (text, box) in enumerate(boxes):
        near, far = network_map.distances(box)
        assert lines[ring] < near and far < lines[ring + 1], (text, near, far)


@pytest.mark.parametrize("people", [EXAMPLE_PEOPLE, FAMILY_OF_EIGHT])
@pytest.mark.parametrize("language", ["da", "en"])
def test_names_stay_inside_their_own_band_and_cross_no_ring_line(people, language):
    root = parse(draw(people, rings=ring_labels_of(language)))
    boxes = label_boxes(root, "fgc-map-name", network_map.NAME_SIZE)
    # The outermost band reaches past its line to the map's edge: nothing lies beyond it.
    lines = [*network_map.ring_lines()[:-1], math.inf]
    rings = [
        ring
        for (_, ring), n in zip(
            people, numbered(people, rings=ring_labels_of(language)), strict=True
        )
        if n is None
    ]
    for (text, box), ring in zip(boxes, rings, strict=True):
        near, far = network_map.distances(box)
        assert rings_crossed(box) == [], text
        assert lines[ring] <= near and far <= lines[ring + 1], (text, ring, near, far)


# ----- At any size up to the guest list's limit: nothing overlaps, everyone in their own ring -----

MAX_GUESTS = GUESTS.list_def("guests").max_items


def assert_readable_layout(people, ring_labels):
    """No two labels overlap (names, numbered discs, ring labels, the child's disc), every name
    and disc lies inside its own band, and everyone is shown once."""
    root = parse(draw(people, rings=ring_labels))
    assert_everyone_shown_once(root, people, ring_labels)
    numbers = numbered(people, rings=ring_labels)
    names = label_boxes(root, "fgc-map-name", network_map.NAME_SIZE)
    named_rings = [ring for (_, ring), n in zip(people, numbers, strict=True) if n is None]
    disc_rings = [ring for (_, ring), n in zip(people, numbers, strict=True) if n is not None]
    badges = root.find(f"{SVG}g[@class='fgc-map-badges']")
    discs = [
        (float(c.get("cx")), float(c.get("cy")), float(c.get("r")))
        for c in badges.iter(f"{SVG}circle")
    ]
    ring_boxes = label_boxes(root, "fgc-map-ring-label", network_map.RING_LABEL_SIZE, bold=True)
    child = network_map.CHILD_RADIUS
    centre = network_map.CENTRE
    boxes = [box for _, box in names]
    boxes += [(x - r, y - r, x + r, y + r) for x, y, r in discs]
    boxes += [box for _, box in ring_boxes]
    boxes.append((centre - child, centre - child, centre + child, centre + child))
    for a in range(len(boxes)):
        for b in range(a + 1, len(boxes)):
            assert not network_map._overlap(boxes[a], boxes[b]), (boxes[a], boxes[b])
    lines = [*network_map.ring_lines()[:-1], math.inf]
    for (text, box), ring in zip(names, named_rings, strict=True):
        near, far = network_map.distances(box)
        assert lines[ring] <= near and far <= lines[ring + 1], (text, ring, near, far)
        assert box[0] >= 0 and box[2] <= network_map.SIZE and box[1] >= 0
        assert box[3] <= network_map.SIZE
    for (x, y, r), ring in zip(discs, disc_rings, strict=True):
        distance = math.hypot(x - centre, y - centre)
        assert lines[ring] <= distance - r and distance + r <= lines[ring + 1], (ring, distance)
    return numbers


@settings(max_examples=25, deadline=None)
@given(
    counts=st.lists(st.integers(min_value=0, max_value=MAX_GUESTS), min_size=4, max_size=4).map(
        lambda counts: [min(c, max(MAX_GUESTS - sum(counts[:i]), 0)) for i, c in enumerate(counts)]
    ),
    lengths=st.lists(st.integers(min_value=1, max_value=30), min_size=1, max_size=8),
    language=st.sampled_from(["da", "en"]),
)
def test_any_family_up_to_the_limit_gets_a_map_where_nothing_overlaps(counts, lengths, language):
    people = [
        (("Ærø" + "abcdefghij" * 3)[: lengths[i % len(lengths)]] + str(i), ring)
        for ring, count in enumerate(counts)
        for i in range(count)
    ]
    assert len(people) <= MAX_GUESTS
    assert_readable_layout(people, ring_labels_of(language))


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_realistic_family_with_eight_close_relatives_gets_a_readable_map(language):
    order = [o.value for o in GUESTS.field_of_list("guests", "circle").options]
    people = [(g["name"], order.index(g["circle"])) for g in GUESTS.examples["family"]["guests"]]
    numbers = assert_readable_layout(people, ring_labels_of(language))
    # Some names of the crowded close family are numbers on the map (the list names them).
    assert any(numbers) and len(numbers) == 14


def _places(svg):
    """Each circle's and text's (kind, x, y, anchor, text) in the drawing's order."""
    found = []
    for element in parse(svg).iter():
        tag = element.tag.removeprefix(SVG)
        if tag in ("circle", "text", "line"):
            x = element.get("cx") or element.get("x") or element.get("x1")
            found.append((tag, float(x), element.get("text-anchor"), element.text))
    return found


def test_in_a_language_written_right_to_left_the_map_is_the_mirror_image():
    ltr, rtl = draw(), draw(direction="rtl")
    assert parse(rtl).get("direction") == "rtl" and parse(ltr).get("direction") is None
    mirrored = [(tag, network_map.SIZE - x, anchor, text) for tag, x, anchor, text in _places(ltr)]
    assert len(_places(rtl)) == len(mirrored)
    for (tag, x, anchor, text), (m_tag, m_x, m_anchor, m_text) in zip(
        _places(rtl), mirrored, strict=True
    ):
        assert (tag, anchor, text) == (m_tag, m_anchor, m_text) and x == pytest.approx(
            m_x, abs=0.02
        )
    # Not the same drawing: the first person of the close family sits on the other side.
    assert _places(rtl) != _places(ltr)
