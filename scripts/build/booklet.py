"""The caseworker's booklet, on the page for professionals in place of its marker: a cover page
for the family (what a family group conference is, the site's address and a QR code for it,
whom to contact), then every form's blank template, each printed from a new A4 page; the buttons
that print it all, the cover alone, or one form's blank template; and the list of the forms with
their links.

The address is the edition's (scripts/build/edition.py). Without one the cover carries no QR
code, and assets/booklet.js writes in the address the booklet is printed from: the start page
as the browser sees it, from `home`, the start page's address relative to the page."""

import re
from collections.abc import Callable
from html import escape
from pathlib import Path

import segno

from forms.app import start
from forms.document import render_document
from forms.schema import in_order, load
from forms.text import load_toml, pick
from scripts.build.contacts import contact_lines, for_forms

BOOKLET_MARKER = re.compile(r"<!--\s*booklet\s*-->")
FORM_MARKER = re.compile(r"<!--\s*form:\s*([a-z_]+)\s*-->")
# The page script that prints the booklet: a theme file from overrides/assets/.
SCRIPT = "assets/booklet.js"


def texts() -> dict:
    return load_toml("booklet.toml")


def qr_code(address: str) -> segno.QRCode:
    """The QR code for an address, with room for a creased or smudged printout (level M)."""
    return segno.make(address, error="m", boost_error=False)


def qr_svg(address: str, label: str) -> str:
    """The QR code as an inline SVG, black on white, named for a screen reader."""
    svg = qr_code(address).svg_inline(
        scale=4, border=4, dark="#000", light="#fff", svgclass="fgc-qr", omitsize=True
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def form_pages(docs_dir: Path) -> dict[str, str]:
    """Form id -> the page that holds it, as a path below the language's root ('skemaer/x/')."""
    pages = {}
    for path in sorted(docs_dir.rglob("*.md")):
        match = FORM_MARKER.search(path.read_text(encoding="utf-8"))
        if match:
            relative = path.relative_to(docs_dir).as_posix()
            # page.da.md and page.en.md: the same page in two languages.
            stem = relative.split(".", 1)[0]
            pages.setdefault(match.group(1), f"{stem}/")
    return pages


def _cover_site(language: str, address: str, home: str) -> str:
    """The site's address, and its QR code; an address the page fills in when there is none."""
    t = texts()
    heading = f"<h3>{escape(pick(t['cover_site_heading'], language))}</h3>"
    if not address:
        return (
            '<div class="fgc-cover-site"><div>'
            f'{heading}<p class="fgc-cover-address" data-booklet-address="{escape(home)}"></p>'
            "</div></div>"
        )
    label = pick(t["cover_qr_label"], language).format(address=address)
    return (
        '<div class="fgc-cover-site">'
        f'<figure class="fgc-cover-qr">{qr_svg(address, label)}</figure>'
        f'<div>{heading}<p class="fgc-cover-address">{escape(address)}</p>'
        f"<p>{escape(pick(t['cover_qr_hint'], language))}</p>"
        "</div></div>"
    )


def _cover_contact(language: str, contact: dict | None) -> str:
    heading = escape(pick(texts()["cover_contact_heading"], language))
    lines = "".join(f"<p>{line}</p>" for line in contact_lines(contact, language, compact=True))
    return f'<div class="fgc-cover-contact" data-contact><h3>{heading}</h3>{lines}</div>'


def _cover_logo(logo: dict | None) -> str:
    """The organisation's logo ({"src": its address from the page, "alt": the organisation})."""
    if not logo:
        return ""
    return f'<img class="fgc-cover-logo" src="{escape(logo["src"])}" alt="{escape(logo["alt"])}">'


def _cover(language: str, address: str, home: str, contact: dict | None, logo: dict | None) -> str:
    t = texts()
    sentences = "".join(f"<li>{escape(s)}</li>" for s in pick(t["cover_sentences"], language))
    contents = "".join(f"<li>{escape(pick(load(f).title, language))}</li>" for f in in_order())
    return (
        '<article class="fgc-document fgc-cover" lang="'
        + escape(language)
        + '">'
        + _cover_logo(logo)
        + f'<h2 class="fgc-cover-title">{escape(pick(t["cover_title"], language))}</h2>'
        f'<p class="fgc-cover-subtitle">{escape(pick(t["cover_subtitle"], language))}</p>'
        f'<ol class="fgc-cover-sentences">{sentences}</ol>'
        + _cover_site(language, address, home)
        + _cover_contact(language, contact)
        + f"<p>{escape(pick(t['cover_privacy'], language))}</p>"
        f"<p>{escape(pick(t['cover_contents'], language))}</p>"
        f'<ul class="fgc-cover-contents">{contents}</ul>'
        "</article>"
    )


def _blank(form_id: str, language: str, contact: dict | None) -> str:
    """The same blank template the form's own page prints."""
    state, _ = start(form_id, language, today=None, contact=for_forms(contact))
    return render_document(load(form_id), state, blank=True)


def render_booklet(
    language: str,
    address: str,
    link: Callable[[str], str],
    home: str = "../",
    contact: dict | None = None,
    logo: dict | None = None,
) -> str:
    """The booklet's buttons, the list of forms (`link` gives a form's address from its id) and
    the printed pages, which the screen does not show. `address`: the site's start page in
    this language, "" when the edition sets none; `home`: that page relative to this one;
    `contact`: whom to contact (scripts/build/edition.py's contact()); `logo`: the
    organisation's logo, {"src": its address from this page, "alt": the organisation's name},
    or None."""
    t = texts()

    def button(what: str, text: str, primary=False, small=False, hidden: str = "") -> str:
        kind = "fgc-button" + (" fgc-button--primary" if primary else "")
        kind += " fgc-button--small" if small else ""
        more = f'<span class="fgc-visually-hidden">: {escape(hidden)}</span>' if hidden else ""
        return (
            f'<button type="button" class="{kind}" data-booklet-print="{what}">'
            f"{escape(text)}{more}</button>"
        )

    items = []
    for form_id in in_order():
        title = pick(load(form_id).title, language)
        items.append(
            f'<li><a href="{escape(link(form_id))}">{escape(title)}</a>'
            + button(form_id, pick(t["print_form_blank"], language), small=True, hidden=title)
            + "</li>"
        )
    pages = [
        '<div class="fgc-booklet-page" data-booklet-page="cover">'
        f"{_cover(language, address, home, contact, logo)}</div>"
    ]
    pages += [
        f'<div class="fgc-booklet-page" data-booklet-page="{form_id}">'
        f"{_blank(form_id, language, contact)}</div>"
        for form_id in in_order()
    ]
    return (
        '<div class="fgc-booklet" data-booklet>'
        '<div class="fgc-booklet-actions">'
        + button("booklet", pick(t["print_booklet"], language), primary=True)
        + button("cover", pick(t["print_cover"], language))
        + f'<p class="fgc-hint">{escape(pick(t["print_hint"], language))}</p></div>'
        f"<p>{escape(pick(t['forms_intro'], language))}</p>"
        f'<ul class="fgc-booklet-forms">{"".join(items)}</ul>'
        # Printed only: the site's search leaves them out.
        '<div class="fgc-booklet-pages" data-booklet-pages data-search-exclude>'
        f"{''.join(pages)}</div>"
        "</div>"
    )


def booklet_in_page(
    html: str,
    language: str,
    address: str,
    link: Callable[[str], str],
    home: str = "../",
    contact: dict | None = None,
    logo: dict | None = None,
) -> tuple[str, bool]:
    """The page with the booklet in place of its marker, and whether there was one."""
    match = BOOKLET_MARKER.search(html)
    if not match:
        return html, False
    booklet = render_booklet(language, address, link, home, contact, logo)
    return html[: match.start()] + booklet + html[match.end() :], True
