"""The caseworker's booklet on the page for professionals, in both languages: the cover page and
every blank form, each from a new A4 page with its number; the cover page alone on one page;
one form's blank template; the list of forms. The address on the cover: with the repository's
unset edition, the address it is printed from; with a filled edition (tests/site/
edition-filled.toml), the edition's, with the QR code segno makes for it, read back by zbarimg
from the printed page, and the edition's contact on the cover and on every blank form."""

import shutil
import subprocess

import pytest
from pagecheck import PageGuard, open_form, pdf_lines_by_page, wait_until
from support import ROOT
from test_pages import axe_violations

from forms.schema import in_order, load
from forms.text import languages, load_toml, ui
from scripts.build.booklet import qr_code
from scripts.build.edition import address_in, read

FORMS = in_order()

PAGE = {"da": "for-fagfolk/", "en": "en/for-fagfolk/"}
TEXTS = load_toml("booklet.toml")
EDITION = read(ROOT / "tests" / "site" / "edition-filled.toml", list(languages()))


def open_page(page, site_url, language):
    page.goto(site_url + PAGE[language])
    page.evaluate("window.print = () => {}")


def print_part(page, what, path):
    """Press the button that prints `what`, and read back each printed page's lines."""
    page.locator(f"[data-booklet-print={what}]").click()
    assert page.evaluate("document.documentElement.dataset.printing") == what
    lines = pdf_lines_by_page(page, path)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    assert pages == len(lines)
    return lines


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_booklet_prints_the_cover_and_every_blank_form_each_from_a_new_page(
    page, site_url, guarded, tmp_path, language
):
    open_page(page, site_url, language)
    pages = print_part(page, "booklet", tmp_path / "booklet.pdf")
    cover = " ".join(pages[0])
    assert TEXTS["cover_title"][language] in cover
    for sentence in TEXTS["cover_sentences"][language]:
        assert sentence.split()[0] in cover
    # No address in the edition: the address it was printed from, the start page in its language.
    assert (site_url + ("" if language == "da" else f"{language}/")) in cover
    assert ui("contact_unset", language).split(".")[0].split("?")[0] in cover
    # Each form's blank template starts a new page, in the menu's order, and nothing else of
    # the page is printed.
    titles = [
        load(form_id).texts.get("document_title", load(form_id).title)[language]
        for form_id in FORMS
    ]
    starts = []
    for title in titles:
        found = [n for n, lines in enumerate(pages) if lines and title == lines[0]]
        assert found, f"no page begins with {title!r}: {[p[:1] for p in pages]}"
        starts.append(found[0])
    assert starts == sorted(starts) and starts[0] == 1
    assert len(pages) >= 1 + len(FORMS)
    # Every page carries its number at the bottom.
    for number, lines in enumerate(pages, start=1):
        assert lines[-1] == str(number), lines[-3:]
    printed = " ".join(" ".join(lines) for lines in pages)
    assert TEXTS["print_booklet"][language] not in printed
    assert ui("site_line", language) in printed
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_cover_page_prints_alone_on_one_page(page, site_url, guarded, tmp_path, language):
    open_page(page, site_url, language)
    pages = print_part(page, "cover", tmp_path / "cover.pdf")
    assert len(pages) == 1
    text = " ".join(pages[0])
    assert TEXTS["cover_title"][language] in text
    assert TEXTS["cover_privacy"][language].split(".")[0] in text
    assert load("questions").title[language] in text
    assert ui("site_line", language) not in text  # no form on it
    # After printing, the page is itself again.
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.documentElement.dataset.printing ?? null") is None
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_each_form_is_listed_with_its_link_and_its_own_blank_print(
    page, site_url, guarded, tmp_path, language
):
    open_page(page, site_url, language)
    links = page.locator(".fgc-booklet-forms a")
    assert links.count() == len(FORMS)
    for index, form_id in enumerate(FORMS):
        link = links.nth(index)
        assert link.inner_text() == load(form_id).title[language]
        response = page.request.get(link.evaluate("a => a.href"))
        assert response.ok
        assert f'data-form="{form_id}"' in response.text()
    pages = print_part(page, "plan", tmp_path / "plan-blank.pdf")
    text = " ".join(" ".join(lines) for lines in pages)
    assert load("plan").texts["signatures_heading"][language] in text
    assert TEXTS["cover_subtitle"][language] not in text
    assert (
        load("questions").texts.get("document_title", load("questions").title)[language] not in text
    )
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_a_filled_edition_prints_its_address_qr_code_and_contact_on_the_cover(
    page, edition_site_url, tmp_path, language
):
    guarded = PageGuard(page, edition_site_url)
    open_page(page, edition_site_url, language)
    address = address_in(EDITION, language, "da")
    expected = qr_code(address).svg_inline(scale=4, border=4, omitsize=True)
    shown = page.locator(".fgc-cover-qr svg path.qrline").get_attribute("d")
    assert f'd="{shown}"' in expected
    assert address in page.locator(".fgc-cover-qr svg").get_attribute("aria-label")
    # The contacts leave the cover on one sheet.
    assert len(print_part(page, "cover", tmp_path / "cover.pdf")) == 1
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    pages = print_part(page, "booklet", tmp_path / "booklet.pdf")
    cover = " ".join(pages[0])
    assert address in cover and edition_site_url not in cover
    assert "+45 12 34 56 78" in cover and "+45 87 65 43 21" in cover
    assert EDITION.unit[language] in cover
    # Every blank form names whom to contact at its foot.
    forms_text = " ".join(" ".join(lines) for lines in pages[1:])
    assert forms_text.count("+45 12 34 56 78") >= len(FORMS)
    # What a phone's camera reads from the printed cover: the edition's address.
    image = tmp_path / "cover"
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            "-singlefile",
            str(tmp_path / "booklet.pdf"),
            str(image),
        ],
        check=True,
    )
    decoded = subprocess.run(
        [shutil.which("zbarimg") or "zbarimg", "--quiet", "--raw", f"{image}.png"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert decoded.stdout.strip() == address
    guarded.assert_clean()


def test_a_form_on_a_filled_edition_prints_the_contact_from_its_python(
    page, edition_site_url, tmp_path
):
    guarded = PageGuard(page, edition_site_url)
    open_form(page, edition_site_url + "skemaer/vores-spoergsmaal/")
    page.locator("#f-child_name").fill("Emma")
    # The preview Python draws after the keystroke still names the contact.
    wait_until(page, "document.querySelector('[data-document]').textContent.includes('Emma')")
    footer = page.locator("[data-document] .fgc-document-contact")
    assert "+45 12 34 56 78" in footer.inner_text()
    assert footer.locator("a[href='tel:+4512345678']").count() == 1
    guarded.assert_clean()


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_page_for_professionals_is_accessible(page, site_url, guarded, language):
    page.goto(site_url + PAGE[language])
    assert axe_violations(page) == []
    guarded.assert_clean()
