"""Text as the family types it and as a browser hands it over.

A browser counts a field's length (its `maxlength`) in UTF-16 code units: an emoji such as 😀
counts as two. Python counts code points. Every limit here is counted the browser's way, so
that the page, the form's help and the draft's reader agree on when a text is full.

A browser's text may also hold a lone surrogate (half of such a pair, left by a cut or a broken
paste); it cannot be written as UTF-8. What the family typed is mended (the half becomes U+FFFD);
a file that holds one is not a draft this site wrote, and is refused.
"""

import re

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def browser_length(text: str) -> int:
    """The length a browser gives the text: astral characters count twice."""
    return len(text) + sum(1 for character in text if ord(character) > 0xFFFF)


def cut_to(text: str, limit: int) -> str:
    """The longest start of `text` whose browser length is at most `limit`, never splitting
    a character."""
    if browser_length(text) <= limit:
        return text
    used = 0
    for index, character in enumerate(text):
        used += 2 if ord(character) > 0xFFFF else 1
        if used > limit:
            return text[:index]
    return text


def is_text(value: str) -> bool:
    """Whether the string can be written as UTF-8: no lone surrogate."""
    return _LONE_SURROGATE.search(value) is None


def mended(value: str) -> str:
    """The string with each lone surrogate replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value)


class FamilyText(str):
    """Text the family wrote, set among the site's own words: wherever it is shown it is
    isolated (`<bdi>`), so that a right-to-left mark in it cannot turn the site's words round."""
