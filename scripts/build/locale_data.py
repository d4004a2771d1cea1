"""Each built language's dates, plural rule and writing direction, from its CLDR data (Babel),
as a data file the forms read (forms/definitions/locales.json), since the forms run without Babel.

For every language the site builds: the month names and the long date pattern of the language's
CLDR locale (as a format string: "{day}. {month} {year}"), its plural rule as a small tree the
forms evaluate (forms/plural.py), and the direction its pages are written in (from the site's
language configuration, "ltr" unless it says "rtl"). The CLDR locale is the language's code, or
the one forms/definitions/languages.toml names for it under [cldr] (English as written in
Britain: "3 March 2027"); a code Babel does not know (a pseudo-language "en-XA") takes its
language's part ("en").
"""

import json
import re
import tomllib
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import parse_pattern

ROOT = Path(__file__).resolve().parents[2]
LOCALE_DATA = ROOT / "forms" / "definitions" / "locales.json"
LANGUAGES = ROOT / "forms" / "definitions" / "languages.toml"
# The date the forms print: the long date of CLDR ("3. marts 2027"), day, month name and year.
DATE_LENGTH = "long"
# Fields of a CLDR date pattern the forms fill in, as their format string's names.
DATE_FIELDS = {
    "d": "{day}",
    "dd": "{day:02d}",
    "M": "{month_number}",
    "MM": "{month_number:02d}",
    "MMMM": "{month}",  # the month's name as inside a date (Kalaallisut: "marsip")
    "LLLL": "{month}",  # the month's name standing alone
    "y": "{year}",
    "yyyy": "{year:04d}",
}


class LocaleDataError(Exception):
    pass


def cldr_locale(code: str, named: dict[str, str]) -> Locale:
    """The CLDR locale of a language of the site."""
    wanted = named.get(code, code).replace("-", "_")
    for candidate in (wanted, wanted.split("_")[0]):
        try:
            return Locale.parse(candidate)
        except (UnknownLocaleError, ValueError):
            continue
    raise LocaleDataError(f"No CLDR data for the language {code!r} (Babel knows no {wanted!r})")


def date_format(locale: Locale) -> tuple[str, list[str]]:
    """The long date pattern as a format string, and the month names it uses."""
    pattern = locale.date_formats[DATE_LENGTH].pattern
    parsed = parse_pattern(pattern)
    fields = set(re.findall(r"%\((\w+)\)s", parsed.format))
    unknown = sorted(fields - set(DATE_FIELDS))
    if unknown:
        raise LocaleDataError(f"{locale}: the date pattern {pattern!r} has fields {unknown}")
    text = parsed.format.replace("{", "{{").replace("}", "}}")
    for field in fields:
        text = text.replace(f"%({field})s", DATE_FIELDS[field])
    text = text.replace("%%", "%")
    context = "stand-alone" if any(field.startswith("L") for field in fields) else "format"
    months = locale.months[context]["wide"]
    return text, [months[number] for number in range(1, 13)]


def _condition(node):
    """Babel's tree of a plural condition as the forms' plain lists (forms/plural.py)."""
    kind, arguments = node
    if kind in ("and", "or"):
        return [kind, _condition(arguments[0]), _condition(arguments[1])]
    if kind == "not":
        return ["not", _condition(arguments[0])]
    if kind == "relation":
        method, expression, (_, ranges) = arguments
        if method not in ("in", "within"):
            raise LocaleDataError(f"unknown plural relation {method!r}")
        bounds = [[low[1][0], high[1][0]] for low, high in ranges]
        return [method, _expression(expression), bounds]
    raise LocaleDataError(f"unknown plural condition {kind!r}")


def _expression(node):
    kind, arguments = node
    if kind == "mod":
        return ["mod", _expression(arguments[0]), arguments[1][1][0]]
    if kind in "nivwftce" and len(kind) == 1:
        return [kind]
    raise LocaleDataError(f"unknown plural operand {kind!r}")


def plural_rule(locale: Locale) -> list:
    return [[name, _condition(condition)] for name, condition in locale.plural_form.abstract]


def locale_data(directions: dict[str, str | None]) -> dict:
    """For each language code (in the site's order) with the direction its configuration gives
    (None for none): the forms' data of that language."""
    named = tomllib.loads(LANGUAGES.read_text(encoding="utf-8")).get("cldr", {})
    data = {}
    for code, direction in directions.items():
        locale = cldr_locale(code, named)
        pattern, months = date_format(locale)
        data[code] = {
            "cldr": str(locale),
            "date": pattern,
            "months": months,
            "plural": plural_rule(locale),
            "direction": "rtl" if direction == "rtl" else "ltr",
        }
    return data


def as_text(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write_locale_data(directions: dict[str, str | None], target: Path = LOCALE_DATA) -> bool:
    """Writes the file if its content changed (so a build that changes nothing leaves the
    forms' folder as it was); whether it wrote."""
    text = as_text(locale_data(directions))
    if target.exists() and target.read_text(encoding="utf-8") == text:
        return False
    target.write_text(text, encoding="utf-8")
    return True
