"""The dates of the plan as a calendar file (iCalendar, RFC 5545), for the family's own calendar:
the family group conference and the follow-up meeting, named in the form's language, with the
place where the family wrote one. The page saves the file on the device; nothing is sent.

Where only a date is known the event lasts the whole day (VALUE=DATE); with a time, it begins
then in local time (no time zone: the family's calendar shows it where they are)."""

import datetime
from dataclasses import dataclass

from forms.schema import FormDefinition, well_formed
from forms.state import FormState
from forms.text import format_date, ui

# The meetings a form can hold: (ui text of its name, date field, time field, place field).
MEETINGS = (
    ("calendar_conference", "conference_date", "conference_time", "conference_place"),
    ("calendar_followup", "followup_date", "followup_time", "followup_place"),
)
PRODUCT = "-//Familieraadslagning//Forberedelse//DA"
LINE_OCTETS = 75


@dataclass(frozen=True)
class Meeting:
    kind: str  # "conference" or "followup"
    summary: str
    date: str  # YYYY-MM-DD
    time: str = ""  # HH:MM, or "" for the whole day
    location: str = ""


def offers_calendar(definition: FormDefinition) -> bool:
    """Whether a form holds a meeting's date (the plan, the follow-up)."""
    names = {field.name for field in definition.fields}
    return any(date in names for _, date, _, _ in MEETINGS)


def meetings(state: FormState) -> list[Meeting]:
    """The meetings whose date the form holds, in the form's language."""
    found = []
    for name, date_field, time_field, place_field in MEETINGS:
        date = state.values.get(date_field, "").strip()
        if not well_formed("date", date) or not date:
            continue
        time = state.values.get(time_field, "").strip()
        found.append(
            Meeting(
                kind=date_field.removesuffix("_date"),
                summary=ui(name, state.language),
                date=date,
                time=time if time and well_formed("time", time) else "",
                location=state.values.get(place_field, "").strip(),
            )
        )
    return found


def escape_text(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\r", "\\n").replace("\n", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets (RFC 5545 3.1): CRLF and one space before each
    continuation, never inside a character's UTF-8 bytes."""
    parts, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        # A continuation line's leading space counts towards its 75 octets.
        limit = LINE_OCTETS if not parts else LINE_OCTETS - 1
        if size + octets > limit:
            parts.append(current)
            current, size = "", 0
        current += char
        size += octets
    parts.append(current)
    return "\r\n ".join(parts)


def _uid(meeting: Meeting) -> str:
    """The same meeting gets the same UID, so a calendar opening the file again updates it
    instead of adding it twice."""
    when = meeting.date.replace("-", "") + (
        "T" + meeting.time.replace(":", "") if meeting.time else ""
    )
    return f"{meeting.kind}-{when}@familieraadslagning"


def _stamp(now: str) -> str:
    """'2026-11-23T10:04:05.123Z' (a browser's toISOString) -> '20261123T100405Z'."""
    moment = datetime.datetime.fromisoformat(now.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ")


def calendar_text(found: list[Meeting], now: str) -> str:
    """The iCalendar file: one VEVENT per meeting; `now` (ISO 8601, UTC) is its DTSTAMP."""
    stamp = _stamp(now)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODUCT}", "CALSCALE:GREGORIAN"]
    for meeting in found:
        day = datetime.date.fromisoformat(meeting.date)
        lines += ["BEGIN:VEVENT", f"UID:{_uid(meeting)}", f"DTSTAMP:{stamp}"]
        if meeting.time:
            hour, minute = meeting.time.split(":")
            lines.append(f"DTSTART:{day:%Y%m%d}T{hour}{minute}00")
        else:
            lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}")
        lines.append(f"SUMMARY:{escape_text(meeting.summary)}")
        if meeting.location:
            lines.append(f"LOCATION:{escape_text(meeting.location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def described(meeting: Meeting, language: str) -> str:
    """A meeting in words: 'Familierådslagning, 10. december 2026 kl. 17.30'."""
    when = format_date(meeting.date, language)
    if meeting.time:
        hour, minute = meeting.time.split(":")
        when += " " + ui("time_format", language, hour=hour, minute=minute)
    return f"{meeting.summary}, {when}"


def file_name(language: str) -> str:
    return ui("calendar_file_name", language)
