"""Appointment status changes, the post-booking banner, editing a patient, errors in words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

import app.dialogs.booking_wizard  # noqa: F401 - a broken wizard import fails here, not skips
from app.services import appointments, patients, settings
from app.views.appointments_model import COL_MESSAGE, COL_STATUS, COL_WHEN, AppointmentsModel
from app.views.patient_dialog import EditPatientDialog
from tests.conftest import new_patient
from tests.views.conftest import cell, list_names, select_patient


def shown_status(window) -> str:
    return cell(window.case_panel.appointments, 0, COL_STATUS)


def booked_and_selected(qtbot, window, book, **fields):
    booked = book(**fields)
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    window.case_panel.select_appointment(booked.appointment_id)
    return booked


def now_today() -> datetime:
    """An appointment time on the clinic's today, whatever the hour the tests run (so it may
    be past or out of hours: these tests book it with the walk-in override)."""
    return datetime.now(UTC).replace(second=0, microsecond=0)


def test_status_changes_confirm_arrived_completed(qtbot, window, db, book):
    booked = booked_and_selected(qtbot, window, book, starts_at=now_today(), override=True)
    actions = window.actions
    assert shown_status(window) == "Reserved"
    assert not actions.completed.isEnabled()

    actions.confirm.trigger()
    qtbot.waitUntil(lambda: shown_status(window) == "Confirmed")
    window.case_panel.select_appointment(booked.appointment_id)
    actions.arrived.trigger()
    qtbot.waitUntil(lambda: shown_status(window) == "Arrived")
    assert actions.completed.isEnabled() and not actions.no_show.isEnabled()
    actions.completed.trigger()
    qtbot.waitUntil(lambda: shown_status(window) == "Completed")
    assert (
        patients.get_patient(db, booked.patient_id).cases[0].appointments[0].status == "completed"
    )


def test_no_show_and_cancel_after_asking(qtbot, window, db, book):
    booked = booked_and_selected(qtbot, window, book, starts_at=now_today(), override=True)
    window.actions.no_show.trigger()
    qtbot.waitUntil(lambda: shown_status(window) == "No-show")
    window.actions.confirm.trigger()
    qtbot.waitUntil(lambda: shown_status(window) == "Confirmed")

    window.actions.cancel_appointment.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QMessageBox))
    box = QApplication.activeModalWidget()
    assert "cannot be undone" in box.text()
    box.button(QMessageBox.StandardButton.Yes).click()
    qtbot.waitUntil(lambda: shown_status(window) == "Cancelled")
    info = patients.get_patient(db, booked.patient_id).cases[0].appointments[0]
    assert info.status == "cancelled"


def test_a_refused_change_is_shown_in_plain_words(qtbot, window, db, book):
    booked = booked_and_selected(qtbot, window, book)
    appointments.cancel(db, booked.appointment_id)  # another desk, before this one refreshed
    window.actions.confirm.trigger()
    qtbot.waitUntil(lambda: window.notice.isVisible())
    assert window.notice.message() == "A cancelled appointment cannot be marked confirmed."
    assert "Traceback" not in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: shown_status(window) == "Cancelled")


def test_arrived_before_the_appointments_day_is_refused_in_plain_words(qtbot, window, db, book):
    booked = booked_and_selected(
        qtbot, window, book, starts_at=now_today() + timedelta(days=3), override=True
    )
    window.actions.arrived.trigger()
    qtbot.waitUntil(lambda: window.notice.isVisible())
    assert "cannot be marked arrived before that day" in window.notice.message()
    assert shown_status(window) == "Reserved"
    assert patients.get_patient(db, booked.patient_id).cases[0].appointments[0].status == "reserved"


def test_appointments_show_clinic_time_and_message_state(qtbot, window, db, book):
    settings.set(db, "clinic.timezone", "Europe/London")
    booked = booked_and_selected(
        qtbot, window, book, new_patient=new_patient(email="priya@example.com")
    )
    local = booked.starts_at.astimezone(ZoneInfo("Europe/London"))
    table = window.case_panel.appointments
    assert cell(table, 0, COL_WHEN) == local.strftime("%a %d %b %Y, %H:%M")
    assert cell(table, 0, COL_MESSAGE) == "Waiting to send"


def test_appointments_model_passes_the_model_tester(qtmodeltester, db, book):
    first = book()
    book(patient_id=first.patient_id)
    record = patients.get_patient(db, first.patient_id)
    model = AppointmentsModel()
    model.set_appointments(
        record.cases[0].appointments + record.cases[1].appointments, ZoneInfo("Asia/Kolkata")
    )
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_after_booking_the_patient_is_selected_and_the_banner_shows_the_link(
    qtbot, window, db, book
):
    book(new_patient=new_patient("Anil", "Kumar", "+91 99000 11111"))
    window.refresh()
    qtbot.waitUntil(lambda: len(list_names(window)) == 1)
    result = book(new_patient=new_patient("Zoya", "Khan", "+91 99000 22222"))
    window.on_booked(result)
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.id == result.patient_id
    )
    assert list_names(window) == ["Zoya Khan"]
    assert window.patients.list.currentIndex().row() == 0
    assert window.current_case().id == result.case_id
    assert window.case_panel.current_appointment().id == result.appointment_id
    text = window.banner.message()
    assert result.case_code in text and result.link in text
    local = result.starts_at.astimezone(ZoneInfo(settings.get(db, "clinic.timezone")))
    assert local.strftime("%H:%M") in text
    window.banner.action_button.click()
    assert QGuiApplication.clipboard().text() == result.link


def test_new_booking_button_has_ctrl_n(window):
    button = window.findChild(object, "newBookingButton")
    assert button is not None
    assert button.defaultAction().shortcut() == QKeySequence("Ctrl+N")


def test_new_booking_button_opens_the_wizard_without_blocking(qtbot, window):
    window.findChild(object, "newBookingButton").click()
    qtbot.waitUntil(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    qtbot.waitUntil(wizard.isVisible)
    wizard.done(0)


def test_edit_patient_keeps_what_was_typed_when_refused(qtbot, window, db, book):
    booked = booked_and_selected(qtbot, window, book)
    window.actions.edit_patient.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EditPatientDialog))
    dialog = QApplication.activeModalWidget()
    dialog.inputs["firstName"].setText("Priyanka")
    dialog.inputs["phone"].setText("12")
    dialog.submit()
    qtbot.waitUntil(lambda: "not a valid phone number" in dialog.messages["phone"].text())
    assert dialog.isVisible() and dialog.inputs["firstName"].text() == "Priyanka"
    dialog.inputs["phone"].setText("+91 98123 00000")
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert patients.get_patient(db, booked.patient_id).patient.first_name == "Priyanka"
    qtbot.waitUntil(lambda: window.patient_panel.name.text() == "Priyanka Sharma")
