"""The rules every appointment start meets, whichever service places it.

Booking and moving both call `check_start` inside their write transaction, so the wizard,
the move dialog, the book's drag-and-drop and any script meet the same rules: no start in
the past, none outside the practitioner's working hours (the gaps between a day's spans
are breaks) or in their time off, and no wall time the clinic's clock never shows.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Practitioner as PractitionerRow
from app.models import TimeOff as TimeOffRow
from app.services.clinic_time import local_label, wall_time_exists
from app.services.errors import ValidationError
from app.services.words import QT_TRANSLATE_NOOP, say

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Dates no clinic books: far enough out to catch a slip of the keyboard (year 1, 9999)
# before any arithmetic on them overflows.
EARLIEST = datetime(2000, 1, 1)
LATEST = datetime(2200, 1, 1)
FIELD = "startsAt"


def appointment_span(starts_at: datetime, length: timedelta) -> tuple[datetime, datetime]:
    """(start, end) in UTC for a start as typed and a length.

    Raises ValidationError for a start without a time zone or on a date no clinic books
    (year 1, 9999: adding the length or converting the zone would overflow). Call it before
    working out the end, then pass the start as typed to `check_start`.
    """
    _check_date(starts_at)
    start = starts_at.astimezone(UTC)
    return start, start + length


def check_start(
    session: Session,
    practitioner_row: PractitionerRow,
    starts_at: datetime,
    ends_at: datetime,
    zone: tzinfo,
    *,
    now: datetime,
    override: bool = False,
) -> None:
    """Raises ValidationError (field "startsAt") when the appointment may not start then.

    Pass `starts_at` as it was given (in the clinic's zone when typed), since a wall time the
    clocks skip can only be told from it. `override` (walk-in, out of hours, late entry)
    lets a past or out-of-hours start through but never a time that does not exist; the
    caller records in its audit trail that it was used.
    """
    _check_date(starts_at)
    _check_date(ends_at)
    if not wall_time_exists(starts_at):
        raise ValidationError(
            FIELD,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "{time} on {day} does not exist in {zone}: the clocks go forward then. "
                    "Choose another time.",
                ),
                time=f"{starts_at:%H:%M}",
                day=f"{starts_at:%d %B %Y}",
                zone=_zone_name(starts_at.tzinfo),
            ),
        )
    if override:
        return
    if starts_at < now:
        raise ValidationError(
            FIELD,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "{when} has already passed. Choose a time from now on, or book it as a walk-in.",
                ),
                when=_when(starts_at, zone),
            ),
        )
    _check_hours(practitioner_row, starts_at, ends_at, zone)
    _check_time_off(session, practitioner_row, starts_at, ends_at, zone)


def working_spans(row: PractitionerRow, day: date, zone: tzinfo) -> list[tuple[datetime, datetime]]:
    """The practitioner's working spans on `day` (clinic date), as UTC (start, end) pairs."""
    spans = (row.working_hours or {}).get(DAY_KEYS[day.weekday()], [])
    return [
        (
            datetime.combine(day, time.fromisoformat(start), zone).astimezone(UTC),
            datetime.combine(day, time.fromisoformat(end), zone).astimezone(UTC),
        )
        for start, end in spans
    ]


def _check_date(moment: datetime) -> None:
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise ValidationError(
            FIELD, say(QT_TRANSLATE_NOOP("services", "The appointment time has no time zone."))
        )
    if not EARLIEST <= moment.replace(tzinfo=None) < LATEST:
        raise ValidationError(
            FIELD,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "{day} is not a date the clinic can book; check the year."
                ),
                day=f"{moment:%d %B %Y}",
            ),
        )


def _check_hours(row: PractitionerRow, start: datetime, end: datetime, zone: tzinfo) -> None:
    day = start.astimezone(zone).date()
    spans = working_spans(row, day, zone)
    start, end = start.astimezone(UTC), end.astimezone(UTC)
    if any(s <= start and end <= e for s, e in spans):
        return
    weekdays = say(WEEKDAYS[day.weekday()])
    if not spans:
        raise ValidationError(
            FIELD,
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "{name} does not work on {weekdays}. Choose another day, "
                    "or book it as out of hours.",
                ),
                name=row.name,
                weekdays=weekdays,
            ),
        )
    for (_, break_start), (break_end, _) in zip(spans, spans[1:], strict=False):
        if break_start <= start < break_end:
            raise ValidationError(
                FIELD,
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "{start} is in {name}'s break ({begins}-{ends}). Choose another time.",
                    ),
                    start=local_label(start, zone),
                    name=row.name,
                    begins=local_label(break_start, zone),
                    ends=local_label(break_end, zone),
                ),
            )
    hours = ", ".join(f"{local_label(s, zone)}-{local_label(e, zone)}" for s, e in spans)
    raise ValidationError(
        FIELD,
        say(
            QT_TRANSLATE_NOOP(
                "services",
                "{name} works {hours} on {weekdays}; {start}-{end} is outside those hours. "
                "Choose another time, or book it as out of hours.",
            ),
            name=row.name,
            hours=hours,
            weekdays=weekdays,
            start=local_label(start, zone),
            end=local_label(end, zone),
        ),
    )


def _check_time_off(
    session: Session, row: PractitionerRow, start: datetime, end: datetime, zone: tzinfo
) -> None:
    away = session.scalars(
        select(TimeOffRow)
        .where(
            TimeOffRow.practitioner_id == row.id,
            TimeOffRow.starts_at < end.astimezone(UTC),
            TimeOffRow.ends_at > start.astimezone(UTC),
        )
        .order_by(TimeOffRow.starts_at)
        .limit(1)
    ).first()
    if away is None:
        return
    why = f" ({away.reason})" if away.reason else ""
    raise ValidationError(
        FIELD,
        say(
            QT_TRANSLATE_NOOP(
                "services",
                "{name} is away from {start} to {end}{why}. Choose another time or practitioner.",
            ),
            name=row.name,
            start=_when(away.starts_at, zone),
            end=_when(away.ends_at, zone),
            why=why,
        ),
    )


# "does not work on Sundays": a weekday in a service's sentence, translated with it.
WEEKDAYS = (
    QT_TRANSLATE_NOOP("services", "Mondays"),
    QT_TRANSLATE_NOOP("services", "Tuesdays"),
    QT_TRANSLATE_NOOP("services", "Wednesdays"),
    QT_TRANSLATE_NOOP("services", "Thursdays"),
    QT_TRANSLATE_NOOP("services", "Fridays"),
    QT_TRANSLATE_NOOP("services", "Saturdays"),
    QT_TRANSLATE_NOOP("services", "Sundays"),
)


def _when(moment: datetime, zone: tzinfo) -> str:
    local = moment.astimezone(zone)
    return f"{local:%a %d %b %Y} {local_label(moment, zone)}"


def _zone_name(zone: tzinfo | None) -> str:
    return str(getattr(zone, "key", None) or zone)
