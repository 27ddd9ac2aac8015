"""Staff accounts: argon2id passwords, sign-in with a lock after repeated failures.

A failed sign-in says the same words for an unknown user and a wrong password, and
spends the same hashing time, so the desk does not tell which user names exist.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Practitioner, StaffAccount
from app.models.base import utcnow
from app.models.staff import ROLE_PRACTITIONER, ROLES
from app.services import audit
from app.services.dto import StaffAccountInfo, StaffIdentity
from app.services.errors import NotFoundError, SignInError, ValidationError
from app.services.permissions import Permission, require
from app.services.text import fold
from app.services.words import QT_TRANSLATE_NOOP, say, say_count, translate

log = logging.getLogger(__name__)

MAX_FAILURES = 5
LOCK_FOR = timedelta(minutes=15)
MIN_PASSWORD = 8
WRONG = QT_TRANSLATE_NOOP("services", "The user name or password is wrong.")

_hasher = PasswordHasher()  # argon2id with RFC 9106's low-memory parameters (64 MiB, t=3)
_DUMMY_HASH = _hasher.hash("not a password of anyone's")


def has_accounts(db: Database) -> bool:
    """True once any active staff account exists: the window then asks for a sign-in."""
    with db.reading() as session:
        return bool(
            session.scalar(select(func.count()).select_from(StaffAccount).filter_by(active=True))
        )


def _user_key(user_name: str) -> str:
    return fold(user_name.strip())


def _check_user_name(user_name: str) -> str:
    name = " ".join(user_name.split())
    if not name:
        raise ValidationError("user_name", say(QT_TRANSLATE_NOOP("services", "Enter a user name.")))
    if len(name) > 60:
        raise ValidationError(
            "user_name",
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The user name is too long (at most {limit} characters)."
                ),
                limit=60,
            ),
        )
    return name


def check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise ValidationError(
            "password",
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The password must have at least {limit} characters."
                ),
                limit=MIN_PASSWORD,
            ),
        )
    if len(password) > 1000 or "\x00" in password:
        raise ValidationError(
            "password",
            say(QT_TRANSLATE_NOOP("services", "The password cannot be used: choose another.")),
        )


def _check_role(role: str) -> str:
    role = role.strip().lower()
    if role not in ROLES:
        raise ValidationError(
            "role",
            say(
                QT_TRANSLATE_NOOP("services", "The role must be one of: {roles}."),
                roles=", ".join(ROLES),
            ),
        )
    return role


def _identity(account: StaffAccount) -> StaffIdentity:
    return StaffIdentity(account.id, account.user_name, account.role, account.practitioner_id)


def info(account: StaffAccount) -> StaffAccountInfo:
    return StaffAccountInfo(
        account.id,
        account.user_name,
        account.role,
        account.practitioner_id,
        account.active,
        account.locked_until,
        account.last_sign_in_at,
    )


def _check_practitioner(session: Session, role: str, practitioner_id: int | None) -> None:
    if role == ROLE_PRACTITIONER and practitioner_id is None:
        raise ValidationError(
            "practitioner",
            say(QT_TRANSLATE_NOOP("services", "Choose the practitioner whose book this is.")),
        )
    if practitioner_id is not None and session.get(Practitioner, practitioner_id) is None:
        raise ValidationError(
            "practitioner",
            say(QT_TRANSLATE_NOOP("services", "That practitioner no longer exists.")),
        )


def add_account(
    db: Database, user_name: str, role: str, password: str, practitioner_id: int | None = None
) -> StaffAccountInfo:
    """Creates a staff account (admins only, once any account exists)."""
    name, role = _check_user_name(user_name), _check_role(role)
    check_password(password)
    hashed = _hasher.hash(password)  # ~0.1 s: outside the transaction
    with db.writing() as session:
        require(session, Permission.ACCOUNTS)
        _check_practitioner(session, role, practitioner_id)
        if role != "admin" and not session.scalar(select(func.count()).select_from(StaffAccount)):
            raise ValidationError(
                "role",
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "The first account must be an administrator, who can then add the others.",
                    )
                ),
            )
        key = _user_key(name)
        if session.scalar(select(StaffAccount.id).filter_by(user_key=key)) is not None:
            raise ValidationError(
                "user_name",
                say(
                    QT_TRANSLATE_NOOP("services", "There is already an account named {name}."),
                    name=name,
                ),
            )
        account = StaffAccount(
            user_name=name,
            user_key=key,
            role=role,
            password_hash=hashed,
            practitioner_id=practitioner_id,
        )
        session.add(account)
        session.flush()
        audit.record(session, "staff.add", "staff_account", account.id, None, _audited(account))
        return info(account)


def _audited(account: StaffAccount) -> dict:
    """What the audit keeps of an account: never its password hash."""
    return {
        "user_name": account.user_name,
        "role": account.role,
        "practitioner_id": account.practitioner_id,
        "active": account.active,
    }


def sign_in(
    db: Database, user_name: str, password: str, *, now: datetime | None = None
) -> StaffIdentity:
    """Checks the password and, when right, signs this desk in as that staff member.

    Five wrong passwords in a row lock the account for 15 minutes. Raises SignInError.
    """
    now = now or utcnow()
    key = _user_key(user_name)
    with db.reading() as session:
        found = session.execute(
            select(
                StaffAccount.id, StaffAccount.password_hash, StaffAccount.locked_until
            ).filter_by(user_key=key, active=True)
        ).first()
    if found is None:
        _verify(_DUMMY_HASH, password)  # the same time as a real check
        log.info("sign-in refused: unknown user")
        raise SignInError(say(WRONG))
    account_id, hashed, locked_until = found
    if locked_until is not None and locked_until > now:
        raise SignInError(_locked_words(locked_until, now))
    right = _verify(hashed, password)
    identity = _record_attempt(db, account_id, right, now, password if right else None)
    if identity is None:
        raise SignInError(_refusal(db, account_id, now))
    db.signed_in = identity
    return identity


def _verify(hashed: str, password: str) -> bool:
    try:
        return _hasher.verify(hashed, password)
    except (VerificationError, InvalidHashError):
        return False


def _record_attempt(
    db: Database, account_id: int, right: bool, now: datetime, password: str | None
) -> StaffIdentity | None:
    """Counts a failure (locking at the fifth) or clears them; audited either way."""
    with db.writing() as session:
        session.info["staff"] = None  # nobody is signed in while signing in
        account = session.get(StaffAccount, account_id, with_for_update=True)
        if not right:
            account.failed_sign_ins += 1
            if account.failed_sign_ins >= MAX_FAILURES:
                account.failed_sign_ins = 0
                account.locked_until = now + LOCK_FOR
                audit.record(session, "staff.locked", "staff_account", account.id)
            else:
                audit.record(session, "staff.sign_in_failed", "staff_account", account.id)
            log.info("sign-in refused for account %s", account.id)
            return None
        account.failed_sign_ins = 0
        account.locked_until = None
        account.last_sign_in_at = now
        if password is not None and _hasher.check_needs_rehash(account.password_hash):
            account.password_hash = _hasher.hash(password)
        identity = _identity(account)
        session.info["staff"] = identity  # the entry names who signed in
        audit.record(session, "staff.sign_in", "staff_account", account.id)
        return identity


def _refusal(db: Database, account_id: int, now: datetime) -> str:
    with db.reading() as session:
        locked_until = session.scalar(select(StaffAccount.locked_until).filter_by(id=account_id))
    return _locked_words(locked_until, now) if locked_until is not None else say(WRONG)


def _locked_words(until: datetime, now: datetime) -> str:
    minutes = max(1, round((until - now).total_seconds() / 60))
    return say_count(
        translate(
            "services",
            "This account is locked after {failures} wrong passwords. Try again in "
            "%n minute(s), or ask an administrator to unlock it.",
            "",
            minutes,
        ),
        minutes,
        failures=MAX_FAILURES,
    )


def sign_out(db: Database) -> None:
    """The desk forgets who was signed in (the window then asks again)."""
    db.signed_in = None


def list_accounts(db: Database) -> list[StaffAccountInfo]:
    """Every account, by user name (admins only)."""
    with db.reading() as session:
        require(session, Permission.ACCOUNTS)
        rows = session.scalars(select(StaffAccount).order_by(StaffAccount.user_key))
        return [info(a) for a in rows]


def update_account(
    db: Database,
    account_id: int,
    *,
    role: str | None = None,
    practitioner_id: int | None = None,
    active: bool | None = None,
    password: str | None = None,
    unlock: bool = False,
) -> StaffAccountInfo:
    """Changes an account's role, practitioner, activity or password, or unlocks it (admins).

    The last active admin cannot be demoted or switched off: nobody could manage accounts.
    """
    if password is not None:
        check_password(password)
        hashed = _hasher.hash(password)
    with db.writing() as session:
        require(session, Permission.ACCOUNTS)
        account = session.get(StaffAccount, account_id)
        if account is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("services", "That staff account no longer exists."))
            )
        before = _audited(account)
        if role is not None:
            account.role = _check_role(role)
            account.practitioner_id = practitioner_id
            _check_practitioner(session, account.role, practitioner_id)
        if active is not None:
            account.active = active
        if password is not None:
            account.password_hash = hashed
        if unlock or password is not None:
            account.failed_sign_ins, account.locked_until = 0, None
        session.flush()
        _keep_an_admin(session)
        after = _audited(account) | ({"password": "changed"} if password is not None else {})
        if unlock:
            after["unlocked"] = True
        audit.record(session, "staff.update", "staff_account", account.id, before, after)
        return info(account)


def _keep_an_admin(session: Session) -> None:
    admins = session.scalar(
        select(func.count()).select_from(StaffAccount).filter_by(role="admin", active=True)
    )
    if not admins:  # accounts exist (this one at least), so someone must be able to manage them
        raise ValidationError(
            "role",
            say(
                QT_TRANSLATE_NOOP(
                    "services", "At least one active administrator account must remain."
                )
            ),
        )


def change_own_password(db: Database, current: str, new: str) -> None:
    """The signed-in staff member changes their own password."""
    staff = db.signed_in
    if staff is None:
        raise ValidationError("password", say(QT_TRANSLATE_NOOP("services", "Sign in first.")))
    check_password(new)
    with db.reading() as session:
        hashed = session.scalar(select(StaffAccount.password_hash).filter_by(id=staff.id))
    if not _verify(hashed, current):
        raise ValidationError(
            "current_password", say(QT_TRANSLATE_NOOP("services", "The current password is wrong."))
        )
    new_hash = _hasher.hash(new)
    with db.writing() as session:
        account = session.get(StaffAccount, staff.id)
        account.password_hash = new_hash
        audit.record(session, "staff.password", "staff_account", account.id)
