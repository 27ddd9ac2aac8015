"""Reservations to follow up: the list, confirm, resend, cancel and WhatsApp.

The view reads off the UI thread and keeps itself up to date from the change bus,
so the tests wait for its answers rather than expecting them at once.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from PySide6.QtGui import QGuiApplication

from app.services import outbox, reservations
from app.views.desk import desk_for
from app.views.reservations_view import ID_ROLE, ReservationsView
from tests.conftest import new_patient


@pytest.fixture
def booked(db, book):
    with_email = book(new_patient=new_patient(email="priya@example.com"))
    without = book(new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"))
    return with_email, without


@pytest.fixture
def desk(db):
    """The desk the views find for `db`; closed before the database, so no answer is late."""
    desk = desk_for(db)
    yield desk
    desk.close()


@pytest.fixture
def view(qtbot, db, booked, desk):
    """Shown (a hidden view only reads again when shown), a day past the hold, first answer in."""
    widget = ReservationsView(db, load=False)
    widget.clock = lambda: datetime.now(UTC) + timedelta(hours=25)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded):
        widget.show()
    return widget


def listed(view) -> list[int]:
    model = view.model
    return [model.data(model.index(r, 0), ID_ROLE) for r in range(model.rowCount())]


def test_model_passes_the_model_tester(qtmodeltester, view):
    qtmodeltester.check(view.model)


def test_lists_only_reservations_past_the_hold(qtbot, db, booked, desk):
    fresh = ReservationsView(db)
    qtbot.addWidget(fresh)
    qtbot.waitUntil(lambda: fresh.heading.text() != "")
    assert listed(fresh) == []
    assert "0 reservations" in fresh.heading.text()


def test_confirm_removes_it_from_the_list(qtbot, view, booked):
    view.select(booked[0].appointment_id)
    view.confirm_button.click()  # no refresh asked for: the change bus brings the new list
    qtbot.waitUntil(lambda: listed(view) == [booked[1].appointment_id])
    assert view.status.text() == "Confirmed."


def test_cancel_frees_the_slot_and_stops_the_message(qtbot, db, view, booked):
    view.select(booked[0].appointment_id)
    view.cancel_button.click()
    qtbot.waitUntil(lambda: booked[0].appointment_id not in listed(view))
    assert outbox.get_message(db, booked[0].message_id).status == "cancelled"


def test_resend_queues_mail_or_copies_the_text(qtbot, db, view, booked):
    view.select(booked[0].appointment_id)
    with qtbot.waitSignal(view.resent) as signal:
        view.resend_button.click()
    assert outbox.get_message(db, signal.args[0]).recipient == "priya@example.com"
    assert "priya@example.com" in view.status.text()
    view.select(booked[1].appointment_id)
    view.resend_button.click()
    qtbot.waitUntil(lambda: "copied" in view.status.text())
    assert booked[1].link in QGuiApplication.clipboard().text()


def test_open_in_whatsapp_uses_the_patients_number(qtbot, view, booked, catcher):
    view.select(booked[1].appointment_id)
    view.whatsapp_button.click()
    qtbot.waitUntil(lambda: bool(catcher.urls))
    (url,) = catcher.urls
    parts = urlsplit(url)
    assert parts.netloc == "wa.me" and parts.path == "/919812300001"
    assert booked[1].case_code in parse_qs(parts.query)["text"][0]


def test_a_reservation_confirmed_elsewhere_disappears_by_itself(qtbot, db, view, booked):
    reservations.confirm(db, booked[1].appointment_id)  # on this desk, not through the view
    qtbot.waitUntil(lambda: listed(view) == [booked[0].appointment_id])


def test_refresh_keeps_the_selection(qtbot, view, booked):
    view.select(booked[1].appointment_id)
    with qtbot.waitSignal(view.loaded):
        view.refresh_button.click()
    assert view.selected_id() == booked[1].appointment_id
    assert view.confirm_button.isEnabled()


def test_a_reservation_past_the_hold_appears_as_time_passes(qtbot, db, booked, desk):
    view = ReservationsView(db, load=False)  # now: nothing has waited 24 hours yet
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded):
        view.show()
    assert listed(view) == []
    view.clock = lambda: datetime.now(UTC) + timedelta(hours=25)  # a day goes by, nothing written
    view.ticker.setInterval(50)
    qtbot.waitUntil(lambda: len(listed(view)) == 2)
