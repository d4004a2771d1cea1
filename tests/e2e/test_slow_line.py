"""A slow line and a failed start: the first visit on a throttled connection (1 Mbit/s, 150 ms)
completes, shows how much has arrived and loses nothing typed meanwhile; with Python's files
blocked, every control that needs Python says so, nothing claims to be kept that is not, and
leaving warns."""

import re

import pytest
from pagecheck import SITE_KEYS, WOULD_ASK, wait_for_python, wait_until

from forms.text import ui

QUESTIONS = "skemaer/vores-spoergsmaal/"
QUESTION = "#f-questions-q1-text"


def test_a_first_visit_on_a_slow_line_completes_shows_progress_and_loses_nothing(page, site_url):
    client = page.context.new_cdp_session(page)
    client.send("Network.enable")
    client.send(
        "Network.emulateNetworkConditions",
        {
            "offline": False,
            "latency": 150,
            "downloadThroughput": 1_000_000 / 8,
            "uploadThroughput": 1_000_000 / 8,
        },
    )
    client.send("Network.setCacheDisabled", {"cacheDisabled": True})
    page.goto(site_url + QUESTIONS, timeout=120_000)
    status = page.locator("[data-status] .fgc-status-text")
    assert "5 MB" in status.inner_text()
    # The family types while Python's files arrive.
    page.locator(QUESTION).fill("Hvem henter Emma?")
    # The download's progress, in MB, as it arrives.
    progress = ui("status_progress", "da", mb="§").split("§")[0]
    wait_until(
        page, f"document.querySelector('[data-status]').innerText.startsWith({progress!r})", 120
    )
    first = float(re.search(r"([0-9]+,[0-9])", status.inner_text()).group(1).replace(",", "."))
    wait_until(
        page,
        "(() => { const m = document.querySelector('[data-status]').innerText"
        ".match(/([0-9]+),([0-9]) MB/); return m && Number(m[1] + '.' + m[2]) > "
        + str(first)
        + "; })()"
        " || document.querySelector('form.fgc-form').dataset.python !== 'starting'",
        120,
    )
    # Far beyond any fixed time-out of old: Python starts, and nothing typed is lost.
    assert wait_for_python(page, timeout_s=600) == "ready"
    assert page.input_value(QUESTION) == "Hvem henter Emma?"
    wait_until(
        page, "document.querySelector('[data-document]').innerText.includes('Hvem henter Emma?')"
    )


@pytest.mark.parametrize("language", ["da", "en"])
def test_with_python_blocked_nothing_claims_to_be_kept_and_leaving_warns(page, site_url, language):
    page.route("**/pyodide/**", lambda route: route.abort())
    page.goto(site_url + ("" if language == "da" else "en/") + QUESTIONS)
    page.locator(QUESTION).fill("Hvem henter Emma?")
    assert wait_for_python(page) == "failed"
    status = page.locator("[data-status]").inner_text()
    # The likely cause, not the family's browser.
    assert status == ui("status_failed", language)
    assert "browser" not in status.lower()
    assert page.locator("[data-retry] button").is_visible()

    # Keep: said honestly that it cannot; nothing is written.
    page.locator("#fgc-keep-device").check()
    page.locator("[data-keep] [data-action=keep_chosen]").click()
    assert page.locator("[data-keep-notice]").inner_text() == ui("keep_needs_python", language)
    assert page.evaluate(SITE_KEYS) == []
    assert not page.is_checked("#fgc-keep-device")

    # A control that needs Python says so beside it.
    add = page.locator("[data-action=item_added]").first
    add.click()
    note = page.locator("[data-needs-python-note]")
    assert note.inner_text() == ui("needs_python", language)
    assert page.locator("[data-items-for=questions] li").count() == 1

    # Leaving warns: what was typed is nowhere kept.
    assert page.evaluate(WOULD_ASK) is True

    # Try again, with the files let through: Python starts, and what was typed is still there.
    page.unroute("**/pyodide/**")
    page.locator("[data-retry] button").click()
    assert wait_for_python(page) == "ready"
    assert page.input_value(QUESTION) == "Hvem henter Emma?"
