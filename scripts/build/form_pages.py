"""The forms in their pages: a page's form marker replaced by the form, rendered by forms/ in
the page's language, and told where its Python and its scripts are."""

import json
import re
from collections.abc import Callable
from html import escape

from forms.app import start
from forms.document import render_document
from forms.render import render_form
from forms.schema import load
from scripts.build.pyodide_bundle import PYODIDE_DIR, python_info

FORM_MARKER = re.compile(r"<!--\s*form:\s*([a-z_]+)\s*-->")
# The page script and the worker: theme files from overrides/assets/forms/.
SHELL_DIR = "assets/forms"


def form_in_page(
    html: str,
    language: str,
    url: Callable[[str], str],
    python_core: str,
    python_key: str,
    forms_file: str,
    forms_integrity: str,
    contact: dict | None = None,
) -> tuple[str, str | None]:
    """The page with its form in place of the marker, and the form's id (None without one).
    `url` gives the address of a file at the site's root as seen from the page; `forms_file` is
    the name of the forms' zip in pyodide/ and `forms_integrity` its SRI value; `contact` is
    whom the printed form names for the family to contact (forms.state.FormState.contact),
    handed to the form's Python in the browser by the form's data-contact."""
    match = FORM_MARKER.search(html)
    if not match:
        return html, None
    form_id = match.group(1)
    definition = load(form_id)
    state, view = start(form_id, language, today=None, contact=contact)
    blank = render_document(definition, state, blank=True)
    handed = f' data-contact="{escape(json.dumps(contact))}"' if contact else ""
    suggestions = {source: [] for source in view.suggestions}
    form_html = render_form(
        definition, state, view.summary, view.document, blank, suggestions
    ).replace(
        "<form ",
        f'<form data-pyodide="{url(python_core)}/"'
        f' data-python-forms="{url(PYODIDE_DIR)}/{forms_file}"'
        f' data-python-forms-integrity="{forms_integrity}"'
        f' data-python-info="{escape(json.dumps(python_info()))}"'
        f' data-python-key="{python_key}"'
        f' data-worker="{url(SHELL_DIR)}/form-worker.js"{handed} ',
        1,
    )
    return html[: match.start()] + form_html + html[match.end() :], form_id


def form_script(url: Callable[[str], str]) -> str:
    """The address of the page script, for a page with a form."""
    return url(SHELL_DIR) + "/form-page.js"
