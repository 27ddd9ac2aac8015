"""What each staff role may do, checked by the services themselves (hiding a button is not
enough: another desk, a script or a stale window could still ask).

A session carries the desk's signed-in staff member (`session.info["staff"]`, set by
`Database.reading/writing`). With nobody signed in every action is allowed: that is a
database without staff accounts, which opens as before accounts existed, or the command
line, which is for whoever holds the database file (kept private to its owner by the file
permissions). The window asks for a sign-in whenever the database has accounts.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from app.roles import ROLE_ADMIN, ROLE_PRACTITIONER, ROLE_RECEPTION
from app.services.errors import NotAllowedError
from app.services.words import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:  # the window checks roles too, and must not load SQLAlchemy to do it
    from sqlalchemy.orm import Session

    from app.services.dto import StaffIdentity


class Permission(StrEnum):
    PATIENTS = "patients"  # register, edit, merge and import patients
    BOOKINGS = "bookings"  # book, move, cancel; open, edit and close cases
    MESSAGES = "messages"  # the outbox, resending links
    STATUSES = "statuses"  # arrived, completed, no-show (a practitioner: their own book only)
    SETTINGS = "settings"  # clinic settings, mail, practitioners, time off
    ACCOUNTS = "accounts"  # staff accounts
    RESTORE = "restore"  # replace the database with a backup


P = Permission
ROLE_PERMISSIONS: dict[str, frozenset[Permission]] = {
    ROLE_RECEPTION: frozenset({P.PATIENTS, P.BOOKINGS, P.MESSAGES, P.STATUSES}),
    ROLE_PRACTITIONER: frozenset({P.STATUSES}),
    ROLE_ADMIN: frozenset(Permission),
}
del P

_REFUSALS = {
    Permission.PATIENTS: QT_TRANSLATE_NOOP(
        "services", "Changing patient records needs a reception or admin account."
    ),
    Permission.BOOKINGS: QT_TRANSLATE_NOOP(
        "services", "Booking and changing appointments needs a reception or admin account."
    ),
    Permission.MESSAGES: QT_TRANSLATE_NOOP(
        "services", "Patient messages need a reception or admin account."
    ),
    Permission.STATUSES: QT_TRANSLATE_NOOP(
        "services", "Changing an appointment's status needs a staff account."
    ),
    Permission.SETTINGS: QT_TRANSLATE_NOOP(
        "services", "Only an administrator can change the clinic's settings."
    ),
    Permission.ACCOUNTS: QT_TRANSLATE_NOOP(
        "services", "Only an administrator can manage staff accounts."
    ),
    Permission.RESTORE: QT_TRANSLATE_NOOP(
        "services", "Only an administrator can restore a backup."
    ),
}


def staff_of(session: Session) -> StaffIdentity | None:
    return session.info.get("staff")


def allows(staff: StaffIdentity | None, permission: Permission) -> bool:
    """Whether `staff` may do it (anyone may when nobody is signed in: see the module doc)."""
    return staff is None or permission in ROLE_PERMISSIONS.get(staff.role, frozenset())


def require_staff(staff: StaffIdentity | None, permission: Permission) -> None:
    """Refuses, in plain words, what `staff` may not do (for work outside a session)."""
    if not allows(staff, permission):
        raise NotAllowedError(say(_REFUSALS[permission]))


def require(session: Session, permission: Permission) -> None:
    """Refuses, in plain words, what the session's signed-in staff member may not do."""
    require_staff(staff_of(session), permission)


def in_own_book(staff: StaffIdentity | None, practitioner_id: int | None) -> bool:
    """Whether `staff` may act in `practitioner_id`'s book: a practitioner account in its own
    only, every other role (and nobody signed in) in any."""
    if staff is None or staff.role != ROLE_PRACTITIONER or practitioner_id is None:
        return True
    return staff.practitioner_id == practitioner_id


def require_own_book(session: Session, practitioner_id: int) -> None:
    """A practitioner account changes statuses in its own book only."""
    require(session, Permission.STATUSES)
    if not in_own_book(staff_of(session), practitioner_id):
        raise NotAllowedError(
            say(
                QT_TRANSLATE_NOOP(
                    "services", "A practitioner can change appointments in their own book only."
                )
            )
        )
