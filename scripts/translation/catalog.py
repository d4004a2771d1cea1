"""PO files through Babel's catalog: written fresh from the Danish, merged with what a translator
already did (msgmerge's way: kept where the Danish is the same, fuzzy where it changed a little,
obsolete where it is gone), and read back."""

import io
import re
import subprocess
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

PROJECT = "familieraadslagning"
HEADER = """\
# The site's texts to translate into {language}: the Danish text is each msgid, the English one
# beside it a comment. Fill in each msgstr (Poedit, Weblate, or any PO editor), then give the
# folder back; `make translation-in LANG={language}` makes the language from it.
#"""
BRACES = re.compile(r"\{[a-z_][a-z0-9_]*\}")


def new_catalog(language: str) -> Catalog:
    catalog = Catalog(
        project=PROJECT,
        header_comment=HEADER.format(language=language),
        last_translator="",
        language_team="",
        charset="utf-8",
        creation_date=datetime(2026, 1, 1, tzinfo=UTC),  # stable: out twice, same file
        revision_date=datetime(2026, 1, 1, tzinfo=UTC),
        fuzzy=False,
    )
    return catalog


def add(
    catalog: Catalog,
    text: str,
    context: str | None,
    english: str | None,
    where: tuple[str, int] | None = None,
    note: str | None = None,
    brace_format: bool = False,
) -> None:
    """One message: the Danish as msgid, the English and a note as comments for the translator."""
    comments = []
    if note:
        comments.append(note)
    if english:
        comments.append("English: " + english)
    flags = ["python-brace-format"] if brace_format and BRACES.search(text) else []
    existing = catalog.get(text, context)
    if existing is not None:
        if where:
            existing.locations.append(where)
        return
    catalog.add(
        text,
        "",
        locations=[where] if where else [],
        flags=flags,
        auto_comments=comments,
        context=context,
    )


def _with_language(written: bytes, language: str) -> bytes:
    """The header's Language field (Babel writes it only for a language in its own data)."""
    if b'"Language: ' in written:
        return written
    field = f'"Language: {language}\\n"\n'.encode()
    return written.replace(b'"MIME-Version:', field + b'"MIME-Version:', 1)


def save(template: Catalog, path: Path, language: str) -> dict[str, int]:
    """Write `template` to `path`, merged with what an earlier file there had translated by
    gettext's msgmerge (the translator sees the Danish it had before a change, `#| msgid`).
    Returns the counts of messages: total, translated, fuzzy."""
    buffer = io.BytesIO()
    write_po(buffer, template, width=0, omit_header=False, sort_output=False)
    written = _with_language(buffer.getvalue(), language)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        path.write_bytes(written)
        return counts(load(path))
    with tempfile.TemporaryDirectory() as folder:
        pot = Path(folder) / "new.pot"
        pot.write_bytes(written)
        merged = Path(folder) / "merged.po"
        subprocess.run(
            [
                "msgmerge",
                "--quiet",
                "--previous",
                "--no-wrap",
                "--output-file",
                str(merged),
                str(path),
                str(pot),
            ],
            check=True,
        )
        # A text the site no longer has is of no use to keep.
        subprocess.run(
            ["msgattrib", "--no-obsolete", "--no-wrap", "--output-file", str(path), str(merged)],
            check=True,
        )
    return counts(load(path))


def counts(catalog: Catalog) -> dict[str, int]:
    messages = [m for m in catalog if m.id]
    return {
        "total": len(messages),
        "translated": sum(1 for m in messages if m.string and not m.fuzzy),
        "fuzzy": sum(1 for m in messages if m.fuzzy),
    }


def load(path: Path) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, abort_invalid=True)


def translations(catalog: Catalog) -> dict[tuple[str | None, str], str]:
    """(context, Danish) -> translation, for every message translated and not fuzzy."""
    return {(m.context, m.id): m.string for m in catalog if m.id and m.string and not m.fuzzy}


def untranslated(catalog: Catalog) -> list[str]:
    """The Danish of every message with no usable translation (empty or fuzzy)."""
    return [m.id for m in catalog if m.id and (not m.string or m.fuzzy)]
