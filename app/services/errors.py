"""Errors a receptionist can meet. Each message is plain words, fit to show as is."""

from __future__ import annotations


class CaseDeskError(Exception):
    """Base of every expected failure; `str()` is the message to show."""


class ValidationError(CaseDeskError):
    """Bad input for one field; nothing was written."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class NotFoundError(CaseDeskError):
    pass


class SlotTakenError(CaseDeskError):
    """The chosen time overlaps another appointment of the same practitioner."""


class ConflictError(CaseDeskError):
    """The action does not fit the record's current state (e.g. closing a closed case)."""


class DatabaseError(CaseDeskError):
    """The database cannot be opened or used: locked, damaged, newer, unreachable."""


class DatabaseTooNewError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    """The file failed its quick check; nothing was written to it."""


class NotAllowedError(CaseDeskError):
    """The signed-in staff member's role does not allow this; nothing was written."""


class SignInError(CaseDeskError):
    """A wrong user name or password, or an account locked after too many tries."""
