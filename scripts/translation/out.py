"""`make translation-out LANG=xx`: the site's texts to translate into translations/xx/ as PO files.

    python -m scripts.translation.out xx [--folder translations/xx]

pages/<page>.po for each page (docs/**/*.da.md), forms.po for the forms' texts, site.po for the
site's own. Run again after the Danish changed: translations are kept, changed texts are fuzzy.
"""

import argparse
import difflib
import sys
from pathlib import Path

from scripts.build.locale_data import LocaleDataError
from scripts.translation import catalog as po
from scripts.translation import form_texts, pages, plurals, site_texts

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
NO_CLDR = (
    "The language's dates and counts come from CLDR: name the CLDR locale to follow under [cldr] "
    'in forms/definitions/languages.toml ({language} = "…") and run this again.'
)


def page_sources(docs: Path = DOCS) -> list[Path]:
    return sorted(docs.rglob("*.da.md"))


def page_name(source: Path, docs: Path = DOCS) -> str:
    """docs/skemaer/vores-plan.da.md -> skemaer/vores-plan"""
    return source.relative_to(docs).as_posix().removesuffix(".da.md")


def english_beside(danish: list[pages.Text], english: list[pages.Text]) -> dict[int, str]:
    """The English page's matching text for each Danish one (by place in the page, lined up by
    the kind of each text), where the two pages have the same shape there."""
    matcher = difflib.SequenceMatcher(
        None, [t.kind for t in danish], [t.kind for t in english], autojunk=False
    )
    found = {}
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            found[block.a + offset] = english[block.b + offset].text
    return found


def page_catalog(source: Path, language: str, docs: Path = DOCS):
    texts = pages.texts(pages.cut(source.read_text(encoding="utf-8")))
    english_path = source.with_name(source.name.replace(".da.md", ".en.md"))
    english = (
        pages.texts(pages.cut(english_path.read_text(encoding="utf-8")))
        if english_path.exists()
        else []
    )
    beside = english_beside(texts, english)
    catalog = po.new_catalog(language)
    where = "docs/" + source.relative_to(docs).as_posix()
    for index, text in enumerate(texts):
        note = (
            "The page's " + text.kind.removeprefix("front:")
            if text.kind.startswith("front:")
            else None
        )
        po.add(catalog, text.text, None, beside.get(index), (where, text.line), note)
    return catalog


def forms_catalog(language: str):
    catalog = po.new_catalog(language)
    for key, danish, english in form_texts.texts(language=language):
        notes = []
        category = form_texts.plural_category(key)
        if category:
            notes.append(plurals.note(language, category))
        if "{" in danish:
            notes.append("{…} is filled in by the form: keep it as it is.")
        po.add(catalog, danish, key, english, brace_format=True, note=" ".join(notes) or None)
    return catalog


def site_catalog(language: str):
    catalog = po.new_catalog(language)
    for key, danish, english, note in site_texts.texts():
        po.add(catalog, danish, key, english, note=note)
    return catalog


FOR_THE_TRANSLATOR = """\
Til oversætteren / For the translator ({language})

Mappen har tekster i formatet PO. Åbn hver fil i et program til oversættelse, fx Poedit eller
Weblate. Den danske tekst står som "msgid". Skriv din oversættelse i "msgstr". Den engelske tekst
står ved siden af som en kommentar ("English: ..."). Lad det stå, som det er: adresser i (...)
efter [...], **, HTML-mærker som <span> og {{pladsholdere}}. Send hele mappen tilbage.

The folder holds texts in the PO format. Open each file in a translation tool, such as Poedit or
Weblate. The Danish text is the "msgid"; write your translation in "msgstr". The English text is
beside it as a comment ("English: ..."). Keep as they are: addresses in (...) after [...], **,
HTML tags such as <span>, and {{placeholders}}. Send the whole folder back.

pages/   the pages, one file each / siderne, én fil for hver
forms.po the forms / skemaerne
site.po  the site's own words: menu, buttons, search / sidens egne ord: menu, knapper, søgning
"""


def write_out(language: str, folder: Path, docs: Path = DOCS) -> dict[str, dict[str, int]]:
    """Every PO file of the language into `folder`, and a word to the translator; the counts
    of each file."""
    plurals.categories(language)  # a language CLDR does not know stops here, before any file
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "README.txt").write_text(FOR_THE_TRANSLATOR.format(language=language))
    result = {}
    for source in page_sources(docs):
        name = f"pages/{page_name(source, docs)}.po"
        result[name] = po.save(page_catalog(source, language, docs), folder / name, language)
    result["forms.po"] = po.save(forms_catalog(language), folder / "forms.po", language)
    result["site.po"] = po.save(site_catalog(language), folder / "site.po", language)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("language")
    parser.add_argument("--folder", type=Path)
    args = parser.parse_args()
    folder = args.folder or ROOT / "translations" / args.language
    try:
        result = write_out(args.language, folder)
    except LocaleDataError as error:
        sys.exit(f"{error}.\n{NO_CLDR.format(language=args.language)}")
    total = sum(c["total"] for c in result.values())
    done = sum(c["translated"] for c in result.values())
    fuzzy = sum(c["fuzzy"] for c in result.values())
    print(
        f"{folder}: {len(result)} PO files, {total} texts, {done} translated, {fuzzy} to check "
        f"(fuzzy), {total - done - fuzzy} new"
    )


if __name__ == "__main__":
    main()
