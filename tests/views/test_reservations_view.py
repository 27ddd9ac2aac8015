"""Reservations to follow up: the list, confirm, resend, cancel and WhatsApp."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtGui import QGuiApplication

from app.services import outbox, reservations
from app.views.reservations_view import ID_ROLE, ReservationsView
from tests.conftest import new_patient


@pytest.fixture
def booked(db, book):
    with_email = book(new_patient=new_patient(email="priya@example.com"))
    without = book(new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"))
    return with_email, without


@pytest.fixture
def view(qtbot, db, booked):
    widget = ReservationsView(db)
    widget.clock = lambda: datetime.now(UTC) + timedelta(hours=25)
    widget.refresh()
    qtbot.addWidget(widget)
    return widget


def listed(view) -> list[int]:
    model = view.model
    return [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, view):
    qtmodeltester.check(view.model)


def test_lists_only_reservations_past_the_hold(qtbot, db, booked):
    fresh = ReservationsView(db)
    qtbot.addWidget(fresh)
    assert listed(fresh) == []
    assert "0 reservations" in fresh.heading.text()


def test_confirm_removes_it_from_the_list(qtbot, view, booked):
    view.select(booked[0].appointment_id)
    with qtbot.waitSignal(view.changed):
        view.confirm_button.click()
    assert listed(view) == [booked[1].appointment_id]
    assert view.status.text() == "Confirmed."


def test_cancel_frees_the_slot_and_stops_the_message(qtbot, db, view, booked):
    view.select(booked[0].appointment_id)
    with qtbot.waitSignal(view.changed):
        view.cancel_button.click()
    assert booked[0].appointment_id not in listed(view)
    assert outbox.get_message(db, booked[0].message_id).status == "cancelled"


def test_resend_queues_mail_or_copies_the_text(qtbot, db, view, booked):
    view.select(booked[0].appointment_id)
    with qtbot.waitSignal(view.resent) as signal:
        view.resend_button.click()
    assert outbox.get_message(db, signal.args[0]).recipient == "priya@example.com"
    assert "priya@example.com" in view.status.text()
    view.select(booked[1].appointment_id)
    view.resend_button.click()
    assert booked[1].link in QGuiApplication.clipboard().text()
    assert "copied" in view.status.text()


def test_open_in_whatsapp_uses_the_patients_number(view, booked, catcher):
    view.select(booked[1].appointment_id)
    view.whatsapp_button.click()
    (url,) = catcher.urls
    parts = urlsplit(url)
    assert parts.netloc == "wa.me" and parts.path == "/919812300001"
    assert booked[1].case_code in parse_qs(parts.query)["text"][0]


def test_a_reservation_confirmed_elsewhere_disappears_on_refresh(db, view, booked):
    reservations.confirm(db, booked[1].appointment_id)
    view.refresh()
    assert listed(view) == [booked[0].appointment_id]
