"""Words in another language are marked with it, so a screen reader reads them in that
language's voice: the Danish titles of sources and names on the English pages, and the link to
the other language on every page."""

import re
from html.parser import HTMLParser

from support import built_pages

# Letters English has not, Danish has: a word holding one is not English.
DANISH_LETTERS = re.compile(r"\w*[æøåÆØÅ]\w*")
VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area", "base"}


class Languages(HTMLParser):
    """The text of a page's article, each run with the language it is in (the nearest lang)."""

    def __init__(self, page_language: str):
        super().__init__(convert_charrefs=True)
        self.stack = [page_language]
        self.depth = 0  # inside <article>: > 0
        self.runs = []  # (language, text)
        self.skip = 0  # inside <script>, <style>

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.depth += 1
        if tag in VOID:
            return
        self.stack.append(attrs.get("lang") or self.stack[-1])
        if tag in ("script", "style"):
            self.skip += 1

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if tag == "article":
            self.depth -= 1
        if tag in ("script", "style"):
            self.skip -= 1
        if len(self.stack) > 1:
            self.stack.pop()

    def handle_data(self, data):
        if self.depth > 0 and not self.skip and data.strip():
            self.runs.append((self.stack[-1], data))


def runs(site_dir, page: str) -> list[tuple[str, str]]:
    raw = (site_dir / page / "index.html").read_text(encoding="utf-8")
    language = re.search(r'<html[^>]*\blang="([^"]+)"', raw).group(1)
    parser = Languages(language)
    parser.feed(raw)
    return parser.runs


def english_pages(site_dir) -> list[str]:
    return [page for page in built_pages(site_dir) if page.startswith("en/")]


def danish_pages(site_dir) -> list[str]:
    return [page for page in built_pages(site_dir) if not page.startswith("en/")]


def test_no_danish_word_on_an_english_page_is_read_as_english(site_dir):
    unmarked = {}
    for page in english_pages(site_dir):
        found = [
            word
            for language, text in runs(site_dir, page)
            if language.startswith("en")
            for word in DANISH_LETTERS.findall(text)
        ]
        if found:
            unmarked[page] = sorted(set(found))
    assert unmarked == {}


def test_a_danish_source_title_is_marked_wherever_an_english_page_names_it(site_dir):
    """The titles marked Danish on the English pages are titles the Danish pages name too, and
    no English page names one of them without marking it."""
    danish_text = " ".join(
        text for page in danish_pages(site_dir) for _, text in runs(site_dir, page)
    )
    danish_text = " ".join(danish_text.split())
    titles = {
        " ".join(text.split()).strip('()"“”')
        for page in english_pages(site_dir)
        for language, text in runs(site_dir, page)
        if language == "da" and len(text.split()) >= 2
    }
    assert len(titles) >= 10
    assert "Bekendtgørelse af Barnets Lov" in titles
    assert sorted(title for title in titles if title not in danish_text) == []
    unmarked = {}
    for page in english_pages(site_dir):
        english = " ".join(
            " ".join(text.split())
            for language, text in runs(site_dir, page)
            if language.startswith("en")
        )
        found = sorted(title for title in titles if title in english)
        if found:
            unmarked[page] = found
    assert unmarked == {}


def test_the_link_to_the_other_language_is_marked_with_its_language(site_dir):
    for page in built_pages(site_dir):
        raw = (site_dir / page / "index.html").read_text(encoding="utf-8")
        links = re.findall(r'<a [^>]*class="md-select__link"[^>]*>', raw)
        assert links, page
        for link in links:
            hreflang = re.search(r'hreflang="([^"]+)"', link).group(1)
            assert f'lang="{hreflang}"' in link, (page, link)
