"""The plan's own part of the paper: the signature lines, and a line for the caseworker's
approval."""

from html import escape

from forms.schema import FormDefinition
from forms.state import FormState
from forms.text import pick

# Empty signature lines: after the names on a filled plan, and all of them on a blank one (a
# network meeting often has a dozen people at the table).
SPARE_SIGNATURE_LINES = 4
BLANK_SIGNATURE_LINES = 14


def _signature_table(texts: dict, language: str, names: list[str], empty: int) -> str:
    rows = "".join(f"<tr><td>{escape(name)}</td><td></td><td></td></tr>" for name in names)
    rows += "<tr><td></td><td></td><td></td></tr>" * empty
    return (
        '<table class="fgc-signatures"><thead><tr>'
        f'<th scope="col">{escape(pick(texts["signature_name"], language))}</th>'
        f'<th scope="col">{escape(pick(texts["signature_sign"], language))}</th>'
        f'<th scope="col">{escape(pick(texts["signature_date"], language))}</th>'
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def signatures(definition: FormDefinition, state: FormState, blank: bool) -> str:
    """A signature line for each of those the family chose to sign (at first the guest list's
    family and network, close family first, forms/derive.py), the child's own line first when
    the child wants to sign, some more for whoever else came; then a line for the caseworker's
    approval, with its date."""
    language = state.language
    texts = definition.texts
    names = []
    if not blank:
        child = state.values.get("child_name", "").strip()
        if child and state.values.get("child_signs", "") == "yes":
            names.append(child)
        names += [
            item.values.get("name", "").strip()
            for item in state.items("signers")
            if item.values.get("name", "").strip()
        ]
    empty = BLANK_SIGNATURE_LINES if blank else SPARE_SIGNATURE_LINES
    return (
        '<section class="fgc-document-section fgc-document-signatures">'
        f"<h3>{escape(pick(texts['signatures_heading'], language))}</h3>"
        f"<p>{escape(pick(texts['signatures_intro'], language))}</p>"
        + _signature_table(texts, language, names, empty)
        # The approval kept with the signatures, on the same sheet where they fit.
        + '<div class="fgc-document-approval">'
        f"<h3>{escape(pick(texts['approval_heading'], language))}</h3>"
        + _signature_table(texts, language, [], 1)
        + "</div></section>"
    )
