"""The plan's dates in the family's own calendar, in both languages: the conference and the
follow-up meeting typed in the plan, saved as a .ics file on the device (nothing sent), read back
with icalendar; the follow-up form offers the same follow-up date from the kept plan."""

import datetime
import zoneinfo

import icalendar
import pytest
from pagecheck import DRAFT_KEY, choose_keep, go_to_step, open_form, stored, wait_until
from test_forms_in_browser import type_into, url

from forms.text import ui

PLACE = "Medborgerhuset; sal 2, Skolegade 4"


def download_calendar(page, tmp_path):
    with page.expect_download() as download_info:
        page.locator("[data-action=calendar_requested]").click()
    download = download_info.value
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    return download.suggested_filename, icalendar.Calendar.from_ical(path.read_bytes())


@pytest.mark.parametrize("language", ["da", "en"])
def test_the_plans_dates_go_into_a_calendar_file(page, site_url, guarded, tmp_path, language):
    open_form(page, url(site_url, "plan", language))
    choose_keep(page, "device")
    go_to_step(page, "check")
    # No date yet: no file, and the family is told why.
    page.locator("[data-action=calendar_requested]").click()
    notice = page.locator("[data-calendar-notice]")
    wait_until(page, "document.querySelector('[data-calendar-notice]').textContent !== ''")
    assert notice.inner_text() == ui("calendar_no_dates", language)

    # "Change" beside the conference's answers goes back to that step.
    page.locator(".fgc-summary [data-action=step_chosen][data-step=conference]").click()
    wait_until(page, "document.querySelector('form.fgc-form').dataset.step === 'conference'")
    page.locator("#f-conference_date").fill("2026-12-10")
    page.locator("#f-conference_time").fill("17:30")
    type_into(page, "f-conference_place", PLACE)
    go_to_step(page, "followup")
    page.locator("#f-followup_date").fill("2027-03-01")
    go_to_step(page, "check")
    name, calendar = download_calendar(page, tmp_path)
    assert name == ui("calendar_file_name", language)
    conference, followup = calendar.walk("VEVENT")
    assert str(conference["SUMMARY"]) == ui("calendar_conference", language)
    copenhagen = zoneinfo.ZoneInfo("Europe/Copenhagen")
    start = datetime.datetime(2026, 12, 10, 17, 30, tzinfo=copenhagen)
    assert conference.decoded("DTSTART") == start
    # It ends (three hours unless the family says otherwise), with a reminder the day before.
    assert conference.decoded("DTEND") == start + datetime.timedelta(hours=3)
    assert [a.decoded("TRIGGER") for a in conference.walk("VALARM")] == [
        -datetime.timedelta(days=1)
    ]
    assert str(conference["LOCATION"]) == PLACE
    assert str(followup["SUMMARY"]) == ui("calendar_followup", language)
    assert followup.decoded("DTSTART") == datetime.date(2027, 3, 1)
    assert "LOCATION" not in followup
    said = notice.inner_text()
    assert said.startswith(ui("calendar_saved", language, name=name, meetings="").split(":")[0])
    assert ("kl. 17.30" if language == "da" else "17:30") in said

    # As the family chooses: four hours, Greenland's time, no reminder, a neutral title; the
    # same events (the same UIDs), so a calendar updates them instead of adding two more.
    page.select_option("#fgc-calendar-hours", "4")
    page.select_option("#fgc-calendar-zone", "greenland")
    page.locator("#fgc-calendar-reminder").uncheck()
    page.locator("#fgc-calendar-neutral").check()
    _, again = download_calendar(page, tmp_path)
    second, _ = again.walk("VEVENT")
    nuuk = datetime.datetime(2026, 12, 10, 17, 30, tzinfo=zoneinfo.ZoneInfo("America/Nuuk"))
    assert second.decoded("DTSTART") == nuuk
    assert second.decoded("DTEND") == nuuk + datetime.timedelta(hours=4)
    assert str(second["SUMMARY"]) == ui("calendar_neutral_title", language)
    assert not list(second.walk("VALARM"))
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == [
        str(e["UID"]) for e in calendar.walk("VEVENT")
    ]

    # The follow-up form has the date from the plan, and saves it as its own calendar file.
    wait_until(page, f"{stored(DRAFT_KEY)}.includes('2027-03-01')")
    open_form(page, url(site_url, "followup", language))
    go_to_step(page, "meeting")
    assert page.input_value("#f-followup_date") == "2027-03-01"
    go_to_step(page, "check")
    _, calendar = download_calendar(page, tmp_path)
    assert [event.decoded("DTSTART") for event in calendar.walk("VEVENT")] == [
        datetime.date(2027, 3, 1)
    ]
    guarded.assert_clean()
