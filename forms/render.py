"""HTML for a form as the page shows it; the same functions serve build time and run time.

Every text that reaches the HTML goes through escape(): the family's words are shown as text,
never run.
"""

from html import escape

from forms import calendar_file, hooks
from forms.draft import MAX_FILE_BYTES
from forms.schema import CHECK_STEP, Field, FormDefinition, ListDef, Step
from forms.state import FormState, Item
from forms.text import Texts, pick
from forms.typed_text import FamilyText

OFFER_ID = "fgc-offer-intro"
CONFLICT_ID = "fgc-conflict-intro"
ERROR_SUMMARY_ID = "fgc-error-summary"
# The draft box's message: where the focus goes when the offer to open a file is answered.
NOTICE_ID = "fgc-draft-notice"


def suggestions_id(source: str) -> str:
    return f"fgc-suggestions-{source}"


def render_suggestions(names: list[str]) -> str:
    return "".join(f'<option value="{escape(name)}"></option>' for name in names)


def field_path(list_path: str | None, uid: str | None, name: str) -> str:
    return name if list_path is None else f"{list_path}/{uid}/{name}"


def element_id(path: str) -> str:
    return "f-" + path.replace("/", "-")


def button_id(list_path: str, uid: str, action: str) -> str:
    return f"b-{list_path.replace('/', '-')}-{uid}-{action}"


def step_heading_id(step_id: str) -> str:
    return f"step-{step_id}-title"


def item_name(list_def: ListDef, number: int, language: str) -> str:
    return pick(list_def.item_name, language).format(n=number)


def item_label(list_def: ListDef, number: int, language: str) -> str:
    return pick(list_def.item_label, language).format(n=number)


def full_item_name(list_def: ListDef, number: int, texts: Texts, parent: str | None = None) -> str:
    """An item's name as a screen reader needs it, which is unique on the page: "gæst 2", or
    in a nested list with its parent's, "aftale 1 under spørgsmål 2"."""
    name = item_name(list_def, number, texts.language)
    return name if parent is None else texts.ui("item_under", item=name, parent=parent)


def _hidden(text: str) -> str:
    return f'<span class="fgc-visually-hidden">{escape(text)}</span>' if text else ""


def _with_hidden_context(
    key: str, visible: str, texts: Texts, shown: str = "field", **params
) -> str:
    """A translated pattern ("{field}, {item}") whose placeholder `shown` is the words shown,
    the rest said to screen readers only, in the order the language puts them."""
    mark = "\x00"
    before, _, after = texts.ui(key, **{shown: mark}, **params).partition(mark)
    return _hidden(before) + escape(visible) + _hidden(after)


def _in_item(visible: str, item: str | None, texts: Texts, key: str, shown: str) -> str:
    """Words shown, and in a nested list which item they belong to, said to screen readers."""
    if item is None:
        return escape(visible)
    return _with_hidden_context(key, visible, texts, shown=shown, item=item)


def heading_level(list_path: str) -> int:
    """An item's heading one level below the item its list belongs to: h3, then h4."""
    return min(3 + list_path.count("/") // 2, 6)


def shows_item_label_as_field_label(list_def: ListDef) -> bool:
    """A list of one field and no sublists (questions): the item's label labels the field."""
    return len(list_def.fields) == 1 and not list_def.lists


def display_value(field: Field, value: str, texts: Texts) -> str:
    """A stored value as a person reads it: a choice's label, a date written out."""
    language = texts.language
    if not value:
        return ""
    if field.kind == "choice":
        return field.option_label(value, language)
    if field.kind == "date":
        try:
            return texts.date(value)
        except ValueError:
            return value
    if field.kind == "time":
        hour, _, minute = value.partition(":")
        return texts.ui("time_format", hour=hour, minute=minute[:2]) if minute else value
    return value


def _summary_parts(
    list_def: ListDef, item: Item, texts: Texts, short_answers: int | None
) -> list[str]:
    first = list_def.fields[0]
    shown = display_value(first, item.values.get(first.name, "").strip(), texts)
    parts = [FamilyText(shown) if shown and _typed(first) else shown or "…"]
    for field in list_def.fields[1:]:
        value = item.values.get(field.name, "").strip()
        if value and field.kind != "textarea":
            shown = display_value(field, value, texts)
            parts.append(FamilyText(shown) if _typed(field) else shown)
    if short_answers is not None:
        parts = parts[: 1 + short_answers]
    return parts


def _typed(field: Field) -> bool:
    """A field whose text the family wrote (not one of the site's choices or dates)."""
    return field.kind in ("text", "textarea")


def item_summary(
    list_def: ListDef, item: Item, texts: Texts, short_answers: int | None = None
) -> str:
    """An item in one line as the family reads it back: its first field whole, then its short
    answers ("Karen – Nær familie – mormor"), or only the first `short_answers` of them; "…"
    for an item with nothing in its first field."""
    return " – ".join(_summary_parts(list_def, item, texts, short_answers))


def item_summary_html(
    list_def: ListDef, item: Item, texts: Texts, short_answers: int | None = None
) -> str:
    """item_summary as HTML: each text the family wrote isolated (<bdi>), so that a
    right-to-left mark in it cannot turn the site's own words beside it round."""
    return " – ".join(
        family_html(part) for part in _summary_parts(list_def, item, texts, short_answers)
    )


def family_html(text: str) -> str:
    """Escaped; isolated in a <bdi> when the family wrote it (FamilyText)."""
    return f"<bdi>{escape(text)}</bdi>" if isinstance(text, FamilyText) else escape(text)


# A folded item's row shows its first answer and this many short ones after it.
ROW_ANSWERS = 2


def _attributes(**attributes) -> str:
    parts = []
    for name, value in attributes.items():
        if value is None or value is False:
            continue
        name = name.rstrip("_").replace("_", "-")
        parts.append(name if value is True else f'{name}="{escape(str(value))}"')
    return " ".join(parts)


def render_field(
    field: Field,
    path: str,
    value: str,
    label: str,
    texts: Texts,
    item: str | None = None,
) -> str:
    """A label, its hint, a place for an error, the control and a place for coaching; in a
    list, `item` names the item the field belongs to, for screen readers ("Navn, gæst 2")."""
    control_id = element_id(path)
    hint_id = f"{control_id}-hint" if field.hint else None
    error_id = f"{control_id}-error"
    coach_id = f"{control_id}-coach"
    described = " ".join(part for part in (hint_id, error_id, coach_id) if part)
    language = texts.language
    optional = f' <span class="fgc-optional">{escape(texts.ui("optional"))}</span>'
    html = [
        '<div class="fgc-field">',
        f'<label class="fgc-label" for="{control_id}">'
        + (
            escape(label)
            if item is None
            else _with_hidden_context("field_of_item", label, texts, item=item)
        )
        + f"{'' if field.required else optional}</label>",
    ]
    if field.hint:
        html.append(f'<p class="fgc-hint" id="{hint_id}">{escape(pick(field.hint, language))}</p>')
    html.append(f'<div class="fgc-error" id="{error_id}" data-error-for="{escape(path)}"></div>')
    common = _attributes(
        id=control_id,
        name=path,
        aria_describedby=described,
        # Required is said, not enforced: the form is novalidate, its checks are the form's own.
        aria_required="true" if field.required else None,
        data_field="",
        list=suggestions_id(field.suggestions) if field.suggestions else None,
    )
    if field.kind == "textarea":
        length = _attributes(maxlength=field.max_length, rows=field.rows, spellcheck="true")
        html.append(
            f'<textarea class="fgc-input" autocomplete="off" {length} {common}>'
            f"{escape(value)}</textarea>"
        )
    elif field.kind == "choice":
        options = ['<option value=""></option>']
        for option in field.options:
            selected = " selected" if option.value == value else ""
            options.append(
                f'<option value="{escape(option.value)}"{selected}>'
                f"{escape(pick(option.label, language))}</option>"
            )
        html.append(f'<select class="fgc-input fgc-select" {common}>{"".join(options)}</select>')
    elif field.kind in ("date", "time"):
        html.append(
            f'<input class="fgc-input fgc-{field.kind}" type="{field.kind}" {common}'
            f' value="{escape(value)}">'
        )
    else:
        size = _attributes(size=field.width, maxlength=field.max_length)
        html.append(
            f'<input class="fgc-input" type="text" autocomplete="off" {size} {common}'
            f' value="{escape(value)}">'
        )
    html.append(f'<div class="fgc-coach" id="{coach_id}" data-coach-for="{escape(path)}"></div>')
    if not field.kept:
        # An answer nobody reads: who the child can talk to now, right beside it.
        html.append(render_private_help(texts))
    html.append("</div>")
    return "".join(html)


# Numbers from the organisations' own pages (CONTENT.md): shown as written, dialled as digits.
HELP_LINES = {
    "denmark": ("116 111", "116111"),
    "greenland": ("29 00 28", "+299290028"),
    "greenland_abroad": ("+299 29 00 28", "+299290028"),
    "danger": ("112", "112"),
}


def _call(line: str) -> str:
    shown, dialled = HELP_LINES[line]
    return f'<a class="fgc-call" href="tel:{dialled}">{escape(shown)}</a>'


def _with_call(text: str, names: dict[str, str] | None = None, **lines: str) -> str:
    """A translated sentence with tap-to-call links where its {placeholders} are, and the
    helplines' own `names` (Danish names) marked Danish, so a screen reader reads them so."""
    names = names or {}
    marks = {name: f"\x00{name}\x00" for name in (*lines, *names)}
    html = escape(text.format(**marks))
    for name, line in lines.items():
        html = html.replace(marks[name], _call(line))
    for name, own_name in names.items():
        html = html.replace(marks[name], f'<span lang="da">{escape(own_name)}</span>')
    return html


def render_private_help(texts: Texts) -> str:
    """Who a child can call now, in Denmark and in Greenland, each number a tap-to-call link."""
    items = (
        _with_call(
            texts.ui("private_help_denmark"),
            {"helpline": texts.ui("private_help_denmark_name")},
            phone="denmark",
        ),
        _with_call(
            texts.ui("private_help_greenland"), phone="greenland", abroad="greenland_abroad"
        ),
        _with_call(texts.ui("private_help_danger"), phone="danger"),
    )
    return (
        '<div class="fgc-help-lines">'
        f'<p class="fgc-help-lines__title">{escape(texts.ui("private_help_title"))}</p>'
        "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul></div>"
    )


def _button(label: str, context: str, texts: Texts, **attributes) -> str:
    """A button that acts on an item: its word shown, which item said to screen readers."""
    opening = f"<button {_attributes(type='button', **attributes)}>"
    named = _with_hidden_context("item_action", label, texts, shown="verb", item=context)
    return f"{opening}{named}</button>"


def _item_buttons(
    list_def: ListDef,
    list_path: str,
    item: Item,
    number: int,
    count: int,
    texts: Texts,
    parent: str | None = None,
) -> str:
    """The buttons that can act on an item: no "move up" on the first, no "move down" on the
    last, no "remove" where the list is at its minimum; "done" on a list that folds."""
    name = full_item_name(list_def, number, texts, parent)
    buttons = []
    if list_def.collapsible:
        buttons.append(
            _button(
                texts.ui("item_done"),
                name,
                texts,
                class_="fgc-button fgc-button--small",
                id=button_id(list_path, item.uid, "close"),
                data_action="item_closed",
                data_list=list_path,
                data_uid=item.uid,
            )
        )
    for action, offset, enabled in (("up", -1, number > 1), ("down", 1, number < count)):
        if enabled:
            buttons.append(
                _button(
                    texts.ui(f"move_{action}"),
                    name,
                    texts,
                    class_="fgc-button fgc-button--small",
                    id=button_id(list_path, item.uid, action),
                    data_action="item_moved",
                    data_list=list_path,
                    data_uid=item.uid,
                    data_offset=offset,
                )
            )
    if count > list_def.min_items:
        buttons.append(_remove_button(list_def, list_path, item, name, texts))
    return '<div class="fgc-item-actions">' + "".join(buttons) + "</div>" if buttons else ""


def _remove_button(list_def, list_path, item, name, texts: Texts) -> str:
    return _button(
        texts.ui("remove"),
        name,
        texts,
        class_="fgc-button fgc-button--small fgc-button--warning",
        id=button_id(list_path, item.uid, "remove"),
        data_action="item_removed",
        data_list=list_path,
        data_uid=item.uid,
    )


def _folded_item(
    list_def: ListDef,
    list_path: str,
    item: Item,
    number: int,
    count: int,
    texts: Texts,
    parent: str | None = None,
) -> str:
    """A finished item as one summary row: its label, its answers in a line, change, remove."""
    name = full_item_name(list_def, number, texts, parent)
    buttons = [
        _button(
            texts.ui("change_button"),
            name,
            texts,
            class_="fgc-button fgc-button--small",
            id=button_id(list_path, item.uid, "open"),
            data_action="item_opened",
            data_list=list_path,
            data_uid=item.uid,
        )
    ]
    if count > list_def.min_items:
        buttons.append(_remove_button(list_def, list_path, item, name, texts))
    return (
        f'<li class="fgc-item fgc-item--folded" data-uid="{escape(item.uid)}">'
        f'<p class="fgc-item-summary"><span class="fgc-item-summary-label">'
        f"{escape(item_label(list_def, number, texts.language))}</span> "
        f"{item_summary_html(list_def, item, texts, ROW_ANSWERS)}</p>"
        f'<div class="fgc-item-actions">{"".join(buttons)}</div></li>'
    )


def render_items(
    list_def: ListDef,
    list_path: str,
    items: tuple[Item, ...],
    texts: Texts,
    folded: frozenset = frozenset(),
    parent: str | None = None,
) -> str:
    """The inner HTML of a list: one <li> per item, its fields, its own lists, its buttons; a
    folded item as its summary row. `parent` is the name of the item a nested list belongs to:
    every field and button says which item it is for ("Navn, gæst 2"; "Fjern: aftale 1 under
    spørgsmål 2"), as GOV.UK's "add another" names each item, and a nested item's heading sits
    one level below its parent's."""
    language = texts.language
    html = []
    count = len(items)
    single = shows_item_label_as_field_label(list_def)
    level = heading_level(list_path)
    for number, item in enumerate(items, start=1):
        if item.uid in folded:
            html.append(_folded_item(list_def, list_path, item, number, count, texts, parent))
            continue
        label = item_label(list_def, number, language)
        name = full_item_name(list_def, number, texts, parent)
        html.append(f'<li class="fgc-item" data-uid="{escape(item.uid)}">')
        if not single:
            heading = (
                escape(label)
                if parent is None
                else _with_hidden_context("item_under", label, texts, shown="item", parent=parent)
            )
            html.append(f'<h{level} class="fgc-item-label">{heading}</h{level}>')
        for field in list_def.fields:
            path = field_path(list_path, item.uid, field.name)
            value = item.values.get(field.name, "")
            if single:
                html.append(render_field(field, path, value, label, texts))
            else:
                html.append(
                    render_field(field, path, value, pick(field.label, language), texts, item=name)
                )
        for sub in list_def.lists:
            sub_path = f"{list_path}/{item.uid}/{sub.name}"
            html.append(render_list_at(sub, sub_path, item.lists.get(sub.name, ()), texts, name))
        html.append(_item_buttons(list_def, list_path, item, number, count, texts, parent=parent))
        html.append("</li>")
    return "".join(html)


def structure_key(
    items: tuple[Item, ...],
    folded: frozenset = frozenset(),
    list_def: ListDef | None = None,
    texts: Texts | None = None,
) -> str:
    """Which items, in which order, nested lists included, which are folded and what their
    rows say (with the list's definition and texts): when it changes, the list is drawn
    again."""
    parts = []
    for item in items:
        nested = ";".join(
            f"{name}({structure_key(sub)})" for name, sub in sorted(item.lists.items())
        )
        part = f"{item.uid}[{nested}]" if nested else item.uid
        if item.uid in folded and list_def is not None and texts is not None:
            part += "~" + item_summary(list_def, item, texts, ROW_ANSWERS)
        parts.append(part)
    return " ".join(parts)


def render_list_at(
    list_def: ListDef,
    list_path: str,
    items: tuple[Item, ...],
    texts: Texts,
    parent: str | None = None,
) -> str:
    language = texts.language
    hint_id = f"l-{list_path.replace('/', '-')}-hint"
    hint = (
        f'<p class="fgc-hint" id="{hint_id}">{escape(pick(list_def.hint, language))}</p>'
        if list_def.hint
        else ""
    )
    nested = "/" in list_path
    return (
        f'<fieldset class="fgc-list{" fgc-list--nested" if nested else ""}"'
        f' data-list="{escape(list_path)}"'
        + (f' aria-describedby="{hint_id}"' if list_def.hint else "")
        + ">"
        '<legend class="fgc-legend">'
        + _in_item(pick(list_def.legend, language), parent, texts, "field_of_item", "field")
        + "</legend>"
        + hint
        + ("" if nested else f'<div class="fgc-error" data-error-for="{escape(list_path)}"></div>')
        + f'<ol class="fgc-items" data-items-for="{escape(list_path)}"'
        f' data-structure="{escape(structure_key(items))}">'
        + render_items(list_def, list_path, items, texts, parent=parent)
        + "</ol>"
        f'<div class="fgc-coach" data-coach-for="{escape(list_path)}" role="status"></div>'
        + "<button "
        + _attributes(
            type="button",
            class_="fgc-button",
            id=f"b-{list_path.replace('/', '-')}-add",
            data_action="item_added",
            data_list=list_path,
        )
        + ">"
        + _in_item(pick(list_def.add, language), parent, texts, "item_action", "verb")
        + "</button></fieldset>"
    )


def render_messages(messages: list[str], css_class: str = "fgc-coach-message") -> str:
    return "".join(f'<p class="{css_class}">{escape(message)}</p>' for message in messages)


def render_coaching(messages: list[str]) -> str:
    return render_messages(messages)


def render_error_summary(errors: list[tuple[str, str]], texts: Texts) -> str:
    """GOV.UK's error summary: what to fix, each a link to its field."""
    if not errors:
        return ""
    links = "".join(
        f'<li><a href="#{escape(element_id(path))}">{escape(message)}</a></li>'
        for path, message in errors
    )
    return (
        f'<div class="fgc-error-summary" id="{ERROR_SUMMARY_ID}" role="alert" tabindex="-1"'
        f' aria-labelledby="{ERROR_SUMMARY_ID}-title">'
        f'<h2 id="{ERROR_SUMMARY_ID}-title">'
        f"{escape(texts.ui('error_summary_title'))}</h2>"
        f"<ul>{links}</ul></div>"
    )


def render_unreadable_notice(text: str, texts: Texts) -> str:
    """The kept draft could not be read: why, and the button that saves it as it is."""
    return (
        render_notice("error", text)
        + '<p><button type="button" class="fgc-button" data-action="save_unreadable">'
        + f"{escape(texts.ui('save_unreadable'))}</button></p>"
    )


def render_notice(kind: str, text: str, element_id: str | None = None) -> str:
    """A message; with an id it can take the focus (after the control that led to it is gone)."""
    where = f' id="{escape(element_id)}" tabindex="-1"' if element_id else ""
    return (
        f'<p class="fgc-notice-message fgc-notice-message--{escape(kind)}"{where}>'
        f"{escape(text)}</p>"
    )


def _line(texts: tuple[str, ...]) -> str:
    """A line of the site's words and the family's, the family's isolated as they are shown."""
    return "".join(family_html(text) for text in texts)


def render_offer(lines: list[tuple[str, ...]], texts: Texts) -> str:
    """What a picked file holds, and the choice to open it or not."""
    items = "".join(f"<li>{_line(line)}</li>" for line in lines)
    return (
        f'<div class="fgc-offer" role="group" aria-labelledby="{OFFER_ID}">'
        f'<p id="{OFFER_ID}" tabindex="-1">'
        f"<strong>{escape(texts.ui('offer_intro'))}</strong></p>"
        f"<ul>{items}</ul>"
        f"<p>{escape(texts.ui('offer_warning'))}</p>"
        '<div class="fgc-draft-actions">'
        '<button type="button" class="fgc-button fgc-button--primary" data-action="offer_accepted">'
        f"{escape(texts.ui('offer_accept'))}</button>"
        '<button type="button" class="fgc-button" data-action="offer_declined">'
        f"{escape(texts.ui('cancel'))}</button>"
        "</div></div>"
    )


def render_conflict(label: str, ours: str, theirs: str, texts: Texts) -> str:
    """An answer another window changed too: both texts, and the choice which to keep."""
    empty = escape(texts.ui("conflict_empty"))
    return (
        f'<div class="fgc-offer fgc-conflict" role="group" aria-labelledby="{CONFLICT_ID}">'
        f'<p id="{CONFLICT_ID}" tabindex="-1">'
        f"<strong>{escape(texts.ui('conflict_intro', field=label))}</strong></p>"
        '<dl class="fgc-conflict-texts">'
        f"<dt>{escape(texts.ui('conflict_here'))}</dt>"
        f"<dd>{family_html(FamilyText(ours)) if ours else empty}</dd>"
        f"<dt>{escape(texts.ui('conflict_there'))}</dt>"
        f"<dd>{family_html(FamilyText(theirs)) if theirs else empty}</dd>"
        "</dl>"
        '<div class="fgc-draft-actions">'
        '<button type="button" class="fgc-button" data-action="conflict_ours">'
        f"{escape(texts.ui('conflict_keep_ours'))}</button>"
        '<button type="button" class="fgc-button" data-action="conflict_theirs">'
        f"{escape(texts.ui('conflict_keep_theirs'))}</button>"
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


def render_file_status(text: str) -> str:
    return f'<p class="fgc-file-status">{escape(text)}</p>'


def render_keep_choice(definition: FormDefinition, texts: Texts) -> str:
    """Before the first step: keep the draft on this device or not, and what keeping gives."""
    text = texts.ui

    return (
        '<div class="fgc-keep-start" data-keep>'
        '<fieldset class="fgc-keep" aria-describedby="fgc-keep-intro">'
        f'<legend class="fgc-legend">{escape(text("keep_legend"))}</legend>'
        f'<p class="fgc-hint" id="fgc-keep-intro">{escape(text("keep_intro"))}</p>'
        + _choice("device", text("keep_device"), text("keep_device_hint"))
        # Leaving quickly deletes what is kept only where the family set it so; the child's own
        # page does not set it (assets/quick-exit.js).
        + (
            ""
            if definition.texts.get("own_draft")
            else _choice("leave", text("keep_leave"), text("keep_leave_hint"))
        )
        + _choice("shared", text("keep_shared"), text("keep_shared_hint"))
        + "</fieldset>"
        # Chosen with this button, not by moving through the choices with the arrow keys.
        '<button type="button" class="fgc-button fgc-button--primary" data-action="keep_chosen">'
        f"{escape(text('keep_choose'))}</button>"
        '<div class="fgc-notice" role="status" data-keep-notice></div>'
        "</div>"
    )


def render_print_bar(texts: Texts) -> str:
    """The blank template from any step: a caseworker who only wants the paper needs no steps."""
    return (
        '<div class="fgc-print-bar" data-print-bar>'
        '<button type="button" class="fgc-button fgc-button--small" data-action="print_blank">'
        f"{escape(texts.ui('print_blank'))}</button>"
        f'<p class="fgc-hint">{escape(texts.ui("print_blank_hint"))}</p>'
        "</div>"
    )


def render_draft_panel(texts: Texts) -> str:
    """Save to and open from a file, delete everything (keeping on the device is asked first,
    render_keep_choice)."""
    messages = {
        f"data-msg-{key.replace('_', '-')}": texts.ui(key)
        for key in (
            "keep_on",
            "keep_on_draft_only",
            "keep_off",
            "persist_granted",
            "persist_refused",
            "storage_full",
            "storage_unavailable",
            "save_unavailable",
            "deleted",
            "keep_choose_first",
        )
    }
    messages["data-msg-keep-off-still-kept"] = texts.ui("keep_off_still_kept", what="{what}")
    messages["data-msg-delete-what"] = texts.ui("delete_what", what="{what}")
    messages["data-msg-file-saved"] = texts.ui("file_saved", name="{name}")
    messages["data-file-name"] = texts.ui("file_name", date="{date}")
    messages["data-max-bytes"] = str(MAX_FILE_BYTES)
    attributes = " ".join(f'{name}="{escape(value)}"' for name, value in messages.items())
    return (
        f'<section class="fgc-draft" aria-labelledby="fgc-draft-heading" data-draft {attributes}>'
        f'<h2 id="fgc-draft-heading">{escape(texts.ui("draft_heading"))}</h2>'
        f'<p class="fgc-hint">{escape(texts.ui("draft_intro"))}</p>'
        '<div data-file-status aria-live="polite">'
        + render_file_status(f"{texts.ui('file_never')} {texts.ui('file_save_before_meeting')}")
        + "</div>"
        '<div class="fgc-draft-actions">'
        '<button type="button" class="fgc-button" data-action="save_file">'
        f"{escape(texts.ui('save_file'))}</button>"
        '<button type="button" class="fgc-button" data-action="open_file">'
        f"{escape(texts.ui('open_file'))}</button>"
        '<input type="file" accept=".json,application/json" hidden tabindex="-1" data-file-input>'
        '<button type="button" class="fgc-button fgc-button--warning" data-action="delete_all">'
        f"{escape(texts.ui('delete_all'))}</button>"
        "</div>"
        '<div class="fgc-confirm" role="group" aria-labelledby="fgc-delete-question"'
        " data-confirm hidden>"
        '<p id="fgc-delete-question" tabindex="-1">'
        f"{escape(texts.ui('delete_question'))}</p>"
        "<p data-delete-what></p>"
        '<div class="fgc-draft-actions">'
        '<button type="button" class="fgc-button" data-action="save_file_first">'
        f"{escape(texts.ui('delete_save_first'))}</button>"
        '<button type="button" class="fgc-button fgc-button--danger"'
        ' data-action="delete_confirmed">'
        f"{escape(texts.ui('delete_yes'))}</button>"
        '<button type="button" class="fgc-button" data-action="delete_cancelled">'
        f"{escape(texts.ui('cancel'))}</button>"
        "</div></div>"
        "<div data-offer></div>"
        '<div class="fgc-notice" role="status" data-draft-notice></div>'
        "</section>"
    )


def _step_nav(definition: FormDefinition, step_id: str, texts: Texts) -> str:
    steps = definition.step_ids()
    index = steps.index(step_id)
    buttons = []
    if index > 0:
        buttons.append(
            '<button type="button" class="fgc-button" data-action="step_chosen"'
            f' data-step="{steps[index - 1]}">{escape(texts.ui("back"))}</button>'
        )
    if step_id != CHECK_STEP:
        buttons.append(
            '<button type="button" class="fgc-button fgc-button--primary"'
            f' data-action="step_continued">{escape(texts.ui("continue"))}</button>'
        )
    return '<div class="fgc-step-nav">' + "".join(buttons) + "</div>"


def step_count(definition: FormDefinition, step_id: str, texts: Texts) -> str:
    steps = definition.step_ids()
    n = steps.index(step_id) + 1
    return texts.ui("step_count", n=n, total=len(steps))


def step_title(definition: FormDefinition, step: Step | None, texts: Texts) -> str:
    """A step's title; "check your answers" for the last one."""
    if step is None:
        return texts.ui("check_title")
    return texts.pick(step.title)


def _step_heading(definition: FormDefinition, step: Step | None, texts: Texts) -> str:
    """The step's heading: where it is in the form ("Trin 2 af 5") above its title, both read as
    the heading's name ("Trin 2 af 5: Hvem skal med?"); and, for the page's title, the same
    words in the step's data-page-title."""
    step_id = CHECK_STEP if step is None else step.id
    count = step_count(definition, step_id, texts)
    title = step_title(definition, step, texts)
    count_mark, title_mark = "\x00\x01\x00", "\x00\x02\x00"
    pattern = texts.ui("step_heading", count=count_mark, title=title_mark)
    html = []
    for piece in pattern.split("\x00"):
        if piece == "\x01":
            html.append(f'<span class="fgc-step-count">{escape(count)}</span>')
        elif piece == "\x02":
            html.append(
                (hooks.of(definition.id).picture(step.picture) if step and step.picture else "")
                + f'<span class="fgc-step-name">{escape(title)}</span>'
            )
        elif piece:
            # Read between the two, not shown; hidden with the count before Python has started.
            html.append(f'<span class="fgc-visually-hidden fgc-step-glue">{escape(piece)}</span>')
    page_title = texts.ui("step_heading", count=count, title=title)
    return (
        f'<h2 class="fgc-step-title" id="{step_heading_id(step_id)}" tabindex="-1"'
        f' data-page-title="{escape(page_title)}">' + "".join(html) + "</h2>"
    )


def render_step(definition: FormDefinition, step: Step, state: FormState, texts: Texts) -> str:
    language = texts.language
    html = [
        f'<section class="fgc-step" data-step-id="{step.id}"'
        f' aria-labelledby="{step_heading_id(step.id)}">',
        _step_heading(definition, step, texts),
    ]
    if step.skippable:
        html.append(f'<p class="fgc-skippable">{escape(texts.ui("step_skippable"))}</p>')
    if step.hint:
        html.append(f'<p class="fgc-hint">{escape(pick(step.hint, language))}</p>')
    field_names = {field.name for field in definition.fields}
    for name in step.items:
        if name in field_names:
            field = definition.field(name)
            label = pick(field.label, language)
            value = state.values.get(name, "")
            html.append(render_field(field, name, value, label, texts))
        else:
            list_def = definition.list_def(name)
            html.append(render_list_at(list_def, name, state.items(name), texts))
    if set(step.items) & set(definition.roles.drawn):
        # The drawing as it looks now (the child's house), drawn again as the child types (the
        # view's "houses", from the form's drawing hook).
        html.append(f'<div class="fgc-houses-live" data-houses="{escape(step.id)}"></div>')
    html.append(_step_nav(definition, step.id, texts))
    html.append("</section>")
    return "".join(html)


def render_check_step(
    definition: FormDefinition, texts: Texts, summary: str, document: str, blank: str
) -> str:
    """The answers to check, the paper as it will print, and printing filled in or blank."""
    return (
        f'<section class="fgc-step fgc-step--check" data-step-id="{CHECK_STEP}"'
        f' aria-labelledby="{step_heading_id(CHECK_STEP)}">'
        + _step_heading(definition, None, texts)
        + f'<div class="fgc-summary" data-summary>{summary}</div>'
        '<section class="fgc-preview" aria-labelledby="fgc-preview-heading">'
        f'<h2 id="fgc-preview-heading">{escape(texts.ui("preview_heading"))}</h2>'
        f'<p class="fgc-hint">{escape(texts.ui("preview_hint"))}</p>'
        f'<div class="fgc-paper" data-document>{document}</div>'
        f'<div class="fgc-paper" data-blank-document hidden>{blank}</div>'
        "</section>"
        '<div class="fgc-print">'
        '<button type="button" class="fgc-button fgc-button--primary" data-action="print">'
        f"{escape(texts.ui('print'))}</button>"
        '<button type="button" class="fgc-button" data-action="print_blank">'
        f"{escape(texts.ui('print_blank'))}</button>"
        f'<p class="fgc-hint">{escape(texts.ui("print_hint"))}</p>'
        "</div>"
        + _calendar(definition, texts)
        + _step_nav(definition, CHECK_STEP, texts)
        + "</section>"
    )


def _calendar(definition: FormDefinition, texts: Texts) -> str:
    """The meetings' dates as a calendar file, on a form that holds them."""
    if not calendar_file.offers_calendar(definition):
        return ""
    return (
        '<div class="fgc-calendar">'
        + _calendar_choices(definition, texts)
        + '<button type="button" class="fgc-button" data-action="calendar_requested"'
        ' aria-describedby="fgc-calendar-hint">'
        f"{escape(texts.ui('calendar_button'))}</button>"
        f'<p class="fgc-hint" id="fgc-calendar-hint">{escape(texts.ui("calendar_hint"))}</p>'
        '<div data-calendar-notice role="status"></div>'
        "</div>"
    )


def _calendar_choices(definition: FormDefinition, texts: Texts) -> str:
    """The conference's length (where the form holds it), the time zone, the reminder and the
    neutral title; the page sends them with the request (data-calendar-choice)."""

    def select(name: str, label: str, options: list[tuple[str, str]], chosen: str) -> str:
        control_id = f"fgc-calendar-{name}"
        entries = "".join(
            f'<option value="{escape(value)}"{" selected" if value == chosen else ""}>'
            f"{escape(text)}</option>"
            for value, text in options
        )
        return (
            f'<div class="fgc-field"><label class="fgc-label" for="{control_id}">'
            f"{escape(label)}</label>"
            f'<select class="fgc-input fgc-select" id="{control_id}" name="{name}"'
            f' data-calendar-choice="{name}">{entries}</select></div>'
        )

    def tick(name: str, label: str, checked: bool) -> str:
        control_id = f"fgc-calendar-{name}"
        return (
            '<div class="fgc-tick">'
            f'<input type="checkbox" id="{control_id}" name="{name}"'
            f' data-calendar-choice="{name}"{" checked" if checked else ""}>'
            f'<label for="{control_id}">{escape(label)}</label></div>'
        )

    parts = []
    if calendar_file.chooses_length(definition):
        hours = [(str(n), texts.ui("calendar_hours", hours=n)) for n in calendar_file.DURATIONS]
        parts.append(
            select(
                "hours",
                texts.ui("calendar_duration"),
                hours,
                str(calendar_file.DEFAULT_HOURS),
            )
        )
    zones = [(zone, texts.ui(f"calendar_zone_{zone}")) for zone in calendar_file.ZONES]
    parts.append(select("zone", texts.ui("calendar_zone"), zones, calendar_file.DEFAULT_ZONE))
    parts.append(tick("reminder", texts.ui("calendar_reminder"), True))
    parts.append(tick("neutral", texts.ui("calendar_neutral"), False))
    return (
        '<fieldset class="fgc-calendar-choices">'
        f'<legend class="fgc-legend">{escape(texts.ui("calendar_options"))}</legend>'
        + "".join(parts)
        + "</fieldset>"
    )


def render_form(
    definition: FormDefinition,
    state: FormState,
    summary: str,
    document: str,
    blank: str,
    suggestions: dict[str, list[str]] | None = None,
) -> str:
    """The whole form as the page shows it before any script has run: every step at once."""
    texts = state.texts
    language = texts.language
    suggestions = suggestions or {}
    step_page_title = texts.ui("step_page_title", step="{step}", page="{page}")
    html = [
        f'<form class="fgc-form" data-form="{definition.id}" data-lang="{escape(language)}"'
        f' data-python="starting" data-step="{escape(state.step)}"'
        + (" data-own-draft" if definition.texts.get("own_draft") else "")
        + " novalidate>",
        '<p class="fgc-status" role="status" data-status'
        f' data-starting="{escape(texts.ui("status_starting"))}"'
        f' data-ready="{escape(texts.ui("status_ready"))}"'
        f' data-failed="{escape(texts.ui("status_failed"))}"'
        f' data-stopped="{escape(texts.ui("status_stopped"))}"'
        f' data-progress="{escape(texts.ui("status_progress", mb="{mb}"))}"'
        f' data-needs-python="{escape(texts.ui("needs_python"))}"'
        f' data-keep-needs-python="{escape(texts.ui("keep_needs_python"))}">'
        f'<span class="fgc-status-text">{escape(texts.ui("status_starting"))}</span>'
        '<span class="fgc-progress" aria-hidden="true"></span></p>'
        # Shown when Python could not start: a new start, from what the browser already has.
        '<p class="fgc-retry" data-retry hidden><button type="button" class="fgc-button"'
        f' data-action="python_retry">{escape(texts.ui("retry"))}</button></p>',
        # The page's title names the step and an error first (assets/forms/form-page.js).
        '<div data-error-summary data-title-prefix="'
        f'{escape(texts.ui("error_title_prefix"))}"'
        f' data-step-title="{escape(step_page_title)}">'
        "</div>",
        # What another window did, told here; the page script needs two texts for it.
        f'<div data-conflict data-msg-deleted="{escape(texts.ui("deleted_elsewhere"))}"'
        f' data-msg-keep-off="{escape(texts.ui("keep_off_elsewhere"))}"></div>',
        render_print_bar(texts),
        render_keep_choice(definition, texts),
    ]
    for step in definition.steps:
        html.append(render_step(definition, step, state, texts))
    html.append(render_check_step(definition, texts, summary, document, blank))
    html.append(render_draft_panel(texts))
    for source, names in suggestions.items():
        html.append(
            f'<datalist id="{suggestions_id(source)}" data-suggestions="{escape(source)}">'
            f"{render_suggestions(names)}</datalist>"
        )
    html.append("</form>")
    return "".join(html)
