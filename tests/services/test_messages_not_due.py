"""A patient's message is only sent while there is still a visit to confirm."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.models import Appointment
from app.services import appointments, outbox, settings
from app.services.mail import MailSettings
from tests.conftest import new_patient
from tests.mail_server import MailServer


@pytest.fixture
def server():
    running = MailServer().start()
    yield running
    running.stop()


@pytest.fixture
def book_with_email(book):
    def _book(**fields):
        patient = new_patient("Anita", "Desai", "+91 98123 11111", email="anita@example.com")
        return book(new_patient=patient, **fields)

    return _book


@pytest.mark.parametrize(
    "status, why",
    [("completed", "visit has taken place"), ("no_show", "did not come")],
)
def test_mail_set_up_late_does_not_ask_to_confirm_a_finished_visit(
    db, server, book_with_email, status, why
):
    booked = book_with_email()  # mail not set up yet: the message waits
    assert outbox.send_due(db).configured is False
    # The visit is marked as CaseDesk versions before this check did: the message still waits.
    with db.writing() as session:
        session.get(Appointment, booked.appointment_id).status = status
    server.configure(db)
    report = outbox.send_due(db)
    assert report.configured and report.sent == 0
    assert server.inbox.envelopes == []
    message = outbox.get_message(db, booked.message_id)
    assert message.status == "cancelled" and why in message.last_error


def test_a_message_whose_appointment_time_has_passed_is_not_sent(db, server, book_with_email):
    past = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    booked = book_with_email(starts_at=past, override=True)  # a late entry
    server.configure(db)
    report = outbox.send_due(db)
    assert report.configured and report.sent == 0
    assert server.inbox.envelopes == []
    assert "time has passed" in outbox.get_message(db, booked.message_id).last_error


def test_a_claimed_message_is_checked_again_at_send_time(db, server, book_with_email):
    booked = book_with_email()
    server.configure(db)
    now = datetime.now(UTC)
    assert outbox.claim(db, booked.message_id, "desk-1", now)
    # Between the claim and the send, another desk marks the visit (as older versions did).
    with db.writing() as session:
        session.get(Appointment, booked.appointment_id).status = "no_show"
    config = MailSettings.from_config(settings.get_all(db))
    attempt = outbox.deliver(db, booked.message_id, config, "desk-1", now)
    assert attempt.outcome == "cancelled" and "did not come" in attempt.detail
    assert server.inbox.envelopes == []
    assert outbox.get_message(db, booked.message_id).status == "cancelled"


def test_a_message_for_a_coming_visit_still_goes_out(db, server, book_with_email):
    booked = book_with_email()
    server.configure(db)
    assert outbox.send_due(db).sent == 1
    assert server.inbox.recipients() == ["anita@example.com"]
    assert outbox.get_message(db, booked.message_id).status == "sent"


@pytest.mark.parametrize("status", ["completed", "no_show", "cancelled"])
def test_marking_the_visit_stops_its_waiting_message(db, book_with_email, status):
    booked = book_with_email()
    on_the_day = booked.starts_at
    if status == "completed":
        appointments.mark_arrived(db, booked.appointment_id, now=on_the_day)
    appointments.change_status(db, booked.appointment_id, status, now=on_the_day)
    message = outbox.get_message(db, booked.message_id)
    assert message.status == "cancelled" and message.last_error.startswith("Not sent")


def test_a_past_visits_message_is_cancelled_even_before_mail_is_set_up(db, book_with_email):
    past = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    stale = book_with_email(starts_at=past, override=True)  # a late entry
    report = outbox.send_due(db)
    assert report.configured is False
    message = outbox.get_message(db, stale.message_id)
    assert message.status == "cancelled" and "time has passed" in message.last_error
    assert report.waiting == 0
