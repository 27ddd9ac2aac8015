"""A practitioner's free slots: working hours (clinic time) less appointments and time off."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment
from app.models import Practitioner as PractitionerRow
from app.models import TimeOff as TimeOffRow
from app.models.appointment import CANCELLED
from app.services import schedule_rules, settings
from app.services.dto import Slot
from app.services.errors import ValidationError
from app.services.words import QT_TRANSLATE_NOOP, say


def _clinic_zone(session: Session) -> ZoneInfo:
    return ZoneInfo(settings.read_all(session)["clinic.timezone"])


def _busy(
    session: Session,
    practitioner_id: int,
    start: datetime,
    end: datetime,
    exclude_id: int | None = None,
):
    """The practitioner's non-cancelled appointments overlapping [start, end), except one
    being moved (it may overlap its own old time)."""
    query = select(Appointment.starts_at, Appointment.ends_at).where(
        Appointment.practitioner_id == practitioner_id,
        Appointment.status != CANCELLED,
        Appointment.starts_at < end,
        Appointment.ends_at > start,
    )
    if exclude_id is not None:
        query = query.where(Appointment.id != exclude_id)
    return list(session.execute(query).all())


def _away(session: Session, practitioner_id: int, start: datetime, end: datetime):
    """Time off overlapping [start, end): no slot is offered inside it."""
    return list(
        session.execute(
            select(TimeOffRow.starts_at, TimeOffRow.ends_at).where(
                TimeOffRow.practitioner_id == practitioner_id,
                TimeOffRow.starts_at < end,
                TimeOffRow.ends_at > start,
            )
        ).all()
    )


def _day_slots(
    session: Session, row: PractitionerRow, day: date, minutes: int, zone: ZoneInfo
) -> list[Slot]:
    spans = row.working_hours.get(schedule_rules.DAY_KEYS[day.weekday()], [])
    if not spans:
        return []
    day_start = datetime.combine(day, time(0), zone).astimezone(UTC)
    day_end = day_start + timedelta(days=1, hours=2)
    busy = _busy(session, row.id, day_start, day_end) + _away(session, row.id, day_start, day_end)
    length = timedelta(minutes=minutes)
    slots = []
    for start_text, end_text in spans:
        start = datetime.combine(day, time.fromisoformat(start_text), zone).astimezone(UTC)
        end = datetime.combine(day, time.fromisoformat(end_text), zone).astimezone(UTC)
        while start + length <= end:
            if not any(b_start < start + length and b_end > start for b_start, b_end in busy):
                slots.append(Slot(row.id, start, start + length))
            start += length
    return slots


def _practitioner(session: Session, practitioner_id: int, lock: bool = False) -> PractitionerRow:
    row = session.get(PractitionerRow, practitioner_id, with_for_update=lock)
    if row is None:
        raise ValidationError(
            "practitioner",
            say(QT_TRANSLATE_NOOP("services", "Choose a practitioner; that one does not exist.")),
        )
    return row


def _check_day(day: date) -> None:
    # Year 1 or 9999 would overflow when the day is turned into UTC moments.
    if not schedule_rules.EARLIEST.date() <= day < schedule_rules.LATEST.date():
        raise ValidationError(
            "date",
            say(
                QT_TRANSLATE_NOOP("services", "{day} is not a date the clinic can book."),
                day=f"{day:%d %B %Y}",
            ),
        )


def free_slots(
    db: Database,
    practitioner_id: int,
    day: date,
    minutes: int | None = None,
    not_before: datetime | None = None,
) -> list[Slot]:
    """Working hours of that day (clinic time) minus non-cancelled appointments and time off."""
    _check_day(day)
    with db.reading() as session:
        row = _practitioner(session, practitioner_id)
        slots = _day_slots(
            session, row, day, minutes or row.appointment_minutes, _clinic_zone(session)
        )
    if not_before is not None:
        slots = [s for s in slots if s.starts_at >= not_before]
    return slots


def first_free_slot(
    db: Database,
    practitioner_id: int,
    minutes: int | None = None,
    now: datetime | None = None,
    days_ahead: int = 90,
) -> Slot | None:
    """The first free slot from now on, looking up to `days_ahead` days ahead."""
    now = now or datetime.now(UTC)
    _check_day(now.date())
    with db.reading() as session:
        row = _practitioner(session, practitioner_id)
        zone = _clinic_zone(session)
        today = now.astimezone(zone).date()
        for offset in range(days_ahead):
            day = today + timedelta(days=offset)
            for slot in _day_slots(session, row, day, minutes or row.appointment_minutes, zone):
                if slot.starts_at >= now:
                    return slot
    return None
