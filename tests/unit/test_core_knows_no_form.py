"""The core (forms/ outside forms/catalogue/) names no form: no form's id and no field or list
a form declares appears in it as a string, so what a form needs from the core is declared in its
form.toml or given through its hooks (forms/hooks.py), and a new form is a new folder."""

import ast
import dataclasses
from pathlib import Path

from support import ROOT

from forms import schema
from forms.schema import form_ids, load

FORMS = ROOT / "forms"
CATALOGUE = FORMS / "catalogue"

# Words of the form.toml schema itself, which the core must name: a field's key `name`, the
# kind `text`, and so on. A form's field named like one is not told apart here, so the test
# below keeps this overlap to exactly the two it is today ("name", the guests' and the
# signers'; "text", the questions' and the requests'), which renaming would take from the
# drafts families have saved. In the core they are used as the schema's `name` and kind
# `text`, and as the page's message keys (a calendar file's "name" and "text", a draft offered
# as "text"), never as those fields.
SCHEMA_WORDS = {
    *schema.FIELD_KINDS,
    *schema.KNOWN_KEYS,
    *(
        part.name
        for kind in (
            schema.Field,
            schema.ListDef,
            schema.Step,
            schema.Option,
            schema.Roles,
            schema.MeetingDef,
        )
        for part in dataclasses.fields(kind)
    ),
}


def _declared_names() -> set[str]:
    """Every field and list of every form, nested lists included."""
    names = set()
    for form_id in form_ids():
        definition = load(form_id)
        names |= {field.name for field in definition.fields}
        for list_def in definition.lists:
            for each in (list_def, *list_def.lists):
                names.add(each.name)
                names |= {field.name for field in each.fields}
    return names


def _strings(path: Path):
    """(line, text) of every string literal of a module, docstrings and f-strings' parts too."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            yield node.lineno, node.value


def _core_modules() -> list[Path]:
    return sorted(path for path in FORMS.rglob("*.py") if CATALOGUE not in path.parents)


def test_the_core_names_no_form_id_and_no_declared_field():
    overlap = _declared_names() & SCHEMA_WORDS
    assert overlap == {"name", "text"}, "a field named like a word of the schema: " + str(overlap)
    forbidden = set(form_ids()) | (_declared_names() - SCHEMA_WORDS)
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in _core_modules()
        for line, text in _strings(path)
        if text in forbidden
    ]
    assert found == []


def test_the_scan_sees_what_it_looks_for(tmp_path):
    # The scan reads every literal: a dictionary key, an argument, a part of an f-string.
    module = tmp_path / "sample.py"
    module.write_text(
        'x = values.get("conference_date", "")\ny = {"plan": 1}\nz = f"{a}guests"\n',
        encoding="utf-8",
    )
    assert {text for _, text in _strings(module)} >= {"conference_date", "plan", "guests"}
    assert len(_core_modules()) > 15
    assert {"conference_date", "child_name", "who_may_see", "signers"} <= _declared_names()
