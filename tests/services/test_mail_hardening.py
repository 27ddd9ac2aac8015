"""Mail that one bad setting cannot stop: one-line headers, a poisoned message, the password."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from app.models import OutboxMessage
from app.services import mail, outbox, settings
from app.services.errors import ValidationError
from tests.conftest import new_patient
from tests.mail_server import MailServer


@pytest.fixture
def server():
    running = MailServer().start()
    yield running
    running.stop()


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("clinic.name", "Sunrise\nBcc: everyone@example.com"),
        ("clinic.name", "Sunrise\rPhysio"),
        ("message.subject", "Your visit\r\nBcc: everyone@example.com"),
        ("message.subject", "Your visit {case_id}\nagain"),
    ],
)
def test_a_line_break_in_a_header_setting_is_refused(db, refused, key, value):
    error = refused(key, settings.set, db, key, value)
    assert "line break" in error.message
    refused(key, settings.set_many, db, {"clinic.region": "GB", key: value})
    assert settings.get(db, "clinic.region") == "IN"  # nothing of the batch was stored


def test_line_breaks_at_the_ends_are_trimmed_not_refused(db):
    assert settings.set(db, "clinic.name", "Sunrise Physio\n") == "Sunrise Physio"


def remote_mail(db, **extra):
    settings.set_many(
        db, {"smtp.host": "mail.example.com", "smtp.sender": "desk@clinic.example", **extra}
    )


def test_no_security_with_a_password_is_refused_for_a_remote_server(db, refused):
    remote_mail(db, **{"smtp.security": "none"})
    error = refused("smtp.security", settings.set, db, "smtp.password", "s3cret")
    assert "mail.example.com" in error.message and "starttls" in error.message
    assert settings.get(db, "smtp.password") == ""


def test_switching_to_no_security_with_a_stored_password_is_refused(db, refused):
    remote_mail(db, **{"smtp.security": "tls", "smtp.password": "s3cret"})
    refused("smtp.security", settings.set, db, "smtp.security", "none")
    assert settings.get(db, "smtp.security") == "tls"


def test_moving_an_unencrypted_mail_server_off_this_computer_is_refused(db, refused):
    settings.set_many(
        db, {"smtp.host": "localhost", "smtp.security": "none", "smtp.password": "pw"}
    )
    refused("smtp.security", settings.set, db, "smtp.host", "[2001:db8::1]")
    assert settings.get(db, "smtp.host") == "localhost"


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.9.10", "::1", "[::1]", "localhost"])
def test_no_security_with_a_password_is_allowed_on_this_computer(db, host):
    settings.set_many(db, {"smtp.host": host, "smtp.security": "none", "smtp.password": "pw"})
    assert settings.get(db, "smtp.security") == "none"


def test_no_security_without_a_password_is_allowed_anywhere(db):
    remote_mail(db, **{"smtp.security": "none"})
    assert settings.get(db, "smtp.host") == "mail.example.com"


def test_the_test_message_is_refused_before_sending_the_password_unencrypted(db):
    values = {
        "smtp.host": "mail.example.com",
        "smtp.security": "none",
        "smtp.password": "s3cret",
        "smtp.sender": "desk@clinic.example",
    }
    with pytest.raises(ValidationError) as caught:
        mail.send_test_message(values, "me@example.com")
    assert caught.value.field == "smtp.security"


@pytest.mark.parametrize(
    ("column", "poison", "reason"),
    [
        ("subject", "Your visit\r\nBcc: everyone@example.com", "the subject has a line break"),
        ("recipient", "x@[1.2", "address is not valid"),
        ("recipient", "nobody", "address is not valid"),
        ("recipient", "a@example.com\nBcc: b@example.com", "address has a line break"),
    ],
)
def test_a_message_that_cannot_be_built_fails_alone(db, server, book, column, poison, reason):
    """A header stored by an older CaseDesk (or an address the library refuses) stalls nothing."""
    server.configure(db)
    booked = [
        book(new_patient=new_patient(first, "Desai", phone, email=f"{first.lower()}@example.com"))
        for first, phone in (
            ("Anita", "+91 98123 11111"),
            ("Bina", "+91 98123 22222"),
            ("Chitra", "+91 98123 33333"),
        )
    ]
    poisoned = booked[1].message_id
    with db.writing() as session:  # as an old database may hold it: past today's validation
        session.execute(
            update(OutboxMessage).where(OutboxMessage.id == poisoned).values({column: poison})
        )

    report = outbox.send_due(db)

    assert (report.sent, report.failed) == (2, 1)
    assert sorted(server.inbox.recipients()) == ["anita@example.com", "chitra@example.com"]
    failed = outbox.get_message(db, poisoned)
    assert failed.status == "failed" and failed.attempts == 1
    assert reason in failed.last_error
    assert [outbox.get_message(db, b.message_id).status for b in booked] == [
        "sent",
        "failed",
        "sent",
    ]
    again = outbox.send_due(db, everything=True)  # it keeps failing on its own, nothing stalls
    assert (again.sent, again.failed) == (0, 1)
    assert outbox.get_message(db, poisoned).status == "failed"
