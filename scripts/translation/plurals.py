"""The plural categories a language writes a text with a count in ("1 skema", "5 skemaer"), from
its CLDR data through Babel (scripts/translation/cldr.py), and a word to the translator on which
counts each one is for.
"""

from pathlib import Path

from scripts.translation.cldr import DEFINITIONS, locale_of

# CLDR's order of the categories; "other" is every language's.
ORDER = ("zero", "one", "two", "few", "many", "other")
EXAMPLES = 6  # whole numbers named in the note before "…"
LOOKED_AT = range(0, 1001)  # the counts the examples are taken from


def categories(language: str, definitions: Path = DEFINITIONS) -> list[str]:
    """The categories the language writes apart, in CLDR's order, "other" last."""
    tags = locale_of(language, definitions).plural_form.tags | {"other"}
    return [name for name in ORDER if name in tags]


def examples(language: str, category: str, definitions: Path = DEFINITIONS) -> str:
    """The first whole numbers of the category: "1, 21, 31, 41, 51, 61 …"."""
    rule = locale_of(language, definitions).plural_form
    found = [n for n in LOOKED_AT if rule(n) == category]
    shown = ", ".join(str(n) for n in found[:EXAMPLES])
    return shown + (" …" if len(found) > EXAMPLES else "")


def note(language: str, category: str, definitions: Path = DEFINITIONS) -> str:
    """What the translator reads beside a count text's category."""
    locale = locale_of(language, definitions)
    rule = locale.plural_form.rules.get(category)
    which = f"CLDR's rule: {rule}" if rule else "every count no other category takes"
    counts = examples(language, category, definitions)
    if not counts:
        counts = "no whole number, only a number with decimals, which the forms do not count"
    elif counts.isdigit():
        counts = "the count " + counts
    else:
        counts = "the counts " + counts
    return (
        f"Written per count: this text is for {counts} (the plural category "
        f'"{category}" of {locale.english_name}; {which}). {{count}} is the number.'
    )
