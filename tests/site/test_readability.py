"""Readability (LIX) of every page, within the budget its audience sets."""

from scripts.readability import (
    BUDGETS,
    Lix,
    PageScore,
    audience_of,
    lix,
    main_text,
    score_site,
    table,
)
from support import ROOT


def test_lix_counts_words_sentences_and_long_words():
    # 7 words, 2 sentences, 3 words over six letters (Familien, Samordneren, hjælper).
    score = lix(["Familien laver en plan. Samordneren hjælper dem."])
    assert (score.words, score.sentences, score.long_words) == (7, 2, 3)
    assert round(score.value, 1) == 46.4


def test_abbreviations_and_section_numbers_do_not_end_a_sentence():
    score = lix(["Se Barnets Lov § 5 stk. 3, f.eks. om samtaler med barnet."])
    assert score.sentences == 1


def test_headings_and_list_items_count_as_sentences():
    blocks = main_text(
        "<article><h1>Hvem er med</h1><ul><li>Barnet</li><li>Forældrene</li></ul></article>"
    )
    assert blocks == ["Hvem er med", "Barnet", "Forældrene"]
    assert lix(blocks).sentences == 3


def test_sources_pictures_and_buttons_are_left_out():
    html = (
        '<article><p>Kort tekst.</p><div class="sources"><p>Bekendtgørelse af Barnets Lov</p>'
        "</div><svg><text>Forberedelse</text></svg><button>Tilføj</button></article>"
    )
    assert main_text(html) == ["Kort tekst."]


def test_words_marked_as_another_language_are_left_out():
    html = '<html lang="da"><article><p>Samordner <span lang="en">(coordinator)</span></p></article>'
    assert main_text(html) == ["Samordner"]


def test_a_page_without_an_audience_in_its_front_matter_has_none(tmp_path):
    (tmp_path / "a.da.md").write_text("---\ntitle: A\n---\n\n# A\n", encoding="utf-8")
    (tmp_path / "b.da.md").write_text("# B\n\naudience: family\n", encoding="utf-8")
    assert audience_of(tmp_path / "a.da.md") is None
    assert audience_of(tmp_path / "b.da.md") is None


def test_a_danish_page_without_an_audience_fails_however_easy_it_reads():
    easy = Lix(words=40, sentences=10, long_words=0)
    assert PageScore("side", "da", None, easy).over_budget
    assert PageScore("side", "da", "grown-ups", easy).over_budget
    assert not PageScore("side", "da", "children", easy).over_budget
    assert not PageScore("side", "en", None, easy).over_budget
    assert "no audience: FAIL" in table([PageScore("side", "da", None, easy)])


def test_every_page_declares_an_audience_with_a_budget():
    for source in (ROOT / "docs").rglob("*.md"):
        assert audience_of(source) in BUDGETS, source


def test_every_danish_page_is_within_its_readability_budget(site_dir):
    scores = score_site(site_dir)
    print(table(scores))
    over = [f"{s.page}: LIX {s.lix.value:.1f}, budget {s.budget}" for s in scores if s.over_budget]
    assert {s.language for s in scores} >= {"da", "en"}
    assert [s.page for s in scores if s.lix.words < 30] == []
    assert over == []
