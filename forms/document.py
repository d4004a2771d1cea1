"""The printed documents and the answers to check: any form's answers as paper, filled in or
blank (lines to write on), with what a form adds of its own through its hooks (forms/hooks.py:
the child's houses, a network map, signature lines)."""

from html import escape

from forms import hooks
from forms.render import (
    display_value,
    item_label,
    item_summary_html,
    render_private_help,
    shows_item_label_as_field_label,
)
from forms.schema import Field, FormDefinition, ListDef
from forms.state import FormState, Item
from forms.text import Texts, pick

BLANK_LINES = {"text": 1, "date": 1, "time": 1, "choice": 1, "textarea": 3}
BLANK_ITEMS = 3
BLANK_ROWS = 10
# A list inside an item (a question's agreements) gets fewer empty rows than a list of its own.
BLANK_NESTED_ROWS = 4
# A filled-in item whose table is still empty (a question with no agreements yet) gets rows to
# write on, so the paper shows where the agreements go.
EMPTY_NESTED_ROWS = 3


def _lines(count: int) -> str:
    return '<span class="fgc-write-line"></span>' * count


def _value_or_lines(field: Field, value: str, texts: Texts, blank: bool) -> str:
    language = texts.language
    if blank or not value.strip():
        if field.kind == "choice":
            choices = " / ".join(escape(pick(o.label, language)) for o in field.options)
            return f'<span class="fgc-choices">{choices}</span>{_lines(1)}'
        return _lines(BLANK_LINES[field.kind])
    return f'<span class="fgc-document-text">{escape(display_value(field, value, texts))}</span>'


def _fields(fields, values: dict, texts: Texts, blank: bool) -> str:
    language = texts.language
    rows = []
    for field in fields:
        value = values.get(field.name, "")
        if not field.printed or (not blank and not value.strip()):
            continue
        rows.append(
            f"<dt>{escape(pick(field.label, language))}</dt>"
            f"<dd>{_value_or_lines(field, value, texts, blank)}</dd>"
        )
    return f'<dl class="fgc-document-fields">{"".join(rows)}</dl>' if rows else ""


def _filled(item: Item) -> bool:
    return any(value.strip() for value in item.values.values()) or any(
        _filled(sub) for items in item.lists.values() for sub in items
    )


def _table(list_def: ListDef, items, texts: Texts, blank: bool, rows: int) -> str:
    """Items as rows of a table, a column per field: a list to scan, and to fill in by hand."""
    language = texts.language
    # Each printed field, with its column's name.
    columns = [(f, escape(pick(f.label, language))) for f in list_def.fields if f.printed]

    def heading(field: Field, name: str) -> str:
        # On a blank template the choices are printed, to be ticked by hand.
        if blank and field.kind == "choice":
            choices = " / ".join(escape(pick(o.label, language)) for o in field.options)
            return f'{name}<span class="fgc-choices">{choices}</span>'
        return name

    head = "".join(f'<th scope="col">{heading(f, n)}</th>' for f, n in columns)
    if blank:
        empty_row = "<tr>" + "<td></td>" * len(columns) + "</tr>"
        body = empty_row * rows
    else:
        # Each cell carries its column's name, for a narrow screen where rows become cards.
        body = "".join(
            "<tr>"
            + "".join(
                f'<td data-label="{n}">'
                f"{escape(display_value(f, item.values.get(f.name, ''), texts))}</td>"
                for f, n in columns
            )
            + "</tr>"
            for item in items
            if _filled(item)
        )
    if not body:
        return ""
    return (
        f'<div class="fgc-table-wrap"><table class="fgc-document-table'
        f'{" fgc-document-table--blank" if blank else ""}">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>"
    )


def _items(list_def: ListDef, items, texts: Texts, blank: bool, level: int) -> str:
    language = texts.language
    if list_def.document_layout == "table":
        rows = BLANK_ROWS if level == 4 else BLANK_NESTED_ROWS
        table = _table(list_def, items, texts, blank, rows)
        if not table and level > 4:
            return _table(list_def, (), texts, True, EMPTY_NESTED_ROWS)
        return table
    shown = list(items) if not blank else [Item(uid=str(n)) for n in range(BLANK_ITEMS)]
    if not blank:
        shown = [item for item in shown if _filled(item)]
    if shows_item_label_as_field_label(list_def):
        field = list_def.fields[0]
        entries = "".join(
            f"<li>{_value_or_lines(field, item.values.get(field.name, ''), texts, blank)}</li>"
            for item in shown
        )
        kind = " fgc-document-list--blank" if blank else ""
        return f'<ol class="fgc-document-list{kind}">{entries}</ol>' if entries else ""
    html = []
    # An item's own lists print right after its first field: a plan's question, then what was
    # agreed for it, then how we know it works and plan B.
    first, rest = list_def.fields[:1], list_def.fields[1:]
    for number, item in enumerate(shown, start=1):
        html.append(
            f'<div class="fgc-document-item fgc-document-item--{level}">'
            f"<h{level}>{escape(item_label(list_def, number, language))}</h{level}>"
            + _fields(first, item.values, texts, blank)
        )
        for sub in list_def.lists:
            entries = _items(sub, item.lists.get(sub.name, ()), texts, blank, level + 1)
            if entries:  # no heading over nothing, as an unanswered field is not printed
                html.append(
                    f'<p class="fgc-document-sublist">{escape(pick(sub.legend, language))}</p>'
                    + entries
                )
        html.append(_fields(rest, item.values, texts, blank))
        html.append("</div>")
    return "".join(html)


def _step_sections(definition: FormDefinition, state: FormState, blank: bool) -> str:
    texts = state.texts
    language = texts.language
    field_names = {field.name for field in definition.fields}
    html = []
    for step in definition.steps:
        parts = []
        fields = [definition.field(name) for name in step.items if name in field_names]
        fields = [
            field
            for field in fields
            # Printed elsewhere: the name in the header, the houses drawn, who may see it below.
            if field.name not in (definition.roles.child, definition.roles.may_see)
            and field.name not in definition.roles.drawn
        ]
        if fields:
            parts.append(_fields(fields, state.values, texts, blank))
        for name in step.items:
            if name not in field_names:
                list_def = definition.list_def(name)
                if list_def.printed:
                    parts.append(_items(list_def, state.items(name), texts, blank, 4))
        body = "".join(parts)
        if body:
            heading = pick(step.document_title or step.title, language)
            html.append(
                f'<section class="fgc-document-section"><h3>{escape(heading)}</h3>{body}</section>'
            )
    return "".join(html)


def render_document(definition: FormDefinition, state: FormState, blank: bool = False) -> str:
    """The printed page: the family's words on A4, or lines to write on where nothing is typed."""
    wording = state.texts
    language = wording.language
    texts = definition.texts
    child_name = "" if blank else definition.role_value("child", state.values)
    title = pick(texts.get("document_title", definition.title), language)
    html = [f'<article class="fgc-document" lang="{escape(language)}">', "<header>"]
    html.append(f'<h2 class="fgc-document-title">{escape(title)}</h2>')
    for_child = texts.get("document_for_child")
    line = pick(for_child, language) if for_child else wording.ui("document_for_child")
    if child_name:
        html.append(f'<p class="fgc-document-child">{escape(line.format(name=child_name))}</p>')
    elif blank or definition.roles.child:
        html.append(
            f'<p class="fgc-document-child">{escape(line.format(name=""))}'
            f"{_lines(1).replace('fgc-write-line', 'fgc-write-line fgc-write-line--short')}</p>"
        )
    if state.today and not blank:
        printed = wording.ui("printed_on", date=wording.date(state.today))
        html.append(f'<p class="fgc-document-date">{escape(printed)}</p>')
    else:
        html.append(
            f'<p class="fgc-document-date">{escape(wording.ui("date_line"))}'
            ' <span class="fgc-write-line fgc-write-line--short"></span></p>'
        )
    html.append("</header>")
    if "document_intro" in texts:
        html.append(f"<p>{escape(pick(texts['document_intro'], language))}</p>")
    own = hooks.of(definition.id)
    html.append(own.paper_opening(definition, state, blank))
    html.append(_step_sections(definition, state, blank))
    html.append(own.paper(definition, state, blank))
    html.append(
        f'<footer class="fgc-document-footer">{_footer(definition, state, blank)}'
        f"{_contact(definition, state)}</footer>"
    )
    html.append("</article>")
    return "".join(html)


def _footer(definition: FormDefinition, state: FormState, blank: bool) -> str:
    """Who wrote it; on the child's page, the child, and whom the child said may see it."""
    language = state.language
    texts = definition.texts
    if "document_footer" not in texts:
        return escape(state.texts.ui("site_line"))
    line = escape(pick(texts["document_footer"], language))
    who = "" if blank else definition.role_value("may_see", state.values)
    if who:
        shown = pick(texts["document_who_may_see"], language).format(who=who)
        return f"{line} {escape(shown)}"
    if blank or definition.roles.may_see:
        empty = pick(texts["document_who_may_see_blank"], language)
        return f'{line} {escape(empty)} <span class="fgc-write-line fgc-write-line--short"></span>'
    return line


def _contact(definition: FormDefinition, state: FormState) -> str:
    """Whom the family can contact, when the site names someone (FormState.contact)."""
    contact = state.contact
    if not contact:
        return ""
    texts = state.texts
    parts = []
    if contact.get("phone"):
        link = f'<a href="{escape(contact["tel"])}">{escape(contact["phone"])}</a>'
        line = escape(texts.ui("contact_phone", phone="{phone}"))
        parts.append(line.replace("{phone}", link))
    if contact.get("email"):
        parts.append(escape(texts.ui("contact_email", email=contact["email"])))
    who = escape(texts.ui("document_contact", who=contact["whom"]))
    return f'<span class="fgc-document-contact">{who} {" · ".join(parts)}</span>'


def render_summary(definition: FormDefinition, state: FormState, advice: list[str]) -> str:
    """GOV.UK's "check your answers": each step's answers and a button to change them."""
    texts = state.texts
    language = texts.language
    html = []
    if advice:
        items = "".join(f"<li>{escape(text)}</li>" for text in advice)
        html.append(
            '<div class="fgc-advice" role="status">'
            f"<h3>{escape(texts.ui('advice_title'))}</h3><ul>{items}</ul></div>"
        )
    not_answered = escape(texts.ui("not_answered"))
    field_names = {field.name for field in definition.fields}
    for step in definition.steps:
        rows = []
        for name in step.items:
            if name in field_names:
                field = definition.field(name)
                value = display_value(field, state.values.get(name, ""), texts)
                # The family's own text isolated from the site's words around it.
                typed = field.kind in ("text", "textarea")
                shown = escape(value)
                if typed and value:
                    shown = f"<bdi>{shown}</bdi>"
                if not value:
                    shown = not_answered
                if value and not field.kept:
                    # A private answer is not shown openly: only when the child opens it.
                    shown = (
                        '<details class="fgc-private"><summary>'
                        f"{escape(texts.ui('private_show'))}</summary>"
                        f"<p>{shown}</p></details>"
                    )
                if not field.kept:
                    shown += render_private_help(texts)
                rows.append(f"<dt>{escape(pick(field.label, language))}</dt><dd>{shown}</dd>")
            else:
                list_def = definition.list_def(name)
                filled = [item for item in state.items(name) if _filled(item)]
                rows.append(
                    f"<dt>{escape(pick(list_def.legend, language))}: {len(filled)}</dt>"
                    f"<dd>{_summary_list(list_def, filled, texts) if filled else not_answered}"
                    "</dd>"
                )
        change = texts.ui("change_button")
        step_title = pick(step.title, language)
        html.append(
            '<div class="fgc-summary-step">'
            f"<h3>{escape(step_title)}</h3>"
            f"<dl>{''.join(rows)}</dl>"
            f'<button type="button" class="fgc-button fgc-button--small" data-action="step_chosen"'
            f' data-step="{step.id}">{escape(change)}'
            f'<span class="fgc-visually-hidden">: {escape(step_title)}</span></button>'
            "</div>"
        )
    return "".join(html)


def _summary_list(list_def: ListDef, items, texts: Texts) -> str:
    """Every item of a list on a line of its own, nothing cut; an item's own lists below it."""
    entries = []
    for item in items:
        nested = "".join(
            _summary_list(sub, [i for i in item.lists.get(sub.name, ()) if _filled(i)], texts)
            for sub in list_def.lists
        )
        entries.append(f"<li>{item_summary_html(list_def, item, texts)}{nested}</li>")
    return f'<ul class="fgc-summary-list">{"".join(entries)}</ul>'
