"""Every text exists in every language, and dates read naturally in each."""

import re

import pytest

from forms.text import DEFINITIONS, format_date, languages, load_toml, ui


def _missing_translations(node, where, codes):
    if isinstance(node, dict):
        if set(node) & set(codes):
            return [f"{where}: no {code!r}" for code in codes if not node.get(code)]
        found = []
        for key, value in node.items():
            found += _missing_translations(value, f"{where}.{key}", codes)
        return found
    if isinstance(node, list):
        found = []
        for index, value in enumerate(node):
            found += _missing_translations(value, f"{where}[{index}]", codes)
        return found
    return []


def test_the_site_languages_are_danish_first_then_english():
    assert list(languages())[:2] == ["da", "en"]


@pytest.mark.parametrize("path", sorted(DEFINITIONS.glob("*.toml")), ids=lambda p: p.name)
def test_every_text_has_every_language(path):
    missing = _missing_translations(load_toml(path.name), path.name, list(languages()))
    assert missing == []


def test_a_missing_translation_is_reported():
    texts = {"title": {"da": "Vores spørgsmål"}, "lists": [{"add": {"da": "Tilføj", "en": ""}}]}
    assert _missing_translations(texts, "x.toml", ["da", "en"]) == [
        "x.toml.title: no 'en'",
        "x.toml.lists[0].add: no 'en'",
    ]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("da", "3. marts 2027"), ("en", "3 March 2027")],
)
def test_dates_are_written_the_way_each_language_writes_them(language, expected):
    assert format_date("2027-03-03", language) == expected


@pytest.mark.parametrize("path", sorted(DEFINITIONS.glob("*.toml")), ids=lambda p: p.name)
def test_a_forms_own_wording_replaces_only_site_texts_and_takes_the_same_names(path):
    site = load_toml("ui.toml")
    for key, texts in load_toml(path.name).get("ui", {}).items():
        assert key in site, key
        for language, text in texts.items():
            names = set(re.findall(r"{(\w+)}", str(site[key][language])))
            # It may leave a name out ("no more room here" needs no number), never add one.
            assert set(re.findall(r"{(\w+)}", str(text))) <= names, (key, language)
            # A text written per count in the site's is written per count here too.
            assert isinstance(text, dict) == isinstance(site[key][language], dict), key


def test_the_childs_form_speaks_in_its_own_words_and_the_others_in_the_sites():
    assert ui("check_title", "da", "wishes") != ui("check_title", "da")
    assert ui("check_title", "da", "questions") == ui("check_title", "da")
    assert ui("file_saved", "en", "wishes", name="x.json").count("x.json") == 1


def test_a_languages_overlay_sets_each_text_where_its_key_points():
    """forms/translations/<code>.toml: a key names a table's text by the table's path, a table
    in a list by its id, name or value or by its place, and a list of texts whole."""
    from forms.text import _lay_over

    data = {
        "title": {"da": "Titel"},
        "fields": [{"name": "a", "label": {"da": "A"}}, {"label": {"da": "B"}}],
        "lists": [{"id": "l", "fields": [{"value": "v", "text": {"da": "V"}}]}],
        "months": {"da": ["januar", "februar"]},
    }
    _lay_over(data, "title", "kl", "Qulequtaa")
    _lay_over(data, "fields[a].label", "kl", "A-kl")
    _lay_over(data, "fields[#1].label", "kl", "B-kl")
    _lay_over(data, "lists[l].fields[v].text", "kl", "V-kl")
    _lay_over(data, "months", "kl", ["jan", "feb"])
    assert data["title"]["kl"] == "Qulequtaa"
    assert [f["label"]["kl"] for f in data["fields"]] == ["A-kl", "B-kl"]
    assert data["lists"][0]["fields"][0]["text"]["kl"] == "V-kl"
    assert data["months"]["kl"] == ["jan", "feb"]


def test_the_overlays_keys_are_the_kits_keys():
    """Every text the translator's kit sends out goes back to where it came from, and every
    text of the definitions gets one: laid over in a made-up language as "xx:" + the Danish."""
    from forms.text import _lay_over
    from scripts.translation.form_texts import texts

    tables = {name: load_toml(name) for name in {k.partition(":")[0] for k, _, _ in texts()}}
    lists: dict[tuple[str, str], dict[int, str]] = {}
    for key, danish, _ in texts():
        name, _, path = key.partition(":")
        path, slash, index = path.partition("/")
        if slash:
            lists.setdefault((name, path), {})[int(index)] = "xx:" + danish
        else:
            _lay_over(tables[name], path, "xx", "xx:" + danish)
    for (name, path), items in lists.items():
        _lay_over(tables[name], path, "xx", [items[i] for i in sorted(items)])

    def check(node, where):
        if isinstance(node, dict):
            if "da" in node:
                da = node["da"]
                expected = ["xx:" + t for t in da] if isinstance(da, list) else "xx:" + da
                assert node.get("xx") == expected, where
                return
            for key, value in node.items():
                check(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                check(value, f"{where}[{index}]")

    for name, data in tables.items():
        check(data, name)
