"""The audit trail: every change records who, what, and the record before and after."""

from __future__ import annotations

import getpass
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from app.models import AuditEvent


@cache
def current_actor() -> str:
    """The OS user at this desk, until CaseDesk has staff accounts."""
    try:
        return getpass.getuser()
    except Exception:  # no user name on some locked-down Windows setups
        return "unknown"


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Adds an audit row to the caller's transaction, so it commits with the change."""
    event = AuditEvent(
        actor=current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
    )
    session.add(event)
    return event
