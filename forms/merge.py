"""Two windows on one draft: a three-way merge of what this window has (ours) and what another
window stored (theirs), from the draft both started from (base).

A field changed on one side only takes that side's text; changed on both sides to different
texts, it is a Conflict, and the merge keeps ours until the family chooses. The stored draft
gives list items no identity, so items are matched by position and content: items left as
they were are matched first (the longest common run), and in a stretch where some items
differ, they are paired in order, as an answer edited in place. An item added on both sides is
kept from both (once, when both added the very same item); an item one side removed and the
other changed is kept, changed, so that no one's words are lost.
"""

import json
from dataclasses import dataclass, replace

from forms.draft import Draft, FormData, form_data, items_from
from forms.schema import FormDefinition, ListDef, form_ids, load
from forms.state import FormState, Item, initial_state


@dataclass(frozen=True)
class Conflict:
    """One answer both windows changed, differently (where: ('values', name), or a list's name,
    then each item's position and sublist's name, and the field's name)."""

    form_id: str
    where: tuple
    ours: str
    theirs: str


def empty_form(definition: FormDefinition) -> FormData:
    """A form no one has written in, as the draft would keep it."""
    return form_data(definition, initial_state(definition, "da"))


def _form(definition: FormDefinition, draft: Draft | None) -> FormData:
    if draft is None or definition.id not in draft.forms:
        return empty_form(definition)
    return draft.forms[definition.id]


def merge_drafts(base: Draft | None, ours: Draft, theirs: Draft) -> tuple[Draft, list[Conflict]]:
    """The merged draft (in ours' language and date) and the conflicts, in the forms' order."""
    forms = {}
    conflicts: list[Conflict] = []
    for form_id in form_ids():
        definition = load(form_id)
        if all(draft is None or form_id not in draft.forms for draft in (base, ours, theirs)):
            continue
        merged, found = merge_forms(
            definition, _form(definition, base), _form(definition, ours), _form(definition, theirs)
        )
        forms[form_id] = merged
        conflicts.extend(Conflict(form_id, where, mine, other) for where, mine, other in found)
    return replace(ours, forms=forms), conflicts


def merge_forms(
    definition: FormDefinition, base: FormData, ours: FormData, theirs: FormData
) -> tuple[FormData, list]:
    """One form merged, and its conflicts as (where, ours, theirs)."""
    conflicts: list = []
    values = {}
    for field in definition.fields:
        value = _merge_text(
            base.values.get(field.name, ""),
            ours.values.get(field.name, ""),
            theirs.values.get(field.name, ""),
            ("values", field.name),
            conflicts,
        )
        if value:
            values[field.name] = value
    lists = {
        list_def.name: _merge_list(
            list_def,
            base.lists.get(list_def.name, ()),
            ours.lists.get(list_def.name, ()),
            theirs.lists.get(list_def.name, ()),
            (list_def.name,),
            conflicts,
        )
        for list_def in definition.lists
        if any(list_def.name in side.lists for side in (base, ours, theirs))
    }
    return FormData(values=values, lists=lists), conflicts


def _merge_text(base: str, ours: str, theirs: str, where: tuple, conflicts: list) -> str:
    if ours in (base, theirs):
        return theirs
    if theirs != base:
        conflicts.append((where, ours, theirs))
    return ours


def _key(item: dict) -> str:
    """An item's content as one comparable text: equal items have equal keys."""
    return json.dumps(item, sort_keys=True, ensure_ascii=False)


def _normal(list_def: ListDef, item: dict) -> dict:
    """An item with only its texts that are not empty and all its lists, as form_data keeps it."""
    data = {f.name: item[f.name] for f in list_def.fields if item.get(f.name)}
    for sub in list_def.lists:
        data[sub.name] = tuple(_normal(sub, child) for child in item.get(sub.name, ()))
    return data


def _stretches(old: list[str], new: list[str]):
    """The longest run of items common to both, in order (a list holds a dozen items at most):
    ('same', i, j) for each common item and ('gap', i1, i2, j1, j2) for what lies between."""
    longest = [[0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for i in range(len(old) - 1, -1, -1):
        for j in range(len(new) - 1, -1, -1):
            longest[i][j] = (
                longest[i + 1][j + 1] + 1
                if old[i] == new[j]
                else max(longest[i + 1][j], longest[i][j + 1])
            )
    i = j = gap_i = gap_j = 0
    while i < len(old) and j < len(new):
        if old[i] == new[j]:
            if (gap_i, gap_j) != (i, j):
                yield "gap", gap_i, i, gap_j, j
            yield "same", i, j
            i, j = i + 1, j + 1
            gap_i, gap_j = i, j
        elif longest[i + 1][j] >= longest[i][j + 1]:
            i += 1
        else:
            j += 1
    if (gap_i, gap_j) != (len(old), len(new)):
        yield "gap", gap_i, len(old), gap_j, len(new)


def match(old: tuple, new: tuple) -> dict[int, int]:
    """Which item of `new` each item of `old` became (by position), where one did: unchanged
    items first, then, in each stretch of changed ones, items paired in order."""
    pairs = {}
    for kind, *at in _stretches(_keys(old), _keys(new)):
        if kind == "same":
            pairs[at[0]] = at[1]
        else:
            i1, i2, j1, j2 = at
            pairs.update(zip(range(i1, i2), range(j1, j2), strict=False))
    return pairs


def _keys(items) -> list[str]:
    return [_key(item) for item in items]


def _union(ours: list, theirs: list) -> list:
    """Items both sides put in one place: items common to both once, the others from both, in
    an order that does not depend on which side is ours."""
    first, second = sorted((ours, theirs), key=_keys)
    items = []
    for kind, *at in _stretches(_keys(first), _keys(second)):
        if kind == "same":
            items.append(first[at[0]])
        else:
            i1, i2, j1, j2 = at
            items.extend((*first[i1:i2], *second[j1:j2]))
    return items


def _merge_list(
    list_def: ListDef, base: tuple, ours: tuple, theirs: tuple, where: tuple, conflicts: list
) -> tuple:
    base, ours, theirs = (
        tuple(_normal(list_def, item) for item in s) for s in (base, ours, theirs)
    )
    to_ours, to_theirs = match(base, ours), match(base, theirs)
    from_ours = {o: b for b, o in to_ours.items()}
    from_theirs = {t: b for b, t in to_theirs.items()}
    # Base items both sides still have, in order: between two of them, each side's own changes.
    kept_by_both = [b for b in range(len(base)) if b in to_ours and b in to_theirs]
    merged: list = []
    found: list = []
    last_ours = last_theirs = -1
    for b in [*kept_by_both, None]:
        next_ours = len(ours) if b is None else to_ours[b]
        next_theirs = len(theirs) if b is None else to_theirs[b]
        merged.extend(
            _union(
                _added_or_changed(ours[last_ours + 1 : next_ours], last_ours + 1, from_ours, base),
                _added_or_changed(
                    theirs[last_theirs + 1 : next_theirs], last_theirs + 1, from_theirs, base
                ),
            )
        )
        if b is None:
            break
        merged.append(
            _merge_item(
                list_def,
                base[b],
                ours[next_ours],
                theirs[next_theirs],
                (*where, len(merged)),
                found,
            )
        )
        last_ours, last_theirs = next_ours, next_theirs
    return _within_limit(list_def, merged, found, len(where), conflicts)


def _within_limit(list_def: ListDef, items: list, found: list, depth: int, conflicts: list):
    """At most the list's limit (a longer one could not be read back): empty items go first,
    then the last ones; never one with a conflict. The conflicts are told where items are."""
    disputed = {where[depth] for where, _, _ in found}
    kept = list(range(len(items)))
    while len(kept) > list_def.max_items:
        free = [index for index in kept if index not in disputed]
        empty = [index for index in free if not _has_words(items[index])]
        kept.remove((empty or free)[-1])
    for where, ours, theirs in found:
        at = kept.index(where[depth])
        conflicts.append(((*where[:depth], at, *where[depth + 1 :]), ours, theirs))
    return tuple(items[index] for index in kept)


def _has_words(item: dict) -> bool:
    return any(
        any(map(_has_words, value)) if isinstance(value, tuple) else bool(value)
        for value in item.values()
    )


def _added_or_changed(items: tuple, start: int, origin: dict, base: tuple) -> list:
    """A side's items where the other side removed or has none: its new ones, and the ones it
    changed (an item one side changed and the other removed is kept, changed)."""
    return [
        item
        for index, item in enumerate(items, start=start)
        if index not in origin or item != base[origin[index]]
    ]


def _merge_item(
    list_def: ListDef, base: dict, ours: dict, theirs: dict, where: tuple, conflicts: list
) -> dict:
    item = {}
    for field in list_def.fields:
        value = _merge_text(
            base.get(field.name, ""),
            ours.get(field.name, ""),
            theirs.get(field.name, ""),
            (*where, field.name),
            conflicts,
        )
        if value:
            item[field.name] = value
    for sub in list_def.lists:
        item[sub.name] = _merge_list(
            sub,
            base.get(sub.name, ()),
            ours.get(sub.name, ()),
            theirs.get(sub.name, ()),
            (*where, sub.name),
            conflicts,
        )
    return item


def with_merged(definition: FormDefinition, state: FormState, data: FormData) -> FormState:
    """The form's state holding merged answers: an item that is still there keeps its uid, so
    the field the family is typing in stays the same field."""
    lists = {}
    next_uid = state.next_uid
    for list_def in definition.lists:
        lists[list_def.name], next_uid = _items_kept(
            list_def, data.lists.get(list_def.name, ()), state.items(list_def.name), next_uid
        )
    # A field that is not kept is in no window's draft: what this page holds of it stays.
    values = {
        f.name: data.values.get(f.name, "") if f.kept else state.values.get(f.name, "")
        for f in definition.fields
    }
    return replace(state, values=values, lists=lists, next_uid=next_uid)


def _as_data(list_def: ListDef, item: Item) -> dict:
    return _normal(
        list_def,
        {**item.values, **{sub.name: _sub_data(sub, item) for sub in list_def.lists}},
    )


def _sub_data(sub: ListDef, item: Item) -> tuple:
    return tuple(_as_data(sub, child) for child in item.lists.get(sub.name, ()))


def _by_content(list_def: ListDef, existing: tuple[Item, ...], merged: tuple) -> dict[int, int]:
    """Merged items paired with this window's items by what they hold: {merged index: existing}."""
    return {
        new: old
        for old, new in match(tuple(_as_data(list_def, i) for i in existing), merged).items()
    }


def _items_kept(
    list_def: ListDef, merged: tuple, existing: tuple[Item, ...], next_uid: int
) -> tuple[tuple[Item, ...], int]:
    return items_from(list_def, merged, existing, next_uid, pair=_by_content)
