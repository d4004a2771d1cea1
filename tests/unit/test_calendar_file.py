"""The plan's dates as a calendar file: read back with icalendar, the dates and places where the
family wrote them, every text kept as text, and the file's lines as RFC 5545 wants them."""

import datetime
import zoneinfo
from dataclasses import replace

import icalendar
import pytest
from support import example_draft

from forms.app import start, update
from forms.calendar_file import Meeting, calendar_text, described, escape_text, fold, meetings
from forms.events import CalendarRequested, event_from_dict
from forms.schema import load
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
    assert view.calendar["name"] == ui("calendar_file_name", language)
    assert view.calendar["name"].endswith(".ics")
    calendar, events = read(view.calendar["text"])
    assert calendar["VERSION"] == "2.0"
    conference, followup = events
    assert str(conference["SUMMARY"]) == ui("calendar_conference", language)
    # A time is known: the conference begins then, in Danish time, and lasts three hours.
    copenhagen = zoneinfo.ZoneInfo("Europe/Copenhagen")
    assert conference.decoded("DTSTART") == datetime.datetime(
        2026, 12, 10, 17, 0, tzinfo=copenhagen
    )
    assert conference.decoded("DTEND") == datetime.datetime(2026, 12, 10, 20, 0, tzinfo=copenhagen)
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
    said = "; ".join(described(m, state.texts) for m in meetings(load("plan"), state))
    assert ui("calendar_saved", language, name=view.calendar["name"], meetings=said) in (
        view.calendar["message"].replace("&#x27;", "'")
    )
    assert ("10. december 2026 kl. 17.00" if language == "da" else "10 December 2026 17:00") in said


def test_the_follow_up_form_takes_the_date_from_the_plan():
    state, _ = start("followup", "en", "2026-11-23", example_draft(["plan", "followup"], "en"))
    assert state.values["followup_date"] == "2027-03-01"
    _, view = update(state, CalendarRequested(now=NOW))
    _, events = read(view.calendar["text"])
    assert [event.decoded("DTSTART") for event in events] == [datetime.date(2027, 3, 1)]
    assert str(events[0]["SUMMARY"]) == ui("calendar_followup", "en")


def test_without_a_date_there_is_no_file_and_the_family_is_told():
    state, _ = start("plan", "da", "2026-11-23")
    _, view = update(state, CalendarRequested(now=NOW))
    assert "text" not in view.calendar
    assert ui("calendar_no_dates", "da") in view.calendar["message"]
    # Any other event leaves the calendar alone.
    _, view = update(state, event_from_dict({"type": "step_continued"}))
    assert view.calendar is None


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
    # The event's own, and three times as text: title, place, and the reminder's title.
    assert text.count("BEGIN:VEVENT") == 1 + 3
    assert text.count("\r\nEND:VCALENDAR\r\n") == 1


def test_a_place_typed_in_the_form_goes_into_the_file_as_typed():
    state, _ = start("plan", "en", "2026-11-23", example_draft(["plan"], "en"))
    state = replace(state, values={**state.values, "conference_place": HOSTILE[:120]})
    found = meetings(load("plan"), state)
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
    assert meetings(load("plan"), state) == [
        Meeting("followup", ui("calendar_followup", "en"), "2027-03-01", "", "", hours=2)
    ]


# ----- As the family chooses: length, reminder, time zone, title; and updating, not adding -----


def _file(state, now=NOW, **choices):
    _, view = update(
        state, event_from_dict({"type": "calendar_requested", "now": now, "choices": choices})
    )
    return read(view.calendar["text"])


def _family(language="da"):
    state, _ = start("plan", language, "2026-12-01", example_draft(["plan"], language, "family"))
    return state


def test_the_conference_has_an_end_as_long_as_the_family_says_and_a_reminder_the_day_before():
    _, events = _file(_family(), hours="5")
    conference = events[0]
    start_at, end_at = conference.decoded("DTSTART"), conference.decoded("DTEND")
    assert end_at - start_at == datetime.timedelta(hours=5)
    alarms = list(conference.walk("VALARM"))
    assert len(alarms) == 1
    assert alarms[0].decoded("TRIGGER") == -datetime.timedelta(days=1)
    assert str(alarms[0]["ACTION"]) == "DISPLAY"
    # An unknown length is the default; the family can turn the reminder off.
    _, events = _file(_family(), hours="99", reminder=False)
    assert events[0].decoded("DTEND") - events[0].decoded("DTSTART") == datetime.timedelta(hours=3)
    assert not any(list(event.walk("VALARM")) for event in events)


@pytest.mark.parametrize(
    ("zone", "name"), [("denmark", "Europe/Copenhagen"), ("greenland", "America/Nuuk")]
)
def test_the_time_zone_the_family_chose_is_written_with_rules_that_match_the_real_ones(zone, name):
    calendar, events = _file(_family(), zone=zone)
    conference = events[0]
    assert conference["DTSTART"].params["TZID"] == name
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == name
    # The file's own rules (read by icalendar into a tzinfo) against the system's zoneinfo,
    # every hour over four years: the same offset from UTC at every moment.
    written, real = timezone.to_tz(), zoneinfo.ZoneInfo(name)
    moment = datetime.datetime(2026, 1, 1, 0, 30)
    while moment.year < 2030:
        assert (
            moment.replace(tzinfo=written).utcoffset() == moment.replace(tzinfo=real).utcoffset()
        ), moment
        moment += datetime.timedelta(hours=1)
    utc_start = conference.decoded("DTSTART").astimezone(datetime.UTC)
    local = datetime.datetime(2027, 1, 14, 17, 0, tzinfo=real)
    assert utc_start == local.astimezone(datetime.UTC)


def test_a_neutral_title_names_no_family_group_conference():
    _, events = _file(_family("en"), neutral=True)
    titles = {str(event["SUMMARY"]) for event in events}
    assert titles == {ui("calendar_neutral_title", "en")}
    # Nothing a calendar shows says what the meeting is: title, place, the reminder's text.
    shown = [str(event.get("SUMMARY")) for event in events] + [
        str(alarm["DESCRIPTION"]) for event in events for alarm in event.walk("VALARM")
    ]
    assert all(text == ui("calendar_neutral_title", "en") for text in shown)


def test_a_newer_file_after_a_change_updates_the_same_events_instead_of_adding_new_ones():
    state = _family()
    _, first = _file(state)
    state, _ = update(
        state,
        event_from_dict(
            {"type": "field_changed", "path": "conference_date", "value": "2027-01-21"}
        ),
    )
    state, _ = update(
        state,
        event_from_dict({"type": "field_changed", "path": "conference_time", "value": "16:30"}),
    )
    _, second = _file(state, now="2026-12-03T08:00:00Z")
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
    assert second[0].decoded("DTSTART").date() == datetime.date(2027, 1, 21)
    assert int(second[0]["SEQUENCE"]) > int(first[0]["SEQUENCE"])
    # Read into one calendar, as a calendar does on import: one event per UID, the newer one.
    kept = {}
    for event in [*first, *second]:
        uid = str(event["UID"])
        if uid not in kept or int(event["SEQUENCE"]) > int(kept[uid]["SEQUENCE"]):
            kept[uid] = event
    assert len(kept) == 2
    # Another family's file does not overwrite this one's.
    other, _ = start("plan", "da", "2026-12-01", example_draft(["plan"], "da"))
    _, theirs = _file(other)
    assert not {str(e["UID"]) for e in theirs} & set(kept)
    # The UID says nothing about the child.
    assert all("sara" not in uid.lower() for uid in kept)
