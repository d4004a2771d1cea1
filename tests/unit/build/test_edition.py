"""The edition file: unset as committed, filled, and each kind of wrong value named clearly."""

import tomllib

import pytest
from support import ROOT

from scripts.build.edition import (
    Edition,
    EditionError,
    address_in,
    contact,
    not_set,
    parse,
    read,
    tel,
)

LANGUAGES = ["da", "en"]
FILLED = ROOT / "tests" / "site" / "edition-filled.toml"


def _filled() -> dict:
    with FILLED.open("rb") as file:
        return tomllib.load(file)


def _problem(data: dict, languages=LANGUAGES) -> str:
    with pytest.raises(EditionError) as caught:
        parse(data, languages, FILLED.parent)
    return str(caught.value)


def test_the_committed_file_sets_nothing_and_names_every_part_to_set():
    edition = read(ROOT / "edition.toml", LANGUAGES)
    assert edition == Edition()
    assert not_set(edition) == [
        "[site] address",
        "[organisation] name",
        "[contact] unit",
        "[contact] phone or email",
    ]
    assert contact(edition, "da") is None
    assert address_in(edition, "en", "da") == ""


def test_a_missing_file_is_an_edition_with_nothing_set(tmp_path):
    assert read(tmp_path / "edition.toml", LANGUAGES) == Edition()


def test_a_filled_file_gives_the_address_and_the_contacts_in_each_language():
    edition = read(FILLED, LANGUAGES)
    assert not_set(edition) == []
    assert edition.logo == FILLED.parent / "edition-logo.png"
    assert address_in(edition, "da", "da") == "https://familieraad.eksempel-kommune.dk/"
    assert address_in(edition, "en", "da") == "https://familieraad.eksempel-kommune.dk/en/"
    danish, english = contact(edition, "da"), contact(edition, "en")
    assert danish["unit"].startswith("Familierådslagning") and english["unit"].startswith("Family")
    assert danish["phone"] == english["phone"] == "+45 12 34 56 78"
    assert danish["out_of_hours_text"] and english["out_of_hours_text"]


def test_a_third_language_only_needs_its_keys():
    data = _filled()
    data["organisation"]["name"]["kl"] = "Kommuni"
    with pytest.raises(EditionError, match=r"\[contact\] unit: the text is missing in kl"):
        parse(data, [*LANGUAGES, "kl"], FILLED.parent)
    for section, key in (("contact", "unit"), ("contact", "hours"), ("out_of_hours", "text")):
        data[section][key]["kl"] = "…"
    assert contact(parse(data, [*LANGUAGES, "kl"], FILLED.parent), "kl")["unit"] == "…"


def test_a_tel_link_keeps_only_the_digits_and_the_plus():
    assert tel("+45 12 34 56 78") == "tel:+4512345678"
    assert tel("29-00-28") == "tel:290028"


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("familieraad.kommune.dk/", "must be a whole address that starts with https://"),
        ("ftp://kommune.dk/", "must be a whole address that starts with https://"),
        ("https://kommune.dk/familieraad", 'must end with "/"'),
        ("https://kommune.dk/?a=1", 'must end with "/"'),
    ],
)
def test_an_address_that_is_not_whole_or_not_a_folder_is_refused(address, expected):
    assert expected in _problem({"site": {"address": address}})


def test_an_http_address_with_a_path_is_taken_as_it_is():
    edition = parse({"site": {"address": "http://intra.kommune.dk/fr/"}}, LANGUAGES, ROOT)
    assert address_in(edition, "en", "da") == "http://intra.kommune.dk/fr/en/"


@pytest.mark.parametrize("phone", ["12", "ring 12345678", "+45 12 34 56 78 90 12 34 56", "12--34"])
def test_a_phone_number_that_is_not_one_is_refused(phone):
    data = _filled()
    data["contact"]["phone"] = phone
    assert f'[contact] phone: "{phone}" is not a phone number' in _problem(data)


def test_problems_are_listed_all_at_once_and_name_their_place():
    data = _filled()
    data["contact"]["email"] = "familieraad at kommune"
    data["out_of_hours"]["phone"] = "abc"
    data["contact"]["unit"] = {"da": "Familieenheden", "en": ""}
    data["contact"]["adress"] = "Rådhuset"
    data["extra"] = {"x": 1}
    message = _problem(data)
    assert '[contact] email: "familieraad at kommune" is not an e-mail address' in message
    assert '[out_of_hours] phone: "abc" is not a phone number' in message
    assert "[contact] unit: the text is missing in en" in message
    assert "[contact] adress: not a key of the edition file" in message
    assert "[extra] is not a part of the edition file" in message


def test_a_text_that_is_not_one_per_language_is_refused():
    message = _problem({"contact": {"unit": "Familieenheden", "phone": "12345678"}})
    assert '[contact] unit: must be one text per language, e.g. { da = "…", en = "…" }' in message
    assert "not a language of the site (da, en)" in _problem(
        {"organisation": {"name": {"da": "A", "en": "B", "de": "C"}}}
    )


def test_a_phone_with_no_unit_and_hours_with_no_phone_are_refused():
    assert "[contact] unit: say whom" in _problem({"contact": {"phone": "12345678"}})
    hours = {"contact": {"hours": {"da": "Kl. 9-15", "en": "9 to 3"}}}
    assert "[contact] hours: set a phone or an e-mail" in _problem(hours)


def test_a_logo_must_be_an_image_file_beside_the_edition(tmp_path):
    assert "must be one of .png" in _problem({"organisation": {"logo": "logo.pdf"}})
    assert "no file" in _problem({"organisation": {"logo": "logo.png"}})
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    edition = parse({"organisation": {"logo": "logo.png"}}, LANGUAGES, tmp_path)
    assert edition.logo == tmp_path / "logo.png"


def test_a_file_that_is_not_toml_says_so(tmp_path):
    path = tmp_path / "edition.toml"
    path.write_text('[site]\naddress = "https://kommune.dk/\n', encoding="utf-8")
    with pytest.raises(EditionError, match="not valid TOML"):
        read(path, LANGUAGES)
