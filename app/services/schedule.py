"""The appointment book: a day for every active practitioner, or a week for one.

Read only. Each answer is a frozen record holding just the days asked for, so the
book never keeps more than it shows. The appointments come from one query over
the (practitioner_id, starts_at) index, joined to their case and patient, and
their body parts from a second query: never one query per appointment.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from app.db import Database
from app.models import Appointment, Case, CaseBodyPart, OutboxMessage, Patient
from app.models import Practitioner as PractitionerRow
from app.models.appointment import CANCELLED, RESERVED
from app.services import practitioners, referrals, settings, time_off
from app.services.body_sites import body_part
from app.services.dto import (
    BookEntry,
    BookPractitioner,
    DayBook,
    ReferralUsage,
    TimeSpan,
    WeekBook,
)
from app.services.messages import render_link
from app.services.reservations import is_overdue

DAY_KEYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
LONGEST_VISIT = timedelta(hours=8)  # services.practitioners caps a visit at 480 minutes
ROW_MINUTES = 15  # the book's finest row unless a practitioner's visits need finer


def day(db: Database, day: date, now: datetime | None = None) -> DayBook:
    """The book of `day` (the clinic's date): every active practitioner, in the usual order."""
    now = now or datetime.now(UTC)
    with db.reading() as session:
        values = settings.read_all(session)
        zone = ZoneInfo(values["clinic.timezone"])
        rows = list(
            session.scalars(
                select(PractitionerRow)
                .where(PractitionerRow.active.is_(True))
                .order_by(PractitionerRow.id)
            )
        )
        start, end = _bounds(day, 1, zone)
        entries = _entries(session, [r.id for r in rows], start, end, values, now)
        working = tuple(
            span for r in rows for span in working_spans(r.id, r.working_hours, day, zone)
        )
        people = tuple(_practitioner(r) for r in rows)
        row_minutes = _row_minutes(rows)
    return DayBook(
        day=day,
        timezone=zone.key,
        row_minutes=row_minutes,
        practitioners=people,
        working=working,
        time_off=time_off_shown(db, start, end, {p.id for p in people}),
        appointments=entries,
    )


def week(db: Database, practitioner_id: int, monday: date, now: datetime | None = None) -> WeekBook:
    """One practitioner's week from `monday` (any date: its week's Monday is used)."""
    now = now or datetime.now(UTC)
    monday = monday - timedelta(days=monday.weekday())
    with db.reading() as session:
        values = settings.read_all(session)
        zone = ZoneInfo(values["clinic.timezone"])
        row = practitioners.existing(session, practitioner_id)
        start, end = _bounds(monday, 7, zone)
        entries = _entries(session, [row.id], start, end, values, now)
        working = tuple(
            span
            for n in range(7)
            for span in working_spans(row.id, row.working_hours, monday + timedelta(days=n), zone)
        )
        person = _practitioner(row)
        row_minutes = _row_minutes([row])
    return WeekBook(
        monday=monday,
        timezone=zone.key,
        row_minutes=row_minutes,
        practitioner=person,
        working=working,
        time_off=time_off_shown(db, start, end, {person.id}),
        appointments=entries,
    )


def working_spans(practitioner_id: int, hours: dict, day: date, zone: ZoneInfo) -> list[TimeSpan]:
    """The practitioner's working spans on `day` (clinic time) as UTC spans; gaps are breaks."""
    spans = []
    for start_text, end_text in (hours or {}).get(DAY_KEYS[day.weekday()], []):
        start = datetime.combine(day, time.fromisoformat(start_text), zone).astimezone(UTC)
        end = datetime.combine(day, time.fromisoformat(end_text), zone).astimezone(UTC)
        spans.append(TimeSpan(practitioner_id, start, end))
    return spans


def time_off_shown(
    db: Database, start: datetime, end: datetime, practitioner_ids: set[int]
) -> tuple[TimeSpan, ...]:
    """The shown practitioners' time off (holidays, courses) between `start` and `end`."""
    return tuple(
        TimeSpan(t.practitioner_id, t.starts_at, t.ends_at, t.reason or "")
        for t in time_off.time_off_between(db, start, end)
        if t.practitioner_id in practitioner_ids
    )


# --- inside the reading session ------------------------------------------------------------


def _bounds(first: date, days: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine(first + timedelta(days=days), time(0), zone).astimezone(UTC)
    return start, end


def _practitioner(row: PractitionerRow) -> BookPractitioner:
    return BookPractitioner(row.id, row.name, row.appointment_minutes)


def _row_minutes(rows: Iterable[PractitionerRow]) -> int:
    """15 minutes, or finer when a practitioner's visits do not fall on quarter hours."""
    step = ROW_MINUTES
    for row in rows:
        step = math.gcd(step, row.appointment_minutes)
    return max(step, 5)


def _entries(
    session: Session,
    practitioner_ids: list[int],
    start: datetime,
    end: datetime,
    values: dict[str, str],
    now: datetime,
) -> tuple[BookEntry, ...]:
    if not practitioner_ids:
        return ()
    # The newest message of each appointment, looked up by its appointment_id index.
    message = (
        select(OutboxMessage.status)
        .where(OutboxMessage.appointment_id == Appointment.id)
        .order_by(OutboxMessage.id.desc())
        .limit(1)
        .correlate(Appointment)
        .scalar_subquery()
    )
    query = (
        select(
            Appointment,
            Case.code,
            Case.patient_id,
            Patient.first_name,
            Patient.last_name,
            Patient.email,
            Case.referral,
            Case.approved_sessions,
            Case.referral_valid_until,
        )
        .add_columns(message, _sessions_used(values))
        .join(Case, Case.id == Appointment.case_id)
        .join(Patient, Patient.id == Case.patient_id)
        .where(
            Appointment.practitioner_id.in_(practitioner_ids),
            # Bounded below, so the (practitioner_id, starts_at) index gives a short range.
            Appointment.starts_at >= start - LONGEST_VISIT,
            Appointment.starts_at < end,
            Appointment.ends_at > start,
            Appointment.status != CANCELLED,
        )
        .order_by(Appointment.starts_at, Appointment.id)
    )
    found = session.execute(query).all()
    parts = _body_parts(session, {row[0].case_id for row in found})
    hold = timedelta(hours=int(values["reservation.hold_hours"]))
    template = values["link.template"]
    return tuple(
        BookEntry(
            id=appt.id,
            practitioner_id=appt.practitioner_id,
            starts_at=appt.starts_at,
            ends_at=appt.ends_at,
            status=appt.status,
            patient_id=patient_id,
            patient_name=f"{first} {last}",
            case_id=appt.case_id,
            case_code=code,
            body_parts=parts.get(appt.case_id, ()),
            message_status=status,
            patient_has_email=bool(email),
            past_hold=appt.status == RESERVED and is_overdue(appt.created_at, now, hold),
            link=render_link(template, appt.token, code, appt.id),
            referral=ReferralUsage(appt.case_id, referrer, approved, used, until),
        )
        for appt, code, patient_id, first, last, email, referrer, approved, until, status, used in (
            found
        )
    )


def _sessions_used(values: dict[str, str]):
    """The case's sessions used, counted inside the day's one query (by the case_id index)."""
    other = aliased(Appointment)
    used = select(func.count()).where(other.case_id == Appointment.case_id)
    if values["referral.count_missed"] != "yes":
        used = used.where(other.status.not_in(referrals.MISSED))
    return used.correlate(Appointment).scalar_subquery()


def _body_parts(session: Session, case_ids: set[int]) -> dict[int, tuple[str, ...]]:
    if not case_ids:
        return {}
    labels: dict[int, list[str]] = defaultdict(list)
    rows = session.execute(
        select(CaseBodyPart.case_id, CaseBodyPart.site, CaseBodyPart.side)
        .where(CaseBodyPart.case_id.in_(sorted(case_ids)))
        .order_by(CaseBodyPart.case_id, CaseBodyPart.id)
    )
    for case_id, site, side in rows:
        labels[case_id].append(body_part(site, side).label)
    return {case_id: tuple(names) for case_id, names in labels.items()}
