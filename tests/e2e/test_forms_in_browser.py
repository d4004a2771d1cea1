"""Who should come, my wishes, our plan and follow-up, in the browser and in both languages:
filled by keyboard, Python's checks seen, printed filled in and blank, and the answers flowing
from one form into the next without retyping."""

import pytest
from pagecheck import (
    DRAFT_KEY,
    choose_keep,
    current_step,
    go_to_step,
    open_form,
    pdf_lines_by_page,
    pdf_text,
    stored,
    wait_until,
)
from support import form_pages

from forms.schema import load
from forms.text import ui

PAGES = form_pages()


def url(site_url, form_id, language):
    return site_url + ("" if language == "da" else f"{language}/") + PAGES[form_id]


def type_into(page, element_id, text):
    field = page.locator(f"#{element_id}")
    field.focus()
    if field.evaluate("e => e.tagName") == "SELECT":
        field.select_option(text)
    else:
        page.keyboard.type(text)


def print_blank(page, path) -> str:
    page.evaluate("window.print = () => {}")
    page.locator(".fgc-print [data-action=print_blank]").click()
    return pdf_text(page, path)


@pytest.mark.parametrize("language", ["da", "en"])
def test_who_should_come_gives_a_guest_list_and_a_network_map(
    page, site_url, guarded, tmp_path, language
):
    form = load("guests")
    open_form(page, url(site_url, "guests", language))
    type_into(page, "f-child_name", "Emma")
    go_to_step(page, "people")
    type_into(page, "f-guests-g1-relation", "mormor")
    # Continue without a name: the error summary takes the focus and links to the field.
    page.locator("section.fgc-step:not([hidden]) [data-action=step_continued]").focus()
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.id === 'fgc-error-summary'")
    assert page.title().startswith(ui("error_title_prefix", language))
    page.locator("#fgc-error-summary a").first.click()
    assert page.evaluate("document.activeElement.id") == "f-guests-g1-name"
    page.keyboard.type("Karen")
    page.locator("#f-guests-g1-circle").focus()
    page.keyboard.press("ArrowDown")  # the first circle: close family
    page.locator("#b-guests-add").click()
    wait_until(page, "document.activeElement.id === 'f-guests-g2-name'")
    page.keyboard.type("Hanne <b>lærer</b>")
    type_into(page, "f-guests-g2-circle", "professionals")
    go_to_step(page, "check")
    assert not page.title().startswith(ui("error_title_prefix", language))

    printed = pdf_text(page, tmp_path / "guests.pdf")
    assert form.texts["document_title"][language] in printed
    assert form.texts["map_title"][language] in printed
    # Each name in the table, on the map and in the map's text version.
    assert printed.count("Karen") >= 3
    assert printed.count("Hanne <b>lærer</b>") >= 2
    assert page.locator("[data-document] svg.fgc-network-map").count() == 1
    assert page.locator("[data-document] b").count() == 0

    blank = print_blank(page, tmp_path / "guests-blank.pdf")
    assert form.texts["document_title"][language] in blank
    assert "Karen" not in blank
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_child_writes_my_wishes_step_by_step_and_prints_my_page(
    page, site_url, guarded, tmp_path, language
):
    form = load("wishes")
    open_form(page, url(site_url, "wishes", language))
    answers = {
        "good": "Fodbold med Ali",
        "worries": "At mor bliver syg",
        "dreams": "At bo hos mor igen",
        "private": "Det om far",
    }
    for step in [step.id for step in form.steps]:
        if step != current_step(page):
            go_to_step(page, step)
        if step in answers:
            type_into(page, f"f-{step}", answers[step])
        if step == "how":
            type_into(page, "f-how", "read")
    go_to_step(page, "check")
    printed = pdf_text(page, tmp_path / "wishes.pdf")
    assert form.texts["document_title"][language] in printed
    for step in ("good", "worries", "dreams"):
        assert answers[step] in printed
    assert form.field("how").option_label("read", language) in printed
    # What the child keeps private is not on paper.
    assert "Det om far" not in printed
    blank = print_blank(page, tmp_path / "wishes-blank.pdf")
    assert form.texts["document_title"][language] in blank
    assert answers["good"] not in blank
    guarded.assert_clean()


def keep_example_answers(page, site_url, language="da"):
    """The questions and guests written in their own forms, kept on the device."""
    open_form(page, url(site_url, "questions", language))
    choose_keep(page, "device")
    type_into(page, "f-child_name", "Emma")
    go_to_step(page, "questions")
    type_into(page, "f-questions-q1-text", "Hvordan kommer Emma i skole hver dag?")
    page.locator("#b-questions-add").click()
    wait_until(page, "document.activeElement.id === 'f-questions-q2-text'")
    page.keyboard.type("Hvem kan Emma ringe til?")
    wait_until(page, f"{stored(DRAFT_KEY)}.includes('ringe til')")
    open_form(page, url(site_url, "guests", language))
    go_to_step(page, "people")
    type_into(page, "f-guests-g1-name", "Mormor Karen")
    type_into(page, "f-guests-g1-circle", "close")
    wait_until(page, f"{stored(DRAFT_KEY)}.includes('close')")


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_plan_is_made_from_the_questions_and_printed_with_signature_lines(
    page, site_url, guarded, tmp_path, language
):
    form = load("plan")
    keep_example_answers(page, site_url)
    open_form(page, url(site_url, "plan", language))
    assert page.input_value("#f-child_name") == "Emma"
    go_to_step(page, "sections")
    sections = page.locator("[data-items-for=sections] > li")
    assert sections.count() == 2
    first = sections.nth(0).get_attribute("data-uid")
    assert page.input_value(f"#f-sections-{first}-question").startswith("Hvordan kommer Emma")
    action = page.locator(f"[data-items-for='sections/{first}/actions'] > li").first
    what = f"f-sections-{first}-actions-{action.get_attribute('data-uid')}-what"
    agreement = "Mormor følger Emma i skole om tirsdagen"
    type_into(page, what, agreement)
    type_into(page, what.replace("-what", "-until"), "Til opfølgningsmødet")
    go_to_step(page, "check")
    # Python says kindly what the plan still lacks.
    advice = page.locator(".fgc-advice").inner_text()
    assert form.messages["no_followup_date"][language] in advice
    assert form.messages["action_without_person"][language].format(n=1, section=1) in advice

    pages = [" ".join(lines) for lines in pdf_lines_by_page(page, tmp_path / "plan.pdf")]
    printed = " ".join(pages)
    # Table cells wrap, so a cell's text comes out line by line between its neighbours'.
    words = printed.split()
    assert all(word in words for word in agreement.split())
    assert "opfølgningsmødet" in words  # a long word is not broken in its narrow column
    assert "Hvem kan Emma ringe til?" in printed
    assert form.texts["signatures_heading"][language] in printed
    assert "Mormor Karen" in printed
    # The signatures are whole on one page, with the people's names and the closing line; no
    # page holds the closing line alone.
    signing = [text for text in pages if form.texts["signatures_heading"][language] in text]
    assert len(signing) == 1
    assert "Mormor Karen" in signing[0] and ui("site_line", language) in signing[0]
    assert all(text.strip() != ui("site_line", language) for text in pages)
    blank = print_blank(page, tmp_path / "plan-blank.pdf")
    assert form.texts["signatures_heading"][language] in blank
    assert "Mormor" not in blank
    guarded.assert_clean()


def test_the_follow_up_lists_the_plans_agreements(page, site_url, guarded, tmp_path):
    keep_example_answers(page, site_url)
    open_form(page, url(site_url, "plan", "da"))
    go_to_step(page, "sections")
    first = page.locator("[data-items-for=sections] > li").first.get_attribute("data-uid")
    action = page.locator(f"[data-items-for='sections/{first}/actions'] > li").first
    uid = action.get_attribute("data-uid")
    type_into(page, f"f-sections-{first}-actions-{uid}-what", "Mormor henter Emma")
    type_into(page, f"f-sections-{first}-actions-{uid}-who", "Karen")
    wait_until(page, f'{stored(DRAFT_KEY)}.includes(\'"who": "Karen"\')')

    open_form(page, url(site_url, "followup", "en"))
    go_to_step(page, "reviews")
    # The agreement whole: what, who, and the question it answers.
    assert page.input_value("#f-reviews-r1-action") == "Mormor henter Emma"
    assert page.input_value("#f-reviews-r1-who") == "Karen"
    assert page.input_value("#f-reviews-r1-question").startswith("Hvordan kommer Emma")
    type_into(page, "f-reviews-r1-status", "partly")
    type_into(page, "f-reviews-r1-change", "Also on Thursdays")
    go_to_step(page, "check")
    printed = pdf_text(page, tmp_path / "followup.pdf")
    assert "Mormor henter Emma" in printed and "Karen" in printed
    status = load("followup").field_of_list("reviews", "status")
    assert status.option_label("partly", "en") in printed
    blank = print_blank(page, tmp_path / "followup-blank.pdf")
    assert load("followup").texts["document_title"]["en"] in blank
    assert "Mormor henter Emma" not in blank
    # A blank follow-up offers every answer to tick by hand.
    assert all(status.option_label(o.value, "en") in blank for o in status.options)
    guarded.assert_clean()


PAGE_END_LABELS = """(selector) => [...document.querySelectorAll(selector)].flatMap((paper) =>
    [...paper.querySelectorAll('h3, h4, h5, dt, .fgc-document-sublist')]
        .map((label) => label.textContent.replace(/\\s+/g, ' ').trim()))"""


MARK_WRITE_LINES = """() => document.querySelectorAll('.fgc-write-line').forEach((line) => {
    line.textContent = 'line';
    line.style.fontSize = '6pt';
    line.style.lineHeight = '1';
})"""


@pytest.mark.parametrize("language", ["da", "en"])
@pytest.mark.parametrize("form_id", sorted(PAGES))
def test_no_printed_page_ends_with_a_heading_or_label_cut_off_from_its_lines(
    page, site_url, tmp_path, form_id, language
):
    open_form(page, url(site_url, form_id, language))
    # The blank template is the longest printout: every field has its lines.
    page.evaluate("document.querySelector('form.fgc-form').classList.add('fgc-print-blank')")
    labels = set(page.evaluate(PAGE_END_LABELS, "[data-blank-document]"))
    # The lines to write on are drawn, not written: a word on each puts them in the PDF's text.
    page.evaluate(MARK_WRITE_LINES)
    pages = pdf_lines_by_page(page, tmp_path / "blank.pdf")
    assert len(pages) > 1 or form_id == "questions"
    for number, lines in enumerate(pages[:-1], start=1):
        assert lines[-1] not in labels, f"page {number} ends with {lines[-1]!r}"
