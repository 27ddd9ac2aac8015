"""The audit trail: every change records who, what, and the record before and after."""

from __future__ import annotations

import os
import socket
import sys
from datetime import datetime
from functools import cache
from typing import Any

from sqlalchemy.orm import Session

from app.models import AuditEvent
from app.models.base import utcnow
from app.services import audit_chain

NO_SIGN_IN = "(no sign-in)"


@cache
def current_actor() -> str:
    """'os-user@host (no sign-in)' for whatever is done without a signed-in staff member.

    The user is the operating system's own account for this process, never LOGNAME or USER:
    getpass.getuser() reads those first, so `LOGNAME=dr.mallory casedesk` would forge it.
    """
    return f"{_os_account()}@{socket.gethostname() or 'unknown-host'} {NO_SIGN_IN}"


def _os_account() -> str:
    if sys.platform == "win32":
        return _windows_account()
    import pwd

    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # a uid with no passwd entry (some containers): the number is the truth
        return f"uid{os.getuid()}"


def _windows_account() -> str:
    try:
        import ctypes

        size = ctypes.c_ulong(257)
        buffer = ctypes.create_unicode_buffer(size.value)
        if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):  # type: ignore[attr-defined]
            return buffer.value
    except Exception:  # no advapi32: fall back on the session's login name
        pass
    try:
        return os.getlogin()
    except OSError:
        return "unknown"


def record(
    session: Session,
    action: str,
    entity: str,
    entity_id: int | None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> AuditEvent:
    """Adds an audit row to the caller's transaction, so it commits with the change.

    The row is chained just before the commit (app/services/audit_chain.py).
    """
    staff = session.info.get("staff")
    event = AuditEvent(
        at=at or utcnow(),
        actor=staff.user_name if staff is not None else current_actor(),
        action=action,
        entity=entity,
        entity_id=entity_id,
        before=before,
        after=after,
    )
    session.add(event)
    audit_chain.note_new(session, event)
    return event
