"""Texts keyed by language, and the languages the forms are written in."""

import tomllib
from functools import cache
from pathlib import Path

DEFINITIONS = Path(__file__).parent / "definitions"


def load_toml(name: str) -> dict:
    with (DEFINITIONS / name).open("rb") as file:
        return tomllib.load(file)


@cache
def languages() -> dict[str, str]:
    """Language code -> the language's own name, in the order the site offers them."""
    return load_toml("languages.toml")["languages"]


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
    path = DEFINITIONS / f"{form_id}.toml"
    return load_toml(path.name).get("ui", {}) if path.exists() else {}


def ui(key: str, language: str, form: str | None = None, **params) -> str:
    texts = (form_ui_texts(form) if form else {}).get(key) or ui_texts()[key]
    text = pick(texts, language)
    return text.format(**params) if params else text


def format_date(iso_date: str, language: str) -> str:
    """'2026-11-23' -> '23. november 2026' (da) or '23 November 2026' (en)."""
    year, month, day = (int(part) for part in iso_date.split("-"))
    month_name = pick(ui_texts()["months"], language)[month - 1]
    return ui("date_format", language, day=day, month=month_name, year=year)
