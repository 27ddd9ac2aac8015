"""The appointment as an .ics calendar file, made with the `icalendar` package."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

PRODUCT_ID = "-//CaseDesk//Clinic reception//EN"


@dataclass(frozen=True)
class CalendarEntry:
    """What the patient's calendar shows for one appointment."""

    appointment_id: int
    starts_at: datetime  # aware
    ends_at: datetime  # aware
    timezone: str  # the clinic's IANA zone
    summary: str
    description: str
    location: str = ""
    url: str = ""
    sequence: int = 0  # grows with each change of time, so the patient's event is updated


def uid_for(appointment_id: int) -> str:
    """Stable per appointment, so a resent message updates the same calendar entry."""
    return f"appointment-{appointment_id}@casedesk"


def appointment_calendar(entry: CalendarEntry, now: datetime | None = None) -> bytes:
    """An iCalendar (METHOD:PUBLISH) with one event in the clinic's time zone.

    The start and end carry the clinic's TZID and a VTIMEZONE, so a patient
    abroad still sees the visit at the clinic's local time converted correctly.
    """
    # Imported here, not at the top: icalendar costs ~50 ms of every start-up.
    from icalendar import Calendar, Event

    if entry.starts_at.tzinfo is None or entry.ends_at.tzinfo is None:
        raise ValueError("appointment times must be time-zone aware")
    zone = ZoneInfo(entry.timezone)
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    event = Event()
    event.add("uid", uid_for(entry.appointment_id))
    event.add("dtstamp", (now or datetime.now(UTC)).astimezone(UTC))
    event.add("sequence", entry.sequence)
    event.add("dtstart", entry.starts_at.astimezone(zone))
    event.add("dtend", entry.ends_at.astimezone(zone))
    event.add("summary", entry.summary)
    event.add("description", entry.description)
    if entry.location:
        event.add("location", entry.location)
    if entry.url:
        event.add("url", entry.url)
    calendar.add_component(event)
    year = entry.starts_at.year
    calendar.add_missing_timezones(
        first_date=datetime(year - 1, 1, 1).date(), last_date=datetime(year + 2, 1, 1).date()
    )
    return calendar.to_ical()
