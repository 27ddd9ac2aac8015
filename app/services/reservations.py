"""Reservations to follow up: bookings still unconfirmed after the clinic's hold.

A booking stays Reserved until someone confirms it. Once it has waited longer
than `reservation.hold_hours`, the desk should call the patient: confirm it,
send the link again, or cancel it to free the slot.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from app.db import Database
from app.models import Appointment, Case, OutboxMessage, Patient, Practitioner
from app.models.appointment import CONFIRMED, RESERVED
from app.services import appointments, audit, outbox, settings
from app.services.errors import ConflictError
from app.services.patient_link import PatientMessage, load_message
from app.services.permissions import Permission, require
from app.services.words import QT_TRANSLATE_NOOP, say


@dataclass(frozen=True)
class Reservation:
    appointment_id: int
    case_code: str
    patient_id: int
    patient_name: str
    phone: str  # E.164
    email: str | None
    practitioner_id: int
    practitioner_name: str
    starts_at: datetime  # aware, UTC
    reserved_at: datetime  # when it was booked
    message_status: str | None  # of its newest outbox message

    def hours_waiting(self, now: datetime) -> int:
        return int((now - self.reserved_at).total_seconds() // 3600)


@dataclass(frozen=True)
class Resent:
    """A link sent again: the message (for copying or WhatsApp) and its outbox entry if any."""

    message: PatientMessage
    message_id: int | None


def hold(db: Database) -> timedelta:
    """How long a reservation may wait for confirmation (`reservation.hold_hours`)."""
    return timedelta(hours=int(settings.get(db, "reservation.hold_hours")))


def is_overdue(reserved_at: datetime, now: datetime, hold_time: timedelta) -> bool:
    """True when a still-reserved booking has waited longer than the hold."""
    return reserved_at <= now - hold_time


def to_follow_up(db: Database, now: datetime | None = None, limit: int = 500) -> list[Reservation]:
    """Reservations older than the hold and still unconfirmed, soonest appointment first."""
    now = now or datetime.now(UTC)
    cutoff = now - hold(db)
    newest = (
        select(OutboxMessage.appointment_id, func.max(OutboxMessage.id).label("last_id"))
        .group_by(OutboxMessage.appointment_id)
        .subquery()
    )
    query = (
        select(Appointment, Case.code, Patient, Practitioner.name, OutboxMessage.status)
        .join(Case, Case.id == Appointment.case_id)
        .join(Patient, Patient.id == Case.patient_id)
        .join(Practitioner, Practitioner.id == Appointment.practitioner_id)
        .outerjoin(newest, newest.c.appointment_id == Appointment.id)
        .outerjoin(OutboxMessage, OutboxMessage.id == newest.c.last_id)
        .where(Appointment.status == RESERVED, Appointment.created_at <= cutoff)
        .order_by(Appointment.starts_at, Appointment.id)
        .limit(limit)
    )
    with db.reading() as session:
        return [
            Reservation(
                appointment_id=appt.id,
                case_code=code,
                patient_id=patient.id,
                patient_name=f"{patient.first_name} {patient.last_name}",
                phone=patient.phone,
                email=patient.email,
                practitioner_id=appt.practitioner_id,
                practitioner_name=practitioner,
                starts_at=appt.starts_at,
                reserved_at=appt.created_at,
                message_status=status,
            )
            for appt, code, patient, practitioner, status in session.execute(query)
        ]


def confirm(db: Database, appointment_id: int) -> str:
    """The patient confirmed (by phone, at the desk, or through the link)."""
    return appointments.confirm(db, appointment_id)


def cancel(db: Database, appointment_id: int) -> str:
    """Frees the slot and stops any message about it that has not gone out yet."""
    status = appointments.cancel(db, appointment_id)
    outbox.cancel_for_appointment(db, appointment_id)
    return status


def resend_link(db: Database, appointment_id: int) -> Resent:
    """Queues the message again (when the patient has an e-mail address) and returns its text.

    The text is filled from the clinic's current templates, so a corrected
    template or link reaches the patient this time.
    """
    with db.writing() as session:
        require(session, Permission.MESSAGES)
        message = load_message(session, appointment_id)
        if message.appointment_status not in (RESERVED, CONFIRMED):
            raise ConflictError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "This appointment is no longer booked; there is no link to send.",
                    )
                )
            )
        if not message.email:
            return Resent(message, None)
        row = OutboxMessage(
            appointment_id=appointment_id,
            recipient=message.email,
            subject=message.subject,
            body=message.body,
        )
        session.add(row)
        session.flush()
        audit.record(
            session, "outbox.resend", "outbox_message", row.id, None, {"to": message.email}
        )
        return Resent(message, row.id)
