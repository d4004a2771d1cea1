"""The caseworker's booklet in its page: the cover page with the site's address and segno's QR
code for it (or, with no address set, a place the page fills in and no QR code), whom to
contact, every form's blank template, and the buttons and links."""

import re

import segno
from support import ROOT

from forms.app import start
from forms.document import render_document
from forms.schema import in_order, load
from forms.text import ui
from scripts.build.booklet import (
    booklet_in_page,
    form_pages,
    qr_code,
    qr_svg,
    texts,
)
from scripts.build.contacts import for_forms
from scripts.build.edition import contact, read

# The forms in the order a family meets them, as the catalogue gives it (each form's `order`).
FORMS = in_order()


def link(form_id: str) -> str:
    return f"../skemaer/{form_id}/"


FILLED = read(ROOT / "tests" / "site" / "edition-filled.toml", ["da", "en"])


def test_the_qr_code_is_segnos_own_for_the_address():
    address = "https://example.org/en/"
    svg = qr_svg(address, "QR code for the website https://example.org/en/")
    assert qr_code(address).matrix == segno.make(address, error="m", boost_error=False).matrix
    expected_path = re.search(r' d="([^"]+)"', segno.make(address, error="m").svg_inline(scale=4))
    assert f'd="{expected_path.group(1)}"' in svg
    assert svg.startswith('<svg role="img" aria-label="QR code for the website https://')
    assert 'viewBox="0 0 ' in svg


def test_every_form_page_is_found_in_the_docs_where_its_form_toml_says():
    pages = form_pages(ROOT / "docs")
    assert set(FORMS) <= set(pages)
    assert pages["questions"] == "skemaer/vores-spoergsmaal/"
    # The page each form.toml declares (the tests' and benches' lists) is the one with its marker.
    assert pages == {form_id: load(form_id).page for form_id in FORMS}
    assert FORMS[0] == "questions" and FORMS[-1] == "followup"


def test_the_marker_becomes_the_booklet_in_the_pages_language():
    html, found = booklet_in_page(
        "<h2>Printing</h2>\n<!-- booklet -->\n<p>after</p>", "en", "https://example.org/en/", link
    )
    assert found and "<!-- booklet" not in html and html.endswith("<p>after</p>")
    assert texts()["print_booklet"]["en"] in html and texts()["print_cover"]["en"] in html
    for sentence in texts()["cover_sentences"]["en"]:
        assert sentence.replace("'", "&#x27;") in html
    assert ">https://example.org/en/<" in html
    pages = re.findall(r'data-booklet-page="([a-z]+)"', html)
    assert pages == ["cover", *FORMS]
    for form_id in FORMS:
        assert f'<a href="../skemaer/{form_id}/">{load(form_id).title["en"]}</a>' in html
        assert f'data-booklet-print="{form_id}"' in html
        # The same blank template as the form's own page prints.
        state, _ = start(form_id, "en", today=None)
        assert render_document(load(form_id), state, blank=True) in html


def test_five_sentences_on_the_cover_in_every_language():
    assert {len(v) for v in texts()["cover_sentences"].values()} == {5}


def test_a_page_without_the_marker_is_left_as_it_is():
    assert booklet_in_page("<p>text</p>", "da", "https://x/", link) == ("<p>text</p>", False)


def test_with_no_address_the_cover_has_a_place_for_the_printing_address_and_no_qr_code():
    html, _ = booklet_in_page("<!-- booklet -->", "da", "", link, home="../")
    cover = html.split('data-booklet-page="cover"')[1].split('data-booklet-page="questions"')[0]
    assert '<p class="fgc-cover-address" data-booklet-address="../"></p>' in cover
    assert "<svg" not in cover and texts()["cover_qr_hint"]["da"] not in cover
    # No one named: ask the caseworker, as the site says everywhere.
    assert ui("contact_unset", "da") in cover


def test_the_cover_and_every_blank_form_name_the_editions_contact():
    html, _ = booklet_in_page(
        "<!-- booklet -->", "en", "https://x.dk/en/", link, contact=contact(FILLED, "en")
    )
    cover = html.split('data-booklet-page="cover"')[1].split('data-booklet-page="questions"')[0]
    assert '<a href="tel:+4512345678">+45 12 34 56 78</a>' in cover
    assert "Family group conferences, Children and Families, Eksempel Municipality" in cover
    assert '<a href="tel:+4587654321">+45 87 65 43 21</a>' in cover
    for form_id in FORMS:
        state, _ = start(form_id, "en", today=None, contact=for_forms(contact(FILLED, "en")))
        blank = render_document(load(form_id), state, blank=True)
        assert blank in html and 'class="fgc-document-contact"' in blank
