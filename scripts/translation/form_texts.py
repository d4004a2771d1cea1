"""The forms' texts (forms/definitions/*.toml): every `da = …` out as a message, and a language's
translations back in as an overlay file, forms/translations/<code>.toml, that forms/text.py lays
over the definitions when it reads them (the definitions stay as they are, with their comments).

A text's key (the PO file's msgctxt) is its file and path, e.g.
`questions.toml:fields[child_name].label`; a table in a list is named by its id, name or value
(so a new field does not shift the others), else by its place, `[#2]`; an element of a list of
texts ends in `/3`.
"""

import json
import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEFINITIONS = ROOT / "forms" / "definitions"
OVERLAYS = ROOT / "forms" / "translations"
NAMING_KEYS = ("id", "name", "value")
SOURCE, REFERENCE = "da", "en"
STEP = re.compile(r"([^.\[\]]+)|\[([^\]]+)\]")


def definition_files(folder: Path = DEFINITIONS) -> list[Path]:
    return sorted(path for path in folder.glob("*.toml") if path.name != "languages.toml")


def texts(folder: Path = DEFINITIONS):
    """(key, Danish, English) for every text of the forms, in file order."""
    for path in definition_files(folder):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        yield from _walk(data, path.name + ":")


def _walk(node, path: str):
    if isinstance(node, dict):
        if isinstance(node.get(SOURCE), str):
            yield path.rstrip(".:"), node[SOURCE], node.get(REFERENCE)
            return
        if isinstance(node.get(SOURCE), list):
            english = node.get(REFERENCE) or []
            for index, text in enumerate(node[SOURCE]):
                reference = english[index] if index < len(english) else None
                yield f"{path.rstrip('.:')}/{index}", text, reference
            return
        for key, value in node.items():
            separator = "" if path.endswith(":") else "."
            yield from _walk(value, f"{path}{separator}{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{path}[{_name(value, index)}]")


def _name(value, index: int) -> str:
    if isinstance(value, dict):
        for key in NAMING_KEYS:
            if isinstance(value.get(key), str):
                return value[key]
    return f"#{index}"


def write_overlay(language: str, translations: dict[str, str], folder: Path = OVERLAYS) -> Path:
    """forms/translations/<language>.toml from {key: text}; lists of texts put back together."""
    by_file: dict[str, dict[str, object]] = {}
    for key, text in translations.items():
        name, _, path = key.partition(":")
        path, slash, index = path.partition("/")
        table = by_file.setdefault(name, {})
        if slash:
            items = table.setdefault(path, {})
            items[int(index)] = text
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
            if isinstance(value, dict):
                value = [value[i] for i in sorted(value)]
            lines.append(f"{json.dumps(path)} = {json.dumps(value, ensure_ascii=False)}")
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{language}.toml"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target
