"""Whom the family can contact, from the site's edition (scripts/build/edition.py): the box on the
pages in place of their marker (`<!-- contact -->`, or `<!-- contact: children -->` on the
children's page, in the child's own words), the same on the booklet's cover, and the plain data
the printed forms' footer shows (forms.state.FormState.contact). Phone numbers are tel: links.
With no one named, the box says to ask the caseworker at the municipality."""

import re
from html import escape

from forms.text import ui
from scripts.build.edition import tel

CONTACT_MARKER = re.compile(r"<!--\s*contact(?::\s*(children))?\s*-->")


def who(contact: dict) -> str:
    """The unit, then the organisation it belongs to."""
    return ", ".join(part for part in (contact["unit"], contact["organisation"]) if part)


def for_forms(contact: dict | None) -> dict | None:
    """The few texts a printed form's footer shows."""
    if contact is None:
        return None
    return {
        "whom": who(contact),
        "phone": contact["phone"],
        "tel": tel(contact["phone"]) if contact["phone"] else "",
        "email": contact["email"],
    }


def _with_link(text: str, placeholder: str, link: str) -> str:
    """A translated text, escaped, with a link in place of its {placeholder}."""
    return escape(text).replace("{" + placeholder + "}", link)


def _phone_link(phone: str) -> str:
    return f'<a href="{escape(tel(phone))}">{escape(phone)}</a>'


def contact_lines(
    contact: dict | None, language: str, children: bool = False, compact: bool = False
) -> list[str]:
    """The contact's lines as HTML paragraphs' contents, in the page's language; `compact`
    (the booklet's cover, one A4 page) puts the phone and the e-mail on one line."""
    if contact is None:
        return [escape(ui("contact_unset_child" if children else "contact_unset", language))]
    name = escape(who(contact))
    if children:
        key = "contact_intro_child" if contact["phone"] else "contact_intro_child_email"
    else:
        key = "contact_intro"
    lines = [escape(ui(key, language, who="{who}")).replace("{who}", name)]
    reach = []
    if contact["phone"]:
        text = ui("contact_phone", language, phone="{phone}")
        reach.append(_with_link(text, "phone", _phone_link(contact["phone"])))
    if contact["email"]:
        link = f'<a href="mailto:{escape(contact["email"])}">{escape(contact["email"])}</a>'
        reach.append(_with_link(ui("contact_email", language, email="{email}"), "email", link))
    lines += [" · ".join(reach)] if compact else reach
    if contact["hours"] and contact["phone"]:
        lines.append(escape(ui("contact_hours", language, hours=contact["hours"])))
    if contact["out_of_hours_phone"]:
        link = _phone_link(contact["out_of_hours_phone"])
        if contact["out_of_hours_text"]:
            lines.append(f"{escape(contact['out_of_hours_text'])}: {link}")
        else:
            text = ui("contact_out_of_hours", language, phone="{phone}")
            lines.append(_with_link(text, "phone", link))
    return lines


def contact_box(contact: dict | None, language: str, children: bool = False) -> str:
    """The box on a page: a titled note, as the site's other notes are."""
    heading = ui("contact_heading_child" if children else "contact_heading", language)
    lines = "".join(f"<p>{line}</p>" for line in contact_lines(contact, language, children))
    return (
        '<div class="admonition note fgc-contact" data-contact>'
        f'<p class="admonition-title">{escape(heading)}</p>{lines}</div>'
    )


def contacts_in_page(html: str, contact: dict | None, language: str) -> str:
    """The page with the contact box in place of each of its markers."""
    return CONTACT_MARKER.sub(
        lambda match: contact_box(contact, language, children=match.group(1) is not None), html
    )
