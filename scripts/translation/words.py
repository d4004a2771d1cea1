"""How long the text to translate is, in words, counted from a folder of PO files: what a
translator prices. Markup a translator copies as it is (link targets, tags, {placeholders}) is not
counted; a text used twice in one file is counted once.

    python -m scripts.translation.words translations/xx
"""

import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from scripts.translation.pseudo import KEPT

WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")


def words(text: str) -> int:
    return len(WORD.findall(KEPT.sub(" ", text)))


def count(folder: Path) -> dict[str, int]:
    """Words of each PO file below `folder` (path relative to it -> words)."""
    result = {}
    for path in sorted(folder.rglob("*.po")):
        with path.open("rb") as file:
            catalog = read_po(file)
        result[path.relative_to(folder).as_posix()] = sum(words(m.id) for m in catalog if m.id)
    return result


def main() -> None:
    folder = Path(sys.argv[1])
    counted = count(folder)
    pages = sum(n for name, n in counted.items() if name.startswith("pages/"))
    total = sum(counted.values())
    print(
        f"Words to translate: {total} ({pages} on the pages, {counted.get('forms.po', 0)} in "
        f"the forms, {counted.get('site.po', 0)} of the site's own)"
    )


if __name__ == "__main__":
    main()
