"""The outbox: patient messages queued by bookings, waiting to be sent."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.models import OutboxMessage
from app.services.dto import OutboxInfo


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
