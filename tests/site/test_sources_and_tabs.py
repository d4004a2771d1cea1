"""What a reader can check and follow: every page that states a rule names its sources by an
address one can open (or says it has none) and the date they were last checked; every phone
number can be tapped to call; the table of contents and the country tabs say which country."""

import html
import itertools
import re
from html.parser import HTMLParser
from urllib.parse import urlparse

import pytest

# The pages that state a rule or a fact about the law, the method or whom to call.
RULE_PAGES = [
    "hvad-er-det",
    "saadan-foregaar-det",
    "hvem-goer-hvad",
    "andre-metoder",
    "dine-rettigheder",
    "groenland",
    "for-boern-og-unge",
    "for-fagfolk",
    "ordliste",
    "sikker-brug",
]
LANGUAGES = {"da": "", "en": "en/"}
LAST_CHECKED = {
    "da": re.compile(
        r"Sidst tjekket: (\d{1,2}\. )?(januar|februar|marts|april|maj|juni|juli|august|"
        r"september|oktober|november|december) \d{4}\."
    ),
    "en": re.compile(
        r"Last checked: (\d{1,2} )?(January|February|March|April|May|June|July|August|"
        r"September|October|November|December) \d{4}\."
    ),
}
NO_ADDRESS = {"da": "Vi har ikke en adresse", "en": "We have no address"}
# Danish 8-digit numbers (35 55 55 59), 6-digit ones (Greenland's 290028, 116 111), 112; with
# or without a country code. Not part of a longer number, a date, a section or an address.
PHONE = re.compile(
    r"(?<![\w§./,–-])(?<!§ )(?:\+\d{2,3} ?)?(?:\d{2} ?\d{2} ?\d{2} ?\d{2}|\d{3} ?\d{3}|112)"
    r"(?![\w/–-]|[.,]\d)"
)
TEL_LINK = re.compile(r'<a\b[^>]*href="tel:[^"]*"[^>]*>.*?</a>', re.DOTALL)
# Text set as code (a setting, a file name) is never a number to call.
CODE = re.compile(r"<code\b[^>]*>.*?</code>", re.DOTALL)


def article(site_dir, page: str) -> str:
    raw = (site_dir / page / "index.html").read_text(encoding="utf-8")
    return raw[raw.index("<article") : raw.rindex("</article>")]


def words(fragment: str) -> str:
    fragment = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", fragment, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def sources_block(body: str) -> str:
    start = body.index('<div class="sources">')
    return body[start : body.index("</div>", start)]


def source_items(block: str) -> list[str]:
    """Each source: the text of a list item up to the next item (a nested list's items apart)."""
    return [item for item in re.split(r"<li>", block)[1:]]


def phones_not_linked(fragment: str) -> list[str]:
    return PHONE.findall(words(CODE.sub(" ", TEL_LINK.sub(" ", fragment))))


def without_sources(body: str) -> str:
    """The page less its list of sources, where "Alarm 112" is the title of a page, not a call."""
    if '<div class="sources">' not in body:
        return body
    start = body.index('<div class="sources">')
    return body[:start] + body[body.index("</div>", start) :]


def every_page(site_dir) -> list[str]:
    return [
        str(index.parent.relative_to(site_dir)).replace(".", "", 1)
        if index.parent == site_dir
        else str(index.parent.relative_to(site_dir))
        for index in sorted(site_dir.rglob("index.html"))
    ]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", RULE_PAGES)
def test_a_rule_page_has_dated_sources_each_with_an_address_or_saying_it_has_none(
    site_dir, page, language
):
    body = article(site_dir, LANGUAGES[language] + page)
    assert LAST_CHECKED[language].search(words(body)), f"{page}: no last-checked date"
    items = source_items(sources_block(body))
    assert items, f"{page}: no sources"
    for item in items:
        hrefs = re.findall(r'href="([^"]+)"', item)
        addresses = [href for href in hrefs if href.startswith("https://")]
        assert addresses or NO_ADDRESS[language] in words(item), f"{page}: {words(item)[:80]}"
        for href in hrefs:
            parsed = urlparse(href)
            assert parsed.scheme == "https", href
            # A bare domain is not an address one can find the page by.
            assert parsed.path.strip("/") or parsed.query, href


def test_no_page_links_a_withdrawn_or_mirrored_source(site_dir):
    stale = ("sm.dk/arbejdsomraader/udsatte-boern-og-unge/", "paperzz.com", "yumpu.com")
    found = [
        (page, address)
        for page in every_page(site_dir)
        for address in stale
        if address in (site_dir / page / "index.html").read_text(encoding="utf-8")
    ]
    assert found == []


def test_every_phone_number_on_every_page_can_be_tapped(site_dir):
    found = {
        page: phones_not_linked(without_sources(article(site_dir, page)))
        for page in every_page(site_dir)
    }
    assert {page: phones for page, phones in found.items() if phones} == {}


def test_tel_links_call_the_number_they_show(site_dir):
    for page in every_page(site_dir):
        for link in TEL_LINK.findall(article(site_dir, page)):
            number = re.search(r'href="tel:([^"]*)"', link).group(1)
            shown = re.sub(r"\D", "", words(link))
            assert number.lstrip("+").endswith(shown), (page, number, words(link))


@pytest.mark.parametrize(
    ("text", "phones"),
    [
        ("ring 112 nu", ["112"]),
        ("BørneTelefonen 116 111.", ["116 111"]),
        ("på telefon 290028 eller +299 290028", ["290028", "+299 290028"]),
        ("bisidder-telefon 35 55 55 59", ["35 55 55 59"]),
        ("§ 112, LBK nr. 282 af 17/03/2025, 20.11.2023, 2017, s. 666–692", []),
        ("doi.org/10.1177/1077559518808221 og nyheder/2018/04/110418_vejledningsbog", []),
        ("med <code>Cache-Control: public, max-age=31536000, immutable</code>", []),
    ],
)
def test_the_phone_check_finds_numbers_and_only_numbers(text, phones):
    assert phones_not_linked(f"<p>{text}</p>") == phones


def test_the_phone_check_accepts_a_number_inside_its_tel_link():
    assert phones_not_linked('<p>ring <a href="tel:112">112</a></p>') == []


def toc(site_dir, page: str) -> list[str]:
    raw = (site_dir / page / "index.html").read_text(encoding="utf-8")
    start = raw.index("md-nav--secondary")
    nav = raw[start : raw.index("</nav>", start)]
    return [words(link) for link in re.findall(r'<a href="#[^"]*"[^>]*>(.*?)</a>', nav, re.DOTALL)]


def test_no_table_of_contents_lists_a_heading_twice(site_dir):
    for page in every_page(site_dir):
        entries = toc(site_dir, page)
        assert len(entries) == len(set(entries)), (page, entries)


def headings(body: str) -> list[tuple[int, str, str]]:
    return [
        (int(level), ident, words(text))
        for level, ident, text in re.findall(
            r'<h([1-6])(?: id="([^"]*)")?[^>]*>(.*?)</h\1>', body, re.DOTALL
        )
    ]


def test_no_page_skips_a_heading_level(site_dir):
    for page in every_page(site_dir):
        levels = [level for level, _, _ in headings(article(site_dir, page))]
        jumps = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert jumps == [], page


class TabHeadings(HTMLParser):
    """Each content tab's label, and the (id, text) of the headings inside its block."""

    def __init__(self):
        super().__init__()
        self.labels, self.blocks = [], []
        self.depth = 0  # open <div>s inside the current tab block; 0 outside any block
        self.heading = None  # (id, [text]) of the heading being read inside a block
        self.label = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for", "").startswith("__tabbed_"):
            self.label = []
        elif tag == "div" and self.depth:
            self.depth += 1
        elif tag == "div" and "tabbed-block" in (attrs.get("class") or "").split():
            self.depth = 1
            self.blocks.append([])
        elif self.depth and re.fullmatch(r"h[1-6]", tag):
            self.heading = (attrs.get("id"), [])

    def handle_endtag(self, tag):
        if tag == "label" and self.label is not None:
            self.labels.append(" ".join("".join(self.label).split()))
            self.label = None
        elif tag == "div" and self.depth:
            self.depth -= 1
        elif self.heading and re.fullmatch(r"h[1-6]", tag):
            ident, text = self.heading
            self.blocks[-1].append((ident, " ".join("".join(text).split())))
            self.heading = None

    def handle_data(self, data):
        if self.label is not None:
            self.label.append(data)
        if self.heading:
            self.heading[1].append(data)


def tabs(body: str) -> list[tuple[str, list[tuple[str, str]]]]:
    parser = TabHeadings()
    parser.feed(body)
    assert len(parser.labels) == len(parser.blocks)
    return list(zip(parser.labels, parser.blocks, strict=True))


def pages_with_tabs(site_dir) -> list[str]:
    return [page for page in every_page(site_dir) if "tabbed-set" in article(site_dir, page)]


def test_every_heading_in_a_country_tab_names_its_country(site_dir):
    assert pages_with_tabs(site_dir)
    for page in pages_with_tabs(site_dir):
        for label, tab_headings in tabs(article(site_dir, page)):
            assert tab_headings, (page, label)
            for _, text in tab_headings:
                assert text.startswith(f"{label}: "), (page, label, text)


def test_both_languages_have_the_same_tabs_and_sections(site_dir):
    danish = [page for page in pages_with_tabs(site_dir) if not page.startswith("en")]
    assert danish
    for page in danish:
        ours = [[ident for ident, _ in hs] for _, hs in tabs(article(site_dir, page))]
        theirs = [[ident for ident, _ in hs] for _, hs in tabs(article(site_dir, "en/" + page))]
        assert ours == theirs, page


def test_both_languages_have_the_same_sections_on_every_page(site_dir):
    compared = 0
    for page in every_page(site_dir):
        if page == "en" or page.startswith("en/") or not (site_dir / "en" / page).is_dir():
            continue
        danish = [level for level, _, _ in headings(article(site_dir, page))]
        english = [level for level, _, _ in headings(article(site_dir, f"en/{page}".rstrip("/")))]
        assert danish == english, page
        compared += 1
    assert compared >= len(RULE_PAGES)
