"""Staff accounts: argon2id hashes, the lock after five wrong passwords, roles in the services."""

from __future__ import annotations

from datetime import timedelta

import pytest

from app.models import AuditEvent, StaffAccount
from app.models.base import utcnow
from app.services import accounts, permissions, settings
from app.services.errors import NotAllowedError, SignInError, ValidationError

PASSWORD = "correct horse"


@pytest.fixture
def admin(db):
    return accounts.add_account(db, "Meera", "admin", PASSWORD)


def test_a_password_is_stored_as_an_argon2id_hash_only(db, admin):
    with db.reading() as session:
        stored = session.get(StaffAccount, admin.id).password_hash
        audit_text = " ".join(str(after) for (after,) in session.query(AuditEvent.after))
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    assert "argon2" not in audit_text and PASSWORD not in audit_text


def test_sign_in_names_the_user_in_the_audit_trail(db, admin):
    staff = accounts.sign_in(db, "meera", PASSWORD)  # user names ignore case
    assert (staff.user_name, staff.role) == ("Meera", "admin")
    settings.set_many(db, {"clinic.name": "Harbour Physio"})
    with db.reading() as session:
        actor = session.query(AuditEvent.actor).order_by(AuditEvent.id.desc()).first()[0]
    assert actor == "Meera"


def test_unknown_user_and_wrong_password_get_the_same_words(db, admin):
    with pytest.raises(SignInError) as unknown:
        accounts.sign_in(db, "nobody", PASSWORD)
    with pytest.raises(SignInError) as wrong:
        accounts.sign_in(db, "Meera", "not the password")
    assert str(unknown.value) == str(wrong.value) == accounts.WRONG
    assert db.signed_in is None


def test_five_wrong_passwords_lock_the_account_for_fifteen_minutes(db, admin):
    now = utcnow()
    for _ in range(accounts.MAX_FAILURES):
        with pytest.raises(SignInError):
            accounts.sign_in(db, "Meera", "wrong password", now=now)
    with pytest.raises(SignInError, match="locked"):  # even the right password
        accounts.sign_in(db, "Meera", PASSWORD, now=now + timedelta(minutes=14))
    staff = accounts.sign_in(db, "Meera", PASSWORD, now=now + timedelta(minutes=16))
    assert staff.id == admin.id


def test_the_first_account_is_an_administrator(db):
    with pytest.raises(ValidationError, match="first account"):
        accounts.add_account(db, "Ravi", "reception", PASSWORD)
    assert not accounts.has_accounts(db)


def test_roles_are_enforced_by_the_services(db, admin):
    accounts.add_account(db, "Ravi", "reception", PASSWORD)
    accounts.sign_in(db, "Ravi", PASSWORD)
    with pytest.raises(NotAllowedError):
        accounts.add_account(db, "Sneha", "reception", PASSWORD)
    with pytest.raises(NotAllowedError):
        accounts.list_accounts(db)
    accounts.sign_out(db)
    accounts.sign_in(db, "Meera", PASSWORD)
    assert [a.user_name for a in accounts.list_accounts(db)] == ["Meera", "Ravi"]


def test_the_last_administrator_cannot_be_demoted(db, admin):
    accounts.sign_in(db, "Meera", PASSWORD)
    with pytest.raises(ValidationError, match="administrator"):
        accounts.update_account(db, admin.id, role="reception")
    with pytest.raises(ValidationError, match="administrator"):
        accounts.update_account(db, admin.id, active=False)


def test_a_short_password_is_refused_in_plain_words(db):
    with pytest.raises(ValidationError, match="at least 8 characters"):
        accounts.add_account(db, "Meera", "admin", "short")


def test_a_practitioner_may_change_only_their_own_book(db, practitioner, admin):
    accounts.add_account(db, "Asha", "practitioner", PASSWORD, practitioner.id)
    accounts.sign_in(db, "Asha", PASSWORD)
    with db.reading() as session:
        permissions.require_own_book(session, practitioner.id)
        with pytest.raises(NotAllowedError):
            permissions.require_own_book(session, practitioner.id + 1)
        with pytest.raises(NotAllowedError):
            permissions.require(session, permissions.Permission.BOOKINGS)
