"""The caseworker's booklet in its page: the cover page with the site's address and segno's QR
code for it, every form's blank template, and the buttons and links."""

import re

import segno
from support import ROOT

from forms.app import start
from forms.document import render_document
from forms.schema import load
from scripts.build.booklet import (
    FORMS,
    booklet_in_page,
    form_pages,
    qr_code,
    qr_svg,
    site_address,
    texts,
)


def link(form_id: str) -> str:
    return f"../skemaer/{form_id}/"


def test_the_address_is_the_start_page_in_each_language():
    assert site_address("https://example.org/fr", "da", "da") == "https://example.org/fr/"
    assert site_address("https://example.org/fr/", "en", "da") == "https://example.org/fr/en/"


def test_the_qr_code_is_segnos_own_for_the_address():
    address = "https://example.org/en/"
    svg = qr_svg(address, "QR code for the website https://example.org/en/")
    assert qr_code(address).matrix == segno.make(address, error="m", boost_error=False).matrix
    expected_path = re.search(r' d="([^"]+)"', segno.make(address, error="m").svg_inline(scale=4))
    assert f'd="{expected_path.group(1)}"' in svg
    assert svg.startswith('<svg role="img" aria-label="QR code for the website https://')
    assert 'viewBox="0 0 ' in svg


def test_every_form_page_is_found_in_the_docs():
    pages = form_pages(ROOT / "docs")
    assert set(FORMS) <= set(pages)
    assert pages["questions"] == "skemaer/vores-spoergsmaal/"


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
