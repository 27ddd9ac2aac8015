"""The words for where an appointment and a patient message stand: one vocabulary.

Stored as their values ("reserved", "sent", ...); shown by their labels, which the
views pass through Qt's translation (context "Status"). Nothing here imports Qt or
SQLAlchemy, so models, services and views all share it.
"""

from __future__ import annotations

from enum import StrEnum

from app.services.words import QT_TRANSLATE_NOOP, say


class AppointmentStatus(StrEnum):
    RESERVED = "reserved"
    CONFIRMED = "confirmed"
    ARRIVED = "arrived"
    COMPLETED = "completed"
    CANCELLED = "cancelled"
    NO_SHOW = "no_show"

    @property
    def label(self) -> str:
        return _APPOINTMENT_LABELS[self]


class MessageStatus(StrEnum):
    PENDING = "pending"
    SENDING = "sending"  # claimed by one sender; nobody else may take it
    SENT = "sent"
    FAILED = "failed"  # gave up, or the last try failed and it waits for a retry
    CANCELLED = "cancelled"

    @property
    def label(self) -> str:
        return _MESSAGE_LABELS[self]


_APPOINTMENT_LABELS = {
    AppointmentStatus.RESERVED: QT_TRANSLATE_NOOP("Status", "Reserved"),
    AppointmentStatus.CONFIRMED: QT_TRANSLATE_NOOP("Status", "Confirmed"),
    AppointmentStatus.ARRIVED: QT_TRANSLATE_NOOP("Status", "Arrived"),
    AppointmentStatus.COMPLETED: QT_TRANSLATE_NOOP("Status", "Completed"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("Status", "Cancelled"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("Status", "No-show"),
}

_MESSAGE_LABELS = {
    MessageStatus.PENDING: QT_TRANSLATE_NOOP("Status", "Waiting to send"),
    MessageStatus.SENDING: QT_TRANSLATE_NOOP("Status", "Sending"),
    MessageStatus.SENT: QT_TRANSLATE_NOOP("Status", "Sent"),
    MessageStatus.FAILED: QT_TRANSLATE_NOOP("Status", "Failed, will retry"),
    MessageStatus.CANCELLED: QT_TRANSLATE_NOOP("Status", "Cancelled"),
}

NO_EMAIL = QT_TRANSLATE_NOOP(
    "Status", "No e-mail"
)  # a booking without an e-mail address queues no message
NOT_SENT = QT_TRANSLATE_NOOP(
    "Status", "Not sent"
)  # no message, though the patient has an address now

A = AppointmentStatus
# Which status may follow which. A cancelled slot may already be rebooked, so
# nothing leads out of Cancelled; book again instead.
ALLOWED: dict[str, set[str]] = {
    A.RESERVED: {A.CONFIRMED, A.ARRIVED, A.CANCELLED, A.NO_SHOW},
    A.CONFIRMED: {A.ARRIVED, A.CANCELLED, A.NO_SHOW, A.RESERVED},
    A.ARRIVED: {A.COMPLETED, A.CONFIRMED},
    A.COMPLETED: {A.ARRIVED},
    A.NO_SHOW: {A.CONFIRMED, A.ARRIVED},
    A.CANCELLED: set(),
}
del A


def appointment_label(status: str) -> str:
    """The English label of a stored appointment status (unknown values shown as stored)."""
    try:
        return AppointmentStatus(status).label
    except ValueError:
        return status


def message_label(status: str | None, has_email: bool = False) -> str:
    """The English label of a stored message status.

    No message means there was no e-mail address at booking, unless the patient has one
    now (added after the booking, or an appointment brought in without a message).
    """
    if status is None:
        return NOT_SENT if has_email else NO_EMAIL
    try:
        return MessageStatus(status).label
    except ValueError:
        return status


# The appointment statuses inside a service's sentence ("A cancelled appointment cannot be
# moved."), marked for translation with the other service messages.
_IN_A_SENTENCE = {
    AppointmentStatus.RESERVED: QT_TRANSLATE_NOOP("services", "reserved"),
    AppointmentStatus.CONFIRMED: QT_TRANSLATE_NOOP("services", "confirmed"),
    AppointmentStatus.ARRIVED: QT_TRANSLATE_NOOP("services", "arrived"),
    AppointmentStatus.COMPLETED: QT_TRANSLATE_NOOP("services", "completed"),
    AppointmentStatus.CANCELLED: QT_TRANSLATE_NOOP("services", "cancelled"),
    AppointmentStatus.NO_SHOW: QT_TRANSLATE_NOOP("services", "no-show"),
}


def status_in_a_sentence(status: str) -> str:
    """'cancelled', as a service's message says it, translated with the message."""
    try:
        return say(_IN_A_SENTENCE[AppointmentStatus(status)])
    except ValueError:
        return status
