"""The outbox against a real SMTP server: delivery, the calendar part, outages, retries."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from app.services import outbox, patients, settings
from app.services.errors import ConflictError
from tests.conftest import new_patient
from tests.mail_server import MailServer


@pytest.fixture
def server():
    running = MailServer().start()
    yield running
    running.stop()


@pytest.fixture
def book_with_email(book):
    def _book(first="Anita", email="anita@example.com", **fields):
        patient = new_patient(first, "Desai", "+91 98123 11111", email=email)
        return book(new_patient=patient, **fields)

    return _book


def calendar_part(message):
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0].get_payload(decode=True))


def test_message_reaches_the_patient_with_link_case_and_calendar(db, server, book_with_email):
    server.configure(db, **{"clinic.timezone": "Europe/London"})
    booked = book_with_email()
    report = outbox.send_due(db)
    assert (report.configured, report.sent, report.failed) == (True, 1, 0)
    assert server.inbox.recipients() == ["anita@example.com"]
    message = server.inbox.messages()[0]
    body = message.get_body(("plain",)).get_content()
    assert booked.link in body and booked.case_code in body and "Hello Anita" in body
    calendar = calendar_part(message)
    assert calendar["METHOD"] == "PUBLISH"
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("DTSTART")
    assert start.tzinfo is not None and start == booked.starts_at
    assert str(start.tzinfo) == "Europe/London"
    assert event.decoded("DTEND") == booked.ends_at
    assert str(event["UID"]) == f"appointment-{booked.appointment_id}@casedesk"
    assert "DTSTAMP" in event
    assert outbox.get_message(db, booked.message_id).status == "sent"


def test_message_state_shows_on_the_appointment_row(db, server, book_with_email):
    server.configure(db)
    booked = book_with_email()
    case = patients.get_patient(db, booked.patient_id).cases[0]
    assert case.appointments[0].message_status == "pending"
    outbox.send_due(db)
    case = patients.get_patient(db, booked.patient_id).cases[0]
    assert case.appointments[0].message_status == "sent"


def test_booking_while_server_is_down_is_kept_then_sent_exactly_once(db, book_with_email):
    down = MailServer()  # a port with nothing listening yet
    down.configure(db)
    booked = book_with_email()
    now = datetime.now(UTC)
    report = outbox.send_due(db, now=now)
    assert report.failed == 1 and report.sent == 0
    failed = outbox.get_message(db, booked.message_id)
    assert failed.status == "failed" and failed.attempts == 1
    assert "refused the connection" in failed.last_error
    assert failed.next_attempt_at == now + timedelta(minutes=1)
    # Not yet due: nothing is tried, even once the server is back.
    down.start()
    try:
        assert outbox.send_due(db, now=now + timedelta(seconds=30)).attempts == ()
        later = now + timedelta(minutes=2)
        assert outbox.send_due(db, now=later).sent == 1
        assert outbox.send_due(db, now=later + timedelta(hours=1)).attempts == ()
        assert down.inbox.recipients() == ["anita@example.com"]
    finally:
        down.stop()
    sent = outbox.get_message(db, booked.message_id)
    assert (sent.status, sent.attempts, sent.last_error) == ("sent", 2, None)


def test_retry_delays_grow_and_stop_growing_at_an_hour(db, book_with_email):
    MailServer().configure(db)
    booked = book_with_email()
    now = datetime.now(UTC)
    waits = []
    for _ in range(8):
        outbox.send_due(db, now=now)
        message = outbox.get_message(db, booked.message_id)
        waits.append(int((message.next_attempt_at - now).total_seconds() // 60))
        now = message.next_attempt_at
    assert waits == [1, 2, 5, 10, 30, 60, 60, 60]
    assert outbox.get_message(db, booked.message_id).attempts == 8


def test_wrong_password_is_a_clear_state_and_is_retried(db, book_with_email):
    server = MailServer(user="desk", password="right-secret").start()
    try:
        server.configure(db, **{"smtp.username": "desk", "smtp.password": "wrong-secret"})
        booked = book_with_email()
        now = datetime.now(UTC)
        assert outbox.send_due(db, now=now).failed == 1
        failed = outbox.get_message(db, booked.message_id)
        assert "refused the user name or password" in failed.last_error
        assert "wrong-secret" not in failed.last_error
        settings.set(db, "smtp.password", "right-secret")
        assert outbox.send_due(db, now=now + timedelta(minutes=1)).sent == 1
        assert server.inbox.recipients() == ["anita@example.com"]
    finally:
        server.stop()


def test_not_configured_keeps_messages_pending_with_the_reason(db, book_with_email):
    booked = book_with_email()
    report = outbox.send_due(db)
    assert not report.configured and "not set up" in report.reason
    assert report.waiting == 1
    waiting = outbox.get_message(db, booked.message_id)
    assert (waiting.status, waiting.attempts) == ("pending", 0)
    assert "not set up" in waiting.last_error


def test_cancel_and_retry_now(db, server, book_with_email):
    server.configure(db)
    booked = book_with_email()
    assert outbox.cancel(db, booked.message_id).status == "cancelled"
    assert outbox.send_due(db).attempts == ()
    assert server.inbox.envelopes == []
    assert outbox.retry_now(db, booked.message_id).status == "pending"
    assert outbox.send_due(db).sent == 1
    with pytest.raises(ConflictError, match="already been sent"):
        outbox.cancel(db, booked.message_id)
    with pytest.raises(ConflictError, match="already been sent"):
        outbox.retry_now(db, booked.message_id)


def test_retry_now_makes_a_failed_message_due_at_once(db, book_with_email):
    MailServer().configure(db)
    booked = book_with_email()
    now = datetime.now(UTC)
    outbox.send_due(db, now=now)
    assert outbox.due_ids(db, now) == []
    outbox.retry_now(db, booked.message_id, now=now)
    assert outbox.due_ids(db, now) == [booked.message_id]


def test_a_stale_claim_from_a_crashed_sender_is_released(db, server, book_with_email):
    server.configure(db)
    booked = book_with_email()
    start = datetime.now(UTC)
    assert outbox.claim(db, booked.message_id, "crashed-desk", start)
    assert outbox.send_due(db, now=start + timedelta(minutes=5)).attempts == ()
    report = outbox.send_due(db, now=start + timedelta(minutes=11))
    assert report.sent == 1
    assert len(server.inbox.envelopes) == 1


def test_the_calendar_uses_the_clinic_zone_for_local_time(db, server, book_with_email):
    server.configure(db, **{"clinic.timezone": "Asia/Kolkata"})
    booked = book_with_email()
    outbox.send_due(db)
    event = calendar_part(server.inbox.messages()[0]).walk("VEVENT")[0]
    local = booked.starts_at.astimezone(ZoneInfo("Asia/Kolkata"))
    assert event["DTSTART"].to_ical().decode() == local.strftime("%Y%m%dT%H%M%S")
    assert event["DTSTART"].params["TZID"] == "Asia/Kolkata"


def test_message_of_a_cancelled_appointment_is_not_sent(db, server, book_with_email):
    from app.services import appointments

    server.configure(db)
    booked = book_with_email()
    appointments.cancel(db, booked.appointment_id)
    report = outbox.send_due(db)
    assert [a.outcome for a in report.attempts] == ["cancelled"]
    assert server.inbox.envelopes == []
    assert outbox.get_message(db, booked.message_id).status == "cancelled"


def test_each_outcome_leaves_an_audit_row_so_other_desks_notice(db, server, book_with_email):
    server.configure(db)
    booked = book_with_email()
    heard = []
    db.listen(heard.append)
    outbox.send_due(db)
    assert any(c.touches_patient(booked.patient_id) for c in heard)
    assert any("outbox_message" in c.tables for c in heard)


@pytest.mark.parametrize("configured", [False, True])
def test_a_pass_with_nothing_to_do_announces_no_change(db, server, book_with_email, configured):
    """Every window re-reads what an announced change touches; an idle pass must not cost that."""
    book_with_email()
    if configured:
        server.configure(db)
    outbox.send_due(db)  # sends it, or notes why it waits
    heard = []
    db.listen(heard.append)
    report = outbox.send_due(db)
    assert report.attempts == () and heard == []
