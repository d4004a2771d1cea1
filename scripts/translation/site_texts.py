"""The site's own texts: mkdocs.yml's (site name, description, copyright, the menu's section names,
the light/dark switch) and the theme's (Material's words for its buttons and search), for a
language Material does not know. Out as messages; back in as the language's entry in mkdocs.yml
and its partials/languages/<code>.html under overrides/.
"""

import re
from pathlib import Path

import material
import yaml

from scripts.translation import cldr

ROOT = Path(__file__).resolve().parents[2]
MKDOCS = ROOT / "mkdocs.yml"
THEME_LANGUAGES = Path(material.__file__).parent / "templates" / "partials" / "languages"
THEME_TEXT = re.compile(r'^\s*"([^"]+)": "((?:[^"\\]|\\.)*)",?$', re.M)
# Keys of Material's language file that are settings, not words: written by the kit.
THEME_SETTINGS = (
    "language",
    "direction",
    "search.config.lang",
    "search.config.pipeline",
    "search.config.separator",
)
SITE_KEYS = ("site_name", "site_description", "copyright")


def _config(path: Path = MKDOCS) -> dict:
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    return yaml.load(path.read_text(encoding="utf-8"), Loader=Loader)


def _i18n(config: dict) -> dict:
    return next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)


def _nav_sections(nav) -> list[str]:
    sections = []
    for item in nav:
        if isinstance(item, dict):
            for title, children in item.items():
                sections.append(title)
                if isinstance(children, list):
                    sections += _nav_sections(children)
    return sections


def theme_knows(language: str) -> bool:
    """Whether Material has its own words for the language (partials/languages/<code>.html)."""
    return (THEME_LANGUAGES / f"{language}.html").exists()


def theme_texts(language: str) -> dict[str, str]:
    """Material's words in a language it knows: key -> text."""
    text = (THEME_LANGUAGES / f"{language}.html").read_text(encoding="utf-8")
    return {key: value for key, value in THEME_TEXT.findall(text) if key not in THEME_SETTINGS}


def texts(path: Path = MKDOCS):
    """(key, Danish, English, note) for every text of the site outside the pages and forms."""
    config = _config(path)
    languages = {entry["locale"]: entry for entry in _i18n(config)["languages"]}
    english = languages["en"]
    yield (
        "language:name",
        languages["da"]["name"],
        english["name"],
        (
            "The language's own name in the language menu: write your language's name for itself "
            "(e.g. Kalaallisut)."
        ),
    )
    for key in SITE_KEYS:
        yield f"mkdocs:{key}", config[key], english.get(key), None
    for section in _nav_sections(config["nav"]):
        yield (
            f"nav:{section}",
            section,
            english["nav_translations"].get(section),
            ("A section's name in the menu."),
        )
    en_palette = english["theme"]["palette"]
    for index, scheme in enumerate(config["theme"]["palette"]):
        yield (
            f"palette:{index}",
            scheme["toggle"]["name"],
            en_palette[index]["toggle"]["name"],
            ("The button that switches between light and dark colours."),
        )
    en_theme = theme_texts("en")
    for key, text in theme_texts("da").items():
        yield (
            f"theme:{key}",
            text,
            en_theme.get(key),
            ("A word of the theme (buttons, search, page parts); # stands for a number."),
        )


def language_entry(language: str, translated: dict[str, str], path: Path = MKDOCS) -> dict:
    """The language's entry for mkdocs.yml's i18n languages, from {key: text}."""
    config = _config(path)
    entry = {"locale": language, "name": translated["language:name"], "build": True}
    for key in SITE_KEYS:
        entry[key] = translated[f"mkdocs:{key}"]
    entry["nav_translations"] = {
        section: translated[f"nav:{section}"] for section in _nav_sections(config["nav"])
    }
    palette = [dict(scheme) for scheme in config["theme"]["palette"]]
    for index, scheme in enumerate(palette):
        scheme["toggle"] = {**scheme["toggle"], "name": translated[f"palette:{index}"]}
    # The way the language is written, from CLDR: Material and the forms lay the pages out by it.
    entry["theme"] = {"direction": _direction(language, path), "palette": palette}
    return entry


def _direction(language: str, mkdocs: Path) -> str:
    return cldr.direction(language, mkdocs.parent / "forms" / "definitions")


def write_language_entry(entry: dict, path: Path = MKDOCS) -> None:
    """Add (or replace) the language's entry at the end of mkdocs.yml's i18n languages, leaving the
    rest of the file as it is written."""
    lines = path.read_text(encoding="utf-8").split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "languages:")
    indent = len(lines[start]) - len(lines[start].lstrip()) + 2
    end = start + 1
    while end < len(lines) and (
        not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) >= indent
    ):
        end += 1
    while not lines[end - 1].strip():
        end -= 1
    # The entries as they are, the language's own taken out (a second round replaces it).
    entries: list[list[str]] = []
    for line in lines[start + 1 : end]:
        if line.strip().startswith("- ") and len(line) - len(line.lstrip()) == indent:
            entries.append([])
        entries[-1].append(line)
    entries = [e for e in entries if e[0].strip() != f"- locale: {entry['locale']}"]
    dumped = yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)
    new = [" " * indent + line for line in dumped.rstrip("\n").split("\n")]
    body = [line for e in entries for line in e] + new
    path.write_text("\n".join(lines[: start + 1] + body + lines[end:]), encoding="utf-8")


def write_theme_texts(language: str, translated: dict[str, str], overrides: Path) -> Path:
    """overrides/partials/languages/<language>.html: Material's words in the language, and the
    settings the kit chooses (the direction of writing, from CLDR, as Material's own files give
    it; search in the language without a stemmer: see scripts/hooks.py)."""
    import json

    words = {
        key[len("theme:") :]: text for key, text in translated.items() if key.startswith("theme:")
    }
    values = {
        "language": language,
        "direction": _direction(language, overrides.parent / "mkdocs.yml"),
        **words,
        "search.config.lang": "en",
        "search.config.pipeline": "",
        "search.config.separator": r"[\s\-]+",
    }
    body = ",\n".join(
        f"  {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)}" for k, v in values.items()
    )
    target = overrides / "partials" / "languages" / f"{language}.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(
        "{#- Written by `make translation-in` from the translator's site.po: change that and run it"
        " again. -#}\n{% macro t(key) %}{{ {\n" + body + "\n}[key] }}{% endmacro %}\n",
        encoding="utf-8",
    )
    return target
