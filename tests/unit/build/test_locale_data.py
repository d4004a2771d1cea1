"""The forms' dates and plurals come from each language's CLDR data (Babel), written by the build
into forms/definitions/locales.json: the same dates and counts as before in Danish and English,
and any language Babel knows (Kalaallisut) without code of its own."""

import datetime
import json
import re
from decimal import Decimal
from pathlib import Path

import pytest
import yaml
from babel import Locale, localedata
from babel.dates import format_date as babel_date

from forms.plural import category
from forms.text import (
    Texts,
    counted,
    date_in,
    format_date,
    languages,
    locales,
    texts_file,
    ui_count,
)
from scripts.build.locale_data import LOCALE_DATA, as_text, locale_data, plural_rule
from scripts.translation.form_texts import definition_files

ROOT = Path(__file__).resolve().parents[3]
# Before CLDR: the month names and date patterns the forms had written by hand (ui.toml).
HAND_WRITTEN_MONTHS = {
    "da": "januar februar marts april maj juni juli august september oktober november december",
    "en": "January February March April May June July August September October November December",
}
HAND_WRITTEN_DATE = {"da": "{day}. {month} {year}", "en": "{day} {month} {year}"}
# Before CLDR: "1 skema" for one, "{n} skemaer" for any other count.
HAND_WRITTEN_KEPT = {"da": ("1 skema", "{n} skemaer"), "en": ("1 form", "{n} forms")}
EVERY_DAY = [
    datetime.date(2026, 1, 1) + datetime.timedelta(days=days) for days in range(0, 3 * 366, 1)
]


def _site_languages() -> dict[str, str | None]:
    """The languages mkdocs.yml builds, with the direction each one's theme gives."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)
    site = (config.get("theme") or {}).get("direction")
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "i18n" in plugin:
            built = [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
            built.sort(key=lambda lang: not lang.get("default"))
            return {
                lang["locale"]: (lang.get("theme") or {}).get("direction", site) for lang in built
            }
    raise AssertionError("mkdocs.yml has no i18n languages")


def test_the_forms_data_is_what_the_build_makes_from_the_sites_languages():
    assert LOCALE_DATA.read_text(encoding="utf-8") == as_text(locale_data(_site_languages()))


def test_every_language_of_the_forms_has_its_cldr_data():
    assert set(languages()) <= set(locales())


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_date_reads_as_before_in_danish_and_english(language):
    months = HAND_WRITTEN_MONTHS[language].split()
    for day in EVERY_DAY:
        before = HAND_WRITTEN_DATE[language].format(
            day=day.day, month=months[day.month - 1], year=day.year
        )
        assert format_date(day.isoformat(), language) == before


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_count_reads_as_before_in_danish_and_english(language):
    one, many = HAND_WRITTEN_KEPT[language]
    for count in range(1, 200):
        before = one if count == 1 else many.format(n=count)
        assert ui_count("kept_forms", count, language) == before


# Before CLDR: the texts that name a count above a limit (so never 1), one text for any count.
HAND_WRITTEN_LIMITS = {
    ("too_long", None, "da"): "Teksten er {length} tegn. Der er plads til {max}. Gør den kortere,"
    " så den kan stå på papiret.",
    ("too_long", None, "en"): "The text is {length} characters. There is room for {max}. Make it"
    " shorter so that it fits on paper.",
    (
        "too_long",
        "wishes",
        "da",
    ): "Der er {length} tegn. Der er plads til {max}. Skriv lidt kortere.",
    ("too_long", "wishes", "en"): "There are {length} characters. There is room for {max}. Write a"
    " little less.",
    ("draft_text_too_long", None, "da"): "En tekst i filen er {count} tegn lang ({where}). Der er"
    " plads til {max}.",
    ("draft_text_too_long", None, "en"): "A text in the file is {count} characters long ({where})."
    " There is room for {max}.",
    ("draft_list_too_long", None, "da"): "Filen har {count} punkter i »{where}«. Der er plads til"
    " {max}.",
    ("draft_list_too_long", None, "en"): "The file has {count} entries in “{where}”. There is room"
    " for {max}.",
}


@pytest.mark.parametrize(("key", "form", "language"), sorted(HAND_WRITTEN_LIMITS, key=str))
def test_every_count_over_a_limit_reads_as_before(key, form, language):
    before = HAND_WRITTEN_LIMITS[key, form, language]
    for count in range(2, 700):
        now = Texts(language, form).count(key, count, max=1, where="Spørgsmål 1")
        assert now == before.format(length=count, count=count, max=1, where="Spørgsmål 1")


@pytest.mark.parametrize("language", sorted(locale_data(_site_languages())))
def test_the_forms_write_dates_as_babel_does(language):
    data = locales()[language]
    for day in EVERY_DAY[::7]:
        cpython = babel_date(day, format="long", locale=data["cldr"])
        assert date_in(day.isoformat(), data) == cpython


def test_kalaallisut_comes_from_cldr_with_no_code_of_its_own():
    data = locale_data({"da": None, "kl": None})["kl"]
    assert date_in("2027-03-03", data) == "03 marsip 2027"
    assert data["months"][0] == "januaarip"
    assert [category(count, data["plural"]) for count in (0, 1, 2, 5)] == [
        "other",
        "one",
        "other",
        "other",
    ]
    texts = {"one": "{count} immikkut", "other": "{count} immikkuutaat"}
    assert counted(texts, 1, data["plural"]) == "1 immikkut"
    assert counted(texts, 3, data["plural"]) == "3 immikkuutaat"


def test_a_language_with_more_plural_forms_gets_them_all():
    rule = locale_data({"ar-XB": "rtl"})["ar-XB"]["plural"]
    assert [category(count, rule) for count in (0, 1, 2, 3, 11, 100)] == [
        "zero",
        "one",
        "two",
        "few",
        "many",
        "other",
    ]


# Every locale Babel has, so a language added later needs no change to the forms' evaluator.
COUNTS = [*range(0, 130), 1000, 1_000_000, 2.5, *map(Decimal, ("1.0", "0.1", "1.50"))]


@pytest.mark.parametrize("code", sorted(localedata.locale_identifiers())[::3])
def test_the_forms_plural_rule_agrees_with_babel(code):
    locale = Locale.parse(code)
    rule = json.loads(json.dumps(plural_rule(locale)))  # as the forms read it
    for count in COUNTS:
        assert category(count, rule) == locale.plural_form(count), (code, count)


def _counted_texts(node, where=""):
    """(where, language, {category: text}) for every text written per count in the forms' TOML."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in languages() and isinstance(value, dict):
                yield where, key, value
            else:
                yield from _counted_texts(value, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _counted_texts(value, f"{where}[{index}]")


def test_a_text_with_a_count_has_every_plural_category_of_its_language():
    found = []
    for name, _ in definition_files():
        for where, language, texts in _counted_texts(texts_file(name), name):
            found.append(where)
            categories = {name for name, _ in locales()[language]["plural"]} | {"other"}
            assert set(texts) == categories, (where, language)
            names = {re.findall(r"{(\w+)}", text).count("count") for text in texts.values()}
            assert names == {1}, (where, language)  # the count itself in every form
    assert "ui.toml.kept_forms" in found
