"""What the pages say: the law's own terms, and no promise to a child that the law does not allow."""

import html
import re

import pytest
from support import ROOT

SOURCES = [
    *(ROOT / "docs").rglob("*.md"),
    *(ROOT / "forms" / "definitions").glob("*.toml"),
    *(ROOT / "forms" / "catalogue").glob("*/form.toml"),
]

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


# Withdrawn by the third check (CONTENT.md §8): no readable source says the caseworker approves
# the plan "unless it goes against the child's best interest", nor promises a child to be told
# first. They must not come back on any page, form text or printout, in either language.
WITHDRAWN = [
    re.compile(r"medmindre den går imod barnets bedste", re.IGNORECASE),
    re.compile(r"unless it goes against the child.s best interest", re.IGNORECASE),
    re.compile(r"hvis den er god for dig", re.IGNORECASE),
    re.compile(r"if it is good for you", re.IGNORECASE),
    re.compile(r"centralraadgivningsenhed", re.IGNORECASE),
    re.compile(r"\b(siger|fortæller) (det )?(til )?dig (det )?først", re.IGNORECASE),
    re.compile(r"\bsiger (de|den voksne) til dig først", re.IGNORECASE),
    re.compile(r"\bwill tell you first\b", re.IGNORECASE),
]
# A promise of confidentiality, and the exception every such promise must carry on the same page.
CONFIDENCE = {
    "da": re.compile(r"i fortrolighed|tavshedspligt", re.IGNORECASE),
    "en": re.compile(r"in confidence|duty of confidentiality", re.IGNORECASE),
}
EXCEPTION = {
    "da": re.compile(r"pligt til at sige det videre"),
    "en": re.compile(r"duty to pass it on"),
}
# The forms' and the safety pages' own words are about the device, not about what people pass on.
DEVICE_PAGES = ("skemaer", "privatliv", "sikker-brug")


def withdrawn_in(text: str) -> list[str]:
    return [match.group(0) for pattern in WITHDRAWN for match in pattern.finditer(text)]


def test_no_source_or_form_text_carries_a_withdrawn_sentence():
    found = {
        str(path.relative_to(ROOT)): withdrawn_in(path.read_text(encoding="utf-8"))
        for path in SOURCES
    }
    assert {path: hits for path, hits in found.items() if hits} == {}


def test_no_built_page_or_printout_carries_a_withdrawn_sentence(site_dir):
    # The built pages hold the forms' texts and the booklet's cover as the family prints them.
    found = {
        str(path.relative_to(site_dir)): withdrawn_in(html.unescape(path.read_text("utf-8")))
        for path in site_dir.rglob("*.html")
    }
    assert {path: hits for path, hits in found.items() if hits} == {}


@pytest.mark.parametrize(
    "sentence",
    [
        "Rådgiveren godkender planen, medmindre den går imod barnets bedste.",
        "The caseworker approves the plan unless it goes against the child's best interest.",
        "Rådgiveren siger ja til planen, hvis den er god for dig.",
        "Måske skal de sige det videre. De siger det til dig først.",
        "Det siger den voksne til dig først.",
        "They may have to pass it on. They will tell you first.",
    ],
)
def test_the_check_catches_the_withdrawn_sentences(sentence):
    assert withdrawn_in(sentence)


def test_the_check_lets_the_new_wording_through():
    assert withdrawn_in("Til sidst går rådgiveren planen igennem og godkender den.") == []
    assert withdrawn_in("De vil prøve at fortælle dig det først.") == []
    assert withdrawn_in("They will try to tell you first.") == []


def test_every_page_that_promises_confidentiality_says_when_it_ends(site_dir):
    missing = []
    for page in sorted(site_dir.rglob("index.html")):
        relative = str(page.parent.relative_to(site_dir))
        if any(name in relative for name in DEVICE_PAGES):
            continue
        language = "en" if relative == "en" or relative.startswith("en/") else "da"
        text = page_text(site_dir, str(page.parent.relative_to(site_dir)))
        if CONFIDENCE[language].search(text) and not EXCEPTION[language].search(text):
            missing.append(relative)
    assert missing == []
