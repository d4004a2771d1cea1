"""The family's draft in the browser: kept only by choice, saved and opened as a file, deleted,
and safe against bad files, hostile text and a full or missing storage."""

import json

import pytest
from pagecheck import (
    DRAFT_KEY,
    SITE_KEYS,
    STEP_KEY,
    choose_keep,
    go_to_step,
    kept_before_opening,
    open_form,
    wait_for_python,
    wait_until,
)

from forms.draft import FORMAT, MAX_FILE_BYTES, DraftError, parse
from forms.text import Texts, ui

FORM = "skemaer/vores-spoergsmaal/"
QUESTION = "#f-questions-q1-text"
KEPT = f"{SITE_KEYS}.map(k => [k, localStorage.getItem(k)])"


def notice(page) -> str:
    return page.locator("[data-draft-notice]").inner_text()


def keep_notice(page) -> str:
    """What the choice to keep (asked before the first step) answers, told beside it."""
    return page.locator("[data-keep-notice]").inner_text()


def type_question(page, text):
    go_to_step(page, "questions")
    page.locator(QUESTION).focus()
    page.keyboard.type(text)
    wait_until(page, f"document.querySelector('[data-document]').innerText.includes({text!r})")


def choose_to_keep(page):
    choose_keep(page, "device")


def test_nothing_is_kept_until_the_family_chooses_and_then_it_survives_a_reload(
    page, site_url, guarded
):
    open_form(page, site_url + FORM)
    type_question(page, "Hvordan får Emma en god skolestart?")
    assert page.evaluate(KEPT) == []
    assert page.evaluate("document.cookie") == ""

    choose_to_keep(page)
    # Then what the browser answered about keeping it for good (test_over_the_months.py).
    assert keep_notice(page).startswith(ui("keep_on", "da"))
    kept = dict(page.evaluate(KEPT))
    assert "Hvordan får Emma en god skolestart?" in kept[DRAFT_KEY]

    page.reload()
    assert wait_for_python(page) == "ready"
    assert page.input_value(QUESTION) == "Hvordan får Emma en god skolestart?"
    assert page.is_checked("#fgc-keep-device")

    # The same draft opens in English, its text as typed.
    open_form(page, site_url + "en/" + FORM)
    assert page.input_value(QUESTION) == "Hvordan får Emma en god skolestart?"

    choose_keep(page, "shared")
    assert keep_notice(page).startswith(ui("keep_off", "en"))
    # Keeping nothing more deletes nothing: the draft is still there, no longer kept up to date.
    assert sorted(key for key, _ in page.evaluate(KEPT)) == [DRAFT_KEY, STEP_KEY]
    assert page.evaluate("document.cookie") == ""
    guarded.assert_clean()


def test_what_was_typed_before_python_started_is_not_overwritten_by_the_kept_draft(page, site_url):
    open_form(page, site_url + FORM)
    choose_to_keep(page)
    type_question(page, "Den gemte tekst")
    page.route(
        "**/pyodide/pyodide.asm.wasm",
        lambda route: (page.wait_for_timeout(1500), route.continue_()),
    )
    page.reload()
    page.locator("#f-child_name").fill("Ida")
    assert wait_for_python(page) == "ready"
    assert page.input_value("#f-child_name") == "Ida"
    assert page.input_value(QUESTION) == "Den gemte tekst"
    wait_until(page, "document.querySelector('[data-document]').innerText.includes('Ida')")


def test_save_to_a_file_delete_everything_and_open_the_file_again(
    page, site_url, guarded, tmp_path
):
    open_form(page, site_url + FORM)
    choose_to_keep(page)
    type_question(page, "Hvem henter Emma efter skole?")

    with page.expect_download() as download:
        page.locator("[data-action=save_file]").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("familieraadslagning-kladde-")
    content = json.loads(saved.read_text())
    assert content["format"] == FORMAT
    assert content["forms"]["questions"]["lists"]["questions"] == [
        {"text": "Hvem henter Emma efter skole?"}
    ]

    page.locator("[data-action=delete_all]").click()
    page.locator("[data-action=delete_confirmed]").click()
    wait_until(page, f"document.querySelector('{QUESTION}').value === ''")
    assert notice(page) == ui("deleted", "da")
    assert page.evaluate(KEPT) == []
    assert not page.is_checked("#fgc-keep-device")

    page.set_input_files("[data-file-input]", str(saved))
    wait_until(page, "document.querySelector('[data-offer]').innerText.length > 0")
    offer = page.locator("[data-offer]").inner_text()
    assert ui("offer_warning", "da") in offer
    assert page.input_value(QUESTION) == ""
    page.locator("[data-action=offer_accepted]").click()
    wait_until(page, f"document.querySelector('{QUESTION}').value !== ''")
    assert page.input_value(QUESTION) == "Hvem henter Emma efter skole?"
    assert notice(page) == ui("opened", "da")
    guarded.assert_clean()


def bad_files():
    good = {
        "format": FORMAT,
        "version": 1,
        "saved": "2026-11-23",
        "language": "da",
        "forms": {"questions": {"lists": {"questions": [{"text": "Hvordan?"}]}}},
    }
    text = json.dumps(good)
    return {
        "not json": b"\x89PNG\r\n\x1a\n not a draft",
        "not ours": json.dumps({"format": "something-else", "version": 1}).encode(),
        "newer": json.dumps({**good, "version": 2}).encode(),
        "truncated": text[: len(text) // 2].encode(),
        "wrong type": json.dumps(
            {**good, "forms": {"questions": {"values": {"child_name": 7}}}}
        ).encode(),
        "unknown field": json.dumps({**good, "extra": True}).encode(),
        "absurd date": json.dumps({**good, "saved": "2026-13-45"}).encode(),
        "too many questions": json.dumps(
            {**good, "forms": {"questions": {"lists": {"questions": [{}] * 11}}}}
        ).encode(),
        "100,000 questions": json.dumps(
            {**good, "forms": {"questions": {"lists": {"questions": [{"text": "?"}] * 100_000}}}}
        ).encode(),
        "a 10 MB text": json.dumps(
            {**good, "forms": {"questions": {"values": {"child_name": "x" * 10_000_000}}}}
        ).encode(),
    }


def expected_refusal(content: bytes) -> str:
    # The browser reads a file as UTF-8, replacing what is not (File.text()).
    text = content.decode(errors="replace") if len(content) <= MAX_FILE_BYTES else None
    try:
        parse(text, len(content), Texts("da", None))
    except DraftError as refused:
        return ui("draft_refused", "da", reason=str(refused))
    raise AssertionError("this file should be refused")


def test_bad_files_are_refused_with_a_clear_message_and_change_nothing(page, site_url, guarded):
    open_form(page, site_url + FORM)
    choose_to_keep(page)
    type_question(page, "Min egen tekst")
    kept_before = page.evaluate(KEPT)
    for name, content in bad_files().items():
        page.evaluate("document.querySelector('[data-draft-notice]').replaceChildren()")
        page.set_input_files(
            "[data-file-input]",
            files=[{"name": f"{name}.json", "mimeType": "application/json", "buffer": content}],
        )
        wait_until(page, "document.querySelector('[data-draft-notice]').innerText.length > 0")
        assert notice(page) == expected_refusal(content), name
        assert page.locator("[data-offer]").inner_text() == "", name
        assert page.input_value(QUESTION) == "Min egen tekst", name
        assert page.evaluate(KEPT) == kept_before, name
    guarded.assert_clean()


HOSTILE = [
    "<script>window.__ran = 'script'</script>",
    '<img src="x" onerror="window.__ran = \'img\'">',
    '"><svg onload="window.__ran = \'svg\'">',
    "{name} {0} %s &amp; &lt;b&gt;",
]


def test_hostile_text_in_fields_and_files_is_shown_as_text_and_never_run(page, site_url, tmp_path):
    errors = []
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    page.on("dialog", lambda dialog: errors.append("dialog: " + dialog.message))
    open_form(page, site_url + FORM)
    page.locator("#f-child_name").fill(HOSTILE[1])
    type_question(page, " ".join(HOSTILE))
    hostile_file = {
        "format": FORMAT,
        "version": 1,
        "saved": "2026-11-23",
        "language": "da",
        "forms": {
            "questions": {
                "values": {"child_name": HOSTILE[0]},
                "lists": {"questions": [{"text": text} for text in HOSTILE]},
            }
        },
    }
    page.set_input_files(
        "[data-file-input]",
        files=[
            {
                "name": "x.json",
                "mimeType": "application/json",
                "buffer": json.dumps(hostile_file).encode(),
            }
        ],
    )
    wait_until(page, "document.querySelector('[data-offer]').innerText.length > 0")
    assert HOSTILE[0] in page.locator("[data-offer]").inner_text()
    page.locator("[data-action=offer_accepted]").click()
    wait_until(
        page, f"document.querySelector('[data-document]').innerText.includes({HOSTILE[2]!r})"
    )
    document = page.locator("[data-document]").inner_text()
    for text in HOSTILE:
        assert text in document
    page.pdf(path=str(tmp_path / "hostile.pdf"))
    assert page.evaluate("window.__ran ?? null") is None
    assert (
        page.locator("[data-document] img, [data-document] svg, [data-document] script").count()
        == 0
    )
    assert errors == []


@pytest.mark.parametrize(
    ("breakage", "message"),
    [
        (
            "Storage.prototype.setItem = function () {"
            " throw new DOMException('full', 'QuotaExceededError'); };",
            "storage_full",
        ),
        (
            "Object.defineProperty(window, 'localStorage', {"
            " get() { throw new DOMException('denied', 'SecurityError'); } });",
            "storage_unavailable",
        ),
    ],
    ids=["full", "unavailable"],
)
def test_a_full_or_missing_storage_is_told_and_nothing_typed_is_lost(
    page, site_url, breakage, message
):
    page.add_init_script(breakage)
    open_form(page, site_url + FORM)
    type_question(page, "Hvordan har Emma det?")
    choose_to_keep(page)
    assert notice(page) == ui(message, "da")
    assert not page.is_checked("#fgc-keep-device")
    assert page.input_value(QUESTION) == "Hvordan har Emma det?"
    with page.expect_download() as download:
        page.locator("[data-action=save_file]").click()
    assert download.value.suggested_filename.endswith(".json")


def test_a_kept_draft_that_cannot_be_read_is_reported_and_left_alone(page, site_url):
    page.add_init_script(kept_before_opening("{broken"))
    open_form(page, site_url + FORM)
    assert notice(page).startswith(ui("stored_unreadable", "da", reason="")[:40])
    assert dict(page.evaluate(KEPT))[DRAFT_KEY] == "{broken"
