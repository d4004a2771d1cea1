"""Python never stops unnoticed: files that could stop it are refused before they are read
deeply, and if it stops after it has started anyway, the page says so at once, keeps what was
typed, and claims nothing is kept or saved."""

import json

import pytest
from pagecheck import WOULD_ASK, go_to_step, open_form, wait_until
from support import example_draft

from forms.text import ui

FORM = "skemaer/vores-spoergsmaal/"
PAPER = "document.querySelector('[data-document]').textContent"


def lone_surrogate_draft() -> str:
    # JSON's own escape for half a character pair, as a script might write it.
    draft = json.loads(example_draft())
    draft["forms"]["questions"]["values"]["child_name"] = "Emma@@"
    return json.dumps(draft).replace("@@", "\\ud800")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("nested.json", "[" * 3000 + "]" * 3000, ui("draft_not_json", "da")),
        (
            "half.json",
            lone_surrogate_draft(),
            ui("draft_bad_value", "da", where="Vores spørgsmål › Barnets fornavn"),
        ),
        # Not exactly a draft: bytes that are not UTF-8, and a key written twice.
        ("latin1.json", example_draft().replace("Emma", "Emma\xff"), ui("draft_not_json", "da")),
        (
            "twice.json",
            example_draft()[:-1] + ', "format": "x"}',
            ui("draft_bad_value", "da", where="format"),
        ),
    ],
)
def test_a_small_file_that_could_stop_python_is_refused_and_the_form_goes_on(
    page, site_url, tmp_path, name, content, reason
):
    open_form(page, site_url + FORM)
    file = tmp_path / name
    file.write_bytes(content.encode("latin-1" if name == "latin1.json" else "utf-8"))
    page.set_input_files("[data-file-input]", str(file))
    refused = ui("draft_refused", "da", reason="").split("{")[0].strip()[:20]
    wait_until(
        page, f"document.querySelector('[data-draft-notice]').textContent.includes({refused!r})"
    )
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvordan får Emma ro til lektierne?")
    wait_until(page, f"{PAPER}.includes('Hvordan får Emma ro til lektierne?')")
    assert page.locator("form.fgc-form").get_attribute("data-python") == "ready"


@pytest.mark.parametrize("language", ["da", "en"])
def test_python_stopping_after_its_start_is_told_and_nothing_claims_to_be_kept(
    page, site_url, language
):
    open_form(page, site_url + ("en/" if language == "en" else "") + FORM)
    go_to_step(page, "questions")
    page.locator("#f-questions-q1-text").fill("Hvem henter Emma?")
    wait_until(page, f"{PAPER}.includes('Hvem henter Emma?')")
    # An event Python does not know raises inside it: as any error of Python's would.
    page.evaluate(
        """() => {
      const button = Object.assign(document.createElement('button'),
        {type: 'button', textContent: 'x'});
      button.dataset.action = 'no_such_event';
      document.querySelector('form.fgc-form').append(button);
      button.click();
    }"""
    )
    wait_until(page, "document.querySelector('form.fgc-form').dataset.python === 'failed'")
    status = page.locator(".fgc-status-text").inner_text()
    assert status == ui("status_stopped", language)
    assert page.input_value("#f-questions-q1-text") == "Hvem henter Emma?"
    page.locator("[data-action=save_file]").click()
    notice = page.locator("[data-draft-notice]").inner_text()
    assert ui("save_unavailable", language) in notice
    assert page.evaluate(WOULD_ASK) is True
