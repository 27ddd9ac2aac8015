"""The outbox: patient messages queued by bookings, and the sender that delivers them.

A message goes out at most once even with several desks (or several senders in
one app) sharing the database: a sender first *claims* it in its own short
write transaction (an UPDATE that only succeeds while the message is still
waiting), talks to the mail server outside any transaction, then records the
outcome. A failed message is kept and tried again after a growing delay; a
claim left behind by a sender that crashed is released after `STALE_CLAIM`.

Reading the outbox and a receptionist's retry or cancel are in outbox_messages.
"""

from __future__ import annotations

import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, OutboxMessage
from app.models.appointment import (
    ARRIVED,
    COMPLETED,
    NO_SHOW,
)
from app.models.appointment import CANCELLED as APPOINTMENT_CANCELLED
from app.models.outbox import CANCELLED, FAILED, PENDING, SENDING, SENT
from app.services import audit, changes, mail, settings
from app.services.mail import MailError, MailSettings
from app.services.outbox_messages import (  # noqa: F401 - also known as outbox.*
    cancel,
    get_message,
    list_messages,
    retry_now,
)
from app.services.patient_link import load_message
from app.services.permissions import Permission, require
from app.statuses import MessageStatus

log = logging.getLogger(__name__)

BACKOFF_MINUTES = (1, 2, 5, 10, 30, 60)  # after the 1st, 2nd, ... failure; then 60 each time
STALE_CLAIM = timedelta(minutes=10)  # far longer than one SMTP conversation with its timeout
WAITING = (PENDING, FAILED)

STATE_LABELS = {status: status.label for status in MessageStatus}


def retry_delay(attempts: int) -> timedelta:
    """How long to wait after the `attempts`-th failure: 1, 2, 5, 10, 30, then 60 minutes."""
    index = min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1
    return timedelta(minutes=BACKOFF_MINUTES[index])


def new_sender_name() -> str:
    """Identifies one sender (desk, process, instance) in `claimed_by`."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass(frozen=True)
class Attempt:
    """What happened to one message in one pass of the sender."""

    message_id: int
    recipient: str
    outcome: str  # sent, failed, skipped (another sender took it), cancelled
    detail: str = ""
    next_attempt_at: datetime | None = None


@dataclass(frozen=True)
class SendReport:
    """One pass over the outbox."""

    configured: bool
    reason: str | None  # why nothing could be sent (mail not set up), if so
    attempts: tuple[Attempt, ...] = ()
    waiting: int = 0  # messages still pending or failed after the pass

    def count(self, outcome: str) -> int:
        return sum(1 for a in self.attempts if a.outcome == outcome)

    @property
    def sent(self) -> int:
        return self.count("sent")

    @property
    def failed(self) -> int:
        return self.count("failed")


def _due(now: datetime, everything: bool):
    condition = OutboxMessage.status.in_(WAITING)
    if everything:
        return condition
    return condition & (OutboxMessage.next_attempt_at <= now)


def due_ids(
    db: Database, now: datetime, everything: bool = False, limit: int | None = None
) -> list[int]:
    """Messages ready to be tried, oldest first (`everything` ignores the retry delays).

    Only ids are read, so after a long outage one pass still takes every waiting message.
    """
    with db.reading() as session:
        query = (
            select(OutboxMessage.id)
            .where(_due(now, everything))
            .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
            .limit(limit)
        )
        return list(session.scalars(query))


def release_stale_claims(db: Database, now: datetime) -> int:
    """Gives back messages claimed by a sender that stopped (crash, power cut) mid-send."""
    stale = (OutboxMessage.status == SENDING) & (OutboxMessage.claimed_at < now - STALE_CLAIM)
    with db.writing() as session:
        # Looked for first: an UPDATE, even of no row, is announced to every view as a
        # change to the outbox, and the sender makes this pass every 30 seconds.
        if session.scalar(select(OutboxMessage.id).where(stale).limit(1)) is None:
            return 0
        result = session.execute(
            update(OutboxMessage)
            .where(stale)
            .values(
                status=FAILED,
                claimed_by=None,
                next_attempt_at=now,
                last_error="The sender stopped while sending; it will be tried again.",
            )
            .execution_options(synchronize_session=False)
        )
        return result.rowcount or 0


def claim(db: Database, message_id: int, sender: str, now: datetime, everything=False) -> bool:
    """Takes one message for `sender`; False when another sender (or desk) got it first."""
    with db.writing() as session:
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, _due(now, everything))
            .values(status=SENDING, claimed_by=sender, claimed_at=now)
            .execution_options(synchronize_session=False)
        )
        changes.scope(session, "outbox_message", ids=[message_id])
        return result.rowcount == 1


def _record(db: Database, message_id: int, sender: str, action: str, **values) -> None:
    """Stores the outcome; the audit row lets every desk's window notice the new state."""
    with db.writing() as session:
        result = session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == message_id, OutboxMessage.claimed_by == sender)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        changes.scope(session, "outbox_message", ids=[message_id])
        if result.rowcount:
            audit.record(session, action, "outbox_message", message_id, None, {"by": sender})


# A message asks the patient to confirm a coming visit; after these there is nothing to confirm.
NOTHING_TO_CONFIRM = {
    APPOINTMENT_CANCELLED: "the appointment was cancelled",
    COMPLETED: "the visit has taken place",
    NO_SHOW: "the patient did not come",
    ARRIVED: "the patient has arrived",
}


def why_not_sent(appointment: Appointment | None, now: datetime) -> str | None:
    """Why a message about `appointment` must not go out any more, or None when it may."""
    if appointment is None:
        return None
    if appointment.status in NOTHING_TO_CONFIRM:
        return f"Not sent: {NOTHING_TO_CONFIRM[appointment.status]}."
    if appointment.starts_at <= now:
        return "Not sent: the appointment's time has passed."
    return None


def stop_waiting(session: Session, appointment_id: int, reason: str) -> int:
    """Cancels, in the caller's transaction, the appointment's messages not yet sent."""
    result = session.execute(
        update(OutboxMessage)
        .where(
            OutboxMessage.appointment_id == appointment_id,
            OutboxMessage.status.in_(WAITING),
        )
        .values(status=CANCELLED, last_error=reason)
        .execution_options(synchronize_session=False)
    )
    changes.scope(session, "outbox_message", appointments=[appointment_id])
    if result.rowcount:
        audit.record(session, "outbox.cancel", "appointment", appointment_id, None, {"why": reason})
    return result.rowcount or 0


def drop_stale(db: Database, now: datetime) -> int:
    """Cancels waiting messages whose visit is over, cancelled or past, each with its reason.

    Runs on every pass, mail set up or not, so the outbox never shows them as still to send.
    """
    with db.writing() as session:
        rows = session.execute(
            select(OutboxMessage, Appointment)
            .join(Appointment, Appointment.id == OutboxMessage.appointment_id)
            .where(
                OutboxMessage.status.in_(WAITING),
                or_(
                    Appointment.status.in_(tuple(NOTHING_TO_CONFIRM)),
                    Appointment.starts_at <= now,
                ),
            )
        ).all()
        for message, appointment in rows:
            reason = why_not_sent(appointment, now)
            message.status, message.last_error = CANCELLED, reason
            audit.record(
                session, "outbox.drop", "outbox_message", message.id, None, {"why": reason}
            )
        return len(rows)


def _prepare(db: Database, message_id: int, config: MailSettings, now: datetime):
    """(recipient, e-mail, None) for a claimed message, or (recipient, None, why it is dropped)."""
    with db.reading() as session:
        row = session.get(OutboxMessage, message_id)
        appointment = session.get(Appointment, row.appointment_id) if row.appointment_id else None
        reason = why_not_sent(appointment, now)
        if reason:
            return row.recipient, None, reason
        calendar = load_message(session, appointment.id).calendar(now) if appointment else None
        domain = config.sender.rpartition("@")[2] or "casedesk.local"
        email = mail.build_message(
            config,
            row.recipient,
            row.subject,
            row.body,
            calendar,
            message_id=f"<outbox-{row.id}.{row.created_at:%Y%m%d%H%M%S}@{domain}>",
        )
        return row.recipient, email, None


def deliver(
    db: Database, message_id: int, config: MailSettings, sender: str, now: datetime
) -> Attempt:
    """Sends one message already claimed by `sender` and records what happened."""
    try:
        recipient, email, reason = _prepare(db, message_id, config, now)
    except mail.MessageBuildError as exc:  # this message only: the others still go out
        return _fail(db, message_id, _recipient(db, message_id), sender, now, str(exc))
    if email is None:
        _record(db, message_id, sender, "outbox.drop", status=CANCELLED, last_error=reason)
        return Attempt(message_id, recipient, "cancelled", reason)
    try:
        mail.send(config, email)
    except MailError as exc:
        return _fail(db, message_id, recipient, sender, now, str(exc))
    _record(
        db,
        message_id,
        sender,
        "outbox.sent",
        status=SENT,
        sent_at=now,
        last_error=None,
        attempts=OutboxMessage.attempts + 1,
    )
    return Attempt(message_id, recipient, "sent")


def _recipient(db: Database, message_id: int) -> str:
    with db.reading() as session:
        return session.scalar(select(OutboxMessage.recipient).where(OutboxMessage.id == message_id))


def _fail(db, message_id, recipient, sender, now, reason: str) -> Attempt:
    with db.writing() as session:
        row = session.get(OutboxMessage, message_id)
        if row is None or row.claimed_by != sender:
            return Attempt(message_id, recipient, "skipped", "taken over by another sender")
        row.attempts += 1
        row.status = FAILED
        row.last_error = reason
        row.next_attempt_at = now + retry_delay(row.attempts)
        when = row.next_attempt_at
        audit.record(session, "outbox.fail", "outbox_message", row.id, None, {"why": reason[:200]})
    return Attempt(message_id, recipient, "failed", reason, when)


def _note_not_configured(db: Database, reason: str) -> None:
    """Waiting messages show why they wait; this is not a failed attempt."""
    without = (OutboxMessage.status == PENDING) & or_(
        OutboxMessage.last_error.is_(None), OutboxMessage.last_error != reason
    )
    with db.writing() as session:
        # Looked for first, as in release_stale_claims: no UPDATE, no announced change.
        if session.scalar(select(OutboxMessage.id).where(without).limit(1)) is None:
            return
        session.execute(
            update(OutboxMessage)
            .where(without)
            .values(last_error=reason)
            .execution_options(synchronize_session=False)
        )


def _waiting(db: Database) -> int:
    with db.reading() as session:
        rows = session.scalars(select(OutboxMessage.id).where(OutboxMessage.status.in_(WAITING)))
        return len(list(rows))


def send_due(
    db: Database,
    now: datetime | None = None,
    sender: str | None = None,
    everything: bool = False,
    mail_settings: MailSettings | None = None,
    on_attempt: Callable[[Attempt], None] | None = None,
) -> SendReport:
    """One pass of the sender: every message that is due (or all waiting, with `everything`).

    Returns what happened to each message. When mail is not set up nothing is
    tried; the waiting messages stay pending and carry the reason.
    """
    now = now or datetime.now(UTC)
    sender = sender or new_sender_name()
    config = mail_settings or MailSettings.from_config(settings.get_all(db))
    drop_stale(db, now)
    reason = config.missing
    if reason:
        _note_not_configured(db, reason)
        return SendReport(False, reason, (), _waiting(db))
    release_stale_claims(db, now)
    attempts = []
    for message_id in due_ids(db, now, everything):
        if not claim(db, message_id, sender, now, everything):
            continue  # another desk or sender has it; it is theirs to send
        attempt = deliver(db, message_id, config, sender, now)
        attempts.append(attempt)
        if on_attempt is not None:
            on_attempt(attempt)
    return SendReport(True, None, tuple(attempts), _waiting(db))


def cancel_for_appointment(db: Database, appointment_id: int) -> int:
    """Cancels every message of an appointment that has not gone out yet."""
    with db.writing() as session:
        require(session, Permission.MESSAGES)
        return stop_waiting(session, appointment_id, "Not sent: the appointment was cancelled.")
