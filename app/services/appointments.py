"""Appointment status changes: confirm, arrived, completed, no-show, cancel."""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from app.db import Database
from app.models import Appointment
from app.models.appointment import (
    ARRIVED,
    CANCELLED,
    COMPLETED,
    CONFIRMED,
    NO_SHOW,
)
from app.services import audit, outbox, settings
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.permissions import Permission, require, require_own_book
from app.services.words import QT_TRANSLATE_NOOP, say
from app.statuses import ALLOWED, AppointmentStatus, status_in_a_sentence

STATUS_LABELS = {status: status.label for status in AppointmentStatus}

# These say the visit's day has come; before it, they are a slip of the mouse.
ON_THE_DAY = {ARRIVED, COMPLETED, NO_SHOW}
# After these nothing is left to tell the patient, so a waiting message is not sent.
ENDS_MESSAGES = {CANCELLED, COMPLETED, NO_SHOW}


def change_status(
    db: Database, appointment_id: int, status: str, now: datetime | None = None
) -> str:
    """Moves an appointment to `status` when that step is allowed; returns the new status.

    Arrived, Completed and No-show are refused before the appointment's day (in the clinic's
    time zone). Cancelled, Completed and No-show stop any message still waiting to go out.
    """
    if status not in STATUS_LABELS:
        raise ConflictError(
            say(
                QT_TRANSLATE_NOOP("services", "'{status}' is not an appointment status."),
                status=status,
            )
        )
    now = now or datetime.now(UTC)
    with db.writing() as session:
        # Cancelling frees a slot, a booking decision; the rest is the practitioner's own book.
        require(session, Permission.BOOKINGS if status == CANCELLED else Permission.STATUSES)
        appt = session.get(Appointment, appointment_id)
        if appt is None:
            raise NotFoundError(
                say(
                    QT_TRANSLATE_NOOP("services", "Appointment {id} no longer exists."),
                    id=appointment_id,
                )
            )
        require_own_book(session, appt.practitioner_id)
        if status == appt.status:
            return status
        if status not in ALLOWED[appt.status]:
            raise ConflictError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services", "A {status} appointment cannot be marked {new_status}."
                    ),
                    status=status_in_a_sentence(appt.status),
                    new_status=status_in_a_sentence(status),
                )
            )
        if status in ON_THE_DAY:
            zone = ZoneInfo(settings.read_all(session)["clinic.timezone"])
            day = appt.starts_at.astimezone(zone).date()
            if day > now.astimezone(zone).date():
                raise ValidationError(
                    "status",
                    say(
                        QT_TRANSLATE_NOOP(
                            "services",
                            "The appointment is on {day}; it cannot be marked {status} "
                            "before that day.",
                        ),
                        day=f"{day:%a %d %b %Y}",
                        status=status_in_a_sentence(status),
                    ),
                )
        before = appt.status
        appt.status = status
        audit.record(
            session,
            f"appointment.{status}",
            "appointment",
            appt.id,
            {"status": before},
            {"status": status},
        )
        if status in ENDS_MESSAGES:
            outbox.stop_waiting(
                session, appt.id, f"Not sent: the appointment was marked {STATUS_LABELS[status]}."
            )
        return status


def confirm(db: Database, appointment_id: int) -> str:
    """Reserved -> Confirmed."""
    return change_status(db, appointment_id, CONFIRMED)


def cancel(db: Database, appointment_id: int) -> str:
    """Frees the slot; the appointment stays in the case's history."""
    return change_status(db, appointment_id, CANCELLED)


def mark_arrived(db: Database, appointment_id: int, now: datetime | None = None) -> str:
    """The patient is at the desk. Refused before the appointment's day."""
    return change_status(db, appointment_id, ARRIVED, now)


def mark_completed(db: Database, appointment_id: int, now: datetime | None = None) -> str:
    """The visit took place. Refused before the appointment's day."""
    return change_status(db, appointment_id, COMPLETED, now)


def mark_no_show(db: Database, appointment_id: int, now: datetime | None = None) -> str:
    """The patient did not come. Refused before the appointment's day."""
    return change_status(db, appointment_id, NO_SHOW, now)
