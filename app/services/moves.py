"""Moving an appointment to another time (or practitioner) in one transaction.

The appointment keeps its id, case and link token, so the patient's link and the
desk's history stay valid; only its time, practitioner and calendar sequence change.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case, OutboxMessage, Patient
from app.models import Practitioner as PractitionerRow
from app.models.appointment import CANCELLED, COMPLETED, NO_SHOW
from app.services import audit, outbox, referrals, schedule_rules, settings
from app.services.booking import _audit_override, _busy, _practitioner
from app.services.dto import AppointmentMove
from app.services.errors import NotFoundError, SlotTakenError, ValidationError
from app.services.messages import compose_moved, render_link
from app.services.permissions import Permission, require
from app.services.words import QT_TRANSLATE_NOOP, say
from app.statuses import status_in_a_sentence

# Over and done with, or given up: their time is history, not a plan to change.
NOT_MOVABLE = {CANCELLED, COMPLETED, NO_SHOW}


def _snapshot(appointment: Appointment) -> dict:
    return {
        "starts_at": appointment.starts_at.isoformat(),
        "ends_at": appointment.ends_at.isoformat(),
        "practitioner_id": appointment.practitioner_id,
        "calendar_sequence": appointment.calendar_sequence,
    }


def _movable(session: Session, appointment_id: int) -> Appointment:
    # Locked on PostgreSQL, so a status change or another move at another desk waits.
    appointment = session.get(Appointment, appointment_id, with_for_update=True)
    if appointment is None:
        raise NotFoundError(
            say(
                QT_TRANSLATE_NOOP("services", "Appointment {id} no longer exists."),
                id=appointment_id,
            )
        )
    if appointment.status in NOT_MOVABLE:
        raise ValidationError(
            "status",
            say(
                QT_TRANSLATE_NOOP("services", "A {status} appointment cannot be moved."),
                status=status_in_a_sentence(appointment.status),
            ),
        )
    return appointment


def move_appointment(
    db: Database,
    appointment_id: int,
    starts_at: datetime,
    practitioner_id: int | None = None,
    *,
    override: bool = False,
    now: datetime | None = None,
) -> AppointmentMove:
    """Moves one appointment to `starts_at` (and `practitioner_id`, when given), keeping its
    length, id, case and link.

    In one write transaction: the new time is checked against the practitioner's other
    appointments and the clinic's scheduling rules (working hours, time off, past starts;
    `override` lets a walk-in through and is audited), the before and after are audited,
    messages still waiting about the old time are stopped, and when the patient has an
    e-mail address a "your appointment moved" message is queued whose calendar file updates
    the same event (same UID, next SEQUENCE).
    """
    now = now or datetime.now(UTC)
    with db.writing() as session:
        require(session, Permission.BOOKINGS)
        appointment = _movable(session, appointment_id)
        target = _practitioner(session, practitioner_id or appointment.practitioner_id, lock=True)
        if not target.active:
            raise ValidationError(
                "practitioner",
                say(
                    QT_TRANSLATE_NOOP("services", "{name} is not taking appointments."),
                    name=target.name,
                ),
            )
        start, end = schedule_rules.appointment_span(
            starts_at, appointment.ends_at - appointment.starts_at
        )
        if start == appointment.starts_at and target.id == appointment.practitioner_id:
            raise ValidationError(
                "startsAt",
                say(QT_TRANSLATE_NOOP("services", "The appointment is already at that time.")),
            )
        config = settings.read_all(session)
        zone = ZoneInfo(config["clinic.timezone"])
        # The start as given: a wall time the clocks skip can only be told from it.
        schedule_rules.check_start(
            session, target, starts_at, end, zone, now=now, override=override
        )
        # A move uses no new session, but may carry the visit past the referral's last day.
        referrals.enforce(
            session, appointment.case_id, start.astimezone(zone).date(), config, adding=0
        )
        if _busy(session, target.id, start, end, exclude_id=appointment.id):
            raise SlotTakenError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "{name} already has an appointment at that time. Choose another time.",
                    ),
                    name=target.name,
                )
            )
        before = _snapshot(appointment)
        old_start, old_end, old_practitioner = (
            appointment.starts_at,
            appointment.ends_at,
            appointment.practitioner_id,
        )
        appointment.starts_at, appointment.ends_at = start, end
        appointment.practitioner_id = target.id
        # Calendar apps replace an event only when its SEQUENCE grows.
        appointment.calendar_sequence = (appointment.calendar_sequence or 0) + 1
        after = _snapshot(appointment) | ({"override": True} if override else {})
        audit.record(session, "appointment.move", "appointment", appointment.id, before, after)
        if override:
            _audit_override(session, appointment.id, start)
        outbox.stop_waiting(session, appointment.id, "Not sent: the appointment was moved.")
        case = session.get(Case, appointment.case_id)
        patient = session.get(Patient, case.patient_id)
        message_id = _queue_moved(session, config, patient, target, case, appointment, old_start)
        return AppointmentMove(
            appointment_id=appointment.id,
            case_id=case.id,
            patient_id=patient.id,
            old_starts_at=old_start,
            old_ends_at=old_end,
            new_starts_at=start,
            new_ends_at=end,
            old_practitioner_id=old_practitioner,
            new_practitioner_id=target.id,
            message_id=message_id,
        )


def _queue_moved(
    session: Session,
    config: dict[str, str],
    patient: Patient,
    practitioner: PractitionerRow,
    case: Case,
    appointment: Appointment,
    old_start: datetime,
) -> int | None:
    if not patient.email:
        return None
    message = compose_moved(
        config,
        first_name=patient.first_name,
        last_name=patient.last_name,
        old_starts_at=old_start,
        starts_at=appointment.starts_at,
        practitioner=practitioner.name,
        case_code=case.code,
        link=render_link(config["link.template"], appointment.token, case.code, appointment.id),
    )
    row = OutboxMessage(
        appointment_id=appointment.id,
        recipient=patient.email,
        subject=message.subject,
        body=message.body,
    )
    session.add(row)
    session.flush()
    audit.record(session, "outbox.queue", "outbox_message", row.id, None, {"moved": True})
    return row.id
