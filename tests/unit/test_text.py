"""Every text exists in every language, and dates read naturally in each."""

import re

import pytest

from forms.text import Texts, format_date, languages, load_toml, texts_file, ui
from scripts.translation.form_texts import definition_files

# Every file of texts: definitions/' own and each form's form.toml (as "<id>.toml").
FILES = [name for name, _ in definition_files()]


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


@pytest.mark.parametrize("name", FILES)
def test_every_text_has_every_language(name):
    missing = _missing_translations(texts_file(name), name, list(languages()))
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


@pytest.mark.parametrize("name", FILES)
def test_a_forms_own_wording_replaces_only_site_texts_and_takes_the_same_names(name):
    site = load_toml("ui.toml")
    for key, texts in texts_file(name).get("ui", {}).items():
        assert key in site, key
        for language, text in texts.items():
            names = set(re.findall(r"{(\w+)}", str(site[key][language])))
            # It may leave a name out ("no more room here" needs no number), never add one.
            assert set(re.findall(r"{(\w+)}", str(text))) <= names, (key, language)
            # A text written per count in the site's is written per count here too.
            assert isinstance(text, dict) == isinstance(site[key][language], dict), key


def test_the_childs_form_speaks_in_its_own_words_and_the_others_in_the_sites():
    assert Texts("da", "wishes").ui("check_title") != ui("check_title", "da")
    assert Texts("da", "questions").ui("check_title") == ui("check_title", "da")
    assert Texts("en", "wishes").ui("file_saved", name="x.json").count("x.json") == 1


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
    text of the definitions gets one: laid over in a made-up language as "xx:" + the Danish (a
    list of texts whole, a text with a count as its table of plural categories)."""
    from forms.text import _lay_over
    from scripts.translation.form_texts import texts

    tables = {name: texts_file(name) for name in {k.partition(":")[0] for k, _, _ in texts()}}
    parts: dict[tuple[str, str], dict] = {}
    for key, danish, _ in texts():
        name, _, path = key.partition(":")
        path, slash, part = path.partition("/")
        if slash:
            parts.setdefault((name, path), {})[int(part) if part.isdigit() else part] = (
                "xx:" + danish
            )
        else:
            _lay_over(tables[name], path, "xx", "xx:" + danish)
    for (name, path), found in parts.items():
        if all(isinstance(part, int) for part in found):
            found = [found[i] for i in sorted(found)]
        _lay_over(tables[name], path, "xx", found)

    def check(node, where):
        if isinstance(node, dict):
            if "da" in node:
                da = node["da"]
                if isinstance(da, list):
                    expected = ["xx:" + t for t in da]
                elif isinstance(da, dict):
                    expected = {category: "xx:" + t for category, t in da.items()}
                else:
                    expected = "xx:" + da
                assert node.get("xx") == expected, where
                return
            for key, value in node.items():
                check(value, f"{where}.{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                check(value, f"{where}[{index}]")

    for name, data in tables.items():
        check(data, name)
    assert any(isinstance(data.get("kept_forms", {}).get("xx"), dict) for data in tables.values())


def _count_texts(language):
    from scripts.translation.form_texts import texts

    return {key: danish for key, danish, _ in texts(language=language) if "kept_forms/" in key}


@pytest.mark.parametrize(
    ("language", "categories"),
    [
        ("kl", ["one", "other"]),
        ("ar", ["zero", "one", "two", "few", "many", "other"]),
        ("ar-XB", ["zero", "one", "two", "few", "many", "other"]),  # a pseudo-language: ar's
    ],
)
def test_a_text_with_a_count_goes_out_once_for_each_plural_category_of_the_language(
    language, categories
):
    found = _count_texts(language)
    assert list(found) == [f"ui.toml:kept_forms/{category}" for category in categories]
    danish = load_toml("ui.toml")["kept_forms"]["da"]
    # Where Danish writes the category apart, its text; else its "other".
    for category in categories:
        assert found[f"ui.toml:kept_forms/{category}"] == danish.get(category, danish["other"])


def test_the_translator_is_told_which_counts_each_category_is_for():
    from scripts.translation.plurals import note

    assert "the counts 3, 4, 5, 6, 7, 8 …" in note("ar", "few")
    assert "the count 1 " in note("kl", "one")
    assert "0, 2, 3" in note("kl", "other")


def test_the_kits_count_texts_come_back_as_a_table_the_forms_read(tmp_path, monkeypatch):
    """Written back by translation-in as { zero = …, …, other = … } in the overlay, the forms'
    ui_count picks each count's text by the language's rule."""
    import tomllib

    from forms import text
    from scripts.build.locale_data import locale_data
    from scripts.translation.form_texts import write_overlay

    translated = {key: f"{key.rpartition('/')[2]}: {{count}}" for key in _count_texts("ar")}
    overlay = tomllib.loads(write_overlay("ar", translated, tmp_path).read_text("utf-8"))
    assert list(overlay["ui.toml"]["kept_forms"]) == ["zero", "one", "two", "few", "many", "other"]
    monkeypatch.setattr(text, "OVERLAYS", tmp_path)
    monkeypatch.setattr(text, "languages", lambda: {"da": "Dansk", "en": "English", "ar": "ar"})
    monkeypatch.setattr(text, "locales", lambda: locale_data({"ar": "rtl"}))
    for cache in (text.overlay, text.ui_texts):
        cache.cache_clear()
    try:
        said = [text.ui_count("kept_forms", n, "ar") for n in (0, 1, 2, 5, 11, 100)]
    finally:
        for cache in (text.overlay, text.ui_texts):
            cache.cache_clear()
    assert said == ["zero: 0", "one: 1", "two: 2", "few: 5", "many: 11", "other: 100"]
