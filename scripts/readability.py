"""LIX readability of every built page's main text, with the budget each page's audience sets.

LIX = words per sentence + percentage of words longer than six letters (Björnsson). The Danish
scale: up to 24 very easy, 25-34 easy, 35-44 medium, 45-54 hard, 55+ very hard. A page's audience
comes from its front matter (`audience: children | family | professionals`); a Danish page without
one fails, since no budget can be chosen for it. Budgets apply to the default language (Danish);
other languages are measured too, labelled as indicative, since LIX was made for Scandinavian text.

Usage: .venv/bin/python scripts/readability.py [SITE_DIR]   (after `make build`; exits 1 when a
page is over its budget)
"""

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
DEFAULT_LANGUAGE = "da"
BUDGETS = {"children": 25, "family": 35, "professionals": 45}

BLOCKS = {
    "p",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "dt",
    "dd",
    "figcaption",
    "summary",
    "label",
    "legend",
    "blockquote",
}
# Left out of the count: sources lists, pictures, code, buttons and a form's paper preview (it
# repeats the form's own words).
SKIPPED_TAGS = {"svg", "script", "style", "pre", "code", "nav", "button"}
SKIPPED_CLASSES = {"sources", "headerlink", "fgc-preview", "fgc-visually-hidden"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "source"}

WORD = re.compile(r"[^\W\d_]+(?:[-'\u2019][^\W\d_]+)*")
# A sentence ends at . ! ? or : before a capital letter, a quote or the end of the block; so
# "f.eks. at", "§ 5 stk. 3" and "nr. 20" do not end one.
SENTENCE_END = re.compile(r"[.!?:]+(?=\s+[«»\"“„(A-ZÆØÅ]|\s*$)")


class MainText(HTMLParser):
    """The text blocks inside the page's <article>, skipping what a reader does not read."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[tuple[str, bool]] = []
        self._in_article = 0
        self._current: list[str] | None = None

    def _skipping(self) -> bool:
        return any(skip for _, skip in self._stack)

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attributes = dict(attrs)
        classes = set((attributes.get("class") or "").split())
        # Words marked as another language (a term in brackets) are not the page's own text.
        skip = (
            tag in SKIPPED_TAGS
            or bool(classes & SKIPPED_CLASSES)
            or (self._in_article > 0 and "lang" in attributes)
        )
        if tag == "article":
            self._in_article += 1
        self._stack.append((tag, skip))
        if tag in BLOCKS and self._in_article and not self._skipping():
            self._flush()
            self._current = []

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        while self._stack:
            open_tag, _ = self._stack.pop()
            if open_tag == tag:
                break
        if tag in BLOCKS:
            self._flush()
        if tag == "article":
            self._in_article -= 1

    def handle_data(self, data):
        if self._in_article and not self._skipping():
            if self._current is None:
                self._current = []
            self._current.append(data)

    def _flush(self):
        if self._current:
            text = " ".join("".join(self._current).split())
            if text:
                self.blocks.append(text)
        self._current = None

    def close(self):
        super().close()
        self._flush()


@dataclass(frozen=True)
class Lix:
    words: int
    sentences: int
    long_words: int

    @property
    def value(self) -> float:
        if not self.words:
            return 0.0
        return self.words / self.sentences + 100 * self.long_words / self.words


def lix(blocks: list[str]) -> Lix:
    words = sentences = long_words = 0
    for block in blocks:
        found = WORD.findall(block)
        if not found:
            continue
        words += len(found)
        long_words += sum(1 for word in found if len(word.replace("-", "")) > 6)
        sentences += max(1, len(SENTENCE_END.findall(block)))
    return Lix(words, max(sentences, 1), long_words)


def main_text(html: str) -> list[str]:
    parser = MainText()
    parser.feed(html)
    parser.close()
    return parser.blocks


def audience_of(source: Path) -> str | None:
    """The audience the page's front matter names, or None when it names none."""
    front = re.match(r"^---\n(.*?)\n---\n", source.read_text(encoding="utf-8"), re.DOTALL)
    if front:
        found = re.search(r"^audience:\s*(\w+)", front.group(1), re.MULTILINE)
        if found:
            return found.group(1)
    return None


@dataclass(frozen=True)
class PageScore:
    page: str
    language: str
    audience: str | None
    lix: Lix

    @property
    def budget(self) -> int | None:
        if self.language != DEFAULT_LANGUAGE:
            return None
        return BUDGETS.get(self.audience or "")

    @property
    def unbudgeted(self) -> bool:
        """A Danish page whose audience is missing or unknown, so it has no budget to keep."""
        return self.language == DEFAULT_LANGUAGE and self.budget is None

    @property
    def over_budget(self) -> bool:
        return self.unbudgeted or (self.budget is not None and self.lix.value > self.budget)


def built_path(site: Path, slug: str, language: str) -> Path:
    prefix = site if language == DEFAULT_LANGUAGE else site / language
    return prefix / "index.html" if slug == "index" else prefix / slug / "index.html"


def score_site(site: Path) -> list[PageScore]:
    scores = []
    for source in sorted(DOCS.rglob("*.md")):
        slug_with_language = source.relative_to(DOCS).with_suffix("").as_posix()
        slug, _, language = slug_with_language.rpartition(".")
        html = built_path(site, slug, language).read_text(encoding="utf-8")
        scores.append(PageScore(slug, language, audience_of(source), lix(main_text(html))))
    return scores


def table(scores: list[PageScore]) -> str:
    lines = [
        "| page | language | audience | words | sentences | long words | LIX | budget |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for score in scores:
        percent = 100 * score.lix.long_words / max(score.lix.words, 1)
        if score.unbudgeted:
            budget = "no audience: FAIL"
        elif score.budget is None:
            budget = "indicative"
        else:
            budget = f"≤ {score.budget} {'OVER' if score.over_budget else 'ok'}"
        lines.append(
            f"| {score.page} | {score.language} | {score.audience or '-'} | {score.lix.words} "
            f"| {score.lix.sentences} | {percent:.0f} % | {score.lix.value:.1f} | {budget} |"
        )
    return "\n".join(lines)


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    scores = score_site(site)
    print(table(scores))
    return 1 if any(score.over_budget for score in scores) else 0


if __name__ == "__main__":
    sys.exit(main())
