"""Noticing changes made at another desk: every write leaves an audit row, so its id moves."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import Database
from app.models import AuditEvent


def latest_change(db: Database) -> int:
    """The id of the newest audit event (0 on an untouched database).

    Every service that writes records an audit event in the same transaction,
    so when this number moves, something in the clinic's records changed.
    """
    with db.reading() as session:
        return session.scalar(select(func.max(AuditEvent.id))) or 0
