"""The patient's link and message for the desk: text to copy, WhatsApp, and a QR code.

A clinic without e-mail (or a patient without an address) still gets the
message out: the receptionist copies it, opens it in WhatsApp with the text
prefilled, or lets the patient scan the link from the screen.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote

from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case, Patient, Practitioner
from app.services import settings
from app.services.calendar_file import CalendarEntry, appointment_calendar
from app.services.errors import NotFoundError
from app.services.messages import compose_with_settings, render_link
from app.services.words import QT_TRANSLATE_NOOP, say


@dataclass(frozen=True)
class PatientMessage:
    """One appointment's message, filled from the clinic's current templates."""

    appointment_id: int
    appointment_status: str
    case_code: str
    first_name: str
    last_name: str
    email: str | None
    phone: str  # E.164
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    timezone: str
    clinic: str
    practitioner: str
    link: str
    subject: str
    body: str
    calendar_sequence: int = 0

    @property
    def copy_text(self) -> str:
        """What "Copy message" puts on the clipboard."""
        return self.body

    @property
    def whatsapp_url(self) -> str:
        return whatsapp_url(self.phone, self.body)

    def calendar_entry(self) -> CalendarEntry:
        clinic = self.clinic or "the clinic"
        return CalendarEntry(
            appointment_id=self.appointment_id,
            starts_at=self.starts_at,
            ends_at=self.ends_at,
            timezone=self.timezone,
            summary=f"Appointment at {clinic} with {self.practitioner}",
            description=f"Your case: {self.case_code}\n{self.link}",
            location=self.clinic,
            url=self.link,
            sequence=self.calendar_sequence,
        )

    def calendar(self, now: datetime | None = None) -> bytes:
        return appointment_calendar(self.calendar_entry(), now)


def whatsapp_url(phone_e164: str, text: str) -> str:
    """A wa.me link that opens a chat with the patient, the message already typed."""
    digits = "".join(ch for ch in phone_e164 if ch.isdigit())
    return f"https://wa.me/{digits}?text={quote(text, safe='')}"


def qr_png(link: str, scale: int = 5) -> bytes:
    """The link as a QR code (PNG), for the patient to scan from the screen."""
    import segno  # here, not at the top: it costs ~25 ms of every start-up

    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


def load_message(session: Session, appointment_id: int) -> PatientMessage:
    """The message for one appointment, inside an existing session."""
    row = session.get(Appointment, appointment_id)
    if row is None:
        raise NotFoundError(
            say(
                QT_TRANSLATE_NOOP("services", "Appointment {id} no longer exists."),
                id=appointment_id,
            )
        )
    case = session.get(Case, row.case_id)
    patient = session.get(Patient, case.patient_id)
    practitioner = session.get(Practitioner, row.practitioner_id)
    config = settings.read_all(session)
    link = render_link(config["link.template"], row.token, case.code, row.id)
    message = compose_with_settings(
        config,
        first_name=patient.first_name,
        last_name=patient.last_name,
        starts_at=row.starts_at,
        practitioner=practitioner.name,
        case_code=case.code,
        link=link,
    )
    return PatientMessage(
        appointment_id=row.id,
        appointment_status=row.status,
        case_code=case.code,
        first_name=patient.first_name,
        last_name=patient.last_name,
        email=patient.email,
        phone=patient.phone,
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        timezone=config["clinic.timezone"],
        clinic=config["clinic.name"],
        practitioner=practitioner.name,
        link=link,
        subject=message.subject,
        body=message.body,
        calendar_sequence=row.calendar_sequence or 0,
    )


def message_for_appointment(db: Database, appointment_id: int) -> PatientMessage:
    """The link, message text and WhatsApp address for one appointment."""
    with db.reading() as session:
        return load_message(session, appointment_id)
