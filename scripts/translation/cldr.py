"""The CLDR locale of a language being translated into, found as the build finds it
(scripts/build/locale_data.py): its code, or what forms/definitions/languages.toml names for it
under [cldr], or the language part of a code Babel does not know (a pseudo-language "ar-XB" is
written as "ar" is: its counts, its dates, its direction)."""

import tomllib
from pathlib import Path

from babel import Locale

from scripts.build.locale_data import cldr_locale

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "forms" / "definitions"


def locale_of(language: str, definitions: Path = DEFINITIONS) -> Locale:
    listed = definitions / "languages.toml"
    named = tomllib.loads(listed.read_text(encoding="utf-8")).get("cldr", {})
    return cldr_locale(language, named)


def direction(language: str, definitions: Path = DEFINITIONS) -> str:
    """ "rtl" for a language written right to left (Arabic, Hebrew, Persian, Urdu …), else "ltr"."""
    return "rtl" if locale_of(language, definitions).text_direction == "rtl" else "ltr"
