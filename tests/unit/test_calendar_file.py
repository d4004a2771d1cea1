"""The plan's dates as a calendar file: read back with icalendar, the dates and places where the
family wrote them, every text kept as text, and the file's lines as RFC 5545 wants them."""

import datetime
from dataclasses import replace

import icalendar
import pytest
from support import example_draft

from forms.app import start, update
from forms.calendar_file import Meeting, calendar_text, described, escape_text, fold, meetings
from forms.events import CalendarRequested, event_from_dict
from forms.text import ui

NOW = "2026-11-23T10:04:05.123Z"
HOSTILE = 'Kirkevej 3; 2. sal, "lokale\\B"\nBEGIN:VEVENT\r\nEND:VCALENDAR <script>alert(1)</script>'


def read(text: str):
    calendar = icalendar.Calendar.from_ical(text)
    return calendar, list(calendar.walk("VEVENT"))


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_plans_dates_are_in_the_file_in_the_forms_language(language):
    state, _ = start("plan", language, "2026-11-23", example_draft(["plan"], language))
    state, view = update(state, event_from_dict({"type": "calendar_requested", "now": NOW}))
    assert view["calendar"]["name"] == ui("calendar_file_name", language)
    assert view["calendar"]["name"].endswith(".ics")
    calendar, events = read(view["calendar"]["text"])
    assert calendar["VERSION"] == "2.0"
    conference, followup = events
    assert str(conference["SUMMARY"]) == ui("calendar_conference", language)
    # A time is known: the conference begins then, in local time.
    assert conference.decoded("DTSTART") == datetime.datetime(2026, 12, 10, 17, 0)
    assert str(conference["LOCATION"]) == "Medborgerhuset, Skolegade 4"
    # Only a date: the whole day.
    assert str(followup["SUMMARY"]) == ui("calendar_followup", language)
    assert followup.decoded("DTSTART") == datetime.date(2027, 3, 1)
    assert followup["DTSTART"].params["VALUE"] == "DATE"
    assert followup.decoded("DTEND") == datetime.date(2027, 3, 2)
    for event in events:
        assert str(event["UID"]).endswith("@familieraadslagning")
        assert event.decoded("DTSTAMP") == datetime.datetime(
            2026, 11, 23, 10, 4, 5, tzinfo=datetime.UTC
        )
    assert len({str(event["UID"]) for event in events}) == 2
    said = "; ".join(described(meeting, language) for meeting in meetings(state))
    assert ui("calendar_saved", language, name=view["calendar"]["name"], meetings=said) in (
        view["calendar"]["message"].replace("&#x27;", "'")
    )
    assert ("10. december 2026 kl. 17.00" if language == "da" else "10 December 2026 17:00") in said


def test_the_follow_up_form_takes_the_date_from_the_plan():
    state, _ = start("followup", "en", "2026-11-23", example_draft(["plan", "followup"], "en"))
    assert state.values["followup_date"] == "2027-03-01"
    _, view = update(state, CalendarRequested(now=NOW))
    _, events = read(view["calendar"]["text"])
    assert [event.decoded("DTSTART") for event in events] == [datetime.date(2027, 3, 1)]
    assert str(events[0]["SUMMARY"]) == ui("calendar_followup", "en")


def test_without_a_date_there_is_no_file_and_the_family_is_told():
    state, _ = start("plan", "da", "2026-11-23")
    _, view = update(state, CalendarRequested(now=NOW))
    assert "text" not in view["calendar"]
    assert ui("calendar_no_dates", "da") in view["calendar"]["message"]
    # Any other event leaves the calendar alone.
    _, view = update(state, event_from_dict({"type": "step_continued"}))
    assert view["calendar"] is None


def test_hostile_text_stays_text_in_the_summary_and_the_place():
    text = calendar_text(
        [Meeting("conference", HOSTILE, "2026-12-10", "", HOSTILE)], "2026-11-23T10:04:05Z"
    )
    _, events = read(text)
    assert len(events) == 1
    assert str(events[0]["SUMMARY"]) == HOSTILE.replace("\r\n", "\n")
    assert str(events[0]["LOCATION"]) == HOSTILE.replace("\r\n", "\n")
    # The line breaks became \n inside the value: no line of the file is one of the family's.
    assert "\r\nBEGIN:VEVENT" not in text.replace("BEGIN:VEVENT\r\nUID", "")
    assert text.count("BEGIN:VEVENT") == 1 + 2  # the event's own, and twice as text
    assert text.count("\r\nEND:VCALENDAR\r\n") == 1


def test_a_place_typed_in_the_form_goes_into_the_file_as_typed():
    state, _ = start("plan", "en", "2026-11-23", example_draft(["plan"], "en"))
    state = replace(state, values={**state.values, "conference_place": HOSTILE[:120]})
    found = meetings(state)
    assert found[0].location == HOSTILE[:120].strip()
    _, events = read(calendar_text(found, NOW))
    assert str(events[0]["LOCATION"]) == HOSTILE[:120].strip().replace("\r\n", "\n")


def test_text_is_escaped_as_rfc_5545_says():
    assert escape_text("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf"


def test_lines_are_folded_at_75_octets_and_end_with_crlf():
    line = "LOCATION:" + "æøå Ærø " * 30
    folded = fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join(part[1:] if n else part for n, part in enumerate(parts)) == line
    text = calendar_text([Meeting("followup", "x" * 200, "2027-03-01")], NOW)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    assert all(len(raw.encode()) <= 75 for raw in text.split("\r\n"))


def test_a_wrong_date_or_time_in_the_draft_is_left_out():
    state, _ = start("plan", "en", "2026-11-23")
    state = replace(
        state,
        values={
            **state.values,
            "conference_date": "2026-13-40",
            "followup_date": "2027-03-01",
            "followup_time": "25:99",
        },
    )
    assert meetings(state) == [
        Meeting("followup", ui("calendar_followup", "en"), "2027-03-01", "", "")
    ]
