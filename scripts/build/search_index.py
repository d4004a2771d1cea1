"""The search index split by language: mkdocs-static-i18n builds one for all languages, and a
reader should find pages in the language they read."""

import json
import re
from pathlib import Path

# Material's page settings: "base" is where its script looks for search/search_index.json.
CONFIG_BASE = re.compile(
    r'(<script id="__config" type="application/json">\{[^<]*?"base": ")([^"]*)"'
)


def search_settings(language: str, stemmed: frozenset[str] | set[str]) -> dict:
    """The search's settings for a language: its own stemmer where lunr has one, else a search
    of whole words with no stemmer and no list of stop words (the theme's search then loads no
    script for the language, which it would fail to find)."""
    if language in stemmed:
        return {"lang": [language]}
    return {"lang": ["en"], "pipeline": []}


def split_search_index(site: Path, languages: list[str], stemmed=frozenset({"da", "en"})) -> None:
    """One search index per language, each at its language's root; the first language is the
    one at the site's root. `stemmed`: the languages lunr has a stemmer for."""
    merged = json.loads((site / "search" / "search_index.json").read_text())
    others = languages[1:]
    for code in languages:
        prefix = "" if code == languages[0] else f"{code}/"
        docs = []
        for doc in merged["docs"]:
            location = doc["location"]
            in_other = any(location.startswith(f"{other}/") for other in others if other != code)
            if location.startswith(prefix) and not in_other:
                docs.append({**doc, "location": location[len(prefix) :]})
        settings = {**merged["config"], **search_settings(code, stemmed)}
        index = {**merged, "config": settings, "docs": docs}
        target = site / prefix / "search"
        target.mkdir(parents=True, exist_ok=True)
        (target / "search_index.json").write_text(json.dumps(index, ensure_ascii=False))


def searching_own_index(html: str, language: str) -> str:
    """A page of a language not at the site's root, made to search that language's index at
    <language>/search/."""
    return CONFIG_BASE.sub(lambda m: f'{m.group(1)}{m.group(2)}/{language}/"', html, count=1)
