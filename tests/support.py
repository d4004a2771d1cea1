"""Paths and helpers the tests share (fixtures live in conftest.py)."""

import contextlib
import http.server
import os
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import ClassVar

ROOT = Path(__file__).resolve().parent.parent

MKDOCS = Path(sys.executable).parent / "mkdocs"
FILLED_EDITION = "tests/site/edition-filled.toml"


def build_site(
    site: Path, edition: str | None = None, root: Path = ROOT
) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` into `site`, with the repository's edition.toml or `edition`
    (from another copy of the repository with `root`)."""
    environment = {k: v for k, v in os.environ.items() if k != "FGC_EDITION"}
    if edition:
        environment["FGC_EDITION"] = edition
    return subprocess.run(
        [str(MKDOCS), "build", "--strict", "--site-dir", str(site)],
        cwd=root,
        capture_output=True,
        text=True,
        env=environment,
    )


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def log_message(self, format, *args):
        pass


def form_pages() -> dict[str, str]:
    """Each form's page below a language's root ('skemaer/vores-plan/'), as its form.toml
    declares it, in the order a family meets the forms."""
    from forms.schema import in_order, load

    return {form_id: load(form_id).page for form_id in in_order()}


def form_address(form_id: str, language: str = "da") -> str:
    """A form's page below the site's root in a language: Danish at the root, others below
    their code ('en/skemaer/vores-plan/')."""
    from forms.schema import load

    return ("" if language == "da" else f"{language}/") + load(form_id).page


def built_pages(site: Path) -> list[str]:
    """Every page of the built site, as a path below its root ('', 'en/', 'hvad-er-det/', ...)."""
    pages = []
    for index in sorted(site.rglob("index.html")):
        relative = index.parent.relative_to(site).as_posix()
        pages.append("" if relative == "." else relative + "/")
    return pages


def example_draft(
    examples: dict[str, str] | None = None, language: str = "da", example: str = "filled"
) -> str:
    """A draft file holding each form's "filled" example from its definition (GOV.UK's idea of
    a component's examples), so tests and screenshots can open real-looking answers; with
    example="family", a realistic family's size where a form has it (eight close relatives and
    six more guests, three questions with two agreements each, a follow-up three months on)."""
    import json

    from forms.draft import FORMAT, VERSION
    from forms.schema import form_ids, load

    def items(list_def, raw_items):
        result = []
        for raw in raw_items:
            if isinstance(raw, str):
                raw = {list_def.fields[0].name: raw}
            item = {k: v for k, v in raw.items() if k in {f.name for f in list_def.fields}}
            for sub in list_def.lists:
                if sub.name in raw:
                    item[sub.name] = items(sub, raw[sub.name])
            result.append(item)
        return result

    forms = {}
    for form_id in examples or form_ids():
        definition = load(form_id)
        answers = definition.examples.get(example, definition.examples["filled"])
        forms[form_id] = {
            "values": {f.name: answers[f.name] for f in definition.fields if f.name in answers},
            "lists": {
                d.name: items(d, answers[d.name]) for d in definition.lists if d.name in answers
            },
        }
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "saved": "2026-11-23",
            "language": language,
            "forms": forms,
        }
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def nginx_serving(site: Path, prefix: Path):
    """nginx serving `site` with the repository's server block on a free port of 127.0.0.1:
    its address. Where nginx or its Brotli module is missing, this fails and says what to
    install; it never skips."""
    from scripts.tools.host import start

    prefix.mkdir(parents=True, exist_ok=True)
    for _ in range(5):  # a free port can be taken by someone else before nginx binds it
        port = free_port()
        nginx = start(site, prefix, "127.0.0.1", port, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 30
        while nginx.poll() is None and time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 1):
                break
            time.sleep(0.05)
        if nginx.poll() is None:
            break
    else:
        raise AssertionError(f"nginx did not start: {nginx.stderr.read().decode()}")
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        nginx.terminate()
        nginx.wait(timeout=30)


PSEUDO_LANGUAGE = "kl"
# A pseudo-language written right to left (Android's ar-XB): Arabic's direction, counts and dates,
# every text of the kit accented, lengthened and set right to left (scripts/translation/pseudo.py).
RTL_PSEUDO_LANGUAGE = "ar-XB"


# A date as the forms write it from a language's CLDR data (forms/text.py date_in), its fields as
# patterns: a pseudo-language's dates are its base language's (da-XA: "3. marts 2027"), and a
# language's month names come from CLDR, not from the translator, so a check for text the kit did
# not translate takes out whole dates, never a month name standing alone.
_DATE_FIELDS = {
    "{day}": r"\d{1,2}",
    "{day:02d}": r"\d{2}",
    "{month_number}": r"\d{1,2}",
    "{month_number:02d}": r"\d{2}",
    "{year}": r"\d{4}",
    "{year:04d}": r"\d{4}",
}


def without_cldr_dates(text: str, locale: dict) -> str:
    """`text` with every date written in `locale` (a language's entry of locales.json) taken out."""
    import re

    pattern = re.escape(locale["date"])
    for field, digits in _DATE_FIELDS.items():
        pattern = pattern.replace(re.escape(field), digits)
    months = "|".join(re.escape(month) for month in locale["months"])
    pattern = pattern.replace(re.escape("{month}"), f"(?:{months})")
    return re.sub(pattern, " ", text)
