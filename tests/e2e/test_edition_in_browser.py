"""The pages with the contacts of a filled edition (tests/site/edition-filled.toml), in both
languages, light and dark: quiet, axe-clean, the phone a tap-to-call link a person can reach."""

import pytest
from pagecheck import PageGuard
from test_pages import axe_violations

PAGES = [
    "",
    "saadan-foregaar-det/",
    "for-boern-og-unge/",
    "for-fagfolk/",
    "en/",
    "en/saadan-foregaar-det/",
    "en/for-boern-og-unge/",
    "en/for-fagfolk/",
]


@pytest.mark.parametrize("colour_scheme", ["light", "dark"])
def test_the_pages_with_contacts_are_quiet_and_accessible(page, edition_site_url, colour_scheme):
    guarded = PageGuard(page, edition_site_url)
    page.emulate_media(color_scheme=colour_scheme)
    problems = {}
    for path in PAGES:
        page.goto(edition_site_url + path)
        violations = axe_violations(page)
        if violations:
            problems[path] = violations
        if not path.endswith("for-fagfolk/"):
            call = page.locator(".fgc-contact a[href='tel:+4512345678']")
            assert call.is_visible() and call.inner_text() == "+45 12 34 56 78", path
    assert problems == {}
    guarded.assert_clean()
