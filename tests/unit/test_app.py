"""What the family does to a form, and what the page is then told to show."""

import json

from forms.app import start, update
from forms.events import (
    DraftStored,
    FieldChanged,
    FieldsRestored,
    ItemAdded,
    ItemMoved,
    ItemRemoved,
    event_from_dict,
)
from forms.schema import load
from forms.text import ui

QUESTIONS = load("questions").list_def("questions")


def texts(state):
    return [item.values.get("text", "") for item in state.items("questions")]


def with_questions(*questions, language="da"):
    state, _ = start("questions", language, "2026-11-23")
    for index, text in enumerate(questions):
        if index:
            state, _ = update(state, ItemAdded("questions"))
        uid = state.items("questions")[index].uid
        state, _ = update(state, FieldChanged(f"questions/{uid}/text", text))
    return state


def test_a_new_form_has_one_empty_question():
    state, view = start("questions", "da", "2026-11-23")
    assert texts(state) == [""]
    assert view.lists["questions"]["key"] == "q1"


def test_adding_a_question_focuses_it_and_says_so():
    state = with_questions("Hvordan får Emma det godt?")
    state, view = update(state, ItemAdded("questions"))
    assert texts(state) == ["Hvordan får Emma det godt?", ""]
    assert view.focus == "f-questions-q2-text"
    assert view.announce == "Spørgsmål 2 er tilføjet."
    assert 'id="f-questions-q2-text"' in view.lists["questions"]["html"]


def test_moving_a_question_keeps_its_text_and_its_focus():
    state = with_questions("første", "anden", "tredje")
    q3 = state.items("questions")[2].uid
    state, view = update(state, ItemMoved("questions", q3, -1))
    assert texts(state) == ["første", "tredje", "anden"]
    assert view.focus == f"b-questions-{q3}-up"
    assert view.announce == "Spørgsmål 2 er flyttet op."


def test_a_question_moved_to_the_top_keeps_focus_on_a_button_that_still_works():
    state = with_questions("første", "anden")
    q2 = state.items("questions")[1].uid
    state, view = update(state, ItemMoved("questions", q2, -1))
    assert texts(state) == ["anden", "første"]
    assert view.focus == f"b-questions-{q2}-down"


def test_moving_past_the_end_changes_nothing():
    state = with_questions("første", "anden")
    q1 = state.items("questions")[0].uid
    moved, view = update(state, ItemMoved("questions", q1, -1))
    assert moved == state
    assert view.focus is None


def test_removing_a_question_focuses_the_one_before():
    state = with_questions("første", "anden", "tredje")
    q2 = state.items("questions")[1].uid
    state, view = update(state, ItemRemoved("questions", q2))
    assert texts(state) == ["første", "tredje"]
    assert view.focus == "f-questions-q1-text"


def test_the_last_question_cannot_be_removed_and_the_family_is_told_why():
    state = with_questions("første")
    same, view = update(state, ItemRemoved("questions", "q1"))
    assert same == state
    assert "mindst 1" in view.coaching["questions"]


def test_the_list_stops_growing_at_its_limit_with_a_message():
    state = with_questions(*[f"spørgsmål {n}" for n in range(QUESTIONS.max_items)])
    same, view = update(state, ItemAdded("questions"))
    assert same == state
    assert f"plads til {QUESTIONS.max_items}" in view.coaching["questions"]


def test_text_past_the_limit_is_cut_where_it_enters_and_the_family_is_told():
    # The page's own limit stops typing there; text that comes some other way is cut, so the
    # draft never holds a text its reader would refuse.
    state = with_questions("x" * 501, language="en")
    state, view = update(state, FieldChanged("child_name", "Noah"))
    assert texts(state) == ["x" * 500]
    assert "You have used all 500 characters" in view.coaching["questions/q1/text"]


def test_the_family_is_told_when_a_text_reaches_its_limit():
    state = with_questions("x" * 500, language="en")
    _, view = update(state, FieldChanged("child_name", "Noah"))
    assert "You have used all 500 characters" in view.coaching["questions/q1/text"]


def test_text_typed_before_python_started_is_restored_at_once():
    state, _ = start("questions", "da", "2026-11-23")
    state, view = update(
        state, FieldsRestored({"child_name": "Emma", "questions/q1/text": "Hvordan?"})
    )
    assert state.values["child_name"] == "Emma"
    assert texts(state) == ["Hvordan?"]
    assert "Hvordan?" in view.document


def test_a_path_that_names_no_field_is_ignored():
    state, _ = start("questions", "da", "2026-11-23")
    for path in ("nothing", "questions/q9/text", "questions/q1/other", "a/b", "x/q1/text"):
        same, _ = update(state, FieldChanged(path, "text"))
        assert same == state


def test_the_page_messages_become_events():
    assert event_from_dict(
        {"type": "item_moved", "list": "questions", "uid": "q2", "offset": -3}
    ) == (ItemMoved("questions", "q2", -1))
    assert event_from_dict({"type": "field_changed", "path": "child_name", "value": "Ida"}) == (
        FieldChanged("child_name", "Ida")
    )


# ----- Another window stored the draft -----


def two_windows(stored=None):
    """Two windows on one form, both started from the same stored draft."""
    first, view = start("questions", "da", "2026-11-23", stored)
    second, _ = start("questions", "da", "2026-11-23", stored)
    return first, second, view.draft


def typed(state, path, text):
    return update(state, FieldChanged(path, text))


def test_what_another_window_stored_is_shown_and_needs_no_storing_again():
    first, second, base = two_windows()
    first, written = typed(first, "child_name", "Emma")
    second, view = update(second, DraftStored(base=base, text=written.draft))
    assert second.values["child_name"] == "Emma"
    assert view.values == {"child_name": "Emma"}
    assert view.merged["store"] is False
    assert view.conflict == ""


def test_both_windows_end_with_both_answers_and_the_same_draft():
    first, second, base = two_windows()
    first, written = typed(first, "child_name", "Emma")
    second, _ = typed(second, "questions/q1/text", "Hvordan går det i skolen?")
    second, merged = update(second, DraftStored(base=base, text=written.draft))
    assert merged.merged["store"] is True
    first, view = update(first, DraftStored(base=written.draft, text=merged.draft))
    assert view.merged["store"] is False
    assert view.values == {"questions/q1/text": "Hvordan går det i skolen?"}
    assert view.draft == merged.draft
    assert first.values == second.values and texts(first) == texts(second)


def test_an_item_added_elsewhere_leaves_the_items_here_as_they_are():
    first, second, base = two_windows()
    second, _ = typed(second, "questions/q1/text", "Her skriver jeg")
    first, _ = update(first, ItemAdded("questions"))
    first, written = typed(first, "questions/q2/text", "Derfra")
    second, view = update(second, DraftStored(base=base, text=written.draft))
    assert texts(second) == ["Her skriver jeg", "Derfra"]
    assert second.items("questions")[0].uid == "q1"
    assert "Her skriver jeg" not in view.values.values()


def conflicted():
    first, second, base = two_windows()
    first, written = typed(first, "questions/q1/text", "Hvordan derfra?")
    second, _ = typed(second, "questions/q1/text", "Hvordan herfra?")
    second, view = update(second, DraftStored(base=base, text=written.draft))
    return second, view


def test_an_answer_changed_in_both_windows_is_shown_with_both_texts_and_kept_here_until_chosen():
    second, view = conflicted()
    assert texts(second) == ["Hvordan herfra?"]
    assert view.focus == "fgc-conflict-intro"
    assert "I et andet vindue er der skrevet noget andet i »Spørgsmål 1«" in view.conflict
    assert "Hvordan herfra?" in view.conflict and "Hvordan derfra?" in view.conflict
    # Until the family chooses, the device keeps the other window's text: this window does not
    # write its own over it (and the other window over this one's, and so on).
    assert view.merged["store"] is False
    assert "Hvordan derfra?" in view.kept and "Hvordan herfra?" not in view.kept
    assert "Hvordan herfra?" in view.draft
    assert view.conflicts == [{"where": ["questions", 0, "text"], "ours": "Hvordan herfra?"}]
    second, view = update(second, FieldChanged("child_name", "Emma"))
    assert "Hvordan derfra?" in view.conflict
    assert "Emma" in view.kept


def test_the_conflict_box_shows_this_windows_text_as_it_is_now():
    second, _ = conflicted()
    second, view = typed(second, "questions/q1/text", "Hvordan herfra, og hvornår?")
    assert "Hvordan herfra, og hvornår?" in view.conflict
    assert view.conflicts[0]["ours"] == "Hvordan herfra, og hvornår?"


def test_a_newer_text_from_the_other_window_replaces_the_one_waiting_for_a_choice():
    first, second, base = two_windows()
    first, written = typed(first, "questions/q1/text", "Hvordan derfra?")
    second, _ = typed(second, "questions/q1/text", "Hvordan herfra?")
    second, _ = update(second, DraftStored(base=base, text=written.draft))
    first, newer = typed(first, "questions/q1/text", "Hvordan derfra, nu?")
    second, view = update(second, DraftStored(base=written.draft, text=newer.draft))
    assert "Hvordan derfra, nu?" in view.conflict
    assert len(second.conflicts) == 1
    assert texts(second) == ["Hvordan herfra?"]


def test_a_field_the_page_kept_waits_for_the_familys_choice_without_taking_the_focus():
    first, second, base = two_windows()
    first, written = typed(first, "questions/q1/text", "A tilføjer dette.")
    second, view = update(second, DraftStored(base=base, text=written.draft))
    # The page had "B tilføj" in the field by then (keys on their way): it keeps it.
    assert view.merged["before"] == {"questions/q1/text": ""}
    second, view = update(
        second,
        event_from_dict(
            {
                "type": "field_kept",
                "path": "questions/q1/text",
                "value": "B tilføj",
                "theirs": "A tilføjer dette.",
            }
        ),
    )
    assert texts(second) == ["B tilføj"]
    assert view.focus is None
    assert view.announce == ui("conflict_intro", "da", field="Spørgsmål 1")
    assert "A tilføjer dette." in view.conflict and "B tilføj" in view.conflict
    assert "A tilføjer dette." in view.kept
    # Typed on to the very same text as the other window: nothing left to choose.
    second, view = typed(second, "questions/q1/text", "A tilføjer dette.")
    assert view.conflict == "" and view.kept is None


def test_a_conflict_remembered_over_a_reload_comes_back_against_what_the_device_keeps_now():
    _, view = conflicted()
    remembered = view.conflicts
    again, _ = start("questions", "da", "2026-11-23", view.kept)
    again, shown = update(
        again, event_from_dict({"type": "conflicts_restored", "conflicts": remembered})
    )
    assert texts(again) == ["Hvordan herfra?"]
    assert shown.values == {"questions/q1/text": "Hvordan herfra?"}
    assert "Hvordan derfra?" in shown.conflict and "Hvordan herfra?" in shown.conflict
    # A place that is no longer there is passed over.
    again, shown = update(
        again,
        event_from_dict(
            {
                "type": "conflicts_restored",
                "conflicts": [{"where": ["questions", 7, "text"], "ours": "x"}],
            }
        ),
    )
    assert len(again.conflicts) == 1


def test_choosing_the_other_windows_text_puts_it_in_the_field():
    second, _ = conflicted()
    second, view = update(second, event_from_dict({"type": "conflict_theirs"}))
    assert texts(second) == ["Hvordan derfra?"]
    assert view.values == {"questions/q1/text": "Hvordan derfra?"}
    assert view.conflict == ""
    assert view.focus == "f-questions-q1-text"
    assert "Hvordan derfra?" in view.draft


def test_choosing_this_windows_text_keeps_it():
    second, _ = conflicted()
    second, view = update(second, event_from_dict({"type": "conflict_ours"}))
    assert texts(second) == ["Hvordan herfra?"]
    assert view.conflict == ""
    assert view.notice["html"].count("begge vinduer") == 1


def test_a_conflict_on_an_item_removed_here_goes_away():
    second, _ = conflicted()
    second, _ = update(second, ItemAdded("questions"))
    second, view = update(second, ItemRemoved("questions", "q1"))
    assert second.conflicts == ()
    assert view.conflict == ""


def test_a_stored_draft_that_cannot_be_read_changes_nothing():
    first, _, base = two_windows()
    after, view = update(first, DraftStored(base=base, text="{broken"))
    assert after == first
    assert view.merged["store"] is False


def test_everything_deleted_in_another_window_empties_this_one_and_says_so():
    first, _, _ = two_windows()
    first, _ = typed(first, "child_name", "Emma")
    first, view = update(first, event_from_dict({"type": "everything_deleted", "elsewhere": True}))
    assert first.values == {}
    assert view.values["child_name"] == ""
    assert "Alt blev slettet i et andet vindue" in view.notice["html"]


def test_a_conflict_deep_in_the_plan_names_the_field_as_the_family_reads_it():
    first, view = start("plan", "da", "2026-11-23")
    second, base = first, view.draft
    path = "sections/s1/actions/a2/what"
    first, written = update(first, FieldChanged(path, "<b>Mormor</b> kører"))
    second, _ = update(second, FieldChanged(path, "Far kører"))
    second, view = update(second, DraftStored(base=base, text=written.draft))
    assert "»Spørgsmål 1 › Aftale 1 › Hvad gør vi?«" in view.conflict
    assert "&lt;b&gt;Mormor&lt;/b&gt; kører" in view.conflict
    assert "<b>" not in view.conflict


def test_reaching_a_texts_limit_is_said_once_in_the_status_line():
    state = with_questions("x" * 499, language="en")
    uid = state.items("questions")[0].uid
    state, view = update(state, FieldChanged(f"questions/{uid}/text", "x" * 500))
    assert view.announce == "You have used all 500 characters there is room for here."
    state, view = update(state, FieldChanged(f"questions/{uid}/text", "x" * 500))
    assert view.announce is None
    state, view = update(state, FieldChanged(f"questions/{uid}/text", "x" * 20))
    assert view.announce is None


def test_a_form_opens_at_the_step_the_family_was_on_and_says_its_draft_was_found():
    from forms import draft as draft_module

    saved = json.dumps(
        {
            "format": draft_module.FORMAT,
            "version": draft_module.VERSION,
            "saved": "2026-12-03",
            "language": "da",
            "forms": {"questions": {"values": {"child_name": "Emma"}}},
        }
    )
    state, view = start("questions", "da", "2026-12-06", saved, step="questions")
    assert state.step == view.step == "questions"
    assert "Velkommen tilbage – kladden fra 3. december 2026 er hentet." in view.welcome
    # A step that is not the form's, or nothing kept: the first step, and no welcome.
    state, view = start("questions", "en", "2026-12-06", None, step="nowhere")
    assert state.step == load("questions").step_ids()[0]
    assert not view.to_dict().get("welcome")


def test_the_familys_texts_are_isolated_beside_the_sites_words_in_the_conflict_box():
    first, second, base = two_windows()
    first, written = typed(first, "questions/q1/text", "\u202eHvordan derfra?")
    second, _ = typed(second, "questions/q1/text", "Hvordan herfra?")
    second, view = update(second, DraftStored(base=base, text=written.draft))
    assert "<dd><bdi>\u202eHvordan derfra?</bdi></dd>" in view.conflict
    assert "<dd><bdi>Hvordan herfra?</bdi></dd>" in view.conflict


def test_the_familys_texts_are_isolated_in_the_answers_to_check():
    state, _ = start("guests", "en", "2026-11-23")
    state, _ = update(state, FieldChanged("child_name", "\u202eEmma"))
    state, _ = update(state, FieldChanged("guests/g1/name", "\u202eKaren"))
    state, view = update(state, FieldChanged("guests/g1/circle", "close"))
    assert "<dd><bdi>\u202eEmma</bdi></dd>" in view.summary
    assert "<li><bdi>\u202eKaren</bdi> – Close family</li>" in view.summary
