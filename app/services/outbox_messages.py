"""The outbox as a desk reads it (the list, one message) and a receptionist's retry and cancel.

Sending is in app/services/outbox.py, which also answers to these names.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from app.db import Database
from app.models import OutboxMessage
from app.models.outbox import CANCELLED, PENDING, SENDING, SENT
from app.services import audit
from app.services.dto import OutboxInfo
from app.services.errors import ConflictError, NotFoundError
from app.services.permissions import Permission, require
from app.services.words import QT_TRANSLATE_NOOP, say


def _info(row: OutboxMessage) -> OutboxInfo:
    return OutboxInfo(
        id=row.id,
        appointment_id=row.appointment_id,
        recipient=row.recipient,
        subject=row.subject,
        status=row.status,
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error=row.last_error,
        sent_at=row.sent_at,
        created_at=row.created_at,
    )


def list_messages(db: Database, status: str | None = None, limit: int = 500) -> list[OutboxInfo]:
    """Messages, newest first, optionally of one status."""
    with db.reading() as session:
        query = select(OutboxMessage).order_by(OutboxMessage.id.desc()).limit(limit)
        if status:
            query = query.where(OutboxMessage.status == status)
        return [_info(r) for r in session.scalars(query)]


def get_message(db: Database, message_id: int) -> OutboxInfo:
    """One message, as the outbox view shows it."""
    with db.reading() as session:
        return _info(_row(session, message_id))


def retry_now(db: Database, message_id: int, now: datetime | None = None) -> OutboxInfo:
    """Makes a failed, waiting or cancelled message due at once."""
    now = now or datetime.now(UTC)
    with db.writing() as session:
        require(session, Permission.MESSAGES)
        row = _row(session, message_id)
        if row.status in (SENT, SENDING):
            raise ConflictError(_busy_text(row.status))
        before = {"status": row.status}
        row.status = PENDING if row.status == CANCELLED else row.status
        row.next_attempt_at = now
        audit.record(session, "outbox.retry", "outbox_message", row.id, before, {"due": "now"})
        return _info(row)


def cancel(db: Database, message_id: int) -> OutboxInfo:
    """Stops a waiting message from being sent; it stays in the outbox as cancelled."""
    with db.writing() as session:
        require(session, Permission.MESSAGES)
        row = _row(session, message_id)
        if row.status in (SENT, SENDING):
            raise ConflictError(_busy_text(row.status))
        before = {"status": row.status}
        row.status = CANCELLED
        audit.record(
            session, "outbox.cancel", "outbox_message", row.id, before, {"status": CANCELLED}
        )
        return _info(row)


def _row(session, message_id: int) -> OutboxMessage:
    row = session.get(OutboxMessage, message_id)
    if row is None:
        raise NotFoundError(
            say(QT_TRANSLATE_NOOP("services", "Message {id} no longer exists."), id=message_id)
        )
    return row


def _busy_text(status: str) -> str:
    if status == SENT:
        return "This message has already been sent."
    return "This message is being sent right now; wait a moment."
