"""Steps the dialog tests share."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from app.dialogs.booking_wizard import APPOINTMENT_PAGE, CASE_PAGE, REVIEW_PAGE


def press(key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """A key press where the keyboard focus is, as a receptionist's keyboard would send it."""
    QTest.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(QApplication.focusWidget(), text)


def fill_new_patient(wizard, first="Priya", last="Sharma", phone="+91 98123 45678", **more):
    page = wizard.patient_page
    page.inputs["firstName"].setText(first)
    page.inputs["lastName"].setText(last)
    page.inputs["phone"].setText(phone)
    if "email" in more:
        page.inputs["email"].setText(more["email"])
    if "birth" in more:
        wizard.setField("birthDate", QDate(*more["birth"]))


def fill_case(wizard, title="Knee pain", parts=("Left knee",)) -> None:
    wizard.setField("caseTitle", title)
    wizard.setField("bodyParts", list(parts))


def to_review(qtbot, wizard) -> None:
    """From the case page (filled) through the appointment page to the review."""
    wizard.next()  # an existing patient's open cases are read first, then it moves on
    qtbot.waitUntil(lambda: wizard.currentId() == APPOINTMENT_PAGE)
    qtbot.waitUntil(lambda: wizard.appointment_page.selected_slot() is not None)
    wizard.next()
    assert wizard.currentId() == REVIEW_PAGE


def finish(qtbot, wizard):
    with qtbot.waitSignal(wizard.booked) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: not wizard.isVisible())
    return blocker.args[0]


def next_button_enabled(wizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


__all__ = [
    "CASE_PAGE",
    "fill_case",
    "fill_new_patient",
    "finish",
    "press",
    "to_review",
    "type_text",
]
