"""The dates of the plan as a calendar file (iCalendar, RFC 5545), for the family's own calendar:
the family group conference and the follow-up meeting, named in the form's language, with the
place where the family wrote one. The page saves the file on the device; nothing is sent.

Where only a date is known the event lasts the whole day (VALUE=DATE); with a time, it begins
then in Danish or Greenlandic time as the family chooses (a VTIMEZONE in the file, so any
calendar reads it the same) and lasts as long as the family says. A reminder the day before
unless the family turns it off; a neutral title ("Møde") for a shared or work calendar. Each
meeting's UID stays the same when its date changes, so opening a new file updates the event."""

import datetime
from dataclasses import dataclass, field

from forms.schema import FormDefinition, well_formed
from forms.state import FormState
from forms.text import Texts

PRODUCT = "-//Familieraadslagning//Forberedelse//DA"
LINE_OCTETS = 75
DURATIONS = (2, 3, 4, 5)  # hours the family can choose for the conference
DEFAULT_HOURS = 3
# The two time zones, with their rules as RFC 5545 wants them written (checked against the
# system's zoneinfo in tests/unit/test_calendar_file.py). Greenland (America/Nuuk) keeps
# UTC-2 with summer time at the EU's moments, 01:00 UTC, since 2024.
ZONES = {
    "denmark": (
        "Europe/Copenhagen",
        [
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "TZNAME:CEST",
            "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:+0200",
            "TZOFFSETTO:+0100",
            "TZNAME:CET",
            "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
        ],
    ),
    "greenland": (
        "America/Nuuk",
        [
            "BEGIN:DAYLIGHT",
            "TZOFFSETFROM:-0200",
            "TZOFFSETTO:-0100",
            "TZNAME:-01",
            # 01:00 UTC on the last Sunday of March is 23:00 the Saturday before.
            "DTSTART:20240330T230000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=SA;BYMONTHDAY=24,25,26,27,28,29,30",
            "END:DAYLIGHT",
            "BEGIN:STANDARD",
            "TZOFFSETFROM:-0100",
            "TZOFFSETTO:-0200",
            "TZNAME:-02",
            "DTSTART:20241027T000000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
            "END:STANDARD",
        ],
    ),
}
DEFAULT_ZONE = "denmark"


@dataclass(frozen=True)
class Choices:
    """What the family chose for the file: the conference's length, the time zone, a reminder
    the day before, and a neutral title."""

    hours: int = DEFAULT_HOURS
    zone: str = DEFAULT_ZONE
    reminder: bool = True
    neutral: bool = False

    @classmethod
    def read(cls, raw: dict) -> "Choices":
        """The page's choices, anything unknown taken as the default."""
        try:
            hours = int(raw.get("hours", DEFAULT_HOURS))
        except (TypeError, ValueError):
            hours = DEFAULT_HOURS
        zone = str(raw.get("zone", DEFAULT_ZONE))
        return cls(
            hours=hours if hours in DURATIONS else DEFAULT_HOURS,
            zone=zone if zone in ZONES else DEFAULT_ZONE,
            reminder=raw.get("reminder", True) is not False,
            neutral=raw.get("neutral", False) is True,
        )


@dataclass(frozen=True)
class Meeting:
    kind: str  # the meeting's id in its form ([[meetings]] in form.toml)
    summary: str
    date: str  # YYYY-MM-DD
    time: str = ""  # HH:MM, or "" for the whole day
    location: str = ""
    hours: int = DEFAULT_HOURS
    # Who the meetings are about (the child's name): part of the UID only as a hash.
    about: str = field(default="", repr=False)


def offers_calendar(definition: FormDefinition) -> bool:
    """Whether a form holds a meeting's date ([[meetings]] in its form.toml)."""
    return bool(definition.meetings)


def chooses_length(definition: FormDefinition) -> bool:
    """Whether the family chooses how long one of the form's meetings lasts."""
    return any(meeting.hours is None for meeting in definition.meetings)


def meetings(
    definition: FormDefinition, state: FormState, choices: Choices | None = None
) -> list[Meeting]:
    """The meetings whose date the form holds, in the form's language (or neutral)."""
    choices = choices or Choices()
    about = definition.role_value("child", state.values)
    found = []
    for meeting in definition.meetings:
        date = state.values.get(meeting.date, "").strip()
        if not well_formed("date", date) or not date:
            continue
        time = state.values.get(meeting.time, "").strip() if meeting.time else ""
        place = state.values.get(meeting.place, "").strip() if meeting.place else ""
        if choices.neutral:
            summary = state.texts.ui("calendar_neutral_title")
        elif isinstance(meeting.name, dict):  # the form's own words for it
            summary = state.texts.pick(meeting.name)
        else:
            summary = state.texts.ui(meeting.name)
        found.append(
            Meeting(
                kind=meeting.id,
                summary=summary,
                date=date,
                time=time if time and well_formed("time", time) else "",
                location=place,
                hours=choices.hours if meeting.hours is None else meeting.hours,
                about=about,
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
    """The same meeting gets the same UID whatever its date, time or place, so a calendar
    opening a newer file updates the event instead of adding it twice; the child's name goes
    in only as a hash, so two families' files in one calendar stay apart."""
    return f"{meeting.kind}-{_fnv(meeting.about.casefold()):016x}@familieraadslagning"


def _fnv(text: str) -> int:
    """FNV-1a, 64 bits: a stable short hash with nothing to import (Pyodide has no hashlib)."""
    value = 0xCBF29CE484222325
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return value


def _moment(now: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(now.replace("Z", "+00:00"))
    if moment.tzinfo is not None:
        moment = moment.astimezone(datetime.UTC)
    return moment


def _stamp(now: str) -> str:
    """'2026-11-23T10:04:05.123Z' (a browser's toISOString) -> '20261123T100405Z'."""
    return _moment(now).strftime("%Y%m%dT%H%M%SZ")


def _sequence(now: str) -> int:
    """A later file has a higher SEQUENCE: minutes since 2024, so a calendar takes it as the
    newer version of the same event."""
    start = datetime.datetime(2024, 1, 1)
    return max(int((_moment(now).replace(tzinfo=None) - start).total_seconds() // 60), 0)


def _alarm(meeting: Meeting) -> list[str]:
    return [
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        f"DESCRIPTION:{escape_text(meeting.summary)}",
        "TRIGGER:-P1D",
        "END:VALARM",
    ]


def calendar_text(found: list[Meeting], now: str, choices: Choices | None = None) -> str:
    """The iCalendar file: one VEVENT per meeting; `now` (ISO 8601, UTC) is its DTSTAMP."""
    choices = choices or Choices()
    zone_id, rules = ZONES[choices.zone]
    stamp = _stamp(now)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if any(meeting.time for meeting in found):
        lines += ["BEGIN:VTIMEZONE", f"TZID:{zone_id}", *rules, "END:VTIMEZONE"]
    for meeting in found:
        day = datetime.date.fromisoformat(meeting.date)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_uid(meeting)}",
            f"DTSTAMP:{stamp}",
            f"SEQUENCE:{_sequence(now)}",
        ]
        if meeting.time:
            hour, minute = (int(part) for part in meeting.time.split(":"))
            start = datetime.datetime.combine(day, datetime.time(hour, minute))
            end = start + datetime.timedelta(hours=meeting.hours)
            lines.append(f"DTSTART;TZID={zone_id}:{start:%Y%m%dT%H%M%S}")
            lines.append(f"DTEND;TZID={zone_id}:{end:%Y%m%dT%H%M%S}")
        else:
            lines.append(f"DTSTART;VALUE=DATE:{day:%Y%m%d}")
            lines.append(f"DTEND;VALUE=DATE:{day + datetime.timedelta(days=1):%Y%m%d}")
        lines.append(f"SUMMARY:{escape_text(meeting.summary)}")
        if meeting.location:
            lines.append(f"LOCATION:{escape_text(meeting.location)}")
        if choices.reminder:
            lines += _alarm(meeting)
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def described(meeting: Meeting, texts: Texts) -> str:
    """A meeting in words: 'Familierådslagning, 10. december 2026 kl. 17.30'."""
    when = texts.date(meeting.date)
    if meeting.time:
        hour, minute = meeting.time.split(":")
        when += " " + texts.ui("time_format", hour=hour, minute=minute)
    return f"{meeting.summary}, {when}"


def file_name(texts: Texts) -> str:
    return texts.ui("calendar_file_name")
