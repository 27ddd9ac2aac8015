"""The window offers each staff role only what it may do (the services check it again)."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton

from app.services import accounts, practitioners
from tests.conftest import EVERY_DAY, new_patient
from tests.views.conftest import PASSWORD, list_names, select_patient, sign_in

NEEDS_RECEPTION = "Needs a reception or admin account"


@pytest.fixture
def staff(db, practitioner):
    """Anna the admin, Ravi at reception, Asha (the `practitioner`) with her own book."""
    accounts.add_account(db, "Anna", "admin", PASSWORD)
    accounts.add_account(db, "Ravi", "reception", PASSWORD)
    accounts.add_account(db, "Asha", "practitioner", PASSWORD, practitioner_id=practitioner.id)


def switch_to(qtbot, window, name: str) -> None:
    window.sign_in.switch_action.trigger()
    sign_in(qtbot, window, name)


def open_appointment(qtbot, window, booked) -> None:
    if window.record is None or window.record.patient.id != booked.patient_id:
        qtbot.waitUntil(lambda: bool(list_names(window)))
        select_patient(qtbot, window, booked.patient_id)
    window.case_panel.select_case(booked.case_id)
    qtbot.waitUntil(lambda: getattr(window.current_case(), "id", 0) == booked.case_id)
    appointment_id = booked.appointment_id
    window.case_panel.select_appointment(appointment_id)
    shown = window.case_panel.current_appointment
    qtbot.waitUntil(lambda: shown() is not None and shown().id == appointment_id)


def named(window, name: str) -> QAction:
    return window.findChild(QAction, name)


def button(window, name: str) -> QToolButton:
    return window.findChild(QToolButton, name)


def test_reception_books_but_does_not_change_settings(qtbot, signed_in, staff, book):
    booked = book(new_patient=new_patient("Kavya", "Menon"))
    window = signed_in("Ravi")
    open_appointment(qtbot, window, booked)
    a = window.actions
    assert button(window, "newBookingButton").isEnabled() and a.new_booking.isEnabled()
    assert a.edit_patient.isEnabled() and a.move_appointment.isEnabled()
    assert button(window, "moveAppointmentButton").isEnabled()
    assert a.arrived.isEnabled()  # a booked visit can be marked arrived
    assert named(window, "importPatientsAction").isEnabled()
    settings = named(window, "settingsAction")
    assert not settings.isEnabled()
    assert settings.toolTip() == "Needs an administrator account"


def test_a_practitioner_changes_statuses_in_their_own_book_only(
    qtbot, signed_in, db, staff, book, practitioner
):
    other = practitioners.add_practitioner(db, "Vikram Shah", EVERY_DAY, 30)
    own = book(new_patient=new_patient("Kavya", "Menon"))
    elsewhere = book(patient_id=own.patient_id, practitioner_id=other.id)
    window = signed_in("Asha")
    open_appointment(qtbot, window, own)
    a = window.actions
    for action in (a.new_booking, a.move_appointment, a.edit_patient, a.cancel_appointment):
        assert not action.isEnabled(), action.objectName()
        assert action.toolTip() == NEEDS_RECEPTION
    assert not button(window, "newBookingButton").isEnabled()
    assert not button(window, "moveAppointmentButton").isEnabled()
    assert not button(window, "bookFollowUpButton").isEnabled()
    assert not named(window, "settingsAction").isEnabled()
    assert a.arrived.isEnabled()  # her own book
    assert a.copy_link.isEnabled() and a.patient_history.isEnabled()  # reading stays

    open_appointment(qtbot, window, elsewhere)
    assert not a.arrived.isEnabled()
    assert "own book" in a.arrived.toolTip()

    menu = window.book.actions.menu_for(None, practitioner.id, datetime.now())
    book_here = {x.objectName(): x for x in menu.actions()}["schedule_book"]
    assert not book_here.isEnabled() and book_here.toolTip() == NEEDS_RECEPTION

    switch_to(qtbot, window, "Anna")
    qtbot.waitUntil(lambda: a.new_booking.isEnabled())
    for action in (a.move_appointment, a.edit_patient, a.cancel_appointment, a.arrived):
        assert action.isEnabled(), action.objectName()
    assert a.edit_patient.toolTip().startswith("Change the selected patient's details")
    assert named(window, "settingsAction").isEnabled()
    assert button(window, "moveAppointmentButton").isEnabled()
    assert window.messaging.outbox_view.may_act
    reservations = window.messaging.reservations_view
    assert all(reservations.allowed.values()) and reservations.allowed


def test_a_practitioner_cannot_retry_or_cancel_outbox_messages(qtbot, signed_in, staff):
    window = signed_in("Asha")
    outbox = window.messaging.outbox_view
    assert not outbox.may_act
    assert not outbox.send_button.isEnabled() and not outbox.retry_button.isEnabled()
    assert outbox.send_button.toolTip() == NEEDS_RECEPTION
    assert not named(window, "sendOutboxAction").isEnabled()
    reservations = window.messaging.reservations_view
    assert not reservations.allowed[reservations.resend_button]
    assert not reservations.allowed[reservations.cancel_button]
    assert reservations.cancel_button.toolTip() == NEEDS_RECEPTION


def test_a_practitioners_day_opens_on_their_own_column(qtbot, signed_in, db, staff):
    other = practitioners.add_practitioner(db, "Vikram Shah", EVERY_DAY, 30)
    accounts.add_account(db, "Vikram", "practitioner", PASSWORD, practitioner_id=other.id)
    window = signed_in("Vikram")
    panel = window.book
    with qtbot.waitSignal(panel.bookShown, timeout=10_000):
        panel.tabs.setCurrentWidget(panel)
    columns = [c.practitioner_id for c in panel.model.columns]
    assert len(columns) == 2 and columns[0] != other.id  # Asha Rao's column comes first
    assert panel.view.currentIndex().column() == columns.index(other.id)


def test_without_accounts_everything_is_offered(qtbot, open_desk, book):
    booked = book(new_patient=new_patient("Kavya", "Menon"))
    window = open_desk()
    open_appointment(qtbot, window, booked)
    a = window.actions
    for action in (a.new_booking, a.move_appointment, a.edit_patient, a.arrived, a.edit_case):
        assert action.isEnabled(), action.objectName()
    assert named(window, "settingsAction").isEnabled()
    assert named(window, "importPatientsAction").isEnabled()
    assert window.messaging.outbox_view.may_act
