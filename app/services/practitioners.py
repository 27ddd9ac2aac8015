"""Practitioners and their weekly working hours."""

from __future__ import annotations

import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Practitioner as PractitionerRow
from app.models.practitioner import DEFAULT_WORKING_HOURS
from app.services import audit
from app.services.dto import Practitioner
from app.services.errors import NotFoundError, ValidationError
from app.services.permissions import Permission, require
from app.services.validation import check_text, column_length
from app.services.words import QT_TRANSLATE_NOOP, say

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
# "9", "9:00", "09:00", "9.30": how people write an hour; stored as "09:00".
_LOOSE_TIME = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?$")
_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def day_key(day: str) -> str:
    """'Mon', 'MONDAY', 'monday', 'tues' -> 'mon'; anything else is returned as given."""
    word = str(day).strip().lower().rstrip(".")
    for key, full in zip(DAYS, _FULL_DAYS, strict=True):
        if len(word) >= 3 and full.startswith(word):
            return key
    return word


def clock_time(value: str) -> str:
    """'9' -> '09:00', '9:30' -> '09:30'; a value that is no time is returned as given."""
    text = str(value).strip()
    found = _LOOSE_TIME.match(text)
    if found is None:
        return text
    hour, minute = int(found.group(1)), int(found.group(2) or 0)
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else text


def validate_hours(hours: dict) -> dict[str, list[list[str]]]:
    """{'mon': [['09:00', '13:00']], ...}: known days, HH:MM, start before end, no overlaps."""
    clean: dict[str, list[list[str]]] = {}
    for given_day, spans in (hours or {}).items():
        day = day_key(given_day)
        if day not in DAYS:
            raise ValidationError(
                "workingHours",
                say(
                    QT_TRANSLATE_NOOP("services", "'{day}' is not a day (use Monday to Sunday)."),
                    day=given_day,
                ),
            )
        given = [[clock_time(start), clock_time(end)] for start, end in spans]
        ordered = sorted(clean.get(day, []) + given)  # 'Mon' and 'monday' are one day
        for start, end in ordered:
            if not (_TIME.match(start) and _TIME.match(end)) or start >= end:
                raise ValidationError(
                    "workingHours",
                    say(
                        QT_TRANSLATE_NOOP(
                            "services",
                            "{day}: '{start}-{end}' is not a time span like 09:00-13:00 or 9-13.",
                        ),
                        day=day,
                        start=start,
                        end=end,
                    ),
                )
        for (_, end), (start, _) in zip(ordered, ordered[1:], strict=False):
            if start < end:
                raise ValidationError(
                    "workingHours",
                    say(QT_TRANSLATE_NOOP("services", "{day}: working hours overlap."), day=day),
                )
        if ordered:
            clean[day] = ordered
    if not clean:
        raise ValidationError(
            "workingHours",
            say(QT_TRANSLATE_NOOP("services", "Give at least one day with working hours.")),
        )
    return clean


def _minutes(value: int) -> int:
    if not isinstance(value, int) or not 5 <= value <= 480:
        raise ValidationError(
            "minutes",
            say(QT_TRANSLATE_NOOP("services", "Appointment length must be 5 to 480 minutes.")),
        )
    return value


def dto(row: PractitionerRow) -> Practitioner:
    return Practitioner(
        row.id, row.name, row.active, dict(row.working_hours), row.appointment_minutes
    )


def _clean_name(name: str | None) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError(
            "name", say(QT_TRANSLATE_NOOP("services", "Enter the practitioner's name."))
        )
    check_text(
        "name",
        name,
        say(QT_TRANSLATE_NOOP("services", "practitioner's name")),
        column_length(PractitionerRow.name),
    )
    return name


def add_practitioner(
    db: Database,
    name: str,
    working_hours: dict | None = None,
    appointment_minutes: int = 30,
) -> Practitioner:
    """Adds an active practitioner (default hours: weekdays 09:00-13:00 and 14:00-17:00)."""
    with db.writing() as session:
        require(session, Permission.SETTINGS)
        return add_in(session, name, working_hours, appointment_minutes)


def add_in(
    session: Session,
    name: str,
    working_hours: dict | None = None,
    appointment_minutes: int = 30,
    active: bool = True,
) -> Practitioner:
    """`add_practitioner` inside an existing write transaction."""
    name = _clean_name(name)
    hours = validate_hours(working_hours or DEFAULT_WORKING_HOURS)
    row = PractitionerRow(
        name=name,
        active=active,
        working_hours=hours,
        appointment_minutes=_minutes(appointment_minutes),
    )
    session.add(row)
    session.flush()
    audit.record(session, "practitioner.add", "practitioner", row.id, None, {"name": name})
    return dto(row)


def update_practitioner(
    db: Database,
    practitioner_id: int,
    *,
    name: str | None = None,
    active: bool | None = None,
    working_hours: dict | None = None,
    appointment_minutes: int | None = None,
) -> Practitioner:
    """Changes the given fields only."""
    with db.writing() as session:
        require(session, Permission.SETTINGS)
        return update_in(
            session,
            practitioner_id,
            name=name,
            active=active,
            working_hours=working_hours,
            appointment_minutes=appointment_minutes,
        )


def existing(session: Session, practitioner_id: int) -> PractitionerRow:
    """The practitioner's row, or NotFoundError in plain words."""
    row = session.get(PractitionerRow, practitioner_id)
    if row is None:
        raise NotFoundError(
            say(
                QT_TRANSLATE_NOOP("services", "Practitioner {id} no longer exists."),
                id=practitioner_id,
            )
        )
    return row


def update_in(
    session: Session,
    practitioner_id: int,
    *,
    name: str | None = None,
    active: bool | None = None,
    working_hours: dict | None = None,
    appointment_minutes: int | None = None,
) -> Practitioner:
    """`update_practitioner` inside an existing write transaction."""
    row = existing(session, practitioner_id)
    before = {"name": row.name, "active": row.active, "hours": row.working_hours}
    if name is not None:
        row.name = _clean_name(name)
    if active is not None:
        row.active = active
    if working_hours is not None:
        row.working_hours = validate_hours(working_hours)
    if appointment_minutes is not None:
        row.appointment_minutes = _minutes(appointment_minutes)
    audit.record(
        session,
        "practitioner.update",
        "practitioner",
        row.id,
        before,
        {"name": row.name, "active": row.active, "hours": row.working_hours},
    )
    return dto(row)


def list_practitioners(db: Database, active_only: bool = True) -> list[Practitioner]:
    """Practitioners by name; the first active one is the wizard's default."""
    with db.reading() as session:
        query = select(PractitionerRow).order_by(PractitionerRow.id)
        if active_only:
            query = query.where(PractitionerRow.active.is_(True))
        return [dto(r) for r in session.scalars(query)]


def find_by_name(db: Database, name: str) -> int:
    """The id of the practitioner with that name (any case, extra spaces ignored)."""
    wanted = " ".join(name.split()).casefold()
    for practitioner in list_practitioners(db, active_only=False):
        if practitioner.name.casefold() == wanted:
            return practitioner.id
    raise NotFoundError(
        say(
            QT_TRANSLATE_NOOP("services", "No practitioner is named {name}."),
            name=" ".join(name.split()),
        )
    )
