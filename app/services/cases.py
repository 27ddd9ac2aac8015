"""Cases: the episodes of care. Open, find, close and reopen (merging two is in case_merges)."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import (
    Appointment,
    Case,
    CaseBodyPart,
    Counter,
    OutboxMessage,
    Patient,
)
from app.models import Practitioner as PractitionerRow
from app.models.appointment import CANCELLED, CONFIRMED, RESERVED
from app.models.case import CASE_CLOSED, CASE_MERGED, CASE_OPEN
from app.services import audit, outbox, referrals, settings
from app.services.body_sites import BodyPart, body_part
from app.services.dto import AppointmentInfo, CaseInfo, ReferralUsage
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.messages import render_link
from app.services.permissions import Permission, require
from app.services.validation import check_text, column_length
from app.services.words import QT_TRANSLATE_NOOP, say, say_count, translate


def next_case_code(session: Session) -> str:
    """'C-00042': from a counter that only goes up, so an ID is never given twice."""
    # In a new database two desks may both find no counter row and both insert one; so the
    # row is made with "insert unless there", then locked (other desks wait here).
    insert = _dialect_insert(session)
    session.execute(insert(Counter).values(name="case", value=0).on_conflict_do_nothing())
    counter = session.get(Counter, "case", with_for_update=True, populate_existing=True)
    counter.value += 1
    session.flush()
    return f"C-{counter.value:05d}"


def clinic_today(session: Session) -> date:
    """Today in the clinic's time zone, which is not always the PC's."""
    zone = ZoneInfo(settings.read_all(session)["clinic.timezone"])
    return datetime.now(UTC).astimezone(zone).date()


def _dialect_insert(session: Session):
    """The INSERT of the session's engine, which knows ON CONFLICT (both SQLite and PostgreSQL)."""
    if session.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert


def new_case(
    session: Session,
    patient_id: int,
    title: str,
    parts: list[BodyPart],
    referral: str | None = None,
    notes: str | None = None,
    terms: tuple[date | None, int | None, date | None] = (None, None, None),
) -> Case:
    """Opens a case; `terms` are its referral's date, approved sessions and valid-until date."""
    referral_date, approved, valid_until = terms
    case = Case(
        code=next_case_code(session),
        patient_id=patient_id,
        title=title,
        status=CASE_OPEN,
        opened_on=clinic_today(session),
        referral=referral,
        referral_date=referral_date,
        approved_sessions=approved,
        referral_valid_until=valid_until,
        notes=notes,
    )
    case.body_parts = [CaseBodyPart(site=p.site, side=p.side) for p in parts]
    session.add(case)
    session.flush()
    opened = case_snapshot(case) | (referral_snapshot(case) if any(terms) else {})
    audit.record(session, "case.open", "case", case.id, None, opened)
    return case


def add_body_parts(session: Session, case: Case, parts: list[BodyPart]) -> list[BodyPart]:
    """Adds the parts the case does not have yet; returns those added."""
    # Another desk may be adding the same part right now: lock the case, then read its parts
    # afresh, so the second desk sees the first one's part (no-op on SQLite, which has one
    # writer at a time).
    session.refresh(case, with_for_update=True)
    have = {(bp.site, bp.side) for bp in case.body_parts}
    added = [p for p in parts if (p.site, p.side) not in have]
    for p in added:
        case.body_parts.append(CaseBodyPart(site=p.site, side=p.side))
    session.flush()
    return added


def case_snapshot(case: Case) -> dict:
    return {
        "code": case.code,
        "title": case.title,
        "status": case.status,
        "body_parts": [body_part(bp.site, bp.side).label for bp in case.body_parts],
        "merged_into_id": case.merged_into_id,
    }


def referral_snapshot(case: Case) -> dict:
    """The referral's terms as the audit trail keeps them (dates as ISO text)."""
    return {
        "referral": case.referral,
        "referral_date": _iso(case.referral_date),
        "approved_sessions": case.approved_sessions,
        "referral_valid_until": _iso(case.referral_valid_until),
    }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def case_parts(case: Case) -> tuple[BodyPart, ...]:
    return tuple(body_part(bp.site, bp.side) for bp in case.body_parts)


def validate_title(title: str) -> str:
    title = " ".join((title or "").split())
    if not title:
        raise ValidationError(
            "caseTitle",
            say(
                QT_TRANSLATE_NOOP(
                    "services", "Enter a case title, for example 'Knee pain after fall'."
                )
            ),
        )
    check_text(
        "caseTitle",
        title,
        say(QT_TRANSLATE_NOOP("services", "case title")),
        column_length(Case.title),
    )
    return title


def appointment_infos(session: Session, case_ids: list[int]) -> dict[int, list[AppointmentInfo]]:
    """Appointments of the given cases (one query), each case's sorted by start time."""
    if not case_ids:
        return {}
    config = settings.read_all(session)
    template = config["link.template"]
    follow_up_before = datetime.now(UTC) - timedelta(hours=int(config["reservation.hold_hours"]))
    rows = session.execute(
        select(Appointment, Case.code, PractitionerRow.name, Patient.email)
        .join(Case, Case.id == Appointment.case_id)
        .join(Patient, Patient.id == Case.patient_id)
        .join(PractitionerRow, PractitionerRow.id == Appointment.practitioner_id)
        .where(Appointment.case_id.in_(case_ids))
        .order_by(Appointment.starts_at)
    ).all()
    latest_message = _message_states(session, case_ids)
    result: dict[int, list[AppointmentInfo]] = defaultdict(list)
    for appt, code, practitioner, email in rows:
        result[appt.case_id].append(
            AppointmentInfo(
                id=appt.id,
                case_id=appt.case_id,
                case_code=code,
                practitioner_id=appt.practitioner_id,
                practitioner_name=practitioner,
                starts_at=appt.starts_at,
                ends_at=appt.ends_at,
                status=appt.status,
                kind=appt.kind,
                notes=appt.notes,
                token=appt.token,
                link=render_link(template, appt.token, code, appt.id),
                message_status=latest_message.get(appt.id),
                reserved_at=appt.created_at,
                needs_follow_up=appt.status == RESERVED and appt.created_at <= follow_up_before,
                patient_has_email=bool(email),
            )
        )
    return result


def _message_states(session: Session, case_ids: list[int]) -> dict[int, str]:
    rows = session.execute(
        select(OutboxMessage.appointment_id, OutboxMessage.status)
        .join(Appointment, Appointment.id == OutboxMessage.appointment_id)
        .where(Appointment.case_id.in_(case_ids))
        .order_by(OutboxMessage.id)
    ).all()
    return dict(rows)  # the newest message of each appointment wins


def load_cases(session: Session, patient_id: int) -> list[CaseInfo]:
    """A patient's cases, newest first; merged cases appear only as IDs on the case they joined."""
    cases = list(
        session.scalars(select(Case).where(Case.patient_id == patient_id).order_by(Case.id.desc()))
    )
    if not cases:
        return []
    parts = _body_parts_of(session, [c.id for c in cases])
    appointments = appointment_infos(session, [c.id for c in cases])
    merged: dict[int, list[str]] = defaultdict(list)
    for c in cases:
        if c.status == CASE_MERGED and c.merged_into_id is not None:
            merged[c.merged_into_id].append(c.code)
    count_missed = referrals.counts_missed(session)
    return [
        _info(
            c,
            parts.get(c.id, ()),
            tuple(appointments.get(c.id, ())),
            tuple(merged.get(c.id, ())),
            count_missed,
        )
        for c in cases
        if c.status != CASE_MERGED
    ]


def _body_parts_of(session: Session, case_ids: list[int]) -> dict[int, tuple[BodyPart, ...]]:
    rows = session.execute(
        select(CaseBodyPart.case_id, CaseBodyPart.site, CaseBodyPart.side)
        .where(CaseBodyPart.case_id.in_(case_ids))
        .order_by(CaseBodyPart.id)
    ).all()
    found: dict[int, list[BodyPart]] = defaultdict(list)
    for case_id, site, side in rows:
        found[case_id].append(body_part(site, side))
    return {k: tuple(v) for k, v in found.items()}


def _info(case: Case, parts, appointments=(), merged_codes=(), count_missed=False) -> CaseInfo:
    # The appointments are already here: the sessions used are counted from them.
    used = sum(1 for a in appointments if referrals.uses_session(a.status, count_missed))
    usage = ReferralUsage(
        case.id, case.referral, case.approved_sessions, used, case.referral_valid_until
    )
    return CaseInfo(
        id=case.id,
        code=case.code,
        patient_id=case.patient_id,
        title=case.title,
        status=case.status,
        opened_on=case.opened_on,
        closed_on=case.closed_on,
        referral=case.referral,
        notes=case.notes,
        body_parts=tuple(parts),
        appointments=appointments,
        merged_codes=merged_codes,
        referral_date=case.referral_date,
        referral_usage=usage,
    )


def case_info(session: Session, case: Case) -> CaseInfo:
    appointments = appointment_infos(session, [case.id]).get(case.id, [])
    merged = session.scalars(
        select(Case.code)
        .where(Case.merged_into_id == case.id, Case.status == CASE_MERGED)
        .order_by(Case.id.desc())
    )
    return _info(
        case,
        case_parts(case),
        tuple(appointments),
        tuple(merged),
        referrals.counts_missed(session),
    )


def _case(session: Session, case_id: int) -> Case:
    case = session.get(Case, case_id)
    if case is None:
        raise NotFoundError(
            say(QT_TRANSLATE_NOOP("services", "Case {id} no longer exists."), id=case_id)
        )
    return case


def get_case(db: Database, case_id: int) -> CaseInfo:
    """One case with body parts and appointments."""
    with db.reading() as session:
        return case_info(session, _case(session, case_id))


def find_case(db: Database, code: str) -> CaseInfo:
    """A case by its ID ('C-00042'); a merged case's ID leads to the case it joined."""
    with db.reading() as session:
        case = session.scalar(select(Case).where(Case.code == code.strip().upper()))
        if case is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("services", "There is no case {code}."), code=code)
            )
        seen = set()
        while case.status == CASE_MERGED and case.merged_into_id and case.id not in seen:
            seen.add(case.id)
            case = _case(session, case.merged_into_id)
        return case_info(session, case)


def close_case(
    db: Database, case_id: int, cancel_future: bool = False, now: datetime | None = None
) -> CaseInfo:
    """Closes an open case (the clinic's date); its history stays.

    A case with Reserved or Confirmed appointments still to come is refused, unless
    `cancel_future` is given: then those are cancelled (and their waiting messages stopped)
    in the same transaction.
    """
    now = now or datetime.now(UTC)
    with db.writing() as session:
        require(session, Permission.BOOKINGS)
        case = _case(session, case_id)
        if case.status != CASE_OPEN:
            raise ConflictError(
                say(QT_TRANSLATE_NOOP("services", "Case {code} is not open."), code=case.code)
            )
        future = list(
            session.scalars(
                select(Appointment).where(
                    Appointment.case_id == case.id,
                    Appointment.status.in_((RESERVED, CONFIRMED)),
                    Appointment.starts_at > now,
                )
            )
        )
        if future and not cancel_future:
            raise ConflictError(
                say_count(
                    translate(
                        "services",
                        "Case {code} still has %n appointment(s) to come; "
                        "cancel them first or choose to cancel them when closing.",
                        "",
                        len(future),
                    ),
                    len(future),
                    code=case.code,
                )
            )
        for appointment in future:
            audit.record(
                session,
                "appointment.cancelled",
                "appointment",
                appointment.id,
                {"status": appointment.status},
                {"status": CANCELLED, "why": f"case {case.code} closed"},
            )
            appointment.status = CANCELLED
            outbox.stop_waiting(session, appointment.id, "Not sent: the case was closed.")
        before = case_snapshot(case)
        case.status, case.closed_on = CASE_CLOSED, clinic_today(session)
        audit.record(session, "case.close", "case", case.id, before, case_snapshot(case))
        return case_info(session, case)


def reopen_case(db: Database, case_id: int) -> CaseInfo:
    """Reopens a closed case under the same ID."""
    with db.writing() as session:
        require(session, Permission.BOOKINGS)
        case = _case(session, case_id)
        if case.status != CASE_CLOSED:
            raise ConflictError(
                say(QT_TRANSLATE_NOOP("services", "Case {code} is not closed."), code=case.code)
            )
        before = case_snapshot(case)
        case.status, case.closed_on = CASE_OPEN, None
        audit.record(session, "case.reopen", "case", case.id, before, case_snapshot(case))
        return case_info(session, case)
