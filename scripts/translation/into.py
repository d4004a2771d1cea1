"""`make translation-in LANG=xx`: a filled translations/xx/ folder made into the language.

    python -m scripts.translation.into xx [--folder translations/xx] [--root .]

Writes docs/**/<page>.xx.md, forms/translations/xx.toml (the forms' texts), the language in
forms/definitions/languages.toml and in mkdocs.yml's i18n languages (name, site name, menu,
switch), and overrides/partials/languages/xx.html (the theme's words); `make` then builds.
Only a whole language goes in: if a text is not translated, or is fuzzy, or the Danish changed
since the folder was made, nothing is written and the texts are listed.
"""

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path

from scripts.build.locale_data import LocaleDataError, cldr_locale
from scripts.translation import catalog as po
from scripts.translation import form_texts, pages, site_texts
from scripts.translation.out import NO_CLDR, page_name, page_sources

ROOT = Path(__file__).resolve().parents[2]


class Incomplete(Exception):
    """Texts with no translation to use; the message lists them."""


def _lookup(folder: Path, name: str, missing: list[str]):
    path = folder / name
    if not path.exists():
        missing.append(f"{name}: the file is missing")
        return {}
    catalog = po.load(path)
    return po.translations(catalog)


def read_in(language: str, folder: Path, root: Path = ROOT) -> dict:
    """Everything to write, or Incomplete listing what is missing."""
    missing: list[str] = []
    docs = root / "docs"
    page_files = {}
    for source in page_sources(docs):
        name = f"pages/{page_name(source, docs)}.po"
        found = _lookup(folder, name, missing)
        lines = pages.cut(source.read_text(encoding="utf-8"))

        def translate(text, found=found, name=name):
            if (None, text.text) not in found:
                missing.append(f"{name}: {text.text[:70]}")
                return text.text
            return found[None, text.text]

        target = source.with_name(source.name.replace(".da.md", f".{language}.md"))
        page_files[target] = pages.put_together(lines, translate)
    forms = _lookup(folder, "forms.po", missing)
    form_translations = {}
    for key, danish, _ in form_texts.texts(root / "forms" / "definitions", language):
        if (key, danish) in forms:
            form_translations[key] = forms[key, danish]
        else:
            missing.append(f"forms.po: {key}: {danish[:60]}")
    site = _lookup(folder, "site.po", missing)
    site_translations = {}
    for key, danish, _, _ in site_texts.texts(root / "mkdocs.yml"):
        if (key, danish) in site:
            site_translations[key] = site[key, danish]
        else:
            missing.append(f"site.po: {key}: {danish[:60]}")
    if missing:
        raise Incomplete("\n".join(dict.fromkeys(missing)))  # a text used twice, named once
    return {"pages": page_files, "forms": form_translations, "site": site_translations}


def write_in(language: str, found: dict, root: Path = ROOT) -> None:
    for path, text in found["pages"].items():
        path.write_text(text, encoding="utf-8")
    form_texts.write_overlay(language, found["forms"], root / "forms" / "translations")
    _add_to_language_list(
        language, found["site"]["language:name"], root / "forms" / "definitions" / "languages.toml"
    )
    mkdocs = root / "mkdocs.yml"
    site_texts.write_language_entry(
        site_texts.language_entry(language, found["site"], mkdocs), mkdocs
    )
    if not site_texts.theme_knows(language):
        # Material's own file, where it has one, also carries the language's direction.
        site_texts.write_theme_texts(language, found["site"], root / "overrides")


def _add_to_language_list(language: str, name: str, path: Path) -> None:
    """The language in languages.toml: its name under [languages], and under [cldr] the CLDR
    locale its dates and counts follow (its own code where Babel knows it, the one a translator
    wrote there before, or a pseudo-language's base: "da-XA" -> "da")."""
    text = path.read_text(encoding="utf-8")
    named = tomllib.loads(text).get("cldr", {})
    cldr = str(cldr_locale(language, named))
    text = _set_in_table(text, "languages", language, name)
    text = _set_in_table(text, "cldr", language, cldr)
    path.write_text(text, encoding="utf-8")


def _set_in_table(text: str, table: str, key: str, value: str) -> str:
    """`key = "value"` in the TOML table [table] of `text`, replacing the key's line if the table
    has one, else after the table's last line; the rest of the file (comments too) as it is."""
    lines = text.split("\n")
    start = lines.index(f"[{table}]")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    line = f"{key} = {json.dumps(value, ensure_ascii=False)}"
    for index in range(start + 1, end):
        if re.match(rf"{re.escape(key)}\s*=", lines[index]):
            lines[index] = line
            return "\n".join(lines)
    last = max(
        (i for i in range(start, end) if lines[i].strip() and not lines[i].startswith("#")),
    )
    lines.insert(last + 1, line)
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("language")
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--root", type=Path, default=ROOT)
    args = parser.parse_args()
    folder = args.folder or args.root / "translations" / args.language
    try:
        found = read_in(args.language, folder, args.root)
    except LocaleDataError as error:
        sys.exit(f"{error}.\n{NO_CLDR.format(language=args.language)}")
    except Incomplete as error:
        lines = str(error).split("\n")
        print(
            f"{args.language} is not complete: {len(lines)} texts have no translation to use "
            "(empty, fuzzy, or the Danish changed since the folder was made: run "
            f"`make translation-out LANG={args.language}` and translate what it marks).",
            file=sys.stderr,
        )
        print("\n".join(lines[:40]) + ("\n…" if len(lines) > 40 else ""), file=sys.stderr)
        sys.exit(1)
    write_in(args.language, found, args.root)
    print(
        f"{args.language}: {len(found['pages'])} pages, {len(found['forms'])} form texts, "
        f"{len(found['site'])} site texts written"
    )


if __name__ == "__main__":
    main()
