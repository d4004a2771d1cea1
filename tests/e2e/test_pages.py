"""Every page, in every language: nothing asked of another host, no console error, axe-clean
(WCAG 2.2 AA and axe's best practices)."""

import pytest
from pagecheck import go_to_step, kept_before_opening, open_form, wait_for_python
from support import ROOT, built_pages, example_draft, form_address, form_pages

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.2 AA's rules, and axe's best practices beside them (landmarks, heading order, one main).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


def axe_violations(page):
    # Evaluated through the browser's debugging protocol, which the page's
    # Content-Security-Policy does not govern (a <script> tag would be refused, rightly).
    page.evaluate(AXE.read_text() + "\n;0")
    # Measured from the top of the page, then scrolled back: a control that happens to lie
    # under the sticky header at the scroll position a step left is no small target (axe's
    # target-size counts it "partially obscured"; the family scrolls, and focus never stops
    # there: scroll-padding-top).
    result = page.evaluate(
        """async (tags) => {
          const [x, y] = [window.scrollX, window.scrollY];
          window.scrollTo({ top: 0, left: 0, behavior: "instant" });
          try {
            return await axe.run(document, { runOnly: { type: "tag", values: tags } });
          } finally {
            window.scrollTo({ top: y, left: x, behavior: "instant" });
          }
        }""",
        AXE_TAGS,
    )
    return [
        f"{violation['id']}: {[node['target'] for node in violation['nodes']][:5]}"
        for violation in result["violations"]
    ]


def test_the_site_has_pages_in_both_languages(site_dir):
    pages = built_pages(site_dir)
    assert "" in pages and "en/" in pages


def visit_every_page(page, site_dir, site_url, guarded, colour_scheme):
    page.emulate_media(color_scheme=colour_scheme)
    problems = {}
    for path in built_pages(site_dir):
        page.goto(site_url + path)
        if page.locator("form.fgc-form").count():
            assert wait_for_python(page) == "ready", path
        violations = axe_violations(page)
        if violations:
            problems[path] = violations
    guarded.assert_clean()
    assert problems == {}


def test_every_page_is_local_quiet_and_accessible(page, site_dir, site_url, guarded):
    visit_every_page(page, site_dir, site_url, guarded, "light")


@pytest.mark.parametrize(
    "path", ["", "en/", "skemaer/vores-spoergsmaal/", "saadan-foregaar-det/", "en/ordliste/"]
)
def test_pages_are_accessible_in_dark_mode_too(page, site_url, guarded, path):
    page.emulate_media(color_scheme="dark")
    page.goto(site_url + path)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    assert axe_violations(page) == []
    guarded.assert_clean()


# Every form of the catalogue, in Danish and English by turns.
FORM_PAGES = [
    form_address(form_id, ("da", "en")[number % 2]) for number, form_id in enumerate(form_pages())
]


@pytest.mark.parametrize("path", FORM_PAGES)
def test_every_forms_answers_to_check_are_accessible_when_filled(page, site_url, guarded, path):
    draft = example_draft()
    page.add_init_script(kept_before_opening(draft))
    open_form(page, site_url + path)
    go_to_step(page, "check")
    assert page.locator("[data-summary] .fgc-summary-step").count() >= 2
    assert axe_violations(page) == []
    guarded.assert_clean()
