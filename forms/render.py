"""HTML for a form and its print document; the same functions serve build time and run time.

Every text that reaches the HTML goes through escape(): the family's words are shown as text,
never run.
"""

from html import escape

from forms.draft import MAX_FILE_BYTES
from forms.schema import Field, FormDefinition, ListDef
from forms.state import FormState, Item
from forms.text import format_date, pick, ui

BLANK_LINES_PER_ITEM = 3
OFFER_ID = "fgc-offer-intro"


def field_path(list_name: str | None, uid: str | None, name: str) -> str:
    return name if list_name is None else f"{list_name}/{uid}/{name}"


def element_id(path: str) -> str:
    return "f-" + path.replace("/", "-")


def button_id(list_name: str, uid: str, action: str) -> str:
    return f"b-{list_name}-{uid}-{action}"


def item_name(list_def: ListDef, number: int, language: str) -> str:
    return pick(list_def.item_name, language).format(n=number)


def _attributes(**attributes) -> str:
    parts = []
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value))}"')
    return " ".join(parts)


def render_field(field: Field, path: str, value: str, label: str, language: str) -> str:
    """A label, its hint, the control and an empty place for coaching."""
    control_id = element_id(path)
    hint_id = f"{control_id}-hint" if field.hint else None
    coach_id = f"{control_id}-coach"
    described = " ".join(part for part in (hint_id, coach_id) if part)
    optional = f' <span class="fgc-optional">{escape(ui("optional", language))}</span>'
    html = [
        '<div class="fgc-field">',
        f'<label class="fgc-label" for="{control_id}">{escape(label)}'
        f"{optional if field.optional else ''}</label>",
    ]
    if field.hint:
        html.append(f'<p class="fgc-hint" id="{hint_id}">{escape(pick(field.hint, language))}</p>')
    common = _attributes(
        id=control_id,
        name=path,
        maxlength=field.max_length,
        aria_describedby=described,
        autocomplete="off",
        spellcheck="true",
        data_field="",
    )
    if field.kind == "textarea":
        html.append(
            f'<textarea class="fgc-input" rows="{field.rows}" {common}>{escape(value)}</textarea>'
        )
    else:
        size = _attributes(size=field.width)
        html.append(
            f'<input class="fgc-input" type="text" {size} {common} value="{escape(value)}">'
        )
    html.append(f'<div class="fgc-coach" id="{coach_id}" data-coach-for="{escape(path)}"></div>')
    html.append("</div>")
    return "".join(html)


def _context(name: str) -> str:
    """Which item a button acts on, for screen readers; the visible words come first."""
    return f'<span class="fgc-visually-hidden">: {escape(name)}</span>'


def _item_buttons(list_def: ListDef, item: Item, number: int, count: int, language: str) -> str:
    name = item_name(list_def, number, language)
    buttons = []
    for action, offset, enabled in (("up", -1, number > 1), ("down", 1, number < count)):
        buttons.append(
            "<button "
            + _attributes(
                type="button",
                class_="fgc-button fgc-button--small",
                id=button_id(list_def.name, item.uid, action),
                data_action="item_moved",
                data_list=list_def.name,
                data_uid=item.uid,
                data_offset=offset,
                disabled=not enabled,
            )
            + f">{escape(ui(f'move_{action}', language))}{_context(name)}</button>"
        )
    buttons.append(
        "<button "
        + _attributes(
            type="button",
            class_="fgc-button fgc-button--small fgc-button--warning",
            id=button_id(list_def.name, item.uid, "remove"),
            data_action="item_removed",
            data_list=list_def.name,
            data_uid=item.uid,
            disabled=count <= list_def.min_items,
        )
        + f">{escape(ui('remove', language))}{_context(name)}</button>"
    )
    return '<div class="fgc-item-actions">' + "".join(buttons) + "</div>"


def render_items(list_def: ListDef, items: tuple[Item, ...], language: str) -> str:
    """The inner HTML of a list: one <li> per item, with its fields and its buttons."""
    html = []
    count = len(items)
    for number, item in enumerate(items, start=1):
        html.append(f'<li class="fgc-item" data-uid="{escape(item.uid)}">')
        for field in list_def.fields:
            label = pick(list_def.item_label, language).format(n=number)
            path = field_path(list_def.name, item.uid, field.name)
            html.append(render_field(field, path, item.values.get(field.name, ""), label, language))
        html.append(_item_buttons(list_def, item, number, count, language))
        html.append("</li>")
    return "".join(html)


def structure_key(items: tuple[Item, ...]) -> str:
    return " ".join(item.uid for item in items)


def render_list(list_def: ListDef, state: FormState) -> str:
    language = state.language
    items = state.items(list_def.name)
    hint_id = f"l-{list_def.name}-hint"
    hint = (
        f'<p class="fgc-hint" id="{hint_id}">{escape(pick(list_def.hint, language))}</p>'
        if list_def.hint
        else ""
    )
    return (
        f'<fieldset class="fgc-list" data-list="{list_def.name}"'
        + (f' aria-describedby="{hint_id}"' if list_def.hint else "")
        + ">"
        f'<legend class="fgc-legend">{escape(pick(list_def.legend, language))}</legend>'
        + hint
        + f'<ol class="fgc-items" data-items-for="{list_def.name}"'
        f' data-structure="{escape(structure_key(items))}">'
        + render_items(list_def, items, language)
        + "</ol>"
        f'<div class="fgc-coach" data-coach-for="{list_def.name}" role="status"></div>'
        + "<button "
        + _attributes(
            type="button",
            class_="fgc-button",
            id=f"b-{list_def.name}-add",
            data_action="item_added",
            data_list=list_def.name,
        )
        + f">{escape(pick(list_def.add, language))}</button>"
        "</fieldset>"
    )


def render_coaching(messages: list[str]) -> str:
    return "".join(f'<p class="fgc-coach-message">{escape(message)}</p>' for message in messages)


def render_document(definition: FormDefinition, state: FormState) -> str:
    """The printed page: the family's words on A4, or lines to write on where nothing is typed."""
    language = state.language
    texts = definition.texts
    child_name = state.values.get("child_name", "").strip()
    html = ['<article class="fgc-document" lang="' + escape(language) + '">', "<header>"]
    html.append(
        f'<h3 class="fgc-document-title">{escape(pick(texts["document_title"], language))}</h3>'
    )
    if child_name:
        line = pick(texts["document_for_child"], language).format(name=child_name)
        html.append(f'<p class="fgc-document-child">{escape(line)}</p>')
    if state.today:
        printed = ui("printed_on", language, date=format_date(state.today, language))
        html.append(f'<p class="fgc-document-date">{escape(printed)}</p>')
    else:
        html.append(
            f'<p class="fgc-document-date">{escape(ui("date_line", language))}'
            ' <span class="fgc-write-line fgc-write-line--short"></span></p>'
        )
    html.append("</header>")
    html.append(f"<p>{escape(pick(texts['document_intro'], language))}</p>")
    for list_def in definition.lists:
        html.append(_document_list(list_def, state))
    html.append(f'<footer class="fgc-document-footer">{escape(ui("site_line", language))}</footer>')
    html.append("</article>")
    return "".join(html)


def _document_list(list_def: ListDef, state: FormState) -> str:
    filled = [
        item
        for item in state.items(list_def.name)
        if any(value.strip() for value in item.values.values())
    ]
    if not filled:
        lines = '<span class="fgc-write-line"></span>' * BLANK_LINES_PER_ITEM
        blank_count = max(list_def.min_items, 3)
        return (
            '<ol class="fgc-document-list fgc-document-list--blank">'
            + f"<li>{lines}</li>" * blank_count
            + "</ol>"
        )
    entries = []
    for item in filled:
        parts = "".join(
            f'<p class="fgc-document-text">{escape(item.values.get(field.name, "").strip())}</p>'
            for field in list_def.fields
        )
        entries.append(f"<li>{parts}</li>")
    return '<ol class="fgc-document-list">' + "".join(entries) + "</ol>"


def render_notice(kind: str, text: str) -> str:
    return f'<p class="fgc-notice-message fgc-notice-message--{escape(kind)}">{escape(text)}</p>'


def render_offer(lines: list[str], language: str) -> str:
    """What a picked file holds, and the choice to open it or not."""
    items = "".join(f"<li>{escape(line)}</li>" for line in lines)
    return (
        f'<div class="fgc-offer" role="group" aria-labelledby="{OFFER_ID}">'
        f'<p id="{OFFER_ID}" tabindex="-1">'
        f"<strong>{escape(ui('offer_intro', language))}</strong></p>"
        f"<ul>{items}</ul>"
        f"<p>{escape(ui('offer_warning', language))}</p>"
        '<div class="fgc-draft-actions">'
        '<button type="button" class="fgc-button fgc-button--primary" data-action="offer_accepted">'
        f"{escape(ui('offer_accept', language))}</button>"
        '<button type="button" class="fgc-button" data-action="offer_declined">'
        f"{escape(ui('cancel', language))}</button>"
        "</div></div>"
    )


def _choice(value: str, label: str, hint: str) -> str:
    control_id = f"fgc-keep-{value}"
    return (
        '<div class="fgc-choice">'
        f'<input type="radio" name="fgc-keep" id="{control_id}" value="{value}"'
        f' aria-describedby="{control_id}-hint">'
        f'<label for="{control_id}">{escape(label)}</label>'
        f'<p class="fgc-hint" id="{control_id}-hint">{escape(hint)}</p>'
        "</div>"
    )


def render_draft_panel(language: str) -> str:
    """Keep on this device or not, save to and open from a file, delete everything."""
    messages = {
        f"data-msg-{key.replace('_', '-')}": ui(key, language)
        for key in (
            "keep_on",
            "keep_off",
            "storage_full",
            "storage_unavailable",
            "save_unavailable",
            "deleted",
        )
    }
    messages["data-msg-file-saved"] = ui("file_saved", language, name="{name}")
    messages["data-file-name"] = ui("file_name", language, date="{date}")
    messages["data-max-bytes"] = str(MAX_FILE_BYTES)
    attributes = " ".join(f'{name}="{escape(value)}"' for name, value in messages.items())
    return (
        f'<section class="fgc-draft" aria-labelledby="fgc-draft-heading" data-draft {attributes}>'
        f'<h2 id="fgc-draft-heading">{escape(ui("draft_heading", language))}</h2>'
        f'<p class="fgc-hint">{escape(ui("draft_intro", language))}</p>'
        '<fieldset class="fgc-keep">'
        f'<legend class="fgc-legend">{escape(ui("keep_legend", language))}</legend>'
        + _choice("device", ui("keep_device", language), ui("keep_device_hint", language))
        + _choice("shared", ui("keep_shared", language), ui("keep_shared_hint", language))
        + "</fieldset>"
        '<div class="fgc-draft-actions">'
        '<button type="button" class="fgc-button" data-action="save_file">'
        f"{escape(ui('save_file', language))}</button>"
        '<button type="button" class="fgc-button" data-action="open_file">'
        f"{escape(ui('open_file', language))}</button>"
        '<input type="file" accept=".json,application/json" hidden tabindex="-1" data-file-input>'
        '<button type="button" class="fgc-button fgc-button--warning" data-action="delete_all">'
        f"{escape(ui('delete_all', language))}</button>"
        "</div>"
        '<div class="fgc-confirm" role="group" aria-labelledby="fgc-delete-question"'
        " data-confirm hidden>"
        f'<p id="fgc-delete-question" tabindex="-1">{escape(ui("delete_question", language))}</p>'
        '<div class="fgc-draft-actions">'
        '<button type="button" class="fgc-button fgc-button--danger"'
        ' data-action="delete_confirmed">'
        f"{escape(ui('delete_yes', language))}</button>"
        '<button type="button" class="fgc-button" data-action="delete_cancelled">'
        f"{escape(ui('cancel', language))}</button>"
        "</div></div>"
        "<div data-offer></div>"
        '<div class="fgc-notice" role="status" data-draft-notice></div>'
        "</section>"
    )


def render_form(definition: FormDefinition, state: FormState) -> str:
    """The whole form as the page shows it before any script has run."""
    language = state.language
    html = [
        f'<form class="fgc-form" data-form="{definition.id}" data-lang="{escape(language)}"'
        ' data-python="starting" novalidate>',
        '<p class="fgc-status" role="status" data-status'
        f' data-starting="{escape(ui("status_starting", language))}"'
        f' data-ready="{escape(ui("status_ready", language))}"'
        f' data-failed="{escape(ui("status_failed", language))}">'
        f'<span class="fgc-status-text">{escape(ui("status_starting", language))}</span>'
        '<span class="fgc-progress" aria-hidden="true"></span></p>',
    ]
    for field in definition.fields:
        html.append(
            render_field(
                field,
                field.name,
                state.values.get(field.name, ""),
                pick(field.label, language),
                language,
            )
        )
    for list_def in definition.lists:
        html.append(render_list(list_def, state))
    html.append(
        '<section class="fgc-preview" aria-labelledby="fgc-preview-heading">'
        f'<h2 id="fgc-preview-heading">{escape(ui("preview_heading", language))}</h2>'
        f'<p class="fgc-hint">{escape(ui("preview_hint", language))}</p>'
        f'<div class="fgc-paper" data-document>{render_document(definition, state)}</div>'
        "</section>"
    )
    html.append(
        '<div class="fgc-print">'
        f'<button type="button" class="fgc-button fgc-button--primary" data-action="print">'
        f"{escape(ui('print', language))}</button>"
        f'<p class="fgc-hint">{escape(ui("print_hint", language))}</p>'
        "</div>"
    )
    html.append(render_draft_panel(language))
    html.append("</form>")
    return "".join(html)
