"""The child's page is the child's: its own question about keeping, never the family's "yes"
inherited; its answers kept apart from the family's draft and file; and the private box says that
no adult reads it, shows who the child can call now, and is hidden on the summary until asked."""

import json

import pytest
from pagecheck import (
    CHILD_DRAFT_KEY,
    DRAFT_KEY,
    KEEP_KEY,
    choose_keep,
    go_to_step,
    open_form,
    stored,
    wait_for_python,
    wait_until,
)
from test_pages import axe_violations

from forms.render import HELP_LINES
from forms.text import Texts, ui

WISHES = {"da": "skemaer/mine-oensker/", "en": "en/skemaer/mine-oensker/"}
QUESTIONS = {"da": "skemaer/vores-spoergsmaal/", "en": "en/skemaer/vores-spoergsmaal/"}
FAMILY, CHILDS = DRAFT_KEY, CHILD_DRAFT_KEY
WORRY = {"da": "Jeg er bange når mor og far råber", "en": "I am scared when Mum and Dad shout"}
PRIVATE = {"da": "Far slår nogle gange", "en": "Dad hits sometimes"}


def kept_text(page, key) -> str:
    return page.evaluate(f"{stored(key)} ?? ''")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_child_chooses_for_herself_and_her_words_stay_out_of_the_familys_draft_and_file(
    context, site_url, language, tmp_path
):
    parent = context.new_page()
    open_form(parent, site_url + QUESTIONS[language])
    choose_keep(parent, "device")
    parent.locator("#f-child_name").fill("Emma")
    wait_until(parent, f"({json.dumps(FAMILY)} in localStorage)")

    child = context.new_page()
    open_form(child, site_url + WISHES[language])
    # The family's "yes" is not the child's.
    assert not child.is_checked("#fgc-keep-device")
    assert Texts(language, "wishes").ui("keep_shared") in child.locator("[data-keep]").inner_text()
    go_to_step(child, "worries")
    child.locator('[name="worries"]').fill(WORRY[language])
    wait_until(
        child,
        f"document.querySelector('[data-document]').innerText.includes({WORRY[language][:10]!r})",
    )
    assert kept_text(child, CHILDS) == ""
    assert WORRY[language] not in kept_text(child, FAMILY)

    # She chooses to keep: her words go under her own key, never into the family's draft.
    choose_keep(child, "device")
    wait_until(child, f"(localStorage.getItem({CHILDS!r}) ?? '').includes({WORRY[language]!r})")
    assert WORRY[language] not in kept_text(child, FAMILY)

    # The family's file, saved from an adults' form, does not hold them.
    parent.reload()
    assert wait_for_python(parent) == "ready"
    with parent.expect_download() as download:
        parent.locator("[data-action=save_file]").click()
    assert WORRY[language] not in download.value.path().read_text()
    assert WORRY[language] not in parent.content()

    # Her "no" stops keeping from now on, deletes nothing, and touches nothing of the family's.
    choose_keep(child, "shared")
    assert WORRY[language] in kept_text(child, CHILDS)
    assert "Emma" in kept_text(child, FAMILY)
    assert child.evaluate(stored(KEEP_KEY)) == "ja"

    # The family's "Delete everything" leaves the child's own alone.
    parent.locator("[data-action=delete_all]").click()
    parent.locator("[data-action=delete_confirmed]").click()
    wait_until(parent, f"localStorage.getItem({FAMILY!r}) === null")
    assert WORRY[language] in kept_text(parent, CHILDS)


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_private_box_says_no_adult_reads_it_shows_whom_to_call_and_hides_its_text(
    page, site_url, language, width
):
    page.set_viewport_size({"width": width, "height": 800})
    open_form(page, site_url + WISHES[language])
    go_to_step(page, "private")
    step = page.locator('[data-step-id="private"]')
    hint = step.locator(".fgc-hint").first.inner_text()
    assert hint.split(".")[0] in (
        "Ingen voksen læser det, du skriver her",
        "No adult will read what you write here",
    )
    calls = step.locator("a[href^='tel:']")
    assert [calls.nth(i).get_attribute("href") for i in range(calls.count())] == [
        f"tel:{HELP_LINES[line][1]}"
        for line in ("denmark", "greenland", "greenland_abroad", "danger")
    ]
    assert calls.first.inner_text() == "116 111"
    assert calls.first.bounding_box()["height"] >= 24
    page.locator('[name="private"]').fill(PRIVATE[language])
    assert axe_violations(page) == []

    go_to_step(page, "check")
    summary = page.locator("[data-summary]")
    wait_until(page, "document.querySelector('[data-summary] details.fgc-private') !== null")
    # Not shown openly: only when the child opens it.
    assert not summary.get_by_text(PRIVATE[language]).is_visible()
    assert summary.locator("a[href='tel:116111']").is_visible()
    summary.get_by_text(ui("private_show", language)).click()
    assert summary.get_by_text(PRIVATE[language]).is_visible()
    assert axe_violations(page) == []
