"""The one served stylesheet, joined from its parts: in the declared order, each part whole and
once, and a part missing from the folder or from the order stops the build."""

import pytest

from scripts.build.stylesheet import (
    CATALOGUE,
    ORDER,
    SERVED,
    STYLES,
    StylesheetError,
    form_styles,
    joined,
    parts,
    write_stylesheet,
)


def _folder(tmp_path, texts):
    for name, text in texts.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_the_parts_are_joined_in_the_declared_order_not_the_folders(tmp_path):
    folder = _folder(tmp_path, {"a.css": ".a {}\n", "b.css": ".b {}\n", "forms/c.css": ".c {}\n"})
    assert joined(folder, ("forms/c.css", "a.css", "b.css"), None) == ".c {}\n\n.a {}\n\n.b {}\n"
    assert joined(folder, ("b.css", "forms/c.css", "a.css"), None) == ".b {}\n\n.c {}\n\n.a {}\n"


def test_each_forms_own_styles_come_after_the_sites_form_by_form(tmp_path):
    folder = _folder(tmp_path / "styles", {"a.css": ".a {}\n"})
    forms = _folder(tmp_path / "catalogue", {"zebra/form.css": ".z {}\n", "ant/x.css": ".x {}\n"})
    assert joined(folder, ("a.css",), forms) == ".a {}\n\n.x {}\n\n.z {}\n"


def test_a_part_named_in_the_order_but_missing_stops_the_build(tmp_path):
    folder = _folder(tmp_path, {"a.css": ".a {}\n"})
    with pytest.raises(StylesheetError, match=r"not in .*: gone\.css"):
        joined(folder, ("a.css", "gone.css"))


def test_a_part_left_out_of_the_order_stops_the_build(tmp_path):
    folder = _folder(tmp_path, {"a.css": ".a {}\n", "forms/new.css": ".n {}\n"})
    with pytest.raises(StylesheetError, match=r"not in the order: forms/new\.css"):
        joined(folder, ("a.css",))


def test_a_part_named_twice_stops_the_build(tmp_path):
    folder = _folder(tmp_path, {"a.css": ".a {}\n", "b.css": ".b {}\n"})
    with pytest.raises(StylesheetError, match=r"named twice in the order: a\.css"):
        joined(folder, ("a.css", "b.css", "a.css"))


def test_the_sites_parts_are_each_in_the_order_once():
    assert sorted(ORDER) == parts(STYLES)
    assert len(set(ORDER)) == len(ORDER)


def test_the_sites_stylesheet_holds_each_part_once_in_order():
    text = joined()
    paths = [STYLES / name for name in ORDER] + form_styles()
    assert {path.parent.name for path in form_styles()} >= {"guests", "plan", "wishes"}
    places = [text.find(path.read_text(encoding="utf-8")) for path in paths]
    assert -1 not in places
    assert places == sorted(places)
    for path in paths:
        assert text.count(path.read_text(encoding="utf-8")) == 1


def test_each_part_begins_with_a_comment_saying_what_it_holds():
    for path in [STYLES / name for name in ORDER] + form_styles(CATALOGUE):
        assert path.read_text(encoding="utf-8").startswith("/* "), path


def test_the_stylesheet_is_written_where_the_pages_link_to_it(tmp_path):
    folder = _folder(tmp_path / "styles", {"a.css": ".a {}\n"})
    path = write_stylesheet(tmp_path / "site", folder, ("a.css",), None)
    assert path == tmp_path / "site" / SERVED
    assert path.read_text(encoding="utf-8") == ".a {}\n"
