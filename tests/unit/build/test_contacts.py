"""Whom the family can contact: the box in place of a page's marker, in the family's or the
child's words, phone numbers as tel: links; and the printed form's footer line."""

import pytest
from support import ROOT

from forms.app import start
from forms.document import render_document
from forms.schema import load
from forms.text import languages, ui
from scripts.build.contacts import contacts_in_page, for_forms
from scripts.build.edition import contact, read

FILLED = read(ROOT / "tests" / "site" / "edition-filled.toml", list(languages()))


@pytest.mark.parametrize("language", list(languages()))
def test_the_box_names_the_unit_with_tap_to_call_numbers(language):
    html = contacts_in_page("<p>a</p><!-- contact --><p>b</p>", contact(FILLED, language), language)
    assert html.startswith("<p>a</p>") and html.endswith("<p>b</p>") and "<!--" not in html
    assert ui("contact_heading", language) in html
    assert FILLED.unit[language] in html and FILLED.organisation[language] in html
    assert '<a href="tel:+4512345678">+45 12 34 56 78</a>' in html
    assert '<a href="tel:+4587654321">+45 87 65 43 21</a>' in html
    assert '<a href="mailto:familieraad@eksempel-kommune.dk">' in html
    assert FILLED.hours[language] in html and FILLED.out_of_hours_text[language] in html


def test_the_childrens_box_speaks_to_the_child():
    html = contacts_in_page("<!-- contact: children -->", contact(FILLED, "da"), "da")
    assert "Hvem kan du ringe til?" in html
    assert "Du kan ringe til Familierådslagning, Børn og Familie, Eksempel Kommune." in html
    assert '<a href="tel:+4512345678">' in html


def test_a_unit_with_only_an_email_is_not_called():
    only_mail = {**contact(FILLED, "en"), "phone": "", "hours": ""}
    html = contacts_in_page("<!-- contact: children -->", only_mail, "en")
    assert "You can write to" in html and "tel:" not in html.split("social emergency")[0]


@pytest.mark.parametrize("language", list(languages()))
def test_with_no_one_named_the_box_says_to_ask_the_municipality(language):
    family = contacts_in_page("<!-- contact -->", None, language)
    child = contacts_in_page("<!-- contact: children -->", None, language)
    assert ui("contact_unset", language) in family and "tel:" not in family
    assert ui("contact_unset_child", language) in child


def test_a_printed_form_names_the_contact_in_its_footer_and_keeps_its_own_words():
    for form_id in ("questions", "wishes"):
        state, _ = start(form_id, "da", today=None, contact=for_forms(contact(FILLED, "da")))
        footer = render_document(load(form_id), state, blank=True).split("<footer")[1]
        assert "Familierådslagning, Børn og Familie, Eksempel Kommune" in footer
        assert '<a href="tel:+4512345678">+45 12 34 56 78</a>' in footer
        assert "familieraad@eksempel-kommune.dk" in footer
    # The child's form: its own footer first, and the line in the child's words.
    assert "Det her har jeg selv skrevet." in footer and "Vil du spørge om noget?" in footer


def test_a_printed_form_without_a_contact_has_todays_footer():
    state, _ = start("questions", "en", today=None)
    footer = render_document(load("questions"), state, blank=True).split("<footer")[1]
    assert ui("site_line", "en") in footer and "fgc-document-contact" not in footer


def test_the_forms_python_in_the_browser_takes_the_contact_the_page_hands_it():
    import json

    from forms import worker

    handed = json.dumps(for_forms(contact(FILLED, "en")))
    view = json.loads(worker.begin("plan", "en", "2026-11-23", None, None, handed))
    assert '<a href="tel:+4512345678">' in view["document"]
    view = json.loads(worker.begin("plan", "en", "2026-11-23", None, None, None))
    assert "fgc-document-contact" not in view["document"]
