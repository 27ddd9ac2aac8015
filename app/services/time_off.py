"""Practitioners' time off: holidays, courses, an afternoon away.

The booking rules (schedule_rules) refuse a start inside time off, the free slots leave it
out, and the book and the wizard read it through `time_off_between`.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.db import Database
from app.models import Practitioner as PractitionerRow
from app.models import TimeOff as TimeOffRow
from app.services import audit
from app.services.dto import TimeOff
from app.services.errors import NotFoundError, ValidationError
from app.services.permissions import Permission, require
from app.services.schedule_rules import EARLIEST, LATEST
from app.services.validation import check_text, column_length
from app.services.words import QT_TRANSLATE_NOOP, say

REASON_LENGTH = column_length(TimeOffRow.reason)


def _dto(row: TimeOffRow) -> TimeOff:
    return TimeOff(row.id, row.practitioner_id, row.starts_at, row.ends_at, row.reason)


def _snapshot(row: TimeOffRow) -> dict:
    return {
        "practitioner_id": row.practitioner_id,
        "starts_at": row.starts_at.isoformat(),
        "ends_at": row.ends_at.isoformat(),
        "reason": row.reason,
    }


def _moment(value: datetime, field: str, what: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(
            field, say(QT_TRANSLATE_NOOP("services", "The {what} has no time zone."), what=what)
        )
    if not EARLIEST <= value.replace(tzinfo=None) < LATEST:
        raise ValidationError(
            field,
            say(
                QT_TRANSLATE_NOOP("services", "The {what} ({day}) is not a usable date."),
                what=what,
                day=f"{value:%d %B %Y}",
            ),
        )
    return value.astimezone(UTC)


def _clean(starts_at: datetime, ends_at: datetime, reason: str | None) -> tuple:
    start = _moment(
        starts_at, "startsAt", say(QT_TRANSLATE_NOOP("services", "start of the time off"))
    )
    end = _moment(ends_at, "endsAt", say(QT_TRANSLATE_NOOP("services", "end of the time off")))
    if end <= start:
        raise ValidationError(
            "endsAt", say(QT_TRANSLATE_NOOP("services", "The time off must end after it starts."))
        )
    text = " ".join((reason or "").split())
    check_text("reason", text, say(QT_TRANSLATE_NOOP("services", "reason")), REASON_LENGTH)
    return start, end, text


def add_time_off(
    db: Database,
    practitioner_id: int,
    starts_at: datetime,
    ends_at: datetime,
    reason: str | None = None,
) -> TimeOff:
    """Records time off for a practitioner (aware datetimes; stored in UTC), audited.

    Appointments already booked in it are left as they are: the desk moves or cancels them
    with the patient; new bookings and free slots leave the time off out from now on.
    """
    start, end, text = _clean(starts_at, ends_at, reason)
    with db.writing() as session:
        require(session, Permission.SETTINGS)
        if session.get(PractitionerRow, practitioner_id) is None:
            raise ValidationError(
                "practitioner",
                say(
                    QT_TRANSLATE_NOOP("services", "Choose a practitioner; that one does not exist.")
                ),
            )
        row = TimeOffRow(practitioner_id=practitioner_id, starts_at=start, ends_at=end, reason=text)
        session.add(row)
        session.flush()
        audit.record(session, "time_off.add", "time_off", row.id, None, _snapshot(row))
        return _dto(row)


def remove_time_off(db: Database, time_off_id: int) -> None:
    """Deletes one stretch of time off, audited with what it was."""
    with db.writing() as session:
        require(session, Permission.SETTINGS)
        row = session.get(TimeOffRow, time_off_id)
        if row is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("services", "That time off was already removed."))
            )
        before = _snapshot(row)
        session.delete(row)
        audit.record(session, "time_off.remove", "time_off", time_off_id, before, None)


def list_time_off(
    db: Database, practitioner_id: int, start: datetime, end: datetime
) -> list[TimeOff]:
    """One practitioner's time off overlapping [start, end), earliest first."""
    return _between(db, start, end, practitioner_id)


def time_off_between(db: Database, start: datetime, end: datetime) -> list[TimeOff]:
    """Every practitioner's time off overlapping [start, end), earliest first (for the book)."""
    return _between(db, start, end, None)


def _between(
    db: Database, start: datetime, end: datetime, practitioner_id: int | None
) -> list[TimeOff]:
    start = _moment(start, "start", "start of the range")
    end = _moment(end, "end", "end of the range")
    query = (
        select(TimeOffRow)
        .where(TimeOffRow.starts_at < end, TimeOffRow.ends_at > start)
        .order_by(TimeOffRow.starts_at, TimeOffRow.id)
    )
    if practitioner_id is not None:
        query = query.where(TimeOffRow.practitioner_id == practitioner_id)
    with db.reading() as session:
        return [_dto(r) for r in session.scalars(query)]
