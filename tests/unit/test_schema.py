"""Form definitions load into complete, usable structures."""

from forms.schema import form_ids, load


def test_every_form_definition_loads():
    assert "questions" in form_ids()
    for form_id in form_ids():
        definition = load(form_id)
        assert definition.id == form_id
        assert definition.title


def test_the_questions_form_has_a_growing_list_of_questions():
    questions = load("questions").list_def("questions")
    assert questions.min_items == 1
    assert questions.max_items >= 5
    assert [field.name for field in questions.fields] == ["text"]


def test_a_date_or_time_is_well_formed_only_as_the_browsers_inputs_give_it():
    from forms.schema import well_formed

    assert well_formed("date", "2026-12-10") and well_formed("time", "17:30")
    assert not well_formed("date", "2026-02-30")
    assert not well_formed("date", "20261210")
    assert not well_formed("time", "25:00")
    assert not well_formed("time", "17:30:00")
    assert well_formed("text", "anything")
