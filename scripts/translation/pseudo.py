"""A pseudo-translation: every msgstr of a folder filled with its msgid, accented, lengthened by a
third and marked ⟦…⟧, so a build shows at once any text that did not come from the PO files
(it is plain) and any layout that breaks with longer words. For tests; never shipped.

Written right to left (`--right-to-left`, for a pseudo-language like Android's ar-XB): each word
also wrapped in the marks that make a browser write its letters from the right (RLM RLO … PDF
RLM), so the text runs as an Arabic or Hebrew one does, and any place that sets it left to right
shows it backwards.

    python -m scripts.translation.pseudo translations/xx [--right-to-left]
"""

import math
import re
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ACCENTED = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZæøåÆØÅ",
    "áƀçðéƒĝĥíĵķļɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĻṀÑÓÞǪŔŠŢÚṼŴẊÝŽǽǿǻǼǾǺ",
)
# What must stay as written: Markdown link targets and attributes, HTML tags and entities,
# {placeholders}, addresses, code, and the theme's "#" (a number).
KEPT = re.compile(r"\]\([^)]*\)|\{[^}]*\}|<[^>]*>|&#?\w+;|https?://\S+|`[^`]*`|\S+@\S+\.\w+|#")
LETTER = re.compile(r"[^\W\d_]")
OPEN, CLOSE, PAD = "⟦", "⟧", "·"
WORD = re.compile(r"[^\W\d_]+")
# Right-to-left mark, right-to-left override … pop directional formatting, right-to-left mark.
RIGHT_TO_LEFT = "\u200f\u202e{}\u202c\u200f"


def pseudo(text: str, right_to_left: bool = False) -> str:
    def written(part: str) -> str:
        part = part.translate(ACCENTED)
        if right_to_left:
            part = WORD.sub(lambda word: RIGHT_TO_LEFT.format(word[0]), part)
        return part

    pieces, free, end = [], 0, 0
    for match in KEPT.finditer(text):
        part = text[end : match.start()]
        pieces += [written(part), match[0]]
        free += len(part)
        end = match.end()
    rest = text[end:]
    pieces.append(written(rest))
    free += len(rest)
    outside = KEPT.sub("", text)
    if not LETTER.search(outside):
        return text  # nothing to translate (an address, a format of numbers)
    lead = len(text) - len(text.lstrip())
    body = "".join(pieces).strip()
    return f"{text[:lead]}{OPEN}{body} {PAD * math.ceil(free / 3)}{CLOSE}"


def fill(folder: Path, right_to_left: bool = False) -> int:
    """Every message of every PO file below `folder` given its pseudo-translation; the count."""
    count = 0
    for path in sorted(folder.rglob("*.po")):
        with path.open("rb") as file:
            catalog = read_po(file)
        for message in catalog:
            if message.id:
                message.string = pseudo(message.id, right_to_left)
                message.flags.discard("fuzzy")
                count += 1
        with path.open("wb") as file:
            write_po(file, catalog, width=0, sort_output=False)
    return count


if __name__ == "__main__":
    arguments = sys.argv[1:]
    rtl = "--right-to-left" in arguments
    folder = next(argument for argument in arguments if not argument.startswith("--"))
    print(f"{fill(Path(folder), rtl)} texts filled")
