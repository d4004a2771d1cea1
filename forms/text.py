"""Texts keyed by language, and the languages the forms are written in."""

import json
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from forms.discovery import catalogue, read_form_file
from forms.plural import category

# Beside the modules, in a folder or in the zip the site serves them from: read through the
# modules' own loader (a file reader here, zipimport in the browser), never opened as a path.
DEFINITIONS = Path(__file__).parent / "definitions"
_STEP = re.compile(r"([^.\[\]]+)|\[([^\]]+)\]")


# A language beyond the definitions' own: translations/<code>.toml beside definitions/, written by
# the translator's kit (scripts/translation/), its texts laid over the definitions as they are read.
OVERLAYS = Path(__file__).parent / "translations"
LANGUAGE_LIST = "languages.toml"


def _read(path: Path) -> dict:
    return tomllib.loads(__spec__.loader.get_data(str(path)).decode("utf-8"))


def load_toml(name: str) -> dict:
    """A file of definitions/ (the site's own texts, the booklet's, the languages)."""
    data = _read(DEFINITIONS / name)
    return data if name == LANGUAGE_LIST else _translated(data, name)


def texts_file(name: str) -> dict:
    """A file of texts by the name the translator's kit gives it: "ui.toml" in definitions/, a
    form's form.toml as "<id>.toml"."""
    form_id = name.removesuffix(".toml")
    return load_form_toml(form_id) if form_id in catalogue() else load_toml(name)


def load_form_toml(form_id: str) -> dict:
    """A form's form.toml, from its folder in the catalogue (forms/discovery.py); a language's
    overlay names it "<id>.toml", as the translator's kit does."""
    data = tomllib.loads(read_form_file(form_id).decode("utf-8"))
    return _translated(data, f"{form_id}.toml")


def _translated(data: dict, name: str) -> dict:
    for language in languages():
        for key, text in overlay(language).get(name, {}).items():
            _lay_over(data, key, language, text)
    return data


@cache
def overlay(language: str) -> dict:
    """A language's overlay: file name -> {text's path: text}; {} for a language without one."""
    try:
        return _read(OVERLAYS / f"{language}.toml")
    except OSError:  # no such file: a language written in the definitions themselves
        return {}


def _lay_over(data: dict, key: str, language: str, text) -> None:
    """Set the text at `key` ("fields[child_name].label": a table's key, a list's table named by
    its id, name or value, or [#2] by its place) in `language`."""
    node = data
    for step, name in ((m[1], m[2]) for m in _STEP.finditer(key)):
        if step:
            node = node[step]
        elif name.startswith("#"):
            node = node[int(name[1:])]
        else:
            node = next(
                item for item in node if name in (item.get(k) for k in ("id", "name", "value"))
            )
    node[language] = text


@cache
def languages() -> dict[str, str]:
    """Language code -> the language's own name, in the order the site offers them."""
    return _read(DEFINITIONS / LANGUAGE_LIST)["languages"]


@cache
def ui_texts() -> dict:
    return load_toml("ui.toml")


def pick(texts: dict, language: str):
    """The text for a language; a missing translation is a bug caught by the tests."""
    return texts[language]


@cache
def form_ui_texts(form_id: str) -> dict:
    """A form's own wording of the site's texts (the child's form speaks to the child): its
    [ui] table, each key one of ui.toml's, used instead of ui.toml's where it has one."""
    return load_form_toml(form_id).get("ui", {}) if form_id in catalogue() else {}


def _ui_text(key: str, language: str, form: str | None):
    texts = (form_ui_texts(form) if form else {}).get(key) or ui_texts()[key]
    return pick(texts, language)


@dataclass(frozen=True)
class Texts:
    """The site's texts (ui.toml) as one form words them, in one language: bound once where a
    form's view or page is made and handed down, so that no text on the way can miss the
    form's own wording (its [ui] table, each key one of ui.toml's). `form` is None only for
    what belongs to no form: the site's own pages, the booklet's cover."""

    language: str
    form: str | None

    def ui(self, key: str, **params) -> str:
        text = _ui_text(key, self.language, self.form)
        if isinstance(text, dict):
            raise TypeError(f"{key!r} is written per count: ask Texts.count for it")
        return text.format(**params) if params else text

    def count(self, key: str, count: int, **params) -> str:
        """A text with a count in it ("5 skemaer"): its table gives, per language, one text per
        plural category of the language ({one = "{count} skema", other = "{count} skemaer"}),
        the category chosen by the language's CLDR rule."""
        texts = _ui_text(key, self.language, self.form)
        return counted(texts, count, locale(self.language)["plural"], **params)

    def pick(self, texts: dict):
        """A definition's own text ({"da": …, "en": …}) in this language."""
        return pick(texts, self.language)

    def date(self, iso_date: str) -> str:
        """'2026-11-23' written out in this language (format_date)."""
        return format_date(iso_date, self.language)


def ui(key: str, language: str, **params) -> str:
    """One of the site's own texts, as no form words it (the site's pages, the booklet's
    cover); a form's texts come from its Texts."""
    return Texts(language, None).ui(key, **params)


def ui_count(key: str, count: int, language: str, **params) -> str:
    """A text with a count in it, as no form words it (Texts.count)."""
    return Texts(language, None).count(key, count, **params)


def counted(texts: dict, count: int, rule: list, **params) -> str:
    """The text of a count's plural category ("other" where a language writes none apart)."""
    text = texts.get(category(count, rule)) or texts["other"]
    return text.format(count=count, **params)


@cache
def locales() -> dict:
    """Per language its CLDR data the forms use: the long date as a format string and the month
    names, the plural rule and the direction of writing (made by scripts/build/locale_data.py)."""
    return json.loads(__spec__.loader.get_data(str(DEFINITIONS / "locales.json")).decode("utf-8"))


def locale(language: str) -> dict:
    return locales()[language]


def direction(language: str) -> str:
    """ "ltr" or "rtl": the way the language's pages are written."""
    return locale(language)["direction"]


def date_in(iso_date: str, data: dict) -> str:
    """'2027-03-03' written with one language's data from locales()."""
    year, month, day = (int(part) for part in iso_date.split("-"))
    month_name = data["months"][month - 1]
    return data["date"].format(day=day, month=month_name, month_number=month, year=year)


def format_date(iso_date: str, language: str) -> str:
    """'2026-11-23' -> '23. november 2026' (da) or '23 November 2026' (en), from the language's
    CLDR data."""
    return date_in(iso_date, locale(language))
