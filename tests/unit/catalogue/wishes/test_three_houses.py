"""The three houses are well-formed SVG holding the child's words as text, inside the walls,
never cut: what does not fit continues below, word for word."""

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from forms.catalogue.wishes import three_houses
from forms.catalogue.wishes.three_houses import (
    HOUSE_WIDTH,
    PADDING,
    TEXT_SIZE,
    split_text,
    three_houses_svg,
)

SVG = "{http://www.w3.org/2000/svg}"
TITLES = {"good": "Det gode", "worries": "Bekymringer", "dreams": "Drømme"}


def draw(good="", worries="", dreams="", svg_id="houses"):
    houses = [
        ("good", TITLES["good"], good),
        ("worries", TITLES["worries"], worries),
        ("dreams", TITLES["dreams"], dreams),
    ]
    return three_houses_svg(houses, "Mine tre huse", "Tre huse med mine ord", svg_id)


def texts(svg):
    return [element.text or "" for element in ET.fromstring(svg).iter(f"{SVG}text")]


def test_three_houses_hold_the_words_and_a_white_paper():
    svg, rests = draw("Jeg spiller fodbold.", "Jeg savner far.", "Ro derhjemme.")
    root = ET.fromstring(svg)
    assert len(root.findall(f"{SVG}g")) == 3
    shown = texts(svg)
    for word in ("Jeg spiller fodbold.", "Jeg savner far.", "Ro derhjemme.", *TITLES.values()):
        assert word in shown
    paper = root.find(f"{SVG}rect")
    assert paper.get("fill") == "#ffffff"
    assert rests == ["", "", ""]


def test_blank_houses_hold_only_their_titles():
    svg, _ = draw()
    assert texts(svg) == list(TITLES.values())


def test_words_are_escaped():
    svg, _ = draw('<script>alert("x")</script> & </svg>')
    root = ET.fromstring(svg)  # still well-formed
    assert root.find(f"{SVG}script") is None
    assert "<script>" not in svg
    assert '<script>alert("x")</script>' in "".join(texts(svg))


def test_a_bad_id_is_refused():
    with pytest.raises(ValueError):
        draw(svg_id='x" onload="y')


def test_long_text_continues_below_word_for_word():
    words = " ".join(f"ord{n}" for n in range(200))
    inside, rest = split_text(words)
    assert len(inside) == three_houses.MAX_LINES
    assert " ".join(inside) + " " + rest == words


def test_a_word_longer_than_a_line_is_broken_not_cut():
    word = "a" * 300
    inside, rest = split_text(word)
    assert "".join(inside) + rest == word


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500))
def test_every_line_fits_inside_its_walls_and_nothing_is_lost(text):
    inside, rest = split_text(text)
    width = HOUSE_WIDTH - 2 * PADDING
    for line in inside:
        # The widest letters are about 0.6 of the font size wide.
        assert len(line) * TEXT_SIZE * 0.58 <= width
    assert len(inside) <= three_houses.MAX_LINES
    kept = "".join(inside).replace(" ", "") + rest.replace(" ", "")
    assert kept == "".join(text.split())
    svg, _ = draw(text)
    ET.fromstring(svg)


def test_lines_stay_inside_the_drawing():
    svg, _ = draw(*(["ord " * 200] * 3))
    root = ET.fromstring(svg)
    width, height = (float(n) for n in root.get("viewBox").split()[2:])
    for element in root.iter(f"{SVG}text"):
        assert 0 <= float(element.get("x")) <= width
        assert 0 <= float(element.get("y")) <= height


def test_step_icon_is_hidden_from_screen_readers():
    for kind in three_houses.KINDS:
        root = ET.fromstring(three_houses.icon(kind))
        assert root.get("aria-hidden") == "true"


def test_every_house_stands_inside_the_drawing_outline_and_all():
    svg, _ = draw("a", "b", "c")
    root = ET.fromstring(svg)
    width, height = (float(n) for n in root.get("viewBox").split()[2:])
    half_stroke = 1.5
    for rect in root.iter(f"{SVG}rect"):
        if rect.get("stroke") is None:  # the white paper behind it all
            continue
        x, y = float(rect.get("x", 0)), float(rect.get("y", 0))
        assert x - half_stroke >= 0 and y - half_stroke >= 0
        assert x + float(rect.get("width")) + half_stroke <= width
        assert y + float(rect.get("height")) + half_stroke <= height
    for polygon in root.iter(f"{SVG}polygon"):
        for point in polygon.get("points").split():
            x, y = (float(n) for n in point.split(","))
            assert half_stroke <= x <= width - half_stroke and half_stroke <= y <= height


def test_one_house_alone_is_drawn_at_its_own_size():
    svg, rests = three_houses_svg([("good", "Det gode", "Fodbold")], "Mit hus", "Det gode", "one")
    root = ET.fromstring(svg)
    assert len(root.findall(f"{SVG}g")) == 1
    width = float(root.get("viewBox").split()[2])
    assert width < HOUSE_WIDTH + 20
    assert "Fodbold" in texts(svg) and rests == [""]


def test_in_a_language_written_right_to_left_the_first_house_is_on_the_right():
    houses = [(kind, title, "Fodbold med far") for kind, title in TITLES.items()]
    ltr, _ = three_houses_svg(houses, "Mine tre huse", "Tre huse", "h")
    rtl, _ = three_houses_svg(houses, "Mine tre huse", "Tre huse", "h", "rtl")
    width = float(ET.fromstring(rtl).get("viewBox").split()[2])

    def walls(svg):
        return {
            group.get("class").split("--")[1]: float(group.find(f"{SVG}rect").get("x"))
            for group in ET.fromstring(svg).iter(f"{SVG}g")
            if "fgc-house--" in (group.get("class") or "")
        }

    assert walls(ltr)["good"] < walls(ltr)["worries"]
    assert walls(rtl)["good"] > walls(rtl)["worries"]
    assert walls(rtl) == {kind: width - x - HOUSE_WIDTH for kind, x in walls(ltr).items()}
    assert ET.fromstring(rtl).get("direction") == "rtl"
    # Each line of the child's words begins at the right wall, inside it.
    line = next(t for t in ET.fromstring(rtl).iter(f"{SVG}text") if t.text == "Fodbold med far")
    assert float(line.get("x")) == walls(rtl)["good"] + HOUSE_WIDTH - PADDING
