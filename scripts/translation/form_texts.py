"""The forms' texts (forms/definitions/*.toml, the site's own, and each form's
forms/catalogue/<id>/form.toml, named `<id>.toml` here): every `da = …` out as a message, and a
language's translations back in as an overlay file, forms/translations/<code>.toml, that
forms/text.py lays over the definitions when it reads them (the definitions stay as they are,
with their comments).

A text's key (the PO file's msgctxt) is its file and path, e.g.
`questions.toml:fields[child_name].label`; a table in a list is named by its id, name or value
(so a new field does not shift the others), else by its place, `[#2]`; an element of a list of
texts ends in `/3`. A text with a count, written per plural category (`kept_forms = { one = …,
other = … }`), goes out once per category the language being translated into writes apart, the
key ending in the category, `ui.toml:kept_forms/one` (scripts/translation/plurals.py), and back in
as such a table.
"""

import json
import re
import tomllib
from pathlib import Path

from forms.discovery import FORM_FILE
from scripts.translation import plurals

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "forms" / "definitions"
OVERLAYS = ROOT / "forms" / "translations"
NAMING_KEYS = ("id", "name", "value")
SOURCE, REFERENCE = "da", "en"
OTHER = "other"  # the plural category every language has
STEP = re.compile(r"([^.\[\]]+)|\[([^\]]+)\]")


def definition_files(folder: Path = DEFINITIONS) -> list[tuple[str, Path]]:
    """(name, path) of every file of texts: definitions/' own, then each form's form.toml in
    the catalogue beside it, named "<id>.toml" (the name its overlay and keys go by)."""
    own = [(path.name, path) for path in folder.glob("*.toml") if path.name != "languages.toml"]
    forms = [(f"{path.parent.name}.toml", path) for path in _form_files(folder)]
    return sorted(own + forms)


def _form_files(folder: Path) -> list[Path]:
    return list((folder.parent / "catalogue").glob(f"*/{FORM_FILE}"))


def texts(folder: Path = DEFINITIONS, language: str | None = None):
    """(key, Danish, English) for every text of the forms, in file order. A text with a count
    comes once per plural category of `language` (of Danish, if none is given), with the Danish
    and English of that category, or their "other" where they write none apart."""
    counts = plurals.categories(language, folder) if language else None
    for name, path in definition_files(folder):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        yield from _walk(data, name + ":", counts)


def _walk(node, path: str, counts: list[str] | None):
    if isinstance(node, dict):
        key = path.rstrip(".:")
        danish = node.get(SOURCE)
        if isinstance(danish, str):
            yield key, danish, node.get(REFERENCE)
            return
        if isinstance(danish, list):
            english = node.get(REFERENCE) or []
            for index, text in enumerate(danish):
                reference = english[index] if index < len(english) else None
                yield f"{key}/{index}", text, reference
            return
        if isinstance(danish, dict):
            english = node.get(REFERENCE) or {}
            for category in counts or danish:
                yield (
                    f"{key}/{category}",
                    danish.get(category, danish[OTHER]),
                    english.get(category, english.get(OTHER)),
                )
            return
        for name, value in node.items():
            separator = "" if path.endswith(":") else "."
            yield from _walk(value, f"{path}{separator}{name}", counts)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{_name(value, index)}]", counts)


def plural_category(key: str) -> str | None:
    """The plural category a key ends in (`ui.toml:kept_forms/one`), None for any other text."""
    _, slash, last = key.rpartition("/")
    return last if slash and last in plurals.ORDER else None


def _name(value, index: int) -> str:
    if isinstance(value, dict):
        for key in NAMING_KEYS:
            if isinstance(value.get(key), str):
                return value[key]
    return f"#{index}"


def write_overlay(language: str, translations: dict[str, str], folder: Path = OVERLAYS) -> Path:
    """forms/translations/<language>.toml from {key: text}; lists of texts put back together, and
    the texts of a count as a table of its plural categories."""
    by_file: dict[str, dict[str, object]] = {}
    for key, text in translations.items():
        name, _, path = key.partition(":")
        path, slash, part = path.partition("/")
        table = by_file.setdefault(name, {})
        if slash:
            parts = table.setdefault(path, {})
            parts[int(part) if part.isdigit() else part] = text
        else:
            table[path] = text
    lines = [
        f"# The forms' texts in {language}, laid over forms/definitions/ by forms/text.py.",
        f"# Written by `make translation-in LANG={language}` from its forms.po:",
        "# change the PO file and run it again rather than this file.",
    ]
    for name in sorted(by_file):
        lines += ["", f"[{json.dumps(name)}]"]
        for path, value in by_file[name].items():
            lines.append(f"{json.dumps(path)} = {_toml_value(value)}")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{language}.toml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _toml_value(value) -> str:
    """A text, a list of texts ({index: text}) or a count's texts ({category: text}) in TOML."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if all(isinstance(part, int) for part in value):
        return "[" + ", ".join(_toml_value(value[i]) for i in sorted(value)) + "]"
    ordered = sorted(value, key=plurals.ORDER.index)
    return "{ " + ", ".join(f"{name} = {_toml_value(value[name])}" for name in ordered) + " }"
