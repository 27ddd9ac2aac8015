from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class AuditEvent(Base):
    """Who changed what, with the record before and after, kept forever."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    actor: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int | None]
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    # The chain (app/services/audit_chain.py): hash = SHA-256(prev_hash + canonical content);
    # seq is the entry's place in the chain (1, 2, 3, ... in commit order). Null only while
    # the entry is being written, inside its own transaction.
    seq: Mapped[int | None]
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    hash: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (
        Index("ix_audit_event_entity", "entity", "entity_id"),
        Index("ux_audit_event_seq", "seq", unique=True),
    )
