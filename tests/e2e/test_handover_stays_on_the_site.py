"""The answers a tab carries to the site's next page (window.name) never go to another site:
not by a link, not by a script's navigation."""

import pytest
from pagecheck import go_to_step, open_form, wait_until

ELSEWHERE = "http://elsewhere.example/"
PAPER = "document.querySelector('[data-document]').textContent"


@pytest.fixture
def elsewhere(page):
    page.route(ELSEWHERE + "**", lambda route: route.fulfill(body="<title>Andetsteds</title>"))


def unsaved_answers(page, site_url):
    open_form(page, site_url + "skemaer/vores-spoergsmaal/")
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvem henter Emma om fredagen?")
    wait_until(page, f"{PAPER}.includes('Hvem henter Emma om fredagen?')")
    # Leaving for another site asks nothing here; the question is what goes along.
    page.on("dialog", lambda dialog: dialog.accept())


def test_a_link_to_another_site_takes_no_answers_along(page, site_url, elsewhere):
    unsaved_answers(page, site_url)
    page.evaluate(
        f"""() => {{
      const link = Object.assign(document.createElement('a'), {{href: {ELSEWHERE!r},
        textContent: 'andetsteds'}});
      document.querySelector('article').append(link);
      link.click();
    }}"""
    )
    page.wait_for_url(ELSEWHERE)
    assert page.evaluate("window.name") == ""


def test_a_scripts_navigation_to_another_site_takes_no_answers_along(page, site_url, elsewhere):
    unsaved_answers(page, site_url)
    page.evaluate(f"() => {{ location.href = {ELSEWHERE!r}; }}")
    page.wait_for_url(ELSEWHERE)
    assert page.evaluate("window.name") == ""


def test_the_sites_own_next_page_still_gets_them(page, site_url):
    # What the tab's name holds as each page starts, before the page's own scripts read it.
    page.add_init_script("window.nameAtStart = window.name")
    unsaved_answers(page, site_url)
    page.locator("a[href$='hvem-skal-med/']").first.click()
    page.wait_for_url("**/hvem-skal-med/")
    carried = page.evaluate("window.nameAtStart")
    assert carried.startswith("familieraadslagning-kladde:")
    assert "Hvem henter Emma om fredagen?" in carried
