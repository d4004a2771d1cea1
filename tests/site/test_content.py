"""What the pages say: the law's own terms, and no promise to a child that the law does not allow."""

import html
import re

import pytest
from support import ROOT

SOURCES = [*(ROOT / "docs").rglob("*.md"), *(ROOT / "forms" / "definitions").glob("*.toml")]

# The child's own pages: the children's page and the form "Mine ønsker", in both languages.
CHILDRENS_PAGES = [
    "for-boern-og-unge/",
    "skemaer/mine-oensker/",
    "en/for-boern-og-unge/",
    "en/skemaer/mine-oensker/",
]

# Professionals must pass on a concern for a child (Barnets Lov § 133), so a child must never be
# told that nothing leaves the page or the grown-ups without the child's yes.
PROMISES = [
    re.compile(r"\b(ingen|intet|ikke noget)\b[^.!?]*\bhvis du ikke siger ja\b", re.IGNORECASE),
    re.compile(r"\b(ingen|intet)\b[^.!?]*\b(uden dit ja|uden at du siger ja)\b", re.IGNORECASE),
    re.compile(r"\baldrig\b[^.!?]*\bvidere\b", re.IGNORECASE),
    re.compile(r"\b(nobody|no one|nothing)\b[^.!?]*\bunless you say yes\b", re.IGNORECASE),
    re.compile(r"\b(never|nothing)\b[^.!?]*\bpassed on\b", re.IGNORECASE),
]
# What the child is told instead: the grown-ups may have to pass on something dangerous.
HONEST = {"da": re.compile(r"sige det videre"), "en": re.compile(r"pass it on")}


def page_text(site_dir, page: str) -> str:
    """The words of a built page, tags removed, whitespace collapsed."""
    raw = (site_dir / page / "index.html").read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def promises_in(text: str) -> list[str]:
    return [match.group(0) for pattern in PROMISES for match in pattern.finditer(text)]


def test_the_law_term_is_used_never_the_made_up_one():
    found = [
        str(path.relative_to(ROOT))
        for path in SOURCES
        if re.search(r"børneundersøgelse", path.read_text(encoding="utf-8"), re.IGNORECASE)
    ]
    assert found == []


def test_no_built_page_says_boerneundersoegelse(site_dir):
    found = [
        str(path.relative_to(site_dir))
        for path in site_dir.rglob("index.html")
        if "børneundersøgelse" in path.read_text(encoding="utf-8").lower()
    ]
    assert found == []


@pytest.mark.parametrize("page", CHILDRENS_PAGES)
def test_a_childs_page_never_promises_that_nothing_is_passed_on(site_dir, page):
    text = page_text(site_dir, page)
    assert promises_in(text) == []
    language = "en" if page.startswith("en/") else "da"
    assert HONEST[language].search(text), f"{page} does not tell the child what may be passed on"


@pytest.mark.parametrize(
    "promise",
    [
        "Det er dine huse. Ingen viser dem til andre, hvis du ikke siger ja.",
        "Intet bliver delt, hvis du ikke siger ja.",
        "They are your houses. Nobody shows them to anyone else unless you say yes.",
        "Nothing is shared unless you say yes.",
    ],
)
def test_the_check_catches_the_old_promises(promise):
    assert promises_in(promise)


def test_the_check_lets_the_honest_words_through():
    assert promises_in("Du bestemmer, hvad du vil vise. Måske skal de sige det videre.") == []
    assert promises_in("You decide what you want to show. They may have to pass it on.") == []
