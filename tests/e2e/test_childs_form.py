"""The child's form, "Mine ønsker", in the browser and in both languages: the three houses drawn
with the child's words as the child types and on paper, three empty houses on the blank
template, the child spoken to in the child's own words, the private answer kept from anyone
else using the same browser, and axe clean on a phone and a desktop."""

import re
import subprocess

import pytest
from pagecheck import (
    CHILD_DRAFT_KEY,
    choose_keep,
    current_step,
    go_to_step,
    open_form,
    stored,
    wait_for_python,
    wait_until,
)
from test_pages import axe_violations

from forms.catalogue.wishes.three_houses import GAP, HOUSE_WIDTH
from forms.schema import load
from forms.text import form_ui_texts, ui_texts

FORM = load("wishes")
URLS = {"da": "skemaer/mine-oensker/", "en": "en/skemaer/mine-oensker/"}
WORDS = {
    "da": {
        "good": "Jeg spiller fodbold med Ali.",
        "worries": "Jeg savner min far om aftenen.",
        "dreams": "Ro derhjemme og hund.",
        "private": "Hemmeligt om far",
        "who_may_see": "Kun mormor og Lise",
    },
    "en": {
        "good": "I play football with Ali.",
        "worries": "I miss my dad in the evening.",
        "dreams": "Calm at home and a dog.",
        "private": "Secret about dad",
        "who_may_see": "Only Grandma and Lise",
    },
}
# Long enough to go on below its house.
LONG = " ".join(f"ord{n}" for n in range(80))
# The words every other form uses to speak to the family, never on the child's form.
# The words a drawing holds, a line after another, as a reader reads them.
DRAWN_WORDS = (
    "(selector => [...(document.querySelector(selector)?.querySelectorAll('text') ?? [])]"
    ".map(t => t.textContent).join(' '))"
)
ADULT_WORDS = [
    "skrevet af familien selv",
    "written by the family",
    "Din kladde",
    "Your draft",
    "Hjælpen til skemaet",
    "Tjek jeres svar",
    "Check your answers",
]


def type_into(page, name, text):
    field = page.locator(f'[data-field][name="{name}"]')
    field.focus()
    page.keyboard.type(text)


def fill_in(page, words):
    """Step by step from the step shown, each answer typed in its step."""
    ids = [step.id for step in FORM.steps]
    for step in FORM.steps[ids.index(current_step(page)) :]:
        go_to_step(page, step.id)
        for name in step.items:
            if name in words:
                type_into(page, name, words[name])


def pdf_words(path) -> tuple[list[dict], list[tuple[float, float]]]:
    """Each word of the PDF with its box and page, and each page's size (pdftotext -bbox)."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    sizes, words = [], []
    for page_match in re.finditer(
        r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', html, re.S
    ):
        sizes.append((float(page_match[1]), float(page_match[2])))
        for word in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
            page_match[3],
        ):
            words.append(
                {
                    "page": len(sizes),
                    "box": tuple(float(word[n]) for n in range(1, 5)),
                    "text": word[5],
                }
            )
    return words, sizes


def page_text(words, number) -> str:
    return " ".join(word["text"] for word in words if word["page"] == number)


def assert_inside_pages(words, sizes):
    for word in words:
        width, height = sizes[word["page"] - 1]
        x_min, y_min, x_max, y_max = word["box"]
        assert x_min >= 0 and x_max <= width and y_min >= 0 and y_max <= height, word


def print_to(page, path, blank=False):
    page.evaluate("window.print = () => {}")
    page.locator(f".fgc-print [data-action={'print_blank' if blank else 'print'}]").click()
    page.pdf(path=str(path), format="A4", print_background=True)
    return pdf_words(path)


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_childs_words_stand_in_three_houses_on_screen_and_on_paper(
    page, site_url, guarded, tmp_path, language
):
    words = WORDS[language]
    open_form(page, site_url + URLS[language])
    go_to_step(page, "good")
    type_into(page, "good", words["good"])
    # The houses are drawn again as the child types, on the step itself.
    live = page.locator('[data-houses="good"] svg.fgc-houses')
    wait_until(page, f"{DRAWN_WORDS}('[data-houses=good] svg').includes({words['good']!r})")
    # The house the child fills, alone, big enough to read on a phone.
    assert live.locator("g.fgc-house").count() == 1
    assert live.get_attribute("role") == "img"
    go_to_step(page, "worries")
    type_into(page, "worries", words["worries"] + " " + LONG)
    fill_in(page, {k: v for k, v in words.items() if k not in ("good", "worries")})
    go_to_step(page, "check")
    paper = page.locator("[data-document] svg.fgc-houses")
    assert paper.locator("g.fgc-house").count() == 3
    drawn = page.evaluate(f"{DRAWN_WORDS}('[data-document] svg.fgc-houses')")
    assert words["good"] in drawn and words["worries"] in drawn
    for name in ("good", "worries", "dreams"):
        assert FORM.texts["houses"][name][language] in drawn
    # The words that do not fit in the house go on below it, as text.
    more = page.locator("[data-document] .fgc-houses-more").inner_text()
    assert "ord79" in more

    found, sizes = print_to(page, tmp_path / "my-page.pdf")
    assert_inside_pages(found, sizes)
    first = page_text(found, 1)
    assert FORM.texts["document_title"][language] in first
    for name in ("good", "worries", "dreams"):
        assert FORM.texts["houses"][name][language] in first
    everything = " ".join(word["text"] for word in found)
    for name in ("good", "dreams", "who_may_see"):
        assert words[name] in everything
    assert all(f"ord{n}" in everything for n in range(80))
    # The child wrote it, and says who may see it; the private answer is not on paper.
    assert FORM.texts["document_footer"][language] in everything
    assert words["private"] not in everything
    for adult in ADULT_WORDS:
        assert adult not in everything
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_blank_template_prints_three_empty_houses_on_the_first_page(
    page, site_url, guarded, tmp_path, language
):
    open_form(page, site_url + URLS[language])
    go_to_step(page, "good")
    type_into(page, "good", WORDS[language]["good"])
    go_to_step(page, "check")
    blank = page.locator("[data-blank-document] svg.fgc-houses")
    assert blank.locator("g.fgc-house").count() == 3
    # Nothing in the houses but their names.
    assert blank.locator("text").count() == 3
    found, sizes = print_to(page, tmp_path / "blank.pdf", blank=True)
    assert_inside_pages(found, sizes)
    first = page_text(found, 1)
    for name in ("good", "worries", "dreams"):
        assert FORM.texts["houses"][name][language] in first
    assert WORDS[language]["good"] not in " ".join(word["text"] for word in found)

    # Each house is big enough to write in by hand: over 80 mm wide on A4, measured on paper
    # from the middles of the first two houses' names, one house and a gap apart.
    def middle(text):
        first = text.split()[0]
        box = next(w["box"] for w in found if w["page"] == 1 and w["text"] == first)
        others = [w["box"] for w in found if w["page"] == 1 and abs(w["box"][1] - box[1]) < 1]
        row = [b for b in others if b[0] >= box[0]][: len(text.split())]
        return (row[0][0] + row[-1][2]) / 2

    names = FORM.texts["houses"]
    apart = middle(names["worries"][language]) - middle(names["good"][language])
    width_mm = apart * HOUSE_WIDTH / (HOUSE_WIDTH + GAP) * 25.4 / 72
    assert width_mm > 80
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_every_text_on_the_childs_form_speaks_to_the_child(page, site_url, language):
    open_form(page, site_url + URLS[language])
    go_to_step(page, "check")
    form = page.locator("form.fgc-form")
    # Every text, the hidden steps and the page script's messages included.
    text = form.evaluate(
        "f => f.textContent + ' ' + [...f.querySelectorAll('*')].flatMap(e => [...e.attributes]"
        ".filter(a => a.name.startsWith('data-msg') || a.name.startsWith('data-')).map(a => "
        "a.value)).join(' ')"
    )
    for adult in ADULT_WORDS:
        assert adult not in text
    own = form_ui_texts("wishes")
    for key, texts in own.items():
        site = ui_texts().get(key, {}).get(language, "")
        if site == texts[language]:
            continue
        # The site's sentences (a short word like "Udskriv" may stand in the child's too); a
        # text with a count has one per plural category.
        for sentence in site.values() if isinstance(site, dict) else [site]:
            if len(sentence.split()) > 3 and "{" not in sentence:
                assert sentence not in text, key
    # Steps that can be skipped say so, and each step has a picture screen readers skip.
    skippable = [step.id for step in FORM.steps if step.skippable]
    assert skippable
    for step in skippable:
        assert form.locator(f'[data-step-id="{step}"] .fgc-skippable').count() == 1
    pictures = form.locator(".fgc-step-picture")
    assert pictures.count() == len(FORM.steps)
    for index in range(pictures.count()):
        assert pictures.nth(index).get_attribute("aria-hidden") == "true"
    # Large enough to touch.
    for selector in ("[data-action=step_chosen]", "[data-action=print]", ".fgc-summary button"):
        box = form.locator(f"section.fgc-step:not([hidden]) {selector}").first.bounding_box()
        assert box["height"] >= 44


@pytest.mark.parametrize("language", ["da", "en"])
def test_what_the_child_keeps_private_is_not_seen_by_the_next_person(context, site_url, language):
    words = WORDS[language]
    child = context.new_page()
    open_form(child, site_url + URLS[language])
    choose_keep(child, "device")
    go_to_step(child, "good")
    type_into(child, "good", words["good"])
    go_to_step(child, "private")
    type_into(child, "private", words["private"])
    wait_until(
        child,
        f"({stored(CHILD_DRAFT_KEY)} || '').includes({words['good']!r})",
    )
    kept = child.evaluate("JSON.stringify(localStorage)")
    assert words["private"] not in kept
    # The child can still see it, on the open page.
    assert child.locator('[name="private"]').input_value() == words["private"]

    # A parent opens the same form in another tab of the same browser.
    parent = context.new_page()
    open_form(parent, site_url + URLS[language])
    assert parent.locator('[name="good"]').input_value() == words["good"]
    assert parent.locator('[name="private"]').input_value() == ""
    assert words["private"] not in parent.content()
    # It opens at the step the child was on; back from there to the dreams.
    assert current_step(parent) == "private"
    while current_step(parent) != "dreams":
        before = current_step(parent)
        parent.locator(
            "section.fgc-step:not([hidden]) .fgc-step-nav [data-action=step_chosen]"
        ).click()
        wait_until(parent, f"document.querySelector('form.fgc-form').dataset.step !== {before!r}")
    # Another tab storing the draft does not take the private answer off the child's page.
    type_into(parent, "dreams", words["dreams"])
    wait_until(
        child,
        f"document.querySelector('[name=dreams]').value.includes({words['dreams']!r})",
    )
    assert child.locator('[name="private"]').input_value() == words["private"]

    # Later, on the child's own tab: reloaded, or gone to another page and back.
    child.reload()
    assert wait_for_python(child) == "ready"
    assert child.locator('[name="private"]').input_value() == ""
    assert words["private"] not in child.content()
    # A saved file does not hold it either.
    type_into(child, "private", words["private"])
    with child.expect_download() as download:
        child.locator("[data-action=save_file]").click()
    assert words["private"] not in download.value.path().read_text()


def test_the_private_answer_is_not_carried_to_the_next_page(page, site_url):
    """Nothing kept on the device: the draft goes with the tab to the next page (window.name),
    but never the private answer."""
    words = WORDS["da"]
    open_form(page, site_url + URLS["da"])
    go_to_step(page, "good")
    type_into(page, "good", words["good"])
    go_to_step(page, "private")
    type_into(page, "private", words["private"])
    open_form(page, site_url + "skemaer/hvem-skal-med/")
    open_form(page, site_url + URLS["da"])
    assert page.locator('[name="good"]').input_value() == words["good"]
    assert page.locator('[name="private"]').input_value() == ""


@pytest.mark.parametrize("width", [375, 1280])
@pytest.mark.parametrize("language", ["da", "en"])
def test_the_childs_form_is_axe_clean_on_a_phone_and_a_desktop(page, site_url, language, width):
    page.set_viewport_size({"width": width, "height": 800})
    open_form(page, site_url + URLS[language])
    go_to_step(page, "good")
    type_into(page, "good", WORDS[language]["good"])
    wait_until(page, "document.querySelector('[data-houses=good] svg') !== null")
    assert axe_violations(page) == []
    fill_in(page, {k: v for k, v in WORDS[language].items() if k != "good"})
    go_to_step(page, "check")
    assert axe_violations(page) == []
