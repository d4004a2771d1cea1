"""Merging what two windows wrote into one draft: each side's own changes kept, conflicts found."""

from hypothesis import given, settings
from hypothesis import strategies as st

from forms.draft import Draft, FormData
from forms.merge import Conflict, empty_form, match, merge_drafts, merge_forms
from forms.schema import load

QUESTIONS = load("questions")
PLAN = load("plan")


def questions(*texts, child=""):
    return FormData(
        values={"child_name": child} if child else {},
        lists={"questions": tuple({"text": text} if text else {} for text in texts)},
    )


def texts(data: FormData) -> list[str]:
    return [item.get("text", "") for item in data.lists["questions"]]


def merged(base, ours, theirs, definition=QUESTIONS):
    return merge_forms(definition, base, ours, theirs)


def test_a_field_changed_on_each_side_keeps_both_changes():
    base = questions("Hvordan?")
    result, conflicts = merged(
        base, questions("Hvordan?", child="Emma"), questions("Hvordan får Emma det godt?")
    )
    assert conflicts == []
    assert result.values == {"child_name": "Emma"}
    assert texts(result) == ["Hvordan får Emma det godt?"]


def test_the_same_field_changed_differently_on_both_sides_is_a_conflict_that_keeps_ours():
    base = questions("Hvordan?")
    result, conflicts = merged(base, questions("Hvordan her?"), questions("Hvordan der?"))
    assert texts(result) == ["Hvordan her?"]
    assert conflicts == [(("questions", 0, "text"), "Hvordan her?", "Hvordan der?")]


def test_the_same_change_on_both_sides_is_no_conflict():
    base = questions("", child="Ida")
    result, conflicts = merged(base, questions("", child="Emma"), questions("", child="Emma"))
    assert conflicts == []
    assert result.values == {"child_name": "Emma"}


def test_items_added_on_both_sides_are_both_kept_and_the_same_item_once():
    base = questions("første")
    result, _ = merged(base, questions("første", "fra her"), questions("første", "derfra"))
    assert sorted(texts(result)) == ["derfra", "fra her", "første"]
    assert texts(result)[0] == "første"
    result, _ = merged(base, questions("første", "begge"), questions("første", "begge"))
    assert texts(result) == ["første", "begge"]


def test_an_item_removed_on_one_side_goes_unless_the_other_side_changed_it():
    base = questions("første", "anden", "tredje")
    result, conflicts = merged(base, questions("første", "tredje"), base)
    assert texts(result) == ["første", "tredje"]
    result, conflicts = merged(
        base, questions("første", "tredje"), questions("første", "anden, ændret", "tredje")
    )
    assert texts(result) == ["første", "anden, ændret", "tredje"]
    assert conflicts == []


def test_a_move_on_one_side_and_an_edit_on_the_other_keep_both():
    base = questions("a", "b", "c")
    result, conflicts = merged(base, questions("b", "a", "c"), questions("a", "b", "c!"))
    assert texts(result) == ["b", "a", "c!"]
    assert conflicts == []


def plan(*sections):
    """Sections as (question, [action what, ...])."""
    return FormData(
        lists={
            "sections": tuple(
                {
                    **({"question": question} if question else {}),
                    "actions": tuple({"what": what} if what else {} for what in actions),
                }
                for question, actions in sections
            )
        }
    )


def test_a_nested_list_merges_item_by_item():
    base = plan(("Skole?", ["Vækkeur"]))
    ours = plan(("Skole hver dag?", ["Vækkeur"]))
    theirs = plan(("Skole?", ["Vækkeur", "Mormor kører"]))
    result, conflicts = merged(base, ours, theirs, PLAN)
    assert conflicts == []
    assert result == plan(("Skole hver dag?", ["Vækkeur", "Mormor kører"]))


def test_a_conflict_deep_in_a_list_says_where():
    base = plan(("Skole?", ["Vækkeur"]), ("Fritid?", [""]))
    ours = plan(("Skole?", ["Vækkeur"]), ("Fritid?", ["Fodbold"]))
    theirs = plan(("Skole?", ["Vækkeur"]), ("Fritid?", ["Spejder"]))
    _, conflicts = merged(base, ours, theirs, PLAN)
    assert conflicts == [(("sections", 1, "actions", 0, "what"), "Fodbold", "Spejder")]


def test_a_list_never_grows_past_its_limit_and_empty_items_go_first():
    base = questions(*"abcdefgh")
    ours = questions(*"abcdefgh", "i", "")
    theirs = questions(*"abcdefgh", "j", "k")
    result, _ = merged(base, ours, theirs)
    assert len(texts(result)) == QUESTIONS.list_def("questions").max_items
    assert "" not in texts(result)


def draft(**forms):
    return Draft(language="da", saved="2026-11-23", forms=forms)


def test_drafts_merge_form_by_form_and_name_each_conflict_by_form():
    base = draft(questions=questions("Hvordan?"))
    ours = draft(questions=questions("Hvordan her?"))
    theirs = draft(questions=questions("Hvordan der?"), plan=plan(("Skole?", ["Vækkeur"])))
    result, conflicts = merge_drafts(base, ours, theirs)
    assert result.forms["plan"].lists["sections"] == plan(("Skole?", ["Vækkeur"])).lists["sections"]
    assert conflicts == [
        Conflict("questions", ("questions", 0, "text"), "Hvordan her?", "Hvordan der?")
    ]


def test_no_base_counts_as_empty_forms():
    result, conflicts = merge_drafts(
        None, draft(questions=questions("her")), draft(questions=questions("", child="Emma"))
    )
    assert result.forms["questions"] == questions("her", child="Emma")
    assert conflicts == []
    assert empty_form(QUESTIONS) == questions("")


def test_items_are_matched_unchanged_first_then_in_order():
    old = ({"text": "a"}, {"text": "b"}, {"text": "c"})
    assert match(old, ({"text": "a"}, {"text": "c"})) == {0: 0, 2: 1}
    assert match(old, ({"text": "a"}, {"text": "B"}, {"text": "c"}, {})) == {0: 0, 1: 1, 2: 2}


# Small texts, so that sides often write the same thing; operations as a family does them.
WORDS = st.sampled_from(["", "a", "b", "Hvordan?", "Hvem henter Emma?"])


@st.composite
def changed(draw, base: list[str]) -> list[str]:
    items = list(base)
    for _ in range(draw(st.integers(0, 3))):
        operation = draw(st.sampled_from(["edit", "add", "remove", "move"]))
        if operation == "add" or not items:
            items.append(draw(WORDS))
            continue
        index = draw(st.integers(0, len(items) - 1))
        if operation == "edit":
            items[index] = draw(WORDS)
        elif operation == "remove" and len(items) > 1:
            items.pop(index)
        elif operation == "move" and index:
            items[index - 1], items[index] = items[index], items[index - 1]
    return items[:10]


@st.composite
def three_sides(draw):
    base = draw(st.lists(WORDS, min_size=1, max_size=5))
    child = st.sampled_from(["", "Emma", "Ida"])
    return (
        questions(*base, child=draw(child)),
        questions(*draw(changed(base)), child=draw(child)),
        questions(*draw(changed(base)), child=draw(child)),
    )


@settings(max_examples=300, deadline=None)
@given(three_sides())
def test_with_no_change_on_one_side_the_merge_is_the_other_side(sides):
    base, ours, theirs = sides
    assert merged(base, base, theirs) == (theirs, [])
    assert merged(base, ours, base) == (ours, [])
    assert merged(base, ours, ours) == (ours, [])


@settings(max_examples=300, deadline=None)
@given(three_sides())
def test_merging_is_deterministic_and_does_not_depend_on_which_side_is_ours(sides):
    base, ours, theirs = sides
    result, conflicts = merged(base, ours, theirs)
    assert merged(base, ours, theirs) == (result, conflicts)
    if not conflicts:
        assert merged(base, theirs, ours) == (result, [])


@settings(max_examples=300, deadline=None)
@given(three_sides())
def test_no_new_words_are_lost(sides):
    base, ours, theirs = sides
    result, conflicts = merged(base, ours, theirs)
    kept = set(texts(result)) | {text for conflict in conflicts for text in conflict[1:]}
    new = (set(texts(ours)) | set(texts(theirs))) - set(texts(base)) - {""}
    assert new <= kept


def test_a_conflict_still_says_where_its_item_is_when_the_list_was_cut_to_its_limit():
    base = questions(*"abcdefghi")
    ours = questions("X", *"abcdefgh", "i her")
    theirs = questions("", "Y", *"abcdefgh", "i der")
    result, conflicts = merged(base, ours, theirs)
    assert len(texts(result)) == 10
    assert "" not in texts(result)
    [(where, mine, other)] = conflicts
    assert texts(result)[where[1]] == mine == "i her"
    assert other == "i der"
