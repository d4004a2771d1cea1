"""The forms at a realistic family's size, at phone width and on A4 (the definitions' "family"
example: eight close relatives and six more guests, three questions with two agreements each, a
follow-up three months on): the guest list folds to summary rows, the plan takes one question at
a time, the network map's labels never overlap and are readable on a phone, and the follow-up's
paper carries each agreement whole. Screenshots and PNGs of the papers go to the test's folder
(and to FGC_SHOTS, when set, to look at)."""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pagecheck import (
    go_to_step,
    kept_before_opening,
    open_form,
    pdf_text,
    wait_until,
)
from support import example_draft, form_pages
from test_pages import axe_violations

from forms.schema import load
from forms.text import pick

# The forms with a "family" example (a realistic family's size), and their pages.
FORMS = {
    form_id: page for form_id, page in form_pages().items() if "family" in load(form_id).examples
}
PHONE = {"width": 375, "height": 740}
FAMILY = {form_id: load(form_id).examples["family"] for form_id in ("guests", "plan")}
# The guest step at phone width with the family's fourteen guests, each a summary row: before
# they folded, every guest's six fields and buttons made it some 13 screens for six guests.
MAX_GUEST_STEP_PX = 2600
MIN_LABEL_PX = 12


def open_with(page, site_url, form_id, language, forms):
    draft = example_draft(forms, language, example="family")
    page.add_init_script(kept_before_opening(draft))
    open_form(page, site_url + ("" if language == "da" else f"{language}/") + FORMS[form_id])


def keep_picture(path: Path) -> None:
    shots = os.environ.get("FGC_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(shots) / path.name)


def pdf_pictures(page, path: Path) -> list[Path]:
    """The page printed to A4, and each printed page as a PNG to look at."""
    text = pdf_text(page, path)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", str(path), str(path.with_suffix(""))], check=True
    )
    pictures = sorted(path.parent.glob(path.stem + "-*.png"))
    for picture in pictures:
        keep_picture(picture)
    return text, pictures


STEP_HEIGHT = (
    "document.querySelector('section[data-step-id=people]').getBoundingClientRect().height"
)


@pytest.mark.parametrize("language", ["da", "en"])
def test_fourteen_guests_fold_to_rows_on_a_phone(page, site_url, guarded, tmp_path, language):
    page.set_viewport_size(PHONE)
    open_with(page, site_url, "guests", language, ["guests"])
    go_to_step(page, "people")
    rows = page.locator("[data-items-for=guests] > li.fgc-item--folded")
    wait_until(page, "document.querySelectorAll('[data-items-for=guests] > li').length === 14")
    assert rows.count() == 14
    height = page.evaluate(STEP_HEIGHT)
    print(f"guest step at 375 px, 14 guests folded: {height:.0f} px")
    assert height <= MAX_GUEST_STEP_PX
    # Every guest in their row, whole.
    text = page.locator("[data-items-for=guests]").inner_text()
    for guest in FAMILY["guests"]["guests"]:
        assert guest["name"] in text
    # Adding a seventh... fifteenth: the new one opens at the end, nothing to scroll past.
    page.locator("#b-guests-add").click()
    wait_until(
        page, "document.activeElement.matches('[data-items-for=guests] > li:last-child input')"
    )
    assert page.locator("[data-items-for=guests] > li:not(.fgc-item--folded)").count() == 1
    # At the top: a row scrolled under the sticky header counts, for axe, as a covered target.
    page.evaluate("window.scrollTo(0, 0)")
    assert axe_violations(page) == []
    page.screenshot(path=str(tmp_path / f"guests-375-{language}.png"), full_page=True)
    keep_picture(tmp_path / f"guests-375-{language}.png")
    guarded.assert_clean()


MAP_BOXES = """() => {
  const svg = document.querySelector('[data-document] svg.fgc-network-map');
  const scale = svg.getBoundingClientRect().width / 600;
  const font = Number(svg.querySelector('.fgc-map-labels').getAttribute('font-size')) * scale;
  const boxes = [...svg.querySelectorAll('.fgc-map-labels text, .fgc-map-badges circle')]
    .map((e) => { const r = e.getBoundingClientRect();
                  return {text: e.textContent, l: r.left, t: r.top, r: r.right, b: r.bottom}; });
  const key = [...document.querySelectorAll('[data-document] .fgc-map-text li')]
    .map((li) => li.textContent);
  return {font, width: svg.getBoundingClientRect().width, boxes, key};
}"""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_family_map_has_no_overlapping_labels_and_is_readable(
    page, site_url, guarded, tmp_path, language, width
):
    page.set_viewport_size({"width": width, "height": 900})
    open_with(page, site_url, "guests", language, ["guests"])
    go_to_step(page, "check")
    found = page.evaluate(MAP_BOXES)
    print(f"map at {width} px: {found['width']:.0f} px wide, names {found['font']:.1f} px")
    boxes = found["boxes"]
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            overlap = (
                min(a["r"], b["r"]) - max(a["l"], b["l"]),
                min(a["b"], b["b"]) - max(a["t"], b["t"]),
            )
            # Drawn text's boxes, as the browser measures them: apart, but for a pixel of halo.
            assert min(overlap) <= 1, (a["text"], b["text"])
    assert found["font"] >= MIN_LABEL_PX
    # The list under the map names everyone, with the number their dot shows if it has one.
    key = " ".join(found["key"])
    for guest in FAMILY["guests"]["guests"]:
        assert guest["name"] in key
    figure = page.locator("[data-document] .fgc-map-figure")
    figure.screenshot(path=str(tmp_path / f"map-{width}-{language}.png"))
    keep_picture(tmp_path / f"map-{width}-{language}.png")
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_plan_takes_one_question_at_a_time_and_prints_whole(
    page, site_url, guarded, tmp_path, language
):
    page.set_viewport_size(PHONE)
    open_with(page, site_url, "plan", language, ["questions", "guests"])
    go_to_step(page, "sections")
    sections = page.locator("[data-items-for=sections] > li")
    wait_until(page, "document.querySelectorAll('[data-items-for=sections] > li').length === 3")
    assert page.locator("[data-items-for=sections] > li:not(.fgc-item--folded)").count() == 1
    hint = pick(load("plan").list_def("sections").fields[0].hint, language)
    assert page.locator("section[data-step-id=sections]").inner_text().count(hint[:30]) == 1
    assert sections.count() == 3
    assert axe_violations(page) == []
    go_to_step(page, "check")
    # The answers to check, each item apart, and the calendar's choices.
    assert axe_violations(page) == []
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_folded_rows_and_the_calendars_choices_are_axe_clean_in_dark_mode(
    page, site_url, guarded, language
):
    page.emulate_media(color_scheme="dark")
    open_with(page, site_url, "plan", language, ["questions", "guests", "plan"])
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    go_to_step(page, "sections")
    wait_until(page, "document.querySelector('[data-items-for=sections] > li.fgc-item--folded')")
    assert axe_violations(page) == []
    go_to_step(page, "check")
    assert page.locator("#fgc-calendar-zone").is_visible()
    assert axe_violations(page) == []
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_plan_and_follow_up_papers_hold_everything(page, site_url, guarded, tmp_path, language):
    open_with(page, site_url, "followup", language, ["plan", "followup"])
    go_to_step(page, "check")
    page.evaluate("window.print = () => {}")
    text, pictures = pdf_pictures(page, tmp_path / f"followup-{language}.pdf")
    words = text.split()
    for section in FAMILY["plan"]["sections"]:
        for action in section["actions"]:
            for part in (section["question"], action["what"], action["when"], action["checker"]):
                assert all(word in words for word in part.split()), part
    for request in FAMILY["plan"]["requests"]:
        assert all(word in words for word in request["text"].split())
    assert pictures
    page.locator(".fgc-print [data-action=print_blank]").click()
    pdf_pictures(page, tmp_path / f"followup-blank-{language}.pdf")

    open_form(page, page.url.replace(FORMS["followup"], FORMS["plan"]))
    go_to_step(page, "check")
    page.evaluate("window.print = () => {}")
    text, _ = pdf_pictures(page, tmp_path / f"plan-{language}.pdf")
    plan = load("plan")
    assert pick(plan.texts["approval_heading"], language) in text
    for name in ("Maria", "Thomas", "Sara"):
        assert name in text
    page.locator(".fgc-print [data-action=print_blank]").click()
    blank, _ = pdf_pictures(page, tmp_path / f"plan-blank-{language}.pdf")
    assert pick(plan.texts["approval_heading"], language) in blank
    guarded.assert_clean()
