"""Editing a patient: the booking wizard's patient form, its live messages, and refusals."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLineEdit, QWizard

from app.dialogs.patient_form import PatientForm
from app.dialogs.widgets import ERROR_COLOUR
from app.services import patients, settings
from app.views.patient_dialog import EditPatientDialog
from tests.views.conftest import select_patient


def open_edit_dialog(qtbot, window, book) -> tuple[EditPatientDialog, int]:
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    window.actions.edit_patient.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), EditPatientDialog))
    return QApplication.activeModalWidget(), booked.patient_id


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    """Replaces a field's text from the keyboard, as a receptionist does."""
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClicks(edit, text)


def shown_in_red(message) -> bool:
    return message.isVisible() and ERROR_COLOUR in message.styleSheet()


def test_edit_dialog_checks_each_field_as_it_is_typed(qtbot, window, db, book):
    dialog, patient_id = open_edit_dialog(qtbot, window, book)
    assert dialog.inputs["firstName"].text() == "Priya"
    assert not any(m.isVisible() for m in dialog.messages.values())

    retype(qtbot, dialog.inputs["firstName"], "")
    assert shown_in_red(dialog.messages["firstName"])
    assert "first name" in dialog.messages["firstName"].text()
    retype(qtbot, dialog.inputs["phone"], "12")
    assert shown_in_red(dialog.messages["phone"])
    assert "not a valid phone number" in dialog.messages["phone"].text()
    retype(qtbot, dialog.inputs["birthDate"], "31/02/1990")
    assert "real date" in dialog.messages["birthDate"].text()

    dialog.submit()  # refused here: the service is not asked, the first wrong field is focused
    assert dialog.isVisible() and dialog.focusWidget() is dialog.inputs["firstName"]
    assert dialog.inputs["phone"].text() == "12"

    retype(qtbot, dialog.inputs["firstName"], "Priyanka")
    retype(qtbot, dialog.inputs["phone"], "+91 98123 00000")
    retype(qtbot, dialog.inputs["birthDate"], "28/02/1990")
    assert not any(m.isVisible() for m in dialog.messages.values())
    assert patients.get_patient(db, patient_id).patient.first_name == "Priya"
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    saved = patients.get_patient(db, patient_id).patient
    assert (saved.first_name, saved.phone, str(saved.birth_date)) == (
        "Priyanka",
        "+919812300000",
        "1990-02-28",
    )


def test_a_refused_save_is_shown_beside_its_field(qtbot, window, db, book):
    dialog, patient_id = open_edit_dialog(qtbot, window, book)
    retype(qtbot, dialog.inputs["firstName"], "Priyanka")
    # Another desk moves the clinic to the US: the number typed as an Indian one no longer passes.
    settings.set(db, "clinic.region", "US")
    dialog.submit()
    phone = dialog.messages["phone"]
    qtbot.waitUntil(lambda: "valid phone number for region US" in phone.text())
    assert shown_in_red(phone) and dialog.focusWidget() is dialog.inputs["phone"]
    assert not dialog.message.isVisible()  # said once, beside the field
    assert dialog.isVisible() and dialog.inputs["firstName"].text() == "Priyanka"
    assert dialog.buttons.isEnabled()
    assert patients.get_patient(db, patient_id).patient.first_name == "Priya"

    retype(qtbot, dialog.inputs["lastName"], "Sharma-Rao")
    assert "region US" in phone.text()  # kept until the phone itself is changed
    retype(qtbot, dialog.inputs["phone"], "+91 98123 00000")
    assert not phone.isVisible()
    with qtbot.waitSignal(dialog.accepted):
        dialog.submit()
    assert patients.get_patient(db, patient_id).patient.full_name == "Priyanka Sharma-Rao"


def fields_outside(holder, form: PatientForm) -> list[str]:
    """Inputs built beside the form rather than by it."""
    return [e.objectName() for e in holder.findChildren(QLineEdit) if not form.isAncestorOf(e)]


def test_the_wizard_and_the_edit_dialog_build_the_same_patient_form(qtbot, window, book):
    dialog, _ = open_edit_dialog(qtbot, window, book)
    [edit_form] = dialog.findChildren(PatientForm)
    edit_class, edit_names = type(edit_form), [w.objectName() for w in dialog.inputs.values()]
    assert fields_outside(dialog, edit_form) == []
    dialog.reject()

    window.open_booking()
    qtbot.waitUntil(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    try:
        box = wizard.patient_page.findChild(QGroupBox, "newPatientBox")
        [wizard_form] = box.findChildren(PatientForm)
        assert edit_class is type(wizard_form) is PatientForm
        assert wizard.patient_page.form is wizard_form
        assert [w.objectName() for w in wizard.patient_page.inputs.values()] == edit_names
        assert fields_outside(box, wizard_form) == []
    finally:
        wizard.done(0)
