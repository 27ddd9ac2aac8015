"""Booking: free slots, the case decision, and `book_appointment` as one transaction."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case, OutboxMessage, Patient
from app.models.appointment import KINDS, RESERVED
from app.models.case import CASE_OPEN
from app.services import audit, cases, patients, referrals, schedule_rules, settings
from app.services.body_sites import BodyPart, resolve
from app.services.dto import BookingRequest, BookingResult, CaseDecision, OpenCases
from app.services.errors import ConflictError, NotFoundError, SlotTakenError, ValidationError
from app.services.messages import compose_with_settings, render_link
from app.services.permissions import Permission, require
from app.services.slots import (  # noqa: F401 - also known as booking.* (moves, follow_up, views)
    _busy,
    _clinic_zone,
    _day_slots,
    _practitioner,
    first_free_slot,
    free_slots,
)
from app.services.validation import check_text, column_length
from app.services.words import QT_TRANSLATE_NOOP, say


def _overlap_score(case_parts: tuple[BodyPart, ...], wanted: list[BodyPart]) -> tuple[int, int]:
    """(same site, same site and side): how well a case fits the new body parts."""
    sites = {p.site for p in case_parts}
    exact = {(p.site, p.side) for p in case_parts}
    return (
        sum(1 for p in wanted if p.site in sites),
        sum(1 for p in wanted if (p.site, p.side) in exact),
    )


def open_cases(
    db: Database, patient_id: int, body_parts: list[str] | tuple[str, ...] = ()
) -> OpenCases:
    """The patient's open cases, and the suggested one: largest body-part overlap, then newest.

    No case is suggested when none shares a body site with the new ones: guessing would put a
    shoulder into the knee case at one press of Enter.
    """
    wanted = resolve(body_parts) if any(_given(b) for b in body_parts) else []
    with db.reading() as session:
        found = [c for c in cases.load_cases(session, patient_id) if c.status == CASE_OPEN]
    suggested = None
    if found:
        best = max(found, key=lambda c: (_overlap_score(c.body_parts, wanted), c.id))
        if not wanted or _overlap_score(best.body_parts, wanted)[0]:
            suggested = best.id
    return OpenCases(tuple(found), suggested)


def _given(item) -> bool:
    return bool(item.strip()) if isinstance(item, str) else bool(item)


def _check_request(request: BookingRequest) -> tuple[str, list[BodyPart]]:
    title = cases.validate_title(request.case_title)
    parts = resolve(request.body_parts)
    if request.kind not in KINDS:
        raise ValidationError(
            "kind", say(QT_TRANSLATE_NOOP("services", "Choose initial assessment or follow-up."))
        )
    if request.minutes is not None and not 5 <= request.minutes <= 480:
        raise ValidationError(
            "minutes",
            say(QT_TRANSLATE_NOOP("services", "Appointment length must be 5 to 480 minutes.")),
        )
    if not request.patient_id and request.new_patient is None:
        raise ValidationError(
            "patientId",
            say(QT_TRANSLATE_NOOP("services", "Choose a patient or register a new one.")),
        )
    check_text(
        "referral",
        request.referral,
        say(QT_TRANSLATE_NOOP("services", "referral")),
        column_length(Case.referral),
    )
    referrals.check_terms(
        request.referral_date, request.approved_sessions, request.referral_valid_until
    )
    check_text("notes", request.notes, say(QT_TRANSLATE_NOOP("services", "appointment note")))
    return title, parts


def _patient_for(session: Session, request: BookingRequest, region: str) -> Patient:
    if request.patient_id:
        # Locked (on PostgreSQL), so a merge at another desk waits for this booking or this
        # booking sees the merge: never a new case left behind on the merged record.
        patient = session.get(
            Patient, request.patient_id, with_for_update=True, populate_existing=True
        )
        if patient is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("services", "That patient no longer exists; search again."))
            )
        patients.refuse_merged(session, patient)
        return patient
    return patients.add_patient(session, request.new_patient, region)


def _case_for(
    session: Session,
    patient: Patient,
    request: BookingRequest,
    decision: CaseDecision,
    title: str,
    parts: list[BodyPart],
) -> tuple[Case, bool]:
    if not decision.is_update:
        case = cases.new_case(
            session,
            patient.id,
            title,
            parts,
            request.referral,
            terms=(request.referral_date, request.approved_sessions, request.referral_valid_until),
        )
        return case, True
    case = session.get(Case, decision.update_case_id)
    if case is None or case.patient_id != patient.id:
        raise ConflictError(
            say(
                QT_TRANSLATE_NOOP("services", "The case to update does not belong to this patient.")
            )
        )
    if case.status != CASE_OPEN:
        raise ConflictError(
            say(
                QT_TRANSLATE_NOOP(
                    "services", "Case {code} is not open; choose another or open a separate case."
                ),
                code=case.code,
            )
        )
    before = cases.case_snapshot(case) | cases.referral_snapshot(case)
    added = cases.add_body_parts(session, case, parts)
    renewed = _renew_referral(case, request)
    if added or renewed:
        after = cases.case_snapshot(case) | cases.referral_snapshot(case)
        audit.record(session, "case.update", "case", case.id, before, after)
    return case, False


def _renew_referral(case: Case, request: BookingRequest) -> bool:
    """Referral terms typed while updating a case are a renewed referral: each one typed
    replaces the case's, the others stay. True when anything changed."""
    typed = {
        "referral": request.referral or None,
        "referral_date": request.referral_date,
        "approved_sessions": request.approved_sessions,
        "referral_valid_until": request.referral_valid_until,
    }
    changed = False
    for name, value in typed.items():
        if value is not None and getattr(case, name) != value:
            setattr(case, name, value)
            changed = True
    if changed:  # the whole set must still make sense (valid-until after the referral date)
        referrals.check_terms(case.referral_date, case.approved_sessions, case.referral_valid_until)
    return changed


def book_appointment(
    db: Database, request: BookingRequest, decision: CaseDecision
) -> BookingResult:
    """Books one appointment in one transaction.

    Registers the patient when new, opens a case or adds the body parts to the
    chosen one, reserves the slot with a fresh link token, queues the patient's
    message when there is an e-mail address, and audits each step. The overlap
    check runs inside the write transaction, so two desks cannot both win a slot.
    """
    title, parts = _check_request(request)
    with db.writing() as session:
        require(session, Permission.BOOKINGS)
        config = settings.read_all(session)
        practitioner = _practitioner(session, request.practitioner_id, lock=True)
        if not practitioner.active:
            raise ValidationError(
                "practitioner", f"{practitioner.name} is not taking appointments."
            )
        minutes = request.minutes or practitioner.appointment_minutes
        start, end = schedule_rules.appointment_span(request.starts_at, timedelta(minutes=minutes))
        schedule_rules.check_start(
            session,
            practitioner,
            request.starts_at,
            end,
            ZoneInfo(config["clinic.timezone"]),
            now=datetime.now(UTC),
            override=request.override,
        )
        if _busy(session, practitioner.id, start, end):
            raise SlotTakenError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "{name} already has an appointment at that time. Choose another slot.",
                    ),
                    name=practitioner.name,
                )
            )
        patient = _patient_for(session, request, config["clinic.region"])
        case, created = _case_for(session, patient, request, decision, title, parts)
        clinic_day = start.astimezone(ZoneInfo(config["clinic.timezone"])).date()
        referrals.enforce(session, case.id, clinic_day, config)
        appointment = Appointment(
            case_id=case.id,
            practitioner_id=practitioner.id,
            starts_at=start,
            ends_at=end,
            status=RESERVED,
            kind=request.kind,
            notes=(request.notes or "").strip() or None,
            token=secrets.token_urlsafe(24),
        )
        session.add(appointment)
        session.flush()
        link = render_link(config["link.template"], appointment.token, case.code, appointment.id)
        audit.record(
            session,
            "appointment.reserve",
            "appointment",
            appointment.id,
            None,
            {"case": case.code, "starts_at": start.isoformat(), "practitioner": practitioner.name},
        )
        if request.override:
            _audit_override(session, appointment.id, start)
        message_id = _queue_message(session, config, patient, practitioner, case, appointment, link)
        return BookingResult(
            patient_id=patient.id,
            case_id=case.id,
            case_code=case.code,
            case_title=case.title,
            created_case=created,
            appointment_id=appointment.id,
            starts_at=start,
            ends_at=end,
            practitioner_name=practitioner.name,
            token=appointment.token,
            link=link,
            message_id=message_id,
            body_parts=tuple(p.label for p in cases.case_parts(case)),
        )


def _audit_override(session: Session, appointment_id: int, start: datetime) -> None:
    """Walk-in, out-of-hours or late entry: the trail says the rules were set aside."""
    audit.record(
        session,
        "appointment.override",
        "appointment",
        appointment_id,
        None,
        {"starts_at": start.isoformat(), "rules": "past and working hours not checked"},
    )


def _queue_message(session, config, patient, practitioner, case, appointment, link) -> int | None:
    if not patient.email:
        return None
    message = compose_with_settings(
        config,
        first_name=patient.first_name,
        last_name=patient.last_name,
        starts_at=appointment.starts_at,
        practitioner=practitioner.name,
        case_code=case.code,
        link=link,
    )
    # A subject template within its limit can still grow past the column once its
    # placeholders are filled in; a shortened subject beats a booking that fails.
    limit = column_length(OutboxMessage.subject)
    subject = (
        message.subject if len(message.subject) <= limit else message.subject[: limit - 1] + "…"
    )
    row = OutboxMessage(
        appointment_id=appointment.id,
        recipient=patient.email,
        subject=subject,
        body=message.body,
    )
    session.add(row)
    session.flush()
    audit.record(session, "outbox.queue", "outbox_message", row.id, None, {"to": patient.email})
    return row.id
