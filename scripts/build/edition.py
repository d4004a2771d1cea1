"""The edition file (edition.toml): the public address, the organisation and the local contacts a
municipality sets for its own copy of the site. Read and checked here; what is not set is empty.

The languages a text must have come from the caller (the site's languages, from mkdocs.yml), so
a third language only adds keys to the file.
"""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

# What the file may hold: section -> key -> "text" (one string) or "languages" (one per language).
SHAPE = {
    "site": {"address": "text"},
    "organisation": {"name": "languages", "logo": "text"},
    "contact": {"unit": "languages", "phone": "text", "email": "text", "hours": "languages"},
    "out_of_hours": {"phone": "text", "text": "languages"},
}
# A phone number as people write it: digits, spaces or hyphens between them, perhaps a leading +
# (3 to 15 digits: 112 and a six-digit number in Greenland, and any country code before them).
PHONE = re.compile(r"\+?[0-9](?:[ -]?[0-9]){2,14}")
EMAIL = re.compile(r"[^@\s<>\"]+@[^@\s<>\"]+\.[^@\s<>\".]+")
LOGO_TYPES = (".png", ".jpg", ".jpeg", ".svg", ".webp")


class EditionError(ValueError):
    """The edition file cannot be used; the message lists every problem, one a line."""


@dataclass(frozen=True)
class Edition:
    address: str = ""
    organisation: dict = field(default_factory=dict)  # language -> name; {} when not set
    logo: Path | None = None
    unit: dict = field(default_factory=dict)
    phone: str = ""
    email: str = ""
    hours: dict = field(default_factory=dict)
    out_of_hours_phone: str = ""
    out_of_hours_text: dict = field(default_factory=dict)

    @property
    def has_contact(self) -> bool:
        return bool(self.unit and (self.phone or self.email))


def read(path: Path, languages: list[str]) -> Edition:
    """The edition in `path`, checked against the site's languages; EditionError if it is wrong.
    A missing file is an edition with nothing set."""
    if not path.exists():
        return Edition()
    try:
        with path.open("rb") as file:
            data = tomllib.load(file)
    except tomllib.TOMLDecodeError as error:
        raise EditionError(f"{path}: not valid TOML: {error}") from None
    return parse(data, languages, path.parent, str(path))


def parse(data: dict, languages: list[str], base: Path, name: str = "edition.toml") -> Edition:
    """The edition from the file's tables (`base`: the folder a logo's path is relative to)."""
    problems: list[str] = []
    values: dict[tuple[str, str], object] = {}
    for section, table in data.items():
        if section not in SHAPE:
            problems.append(f"[{section}] is not a part of the edition file")
        elif not isinstance(table, dict):
            problems.append(f"[{section}] must be a table")
    for section, keys in SHAPE.items():
        table = data.get(section, {})
        if not isinstance(table, dict):
            continue
        for key in table:
            if key not in keys:
                problems.append(f"[{section}] {key}: not a key of the edition file")
        for key, kind in keys.items():
            where = f"[{section}] {key}"
            value = table.get(key, {} if kind == "languages" else "")
            if kind == "text":
                if not isinstance(value, str):
                    problems.append(f'{where}: must be text in quotes, e.g. {key} = "…"')
                    value = ""
                values[section, key] = value.strip()
            else:
                values[section, key] = _texts(value, languages, where, problems)

    address = values["site", "address"]
    if address:
        parts = urlsplit(address)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            problems.append(
                f'[site] address: "{address}" must be a whole address that starts with '
                'https:// (or http://), e.g. "https://familieraad.kommune.dk/"'
            )
        elif not parts.path.endswith("/") or parts.query or parts.fragment:
            problems.append(
                f'[site] address: "{address}" must end with "/" (the folder the site is in), '
                "with no ? or # part"
            )
    for where, phone in (
        ("[contact] phone", values["contact", "phone"]),
        ("[out_of_hours] phone", values["out_of_hours", "phone"]),
    ):
        if phone and not PHONE.fullmatch(phone):
            problems.append(
                f'{where}: "{phone}" is not a phone number: digits, with spaces or hyphens '
                'between them and perhaps a + first, e.g. "+45 12 34 56 78"'
            )
    email = values["contact", "email"]
    if email and not EMAIL.fullmatch(email):
        problems.append(f'[contact] email: "{email}" is not an e-mail address')
    if (values["contact", "phone"] or email) and not values["contact", "unit"]:
        problems.append("[contact] unit: say whom the family reaches at this phone or e-mail")
    if values["contact", "hours"] and not (values["contact", "phone"] or email):
        problems.append("[contact] hours: set a phone or an e-mail for these hours")
    if values["out_of_hours", "text"] and not values["out_of_hours", "phone"]:
        problems.append("[out_of_hours] text: set the phone number it is about")
    logo = None
    if values["organisation", "logo"]:
        logo = base / values["organisation", "logo"]
        if logo.suffix.lower() not in LOGO_TYPES:
            problems.append(
                f"[organisation] logo: {values['organisation', 'logo']} must be one of "
                + ", ".join(LOGO_TYPES)
            )
        elif not logo.is_file():
            problems.append(
                f"[organisation] logo: no file {logo} (the path is relative to the edition file)"
            )
    if problems:
        raise EditionError(f"{name}:\n" + "\n".join(f"  - {p}" for p in problems))
    return Edition(
        address=address,
        organisation=values["organisation", "name"],
        logo=logo,
        unit=values["contact", "unit"],
        phone=values["contact", "phone"],
        email=email,
        hours=values["contact", "hours"],
        out_of_hours_phone=values["out_of_hours", "phone"],
        out_of_hours_text=values["out_of_hours", "text"],
    )


def _texts(value, languages: list[str], where: str, problems: list[str]) -> dict:
    """A text in every language ({} when every one is empty); a problem for each one missing."""
    example = ", ".join(f'{code} = "…"' for code in languages)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        problems.append(f"{where}: must be one text per language, e.g. {{ {example} }}")
        return {}
    texts = {code: text.strip() for code, text in value.items()}
    unknown = [code for code in texts if code not in languages]
    if unknown:
        problems.append(
            f"{where}: {', '.join(unknown)} is not a language of the site ({', '.join(languages)})"
        )
    if not any(texts.values()):
        return {}
    missing = [code for code in languages if not texts.get(code)]
    if missing:
        problems.append(f"{where}: the text is missing in {', '.join(missing)}")
    return {code: texts.get(code, "") for code in languages}


def not_set(edition: Edition) -> list[str]:
    """The parts a host must still set for the family to see them (empty when all are)."""
    missing = []
    if not edition.address:
        missing.append("[site] address")
    if not edition.organisation:
        missing.append("[organisation] name")
    if not edition.unit:
        missing.append("[contact] unit")
    if not (edition.phone or edition.email):
        missing.append("[contact] phone or email")
    return missing


def address_in(edition: Edition, language: str, default_language: str) -> str:
    """The address of the site's start page in a language ('' when the address is not set)."""
    if not edition.address:
        return ""
    return edition.address if language == default_language else f"{edition.address}{language}/"


def tel(phone: str) -> str:
    """A phone number as a tel: link's target: '+45 12 34 56 78' -> 'tel:+4512345678'."""
    return "tel:" + re.sub(r"[ -]", "", phone)


def contact(edition: Edition, language: str) -> dict | None:
    """The contacts in one language as plain data for the pages and the printed forms, or None
    when the edition names no one to contact."""
    if not edition.has_contact:
        return None
    return {
        "organisation": edition.organisation.get(language, ""),
        "unit": edition.unit[language],
        "phone": edition.phone,
        "email": edition.email,
        "hours": edition.hours.get(language, ""),
        "out_of_hours_phone": edition.out_of_hours_phone,
        "out_of_hours_text": edition.out_of_hours_text.get(language, ""),
    }
