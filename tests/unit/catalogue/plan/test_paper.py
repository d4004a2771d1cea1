"""The plan's signature lines on paper (plan/paper.py): the signers by name, room to sign, and a
line for the caseworker's approval."""

import re

from support import example_draft
from test_family_size import _read, family

from forms.app import start, update
from forms.catalogue.plan.paper import BLANK_SIGNATURE_LINES
from forms.document import render_document
from forms.events import FieldChanged
from forms.schema import load
from forms.text import pick


def test_the_signers_print_as_signature_lines_only():
    _, view = start("plan", "en", "2026-11-23", example_draft(["guests"]))
    signers_step = next(step for step in load("plan").steps if step.id == "signers")
    assert pick(signers_step.title, "en") not in view.document
    assert view.document.count("<td>Karen</td>") == 1


def _signature_rows(document: str, section: str) -> list[str]:
    part = document.split(f'fgc-document-{section}"')[1]
    table = part.split("</table>")[0]
    return [_read(row) for row in re.findall(r"<tr>(.*?)</tr>", table.split("<tbody>")[1])]


def test_the_plans_paper_has_the_child_the_family_and_a_line_for_the_caseworkers_approval():
    state, view = start("plan", "da", "2026-12-01", family(["plan"]))
    rows = _signature_rows(view.document, "signatures")
    names = [row for row in rows if row]
    assert names[0] == "Sara"  # the child chose to sign
    assert names[1:3] == ["Maria", "Thomas"]
    assert len(rows) - len(names) >= 4
    approval = _signature_rows(view.document, "approval")
    assert approval == [""]
    assert pick(load("plan").texts["approval_heading"], "da") in view.document
    state, view = update(state, FieldChanged("child_signs", "no"))
    assert "Sara" not in _signature_rows(view.document, "signatures")


def test_the_blank_plan_has_room_for_a_network_meeting_to_sign():
    state, _ = start("plan", "en", "2026-12-01")
    blank = render_document(load("plan"), state, blank=True)
    assert len(_signature_rows(blank, "signatures")) == BLANK_SIGNATURE_LINES >= 12
    assert len(_signature_rows(blank, "approval")) == 1
