"""A form in its page: the marker replaced by the whole form, told where its Python is."""

from scripts.build.form_pages import form_in_page, form_script


def url(target: str) -> str:
    return "../../" + target


def test_the_marker_becomes_the_form_in_the_pages_language():
    html, form_id = form_in_page(
        "<h1>Our questions</h1>\n<!-- form: questions -->\n<p>after</p>",
        "en",
        url,
        "pyodide/314.0.7-0123456789ab",
        "key",
    )
    assert form_id == "questions"
    assert "<!-- form:" not in html and html.endswith("<p>after</p>")
    assert 'id="f-questions-q1-text"' in html and "Add a question" in html
    assert 'data-pyodide="../../pyodide/314.0.7-0123456789ab/"' in html
    assert 'data-python-lock="../../pyodide/pyodide-lock.json"' in html
    assert 'data-python-key="key"' in html
    assert 'data-worker="../../assets/forms/form-worker.js"' in html
    assert form_script(url) == "../../assets/forms/form-page.js"


def test_a_page_without_a_marker_is_left_as_it_is():
    assert form_in_page("<p>text</p>", "da", url, "pyodide/x", "key") == ("<p>text</p>", None)
