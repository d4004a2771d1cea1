"""The same draft open in two windows (or tabs) of one browser: neither loses what the other
wrote, what one writes shows in the other, and the family chooses when both changed one answer."""

import json

from pagecheck import (
    DRAFT_KEY,
    KEEP_KEY,
    WOULD_ASK,
    choose_keep,
    go_to_step,
    keep_on_this_device,
    open_form,
    stored,
    wait_for_python,
    wait_until,
)
from test_pages import axe_violations

from forms.text import ui

QUESTIONS = "skemaer/vores-spoergsmaal/"
GUESTS = "skemaer/hvem-skal-med/"
QUESTION = "#f-questions-q1-text"
CHILD = "#f-child_name"


def choose_to_keep(page):
    keep_on_this_device(page)
    assert page.is_checked("#fgc-keep-device")


def kept(page) -> dict:
    text = page.evaluate(f"{stored(DRAFT_KEY)}")
    return json.loads(text) if text else {}


KEPT_TEXT = f"({stored(DRAFT_KEY)} ?? '')"


def kept_text(page) -> str:
    return page.evaluate(KEPT_TEXT)


def type_in(page, selector, text):
    page.locator(selector).focus()
    page.keyboard.type(text)


def wait_until_kept(page, text):
    wait_until(page, f"{KEPT_TEXT}.includes({text!r})")


def notice(page) -> str:
    return page.locator("[data-draft-notice]").inner_text()


def shows(page, selector, text):
    wait_until(page, f"document.querySelector({selector!r}).value === {text!r}")


def two_windows(page, site_url, first_path=QUESTIONS, second_path=QUESTIONS, keep=True):
    """Two windows of one browser on the forms; the first chooses to keep the draft (and so
    the second one, opened after it, keeps it too) unless told otherwise."""
    open_form(page, site_url + first_path)
    if keep:
        choose_to_keep(page)
    second = page.context.new_page()
    open_form(second, site_url + second_path)
    assert second.is_checked("#fgc-keep-device") == keep
    return page, second


def reload(page):
    page.reload()
    assert wait_for_python(page) == "ready"


def test_the_same_form_in_two_windows_keeps_what_each_window_typed(page, site_url):
    first, second = two_windows(page, site_url)
    type_in(first, CHILD, "Emma")
    wait_until_kept(first, "Emma")
    go_to_step(second, "questions")
    type_in(second, QUESTION, "Hvordan kommer Emma i skole hver dag?")
    wait_until_kept(second, "Hvordan kommer Emma")

    # Each window shows what the other typed, without a reload.
    shows(second, CHILD, "Emma")
    go_to_step(first, "questions")
    shows(first, QUESTION, "Hvordan kommer Emma i skole hver dag?")

    for window in (first, second):
        reload(window)
        assert window.input_value(CHILD) == "Emma"
        assert window.input_value(QUESTION) == "Hvordan kommer Emma i skole hver dag?"


def test_two_forms_in_two_windows_keep_both_forms_answers(page, site_url):
    first, second = two_windows(page, site_url, QUESTIONS, GUESTS)
    go_to_step(first, "questions")
    type_in(first, QUESTION, "Hvem henter Emma?")
    wait_until_kept(first, "Hvem henter Emma?")
    go_to_step(second, "people")
    type_in(second, "#f-guests-g1-name", "Mormor Inge")
    wait_until_kept(second, "Mormor Inge")

    for window in (first, second):
        reload(window)
    assert first.input_value(QUESTION) == "Hvem henter Emma?"
    assert second.input_value("#f-guests-g1-name") == "Mormor Inge"
    forms = kept(first)["forms"]
    assert forms["questions"]["lists"]["questions"][0] == {"text": "Hvem henter Emma?"}
    assert forms["guests"]["lists"]["guests"][0]["name"] == "Mormor Inge"


def test_an_answer_changed_in_both_windows_is_the_familys_choice_in_both(page, site_url):
    # Typed in both before either kept anything: the second window to keep finds another text.
    first, second = two_windows(page, site_url, keep=False)
    for window, text in ((first, "Hvordan kommer Emma i skole?"), (second, "Hvem henter Emma?")):
        go_to_step(window, "questions")
        type_in(window, QUESTION, text)
        wait_until(
            window, f"document.querySelector('[data-document]').innerText.includes({text!r})"
        )
    choose_to_keep(first)
    wait_until_kept(first, "Hvordan kommer Emma i skole?")
    choose_to_keep(second)

    wait_until(second, "document.activeElement?.id === 'fgc-conflict-intro'")
    box = second.locator("[data-conflict]").inner_text()
    assert ui("conflict_intro", "da", field="Spørgsmål 1") in box
    assert "Hvordan kommer Emma i skole?" in box and "Hvem henter Emma?" in box
    assert second.input_value(QUESTION) == "Hvem henter Emma?"
    assert axe_violations(second) == []

    second.keyboard.press("Tab")
    second.keyboard.press("Tab")
    assert second.evaluate("document.activeElement.dataset.action") == "conflict_theirs"
    second.keyboard.press("Enter")
    wait_until(second, "document.querySelector('[data-conflict]').innerText === ''")
    assert second.evaluate("document.activeElement.id") == QUESTION[1:]
    assert notice(second) == ui("conflict_chosen", "da")
    for window in (first, second):
        shows(window, QUESTION, "Hvordan kommer Emma i skole?")
    for window in (first, second):
        reload(window)
        assert window.input_value(QUESTION) == "Hvordan kommer Emma i skole?"


def test_everything_deleted_in_one_window_is_deleted_in_the_other(page, site_url):
    first, second = two_windows(page, site_url)
    type_in(first, CHILD, "Emma")
    shows(second, CHILD, "Emma")
    first.locator("[data-action=delete_all]").click()
    first.locator("[data-action=delete_confirmed]").click()

    shows(second, CHILD, "")
    wait_until(second, "document.querySelector('[data-draft-notice]').innerText !== ''")
    assert notice(second) == ui("deleted_elsewhere", "da")
    assert not second.is_checked("#fgc-keep-device")
    type_in(second, CHILD, "Ida")
    wait_until(second, "document.querySelector('[data-document]').innerText.includes('Ida')")
    assert kept_text(second) == ""
    assert second.evaluate(f"{stored(KEEP_KEY)}") is None


def test_not_keeping_chosen_in_one_window_stops_the_other_keeping_but_leaves_its_answers(
    page, site_url
):
    first, second = two_windows(page, site_url)
    type_in(first, CHILD, "Emma")
    shows(second, CHILD, "Emma")
    choose_keep(first, "shared")

    wait_until(second, "!document.querySelector('#fgc-keep-device').checked")
    assert notice(second) == ui("keep_off_elsewhere", "da")
    assert second.input_value(CHILD) == "Emma"
    type_in(second, CHILD, " og Ida")
    wait_until(second, "document.querySelector('[data-document]').innerText.includes('Ida')")
    # What was kept stays as it was (deleting it is "Delete everything"); nothing new is added.
    assert "Emma" in kept_text(second)
    assert "Ida" not in kept_text(second)


A_TEXT = "A tilføjer dette."
B_TEXT = "B tilføjer hint."


def conflict_text(page) -> str:
    return page.locator("[data-conflict]").inner_text()


def test_keys_typed_into_one_field_in_two_windows_at_once_are_never_mixed(page, site_url):
    first, second = two_windows(page, site_url)
    for window in (first, second):
        go_to_step(window, "questions")
        window.locator(QUESTION).focus()
    # Word by word, in turn: each window's keys arrive while the other's are being kept.
    for a_word, b_word in zip(A_TEXT.split(" "), B_TEXT.split(" "), strict=True):
        first.keyboard.type(a_word + (" " if not a_word.endswith(".") else ""))
        second.keyboard.type(b_word + (" " if not b_word.endswith(".") else ""))

    # One text is kept on the device; the window whose text is not asks which to keep, with
    # both texts as they are now; no window's field ever holds a mix.
    wait_until(first, f"{KEPT_TEXT}.includes({A_TEXT!r}) || {KEPT_TEXT}.includes({B_TEXT!r})")
    a_kept = A_TEXT in kept_text(first)
    other, own, theirs = (second, B_TEXT, A_TEXT) if a_kept else (first, A_TEXT, B_TEXT)
    wait_until(
        other,
        "(() => { const box = document.querySelector('[data-conflict]').innerText;"
        f" return box.includes({own!r}) && box.includes({theirs!r}); }})()",
    )
    assert first.input_value(QUESTION) == A_TEXT
    assert second.input_value(QUESTION) == B_TEXT
    assert own not in kept_text(first)
    # Its text is in this window only: closing it asks first.
    assert other.evaluate(WOULD_ASK) is True

    # The choice is still there after a reload, with this window's text in the field.
    reload(other)
    wait_until(other, f"document.querySelector('[data-conflict]').innerText.includes({own!r})")
    assert theirs in conflict_text(other)
    assert other.input_value(QUESTION) == own
    assert other.evaluate(WOULD_ASK) is True
    assert axe_violations(other) == []

    other.locator("[data-action=conflict_ours]").click()
    wait_until(other, "document.querySelector('[data-conflict]').innerText === ''")
    wait_until_kept(other, own)
    assert other.evaluate(WOULD_ASK) is False
    assert other.input_value(QUESTION) == own


def test_one_window_after_the_other_adds_to_the_same_answer(page, site_url):
    first, second = two_windows(page, site_url)
    go_to_step(first, "questions")
    type_in(first, QUESTION, A_TEXT)
    wait_until_kept(first, A_TEXT)
    # The family goes to the other window: the first one's field no longer has the keys.
    first.locator(QUESTION).blur()
    go_to_step(second, "questions")
    shows(second, QUESTION, A_TEXT)
    second.locator(QUESTION).focus()
    second.keyboard.press("End")
    second.keyboard.type(" " + B_TEXT)

    both = f"{A_TEXT} {B_TEXT}"
    wait_until_kept(second, both)
    shows(first, QUESTION, both)
    assert second.input_value(QUESTION) == both
    for window in (first, second):
        assert conflict_text(window) == ""
        assert window.evaluate(WOULD_ASK) is False


def test_a_window_opened_before_the_other_chose_to_keep_asks_before_closing(page, site_url):
    first, second = two_windows(page, site_url, keep=False)
    type_in(first, CHILD, "Emma")
    wait_until(first, "document.querySelector('[data-document]').innerText.includes('Emma')")
    choose_to_keep(second)
    wait_until(second, f"{stored(KEEP_KEY)} === 'ja'")
    # The device keeps now, but not this window's text: it has it nowhere else.
    assert "Emma" not in kept_text(first)
    assert first.evaluate(WOULD_ASK) is True


def test_answers_carried_from_a_window_that_did_not_keep_are_kept_with_the_others(page, site_url):
    first, second = two_windows(page, site_url, keep=False)
    type_in(first, CHILD, "Emma")
    wait_until(first, "document.querySelector('[data-document]').innerText.includes('Emma')")
    choose_to_keep(second)
    go_to_step(second, "questions")
    type_in(second, QUESTION, "Hvem henter Emma?")
    wait_until_kept(second, "Hvem henter Emma?")

    # The first window follows one of the site's links: its answers go along, and the next
    # page, which keeps (the device does now), keeps them with the other window's.
    first.locator("a[href$='hvem-skal-med/']").first.click()
    first.wait_for_url("**/hvem-skal-med/")
    assert wait_for_python(first) == "ready"
    assert first.input_value(CHILD) == "Emma"
    wait_until(first, f"{KEPT_TEXT}.includes('Emma\"')")
    questions = kept(first)["forms"]["questions"]
    assert questions["values"]["child_name"] == "Emma"
    assert questions["lists"]["questions"][0] == {"text": "Hvem henter Emma?"}
