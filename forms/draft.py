"""The family's draft: one JSON document for all forms, read strictly and written back.

A draft that is not exactly what this module writes is refused with a message that says what
is wrong, in the reader's language; a refused draft changes nothing. Older versions of the
format are migrated here before they are read (MIGRATIONS); version 1 is the first.
"""

import datetime
import json
from dataclasses import dataclass, field, replace

from forms.schema import Field, FormDefinition, ListDef, form_ids, load, well_formed
from forms.state import FormState, Item, new_items
from forms.text import Texts, languages
from forms.typed_text import FamilyText, browser_length, is_text

FORMAT = "familieraadslagning-kladde"
VERSION = 1
# A real draft is a few kilobytes; this leaves room for every form filled to its limits.
MAX_FILE_BYTES = 512_000
# A draft nests six levels deep (forms, a form, its lists, an item, its lists, an item); a file
# nested far deeper is refused before it is parsed: parsing it could exhaust the stack.
MAX_DEPTH = 24
TOP_LEVEL_KEYS = ("format", "version", "saved", "language", "forms")
FORM_KEYS = ("values", "lists")
# version -> function turning a draft of that version into one of the next version.
MIGRATIONS: dict = {}


class DraftError(Exception):
    """A draft that cannot be read; the message is for the family, in their language."""


@dataclass(frozen=True)
class FormData:
    """One form's answers as the draft keeps them: field texts, and each list's items."""

    values: dict = field(default_factory=dict)
    lists: dict = field(default_factory=dict)

    def is_empty(self) -> bool:
        return not any(self.values.values()) and not any(
            _has_text(item) for items in self.lists.values() for item in items
        )


def _has_text(item: dict) -> bool:
    """Whether an item holds any text, in its fields or in its own lists' items."""
    for value in item.values():
        if isinstance(value, tuple):
            if any(_has_text(child) for child in value):
                return True
        elif value:
            return True
    return False


@dataclass(frozen=True)
class Draft:
    language: str
    saved: str | None
    forms: dict


def _size_text(size: int) -> str:
    return f"{size / 1000:.0f} kB" if size < 1_000_000 else f"{size / 1_000_000:.1f} MB"


def parse(text: str | None, size: int, texts: Texts) -> Draft:
    """Read a draft (from a file or the device's storage); raises DraftError."""
    if text is None or size > MAX_FILE_BYTES:
        raise DraftError(
            texts.ui("draft_too_big", size=_size_text(size), max=_size_text(MAX_FILE_BYTES))
        )
    if _depth(text) > MAX_DEPTH:
        raise DraftError(texts.ui("draft_not_json"))
    try:
        raw = json.loads(text, object_pairs_hook=_without_repeats)
    except RecursionError as nested:
        raise DraftError(texts.ui("draft_not_json")) from nested
    except RepeatedKey as repeated:
        raise DraftError(texts.ui("draft_bad_value", where=str(repeated)[:80])) from repeated
    except ValueError as broken:
        truncated = isinstance(broken, json.JSONDecodeError) and broken.pos >= len(text.rstrip())
        key = "draft_truncated" if truncated and text.strip() else "draft_not_json"
        raise DraftError(texts.ui(key)) from broken
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise DraftError(texts.ui("draft_not_ours"))
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DraftError(texts.ui("draft_bad_value", where="version"))
    if version > VERSION:
        raise DraftError(texts.ui("draft_newer", version=version))
    while version < VERSION:
        raw = MIGRATIONS[version](raw)
        version = raw["version"]
    return _read(raw, texts)


class RepeatedKey(ValueError):
    """An object names the same key twice: which value would count is anyone's guess."""


def _without_repeats(pairs: list) -> dict:
    keys = [key for key, _ in pairs]
    if len(set(keys)) != len(keys):
        raise RepeatedKey(next(key for key in keys if keys.count(key) > 1))
    return dict(pairs)


def _depth(text: str) -> int:
    """How deep the brackets of a JSON text nest, strings set aside; one pass, no recursion."""
    deepest = depth = 0
    in_string = escaped = False
    for character in text:
        if in_string:
            if escaped:
                escaped = False
            elif character == "\\":
                escaped = True
            elif character == '"':
                in_string = False
        elif character == '"':
            in_string = True
        elif character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth -= 1
    return deepest


def _read(raw: dict, texts: Texts) -> Draft:
    _only_known(raw, TOP_LEVEL_KEYS, "", texts)
    saved = raw.get("saved")
    if saved is not None:
        try:
            datetime.date.fromisoformat(_text(saved, "saved", texts))
        except ValueError as wrong:
            raise DraftError(texts.ui("draft_bad_value", where="saved")) from wrong
    draft_language = raw.get("language")
    if draft_language not in languages():
        raise DraftError(texts.ui("draft_bad_value", where="language"))
    forms = _object(raw.get("forms", {}), "forms", texts)
    _only_known(forms, form_ids(), "forms", texts)
    return Draft(
        language=draft_language,
        saved=saved,
        forms={
            form_id: _read_form(load(form_id), _object(data, form_id, texts), texts)
            for form_id, data in forms.items()
        },
    )


def _read_form(definition: FormDefinition, raw: dict, texts: Texts) -> FormData:
    title = texts.pick(definition.title)
    _only_known(raw, FORM_KEYS, title, texts)
    values_raw = _object(raw.get("values", {}), title, texts)
    _only_known(values_raw, [f.name for f in definition.fields], title, texts)
    values = {}
    for field_def in definition.fields:
        if field_def.name in values_raw:
            where = f"{title} › {texts.pick(field_def.label)}"
            value = _text(values_raw[field_def.name], where, texts)
            _within(
                browser_length(value), field_def.max_length, where, "draft_text_too_long", texts
            )
            _valid_choice(field_def, value, where, texts)
            if field_def.kept:  # a draft from before it was kept apart: read, and left out
                values[field_def.name] = value
    lists_raw = _object(raw.get("lists", {}), title, texts)
    _only_known(lists_raw, [d.name for d in definition.lists], title, texts)
    lists = {
        list_def.name: _read_items(list_def, lists_raw[list_def.name], title, texts)
        for list_def in definition.lists
        if list_def.name in lists_raw
    }
    return FormData(values=values, lists=lists)


def _read_items(list_def: ListDef, raw, within: str, texts: Texts) -> tuple[dict, ...]:
    """A list's items as plain dicts: field texts, and the items of their own lists."""
    where = f"{within} › {texts.pick(list_def.legend)}"
    if not isinstance(raw, list):
        raise DraftError(texts.ui("draft_bad_value", where=where))
    _within(len(raw), list_def.max_items, where, "draft_list_too_long", texts)
    items = []
    for number, item_raw in enumerate(raw, start=1):
        item_where = f"{within} › {texts.pick(list_def.item_label).format(n=number)}"
        item_raw = _object(item_raw, item_where, texts)
        known = [f.name for f in list_def.fields] + [sub.name for sub in list_def.lists]
        _only_known(item_raw, known, item_where, texts)
        item = {}
        for field_def in list_def.fields:
            if field_def.name in item_raw:
                value = _text(item_raw[field_def.name], item_where, texts)
                _within(
                    browser_length(value),
                    field_def.max_length,
                    item_where,
                    "draft_text_too_long",
                    texts,
                )
                _valid_choice(field_def, value, item_where, texts)
                item[field_def.name] = value
        for sub in list_def.lists:
            if sub.name in item_raw:
                item[sub.name] = _read_items(sub, item_raw[sub.name], item_where, texts)
        items.append(item)
    return tuple(items)


def _valid_choice(field_def: Field, value: str, where: str, texts: Texts) -> None:
    if field_def.kind == "choice" and value and value not in {o.value for o in field_def.options}:
        raise DraftError(texts.ui("draft_bad_value", where=where))
    if value and not well_formed(field_def.kind, value):
        raise DraftError(texts.ui("draft_bad_value", where=where))


def _object(value, where: str, texts: Texts) -> dict:
    if not isinstance(value, dict):
        raise DraftError(texts.ui("draft_bad_value", where=where))
    return value


def _text(value, where: str, texts: Texts) -> str:
    if not isinstance(value, str) or not is_text(value):
        raise DraftError(texts.ui("draft_bad_value", where=where))
    return value


def _only_known(raw: dict, known, where: str, texts: Texts) -> None:
    for key in raw:
        if key not in known:
            name = f"{where} › {key}" if where else str(key)
            raise DraftError(texts.ui("draft_unknown_field", name=name[:80]))


def _within(count: int, limit: int, where: str, key: str, texts: Texts) -> None:
    if count > limit:
        raise DraftError(texts.count(key, count, max=limit, where=where))


def _item_data(list_def: ListDef, item: Item) -> dict:
    data = {name: value for name, value in item.values.items() if value}
    for sub in list_def.lists:
        data[sub.name] = tuple(_item_data(sub, child) for child in item.lists.get(sub.name, ()))
    return data


def form_data(definition: FormDefinition, state: FormState) -> FormData:
    """What a form's state keeps in the draft: never a field that is not kept (the child's
    private answer), which lives in the open page only."""
    unkept = {field_def.name for field_def in definition.fields if not field_def.kept}
    return FormData(
        values={
            name: value for name, value in state.values.items() if value and name not in unkept
        },
        lists={
            list_def.name: tuple(_item_data(list_def, item) for item in state.items(list_def.name))
            for list_def in definition.lists
        },
    )


def in_order(list_def: ListDef, existing: tuple[Item, ...], saved: tuple) -> dict[int, int]:
    """Saved items paired with the items already there by position: {saved index: existing}."""
    return {index: index for index in range(min(len(existing), len(saved)))}


def items_from(
    list_def: ListDef,
    saved: tuple[dict, ...],
    existing: tuple[Item, ...],
    next_uid: int,
    pair=in_order,
) -> tuple[tuple[Item, ...], int]:
    """Items holding saved answers; each keeps the uid of the item already there that `pair`
    gives it (by default the one in its place), so the fields on the page stay the same fields;
    sublists are paired the same way."""
    pairs = pair(list_def, existing, saved)
    items = []
    for index, data in enumerate(saved):
        if index in pairs:
            old = existing[pairs[index]]
        else:
            old = Item(uid=f"{list_def.name[0]}{next_uid}")
            next_uid += 1
        lists = {}
        for sub in list_def.lists:
            lists[sub.name], next_uid = items_from(
                sub, tuple(data.get(sub.name, ())), old.lists.get(sub.name, ()), next_uid, pair
            )
        values = {f.name: data[f.name] for f in list_def.fields if f.name in data}
        items.append(Item(uid=old.uid, values=values, lists=lists))
    if len(items) < list_def.min_items:
        more, next_uid = new_items(list_def, list_def.min_items - len(items), next_uid)
        items.extend(more)
    return tuple(items), next_uid


def with_form_data(definition: FormDefinition, state: FormState, data: FormData) -> FormState:
    """A form's state holding the draft's answers; the rest of the state is kept."""
    lists = {}
    next_uid = state.next_uid
    for list_def in definition.lists:
        saved = data.lists.get(list_def.name)
        if saved is None:
            lists[list_def.name] = state.items(list_def.name)
            continue
        lists[list_def.name], next_uid = items_from(
            list_def, saved, state.items(list_def.name), next_uid
        )
    # A field that is not kept is in no draft: what the open page holds of it stays.
    values = {
        f.name: data.values.get(f.name, "") if f.kept else state.values.get(f.name, "")
        for f in definition.fields
    }
    return replace(state, values=values, lists=lists, next_uid=next_uid, errors={})


def serialize(draft: Draft) -> str:
    return json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "saved": draft.saved,
            "language": draft.language,
            "forms": {
                form_id: {
                    "values": data.values,
                    "lists": {name: list(items) for name, items in data.lists.items()},
                }
                for form_id, data in sorted(draft.forms.items())
                if not data.is_empty()
            },
        },
        ensure_ascii=False,
        indent=1,
    )


def summary_lines(draft: Draft, texts: Texts) -> list[tuple[str, ...]]:
    """What a draft holds, a line per form, for the family to check before opening it; each
    line a run of texts, those the family wrote marked as FamilyText."""
    lines: list[tuple[str, ...]] = []
    if draft.saved:
        lines.append((texts.ui("draft_saved_on", date=texts.date(draft.saved)),))
    for form_id, data in sorted(draft.forms.items()):
        if data.is_empty():
            continue
        definition = load(form_id)
        parts: list[tuple[str, ...]] = []
        for field_def in definition.fields:
            if data.values.get(field_def.name):
                label = texts.pick(field_def.label)
                parts.append((f"{label}: ", FamilyText(data.values[field_def.name])))
        for list_def in definition.lists:
            filled = [item for item in data.lists.get(list_def.name, ()) if _has_text(item)]
            if filled:
                parts.append((f"{texts.pick(list_def.legend)}: {len(filled)}",))
        line: list[str] = [f"{texts.pick(definition.title)} – "]
        for number, part in enumerate(parts):
            line.extend(("; ", *part) if number else part)
        lines.append(tuple(line))
    if len(lines) <= (1 if draft.saved else 0):
        lines.append((texts.ui("draft_empty"),))
    return lines


def describe(text: str | None, texts: Texts) -> str:
    """What a kept draft holds, in a few words ("5 skemaer, gemt 3. december 2026"), for the
    question before deleting it and the notice that it is still kept."""
    if not text:
        return texts.ui("kept_nothing")
    try:
        draft = parse(text, len(text.encode()), texts)
    except DraftError:
        return texts.ui("kept_unreadable")
    count = sum(1 for data in draft.forms.values() if not data.is_empty())
    if count == 0:
        return texts.ui("kept_nothing")
    what = texts.count("kept_forms", count)
    if not draft.saved:
        return what
    return texts.ui("kept_forms_saved", what=what, date=texts.date(draft.saved))
