"""A kept draft the page cannot read (from a newer version of the site) is never written over:
the family is told, can save it as a file as it is, and keeping again first sets it aside."""

import json

from pagecheck import (
    ASIDE_KEY,
    DRAFT_KEY,
    KEEP_KEY,
    choose_keep,
    go_to_step,
    wait_for_python,
    wait_until,
)
from support import example_draft

from forms.text import ui

KEEP, DRAFT, ASIDE = KEEP_KEY, DRAFT_KEY, ASIDE_KEY
PAPER = "document.querySelector('[data-document]').textContent"


def newer_draft() -> str:
    draft = json.loads(example_draft())
    draft["version"] = 99
    return json.dumps(draft)


def test_a_newer_kept_draft_survives_typing_and_can_be_saved_and_set_aside(page, site_url):
    page.goto(site_url + "skemaer/vores-spoergsmaal/")
    newer = newer_draft()
    page.evaluate(
        "([keep, draft, text]) => { localStorage.setItem(keep, 'ja');"
        " localStorage.setItem(draft, text); }",
        [KEEP, DRAFT, newer],
    )
    page.reload()
    assert wait_for_python(page) == "ready"
    notice = page.locator("[data-draft-notice]")
    wait_until(page, "document.querySelector('[data-action=save_unreadable]') !== null")
    assert ui("draft_newer", "da", version=99) in notice.inner_text()
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvem kan hente Emma?")
    wait_until(page, f"{PAPER}.includes('Hvem kan hente Emma?')")
    assert page.evaluate(f"localStorage.getItem({DRAFT!r})") == newer
    with page.expect_download() as download:
        page.locator("[data-action=save_unreadable]").click()
    assert download.value.path().read_text() == newer
    choose_keep(page, "device")
    wait_until(page, f"localStorage.getItem({DRAFT!r}) !== {newer!r}")
    assert page.evaluate(f"localStorage.getItem({ASIDE!r})") == newer
    assert "Hvem kan hente Emma?" in page.evaluate(f"localStorage.getItem({DRAFT!r})")
