"""The two meetings in order (plan/meetings.py): a follow-up dated before the conference gets
a gentle word."""

import pytest
from test_family_size import FAMILY, _read, family

from forms.app import start, update
from forms.events import FieldChanged, StepChosen
from forms.schema import CHECK_STEP, load
from forms.text import format_date, pick


@pytest.mark.parametrize("form_id", ["plan", "followup"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_a_follow_up_dated_before_the_conference_gets_a_gentle_word(form_id, language):
    state, _ = start(form_id, language, "2026-12-01", family(["plan"], language))
    message = pick(load(form_id).messages["before_conference"], language).format(
        conference=format_date(FAMILY["plan"]["conference_date"], language)
    )
    state, view = update(state, FieldChanged("followup_date", "2027-04-15"))
    assert message not in str(view.coaching)
    state, view = update(state, FieldChanged("followup_date", "2027-01-02"))
    assert message in _read(view.coaching["followup_date"])
    _, view = update(state, StepChosen(CHECK_STEP))
    assert message in _read(view.summary)
