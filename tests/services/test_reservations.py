"""Reservations to follow up, the patient's link for WhatsApp and QR, and resending it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest

from app.services import outbox, patient_link, reservations, settings
from app.services.errors import ConflictError
from tests.conftest import new_patient


def later(hours: float) -> datetime:
    return datetime.now(UTC) + timedelta(hours=hours)


def test_only_unconfirmed_reservations_older_than_the_hold_are_listed(db, book):
    waiting = book()
    confirmed = book(new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"))
    reservations.confirm(db, confirmed.appointment_id)
    assert reservations.to_follow_up(db) == []  # just booked: within the 24 h hold
    found = reservations.to_follow_up(db, now=later(25))
    assert [r.appointment_id for r in found] == [waiting.appointment_id]
    assert found[0].case_code == waiting.case_code and found[0].patient_name == "Priya Sharma"
    assert found[0].hours_waiting(later(25)) >= 24
    settings.set(db, "reservation.hold_hours", "48")
    assert reservations.to_follow_up(db, now=later(25)) == []


def test_cancel_frees_the_slot_and_stops_its_message(db, book):
    booked = book(new_patient=new_patient(email="priya@example.com"))
    reservations.cancel(db, booked.appointment_id)
    assert reservations.to_follow_up(db, now=later(25)) == []
    assert outbox.get_message(db, booked.message_id).status == "cancelled"


def test_resend_queues_a_new_message_with_current_templates(db, book):
    booked = book(new_patient=new_patient(email="priya@example.com"))
    settings.set(db, "message.subject", "Reminder: {case_id} on {date}")
    resent = reservations.resend_link(db, booked.appointment_id)
    assert resent.message_id not in (None, booked.message_id)
    queued = outbox.get_message(db, resent.message_id)
    assert queued.subject.startswith(f"Reminder: {booked.case_code}")
    assert [r.message_status for r in reservations.to_follow_up(db, now=later(25))] == ["pending"]


def test_resend_without_email_gives_the_text_only(db, book):
    booked = book()
    resent = reservations.resend_link(db, booked.appointment_id)
    assert resent.message_id is None and booked.link in resent.message.copy_text


def test_resend_of_a_cancelled_appointment_is_refused(db, book):
    booked = book()
    reservations.cancel(db, booked.appointment_id)
    with pytest.raises(ConflictError, match="no longer booked"):
        reservations.resend_link(db, booked.appointment_id)


def test_whatsapp_link_has_the_number_and_the_message(db, book):
    booked = book()
    message = patient_link.message_for_appointment(db, booked.appointment_id)
    parts = urlsplit(message.whatsapp_url)
    assert (parts.scheme, parts.netloc, parts.path) == ("https", "wa.me", "/919812345678")
    text = parse_qs(parts.query)["text"][0]
    assert text == message.body and booked.link in text and booked.case_code in text
    assert "Hello Priya" in message.copy_text


def test_qr_code_is_a_png_of_the_link(db, book):
    booked = book()
    png = patient_link.qr_png(booked.link)
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and len(png) > 200
