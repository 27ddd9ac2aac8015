"""Moving an appointment from the case panel: `moveAppointmentButton` and its dialog."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QAbstractButton, QApplication, QDateTimeEdit, QDialogButtonBox
from shiboken6 import isValid

from app.services import patients
from app.views.move_dialog import wall_clock
from tests.views.conftest import select_patient

ZONE = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


def booked_and_selected(qtbot, window, book, **fields):
    booked = book(**fields)
    qtbot.waitUntil(lambda: window.settings_known)
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    window.case_panel.select_appointment(booked.appointment_id)
    return booked


def open_move_dialog(qtbot, window):
    button = window.findChild(QAbstractButton, "moveAppointmentButton")
    assert button is not None and button.isEnabled()
    button.click()
    qtbot.waitUntil(
        lambda: (
            QApplication.activeModalWidget() is not None
            and QApplication.activeModalWidget().objectName() == "moveAppointmentDialog"
        )
    )
    dialog = QApplication.activeModalWidget()
    return dialog, dialog.findChild(QDateTimeEdit, "moveStartEdit")


def click_ok(dialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def starts_of(db, patient_id: int):
    return [a.starts_at for c in patients.get_patient(db, patient_id).cases for a in c.appointments]


def test_move_opens_at_the_current_clinic_time_and_moves_it(qtbot, window, db, book):
    booked = booked_and_selected(qtbot, window, book)
    dialog, edit = open_move_dialog(qtbot, window)
    local = booked.starts_at.astimezone(ZONE)
    shown = edit.dateTime()
    assert (shown.date().day(), shown.time().hour(), shown.time().minute()) == (
        local.day,
        local.hour,
        local.minute,
    )
    later = booked.starts_at + timedelta(days=1, minutes=30)
    edit.setDateTime(wall_clock(later, ZONE))
    click_ok(dialog)
    qtbot.waitUntil(lambda: not isValid(dialog) or not dialog.isVisible())  # closed, then deleted
    assert starts_of(db, booked.patient_id) == [later]
    # The case panel follows by itself through the change bus; the id is the same.
    qtbot.waitUntil(lambda: window.case_panel.current_appointment() is not None)
    qtbot.waitUntil(lambda: window.case_panel.current_appointment().starts_at == later)
    assert window.case_panel.current_appointment().id == booked.appointment_id
    assert "moved" in window.statusBar().currentMessage()


def test_a_taken_time_keeps_the_dialog_open_with_the_reason(qtbot, window, db, book):
    other = book()
    booked = booked_and_selected(qtbot, window, book)
    dialog, edit = open_move_dialog(qtbot, window)
    edit.setDateTime(wall_clock(other.starts_at, ZONE))
    click_ok(dialog)
    message = dialog.message
    qtbot.waitUntil(lambda: "already has an appointment" in message.text())
    assert dialog.isVisible()
    assert starts_of(db, booked.patient_id) == [booked.starts_at]
    dialog.reject()


def test_a_time_outside_working_hours_keeps_the_dialog_open_with_the_reason(
    qtbot, window, db, book
):
    booked = booked_and_selected(qtbot, window, book)
    dialog, edit = open_move_dialog(qtbot, window)
    night = booked.starts_at.astimezone(ZONE).replace(hour=3, minute=0) + timedelta(days=1)
    edit.setDateTime(wall_clock(night, ZONE))
    click_ok(dialog)
    qtbot.waitUntil(lambda: "outside those hours" in dialog.message.text())
    assert dialog.isVisible() and dialog.buttons.isEnabled()
    assert starts_of(db, booked.patient_id) == [booked.starts_at]
    dialog.reject()


def test_move_is_off_for_a_cancelled_appointment(qtbot, window, db, book):
    booked_and_selected(qtbot, window, book)
    assert window.actions.move_appointment.isEnabled()
    window.commands.change_status("cancelled")
    qtbot.waitUntil(lambda: not window.actions.move_appointment.isEnabled())
    button = window.findChild(QAbstractButton, "moveAppointmentButton")
    assert not button.isEnabled()
    assert window.actions.move_appointment.shortcut().toString() == "Ctrl+Shift+M"


def test_the_edit_holds_clinic_wall_time_whatever_the_desk_zone():
    moment = QDateTime.currentDateTimeUtc().toPython()
    held = wall_clock(moment, ZONE)
    assert held.time().hour() == moment.astimezone(ZONE).hour
