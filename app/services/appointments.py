"""Appointment status changes: confirm, arrived, completed, no-show, cancel."""

from __future__ import annotations

from app.db import Database
from app.models import Appointment
from app.models.appointment import (
    ARRIVED,
    CANCELLED,
    COMPLETED,
    CONFIRMED,
    NO_SHOW,
)
from app.services import audit
from app.services.errors import ConflictError, NotFoundError
from app.statuses import ALLOWED, AppointmentStatus

STATUS_LABELS = {status: status.label for status in AppointmentStatus}


def change_status(db: Database, appointment_id: int, status: str) -> str:
    """Moves an appointment to `status` when that step is allowed; returns the new status."""
    if status not in STATUS_LABELS:
        raise ConflictError(f"'{status}' is not an appointment status.")
    with db.writing() as session:
        appt = session.get(Appointment, appointment_id)
        if appt is None:
            raise NotFoundError(f"Appointment {appointment_id} no longer exists.")
        if status == appt.status:
            return status
        if status not in ALLOWED[appt.status]:
            raise ConflictError(
                f"A {STATUS_LABELS[appt.status].lower()} appointment cannot be marked "
                f"{STATUS_LABELS[status].lower()}."
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
        return status


def confirm(db: Database, appointment_id: int) -> str:
    """Reserved -> Confirmed."""
    return change_status(db, appointment_id, CONFIRMED)


def cancel(db: Database, appointment_id: int) -> str:
    """Frees the slot; the appointment stays in the case's history."""
    return change_status(db, appointment_id, CANCELLED)


def mark_arrived(db: Database, appointment_id: int) -> str:
    """The patient is at the desk."""
    return change_status(db, appointment_id, ARRIVED)


def mark_completed(db: Database, appointment_id: int) -> str:
    """The visit took place."""
    return change_status(db, appointment_id, COMPLETED)


def mark_no_show(db: Database, appointment_id: int) -> str:
    """The patient did not come."""
    return change_status(db, appointment_id, NO_SHOW)
