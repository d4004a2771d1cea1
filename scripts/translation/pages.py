"""A Markdown page cut into the texts a translator translates, and put back together.

Written here because the Markdown-to-PO libraries tried (mdpo 2.1.4) see the site's pages as
plain CommonMark: the text inside `=== "tab"` and `!!! note` blocks (indented four spaces) comes
out as code and is left out, HTML blocks with `markdown` (the glossary, the comparison table, the
sources) are left out whole, and the front matter comes as one YAML blob. This cutter knows the
few forms the pages use: front matter (title, description), headings with `{#id}`, admonition and
tab titles, paragraphs, list items, definitions (`: `), one-line HTML elements and table cells;
code blocks, comments and bare tags stay as they are.

A page is a list of lines; each line a list of parts: plain text kept as it is, or a `Text` to
translate. Putting a page back = the Danish page's lines with each `Text` replaced.
"""

import json
import re
from dataclasses import dataclass

import yaml


@dataclass
class Text:
    text: str
    line: int  # 1-based line in the source page
    kind: str  # what the text is (heading, paragraph, item, …): for lining up the English page


FRONT_KEYS = ("title", "description")
HEADING = re.compile(r"^(#{1,6} +)(.*?)( +\{[^}]*\})?$")
TITLED = re.compile(r'^((?:!!!|\?\?\?\+?|===\+?) *[\w -]*?"?)([^"]*)("[^"]*)$')
ITEM = re.compile(r"^((?:[-*+]|\d+\.) +)(.*)$")
DEFINITION = re.compile(r"^(: +)(.*)$")
FENCE = re.compile(r"^(```|~~~)")
OPENING_TAG = re.compile(r"^<([a-zA-Z][\w-]*)(?:\s[^>]*)?>")
ONLY_TAGS = re.compile(r"^(?:<[^>]*>\s*)+$")
TABLE_SEPARATOR = re.compile(r"^\|?[\s:|-]+\|?$")


def cut(markdown: str) -> list[list]:
    """The page's lines, each a list of kept strings and `Text`s."""
    lines = markdown.split("\n")
    out: list[list] = []
    start = 0
    if lines and lines[0] == "---":
        end = lines.index("---", 1)
        out.append(["---"])
        for number, line in enumerate(lines[1:end], start=2):
            key, _, value = line.partition(":")
            loaded = yaml.safe_load(value) if key in FRONT_KEYS else None
            if isinstance(loaded, str) and loaded.strip():
                out.append([f"{key}: ", Text(loaded, number, "front:" + key)])
            else:
                out.append([line])
        out.append(["---"])
        start = end + 1
    in_code = False
    open_text: Text | None = None  # a paragraph or item that the next line may continue
    for number, line in enumerate(lines[start:], start=start + 1):
        stripped = line.lstrip(" ")
        indent = line[: len(line) - len(stripped)]
        if FENCE.match(stripped):
            in_code = not in_code
            out.append([line])
            open_text = None
            continue
        if in_code or not stripped or stripped.startswith("<!--"):
            out.append([line])
            open_text = None
            continue
        if open_text is not None and not _starts_block(stripped):
            open_text.text += " " + stripped  # a soft line break is a space
            continue
        parts, open_text = _cut_line(indent, stripped, number)
        out.append(parts)
    return out


def _starts_block(stripped: str) -> bool:
    return bool(
        HEADING.match(stripped)
        or TITLED.match(stripped)
        or ITEM.match(stripped)
        or DEFINITION.match(stripped)
        or stripped.startswith(("<", "|"))
    )


def _cut_line(indent: str, stripped: str, number: int) -> tuple[list, Text | None]:
    """One line's parts, and the text the next line continues (if any)."""
    if match := HEADING.match(stripped):
        text = Text(match[2], number, "heading" + str(len(match[1].strip())))
        return [indent + match[1], text, match[3] or ""], None
    if match := TITLED.match(stripped):
        if not match[2].strip():
            return [indent + stripped], None
        return [indent + match[1], Text(match[2], number, "title"), match[3]], None
    for pattern, kind in ((ITEM, "item"), (DEFINITION, "definition")):
        if match := pattern.match(stripped):
            # What follows the marker is cut as a line of its own (a card's item may be a heading).
            parts, open_text = _cut_line("", match[2], number)
            if open_text is not None and open_text.kind == "paragraph":
                open_text.kind = kind
            return [indent + match[1], *parts], open_text
    if stripped.startswith("<"):
        return _cut_html(indent, stripped, number), None
    if stripped.startswith("|"):
        return _cut_table_row(indent, stripped, number), None
    text = Text(stripped, number, "paragraph")
    return [indent, text], text


def _cut_html(indent: str, stripped: str, number: int) -> list:
    """`<td>text</td>`: the text between the line's first tag and its closing tag."""
    opening = OPENING_TAG.match(stripped)
    if ONLY_TAGS.match(stripped) or opening is None:
        return [indent + stripped]
    closing = f"</{opening[1]}>"
    inner = stripped[opening.end() :]
    suffix = closing if inner.endswith(closing) else ""
    inner = inner[: len(inner) - len(suffix)]
    if not re.search(r"\w", re.sub(r"<[^>]*>|&\w+;", "", inner)):
        return [indent + stripped]
    return [indent + opening[0], Text(inner, number, "html:" + opening[1]), suffix]


def _cut_table_row(indent: str, stripped: str, number: int) -> list:
    if TABLE_SEPARATOR.match(stripped):
        return [indent + stripped]
    parts: list = [indent + "|"]
    for cell in stripped.strip("|").split("|"):
        if cell.strip():
            parts += [" ", Text(cell.strip(), number, "cell"), " |"]
        else:
            parts.append(cell + "|")
    return parts


def texts(lines: list[list]) -> list[Text]:
    return [part for line in lines for part in line if isinstance(part, Text)]


def put_together(lines: list[list], translate) -> str:
    """The page with each text replaced by translate(text) (a string)."""
    out = []
    for line in lines:
        pieces = []
        for part in line:
            if isinstance(part, Text):
                translated = translate(part)
                if part.kind.startswith("front:"):
                    # JSON's quoted string is a YAML double-quoted scalar: any text is safe.
                    translated = json.dumps(translated, ensure_ascii=False)
                pieces.append(translated)
            else:
                pieces.append(part)
        out.append("".join(pieces))
    return "\n".join(out)
