"""A form in its page: the marker replaced by the whole form, told where its Python is."""

import json
import re
from html import unescape

from scripts.build.form_pages import form_in_page, form_script
from scripts.build.pyodide_bundle import python_info


def url(target: str) -> str:
    return "../../" + target


def test_the_marker_becomes_the_form_in_the_pages_language():
    html, form_id = form_in_page(
        "<h1>Our questions</h1>\n<!-- form: questions -->\n<p>after</p>",
        "en",
        url,
        "pyodide/314.0.7-0123456789ab",
        "key",
        "forms-0123456789ab.zip",
        "sha256-AAAA",
    )
    assert form_id == "questions"
    assert "<!-- form:" not in html and html.endswith("<p>after</p>")
    assert 'id="f-questions-q1-text"' in html and "Add a question" in html
    assert 'data-pyodide="../../pyodide/314.0.7-0123456789ab/"' in html
    assert 'data-python-forms="../../pyodide/forms-0123456789ab.zip"' in html
    assert 'data-python-forms-integrity="sha256-AAAA"' in html
    # Pyodide's lock's info, so Pyodide fetches no lock file: its ABI must be Pyodide's.
    (info,) = re.findall(r'data-python-info="([^"]*)"', html)
    assert json.loads(unescape(info))["abi_version"] == python_info()["abi_version"]
    assert 'data-python-key="key"' in html
    assert 'data-worker="../../assets/forms/form-worker.js"' in html
    assert form_script(url) == "../../assets/forms/form-page.js"


def test_a_page_without_a_marker_is_left_as_it_is():
    unchanged = form_in_page("<p>text</p>", "da", url, "pyodide/x", "key", "forms.zip", "sha256-")
    assert unchanged == ("<p>text</p>", None)
