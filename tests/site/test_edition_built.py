"""The site as a municipality builds it: with the edition file unset (the repository's own) and
filled (tests/site/edition-filled.toml, through FGC_EDITION; see tests/conftest.py). The public
address goes into canonical links, sitemap.xml and the booklet's cover and QR code; the contacts
onto the pages a family reads; never the developer's 127.0.0.1 as the site's address."""

import re
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest
import segno
from support import MKDOCS, ROOT, build_site, built_pages

from forms.text import languages, ui
from scripts.build.edition import read

EDITION = read(ROOT / "tests" / "site" / "edition-filled.toml", list(languages()))
ADDRESS = EDITION.address
# The pages where a family looks for whom to call: home, "Sådan foregår det", the children's.
CONTACT_PAGES = {"": False, "saadan-foregaar-det/": False, "for-boern-og-unge/": True}
LOCAL = re.compile(r"(https?:)?//(127\.0\.0\.1|localhost|0\.0\.0\.0)[:/]")
TEXT_FILES = ("*.html", "*.xml", "*.js", "*.mjs", "*.json", "*.webmanifest", "*.txt", "*.css")


def _page(site, language, page):
    prefix = "" if language == "da" else f"{language}/"
    return (site / prefix / page / "index.html").read_text(encoding="utf-8")


def _local_addresses(site):
    found = []
    for pattern in TEXT_FILES:
        for path in site.rglob(pattern):
            if LOCAL.search(path.read_text(encoding="utf-8", errors="replace")):
                found.append(path.relative_to(site).as_posix())
    return found


def _cover(html):
    return html.split('data-booklet-page="cover"')[1].split('data-booklet-page="questions"')[0]


def _unescape(text):
    return text.replace("&#x27;", "'").replace("&amp;", "&")


# ----- Filled -----


def test_every_page_names_its_public_address_as_canonical(edition_site_dir):
    pages = built_pages(edition_site_dir)
    assert len(pages) > 20
    for page in pages:
        html = (edition_site_dir / page / "index.html").read_text(encoding="utf-8")
        assert f'<link rel="canonical" href="{ADDRESS}{page}">' in html, page


def test_the_sitemap_lists_every_page_at_its_public_address(edition_site_dir):
    tree = ElementTree.parse(edition_site_dir / "sitemap.xml")
    spaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in tree.getroot().iterfind("s:url/s:loc", spaces)]
    alternates = [link.get("href") for link in tree.getroot().iter() if link.get("href")]
    assert set(locations) == {ADDRESS + page for page in built_pages(edition_site_dir)}
    assert alternates and all(href.startswith(ADDRESS) for href in alternates)


def test_no_file_of_the_filled_site_names_a_local_address(edition_site_dir):
    assert _local_addresses(edition_site_dir) == []


@pytest.mark.parametrize("language", list(languages()))
def test_the_contacts_are_on_the_pages_a_family_reads_with_tap_to_call_numbers(
    edition_site_dir, language
):
    for page, children in CONTACT_PAGES.items():
        html = _unescape(_page(edition_site_dir, language, page))
        box = html.split("fgc-contact")[1].split("</div>")[0]
        heading = ui("contact_heading_child" if children else "contact_heading", language)
        assert heading in box, page
        assert EDITION.unit[language] in box and EDITION.organisation[language] in box, page
        assert '<a href="tel:+4512345678">+45 12 34 56 78</a>' in box, page
        assert '<a href="tel:+4587654321">+45 87 65 43 21</a>' in box, page
        assert ui("contact_unset", language) not in html, page
    child = _unescape(_page(edition_site_dir, language, "for-boern-og-unge/"))
    said = ui("contact_intro_child", language, who="{who}").split("{who}")[0]
    assert said + EDITION.unit[language] in child


@pytest.mark.parametrize("language", list(languages()))
def test_the_booklets_cover_carries_the_address_its_qr_code_and_the_contact(
    edition_site_dir, language
):
    address = ADDRESS if language == "da" else f"{ADDRESS}{language}/"
    cover = _cover(_page(edition_site_dir, language, "for-fagfolk/"))
    assert f'<p class="fgc-cover-address">{address}</p>' in cover
    # The QR code is segno's for exactly that address (tests/e2e decodes it from the print).
    svg = re.search(r'<svg[^>]*class="fgc-qr".*?</svg>', cover, re.S).group(0)
    segnos = segno.make(address, error="m", boost_error=False).svg_inline(scale=4, border=4)
    modules = re.search(r'class="qrline"[^>]*\sd="([^"]+)"', segnos).group(1)
    assert f'd="{modules}"' in svg
    assert '<a href="tel:+4512345678">+45 12 34 56 78</a>' in cover
    assert "data-booklet-address" not in cover
    # The organisation's logo, copied into the site and named for a screen reader.
    src = "../assets/edition-logo.png" if language == "da" else "../../assets/edition-logo.png"
    name = EDITION.organisation[language]
    assert f'<img class="fgc-cover-logo" src="{src}" alt="{name}">' in cover
    copied = edition_site_dir / "assets" / "edition-logo.png"
    assert copied.read_bytes() == EDITION.logo.read_bytes()


@pytest.mark.parametrize("language", list(languages()))
def test_every_printed_form_names_the_contact_and_hands_it_to_its_python(
    edition_site_dir, language
):
    prefix = "" if language == "da" else f"{language}/"
    forms = sorted((edition_site_dir / prefix / "skemaer").glob("*/index.html"))
    assert len(forms) == 5
    for path in forms:
        html = _unescape(path.read_text(encoding="utf-8"))
        footers = re.findall(r'<span class="fgc-document-contact">(.*?)</span>', html)
        # The live preview and the blank template both.
        assert len(footers) == 2, path
        assert all('<a href="tel:+4512345678">' in footer for footer in footers)
        assert EDITION.unit[language] in footers[0]
        assert 'data-contact="{&quot;whom&quot;' in path.read_text(encoding="utf-8")


def test_a_filled_edition_lists_nothing_left_to_set(edition_build):
    result, _ = edition_build
    assert result.returncode == 0, result.stderr
    assert "not set yet" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("WARNING")] == []


# ----- Unset (the repository's edition.toml) -----


def test_the_unset_site_names_no_address_and_has_no_sitemap(site_dir):
    for page in built_pages(site_dir):
        assert 'rel="canonical"' not in (site_dir / page / "index.html").read_text(), page
    assert not (site_dir / "sitemap.xml").exists()
    assert not (site_dir / "sitemap.xml.gz").exists()
    assert not list((site_dir / "assets").glob("edition-logo.*"))
    assert _local_addresses(site_dir) == []


@pytest.mark.parametrize("language", list(languages()))
def test_the_unset_site_tells_the_family_to_ask_the_municipality(site_dir, language):
    for page, children in CONTACT_PAGES.items():
        html = _unescape(_page(site_dir, language, page))
        assert ui("contact_unset_child" if children else "contact_unset", language) in html
        assert "fgc-document-contact" not in html and "tel:+45" not in html
    cover = _unescape(_cover(_page(site_dir, language, "for-fagfolk/")))
    assert ui("contact_unset", language) in cover
    # The address is the one it is printed from (assets/booklet.js); no QR code for it.
    assert '<p class="fgc-cover-address" data-booklet-address="../"></p>' in cover
    assert "<svg" not in cover


def test_the_unset_build_lists_in_one_line_what_a_host_must_set(build):
    result, _ = build
    lines = [line for line in result.stderr.splitlines() if "not set yet" in line]
    assert lines == [
        "INFO    -  Edition file edition.toml: not set yet: [site] address, "
        "[organisation] name, [contact] unit, [contact] phone or email"
    ]


def test_a_wrong_edition_stops_the_build_with_what_is_wrong(tmp_path):
    wrong = tmp_path / "edition.toml"
    wrong.write_text('[site]\naddress = "familieraad.kommune.dk"\n', encoding="utf-8")
    result = build_site(tmp_path / "site", str(wrong))
    assert result.returncode != 0
    assert '[site] address: "familieraad.kommune.dk" must be a whole address' in result.stderr


def test_the_developers_server_still_serves_the_site(tmp_path):
    """`make serve` unchanged: mkdocs serve builds and serves on its own local address."""
    import socket
    import time
    import urllib.request

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [str(MKDOCS), "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=ROOT,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        page = None
        deadline = time.monotonic() + 300  # a whole build, on a busy machine
        while page is None and server.poll() is None and time.monotonic() < deadline:
            try:
                url = f"http://127.0.0.1:{port}/for-fagfolk/"
                page = urllib.request.urlopen(url, timeout=10).read().decode()
            except OSError:
                time.sleep(0.5)  # polling a server that is still building, not waiting blind
        assert page is not None, (tmp_path / "serve.log").read_text()
        assert "data-booklet-address" in page and ui("contact_unset", "da") in page
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
