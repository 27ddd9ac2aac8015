"""A follow-up into an existing case from the main window: `bookFollowUpButton`, Ctrl+Shift+B."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWizard

from app.dialogs.booking_wizard import APPOINTMENT_PAGE, REVIEW_PAGE
from app.services import appointments, patients, practitioners
from app.services.dto import CaseDecision
from tests.conftest import EVERY_DAY, new_patient
from tests.views.conftest import select_patient

ZONE = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


class Keyboard:
    """Presses keys where the focus is, as a receptionist's keyboard would, and counts them."""

    def __init__(self, window) -> None:
        self.window = window
        self.presses = 0

    def press(self, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(QApplication.focusWidget() or self.window, key, modifier)
        self.presses += 1

    def type(self, text: str) -> None:
        for letter in text:
            QTest.keyClick(QApplication.focusWidget() or self.window, letter)
            self.presses += 1


def the_wizard(window):
    wizard = QApplication.activeModalWidget()
    assert wizard is not None and wizard.objectName() == "bookingWizard"
    assert wizard is window._wizard
    return wizard


def seen_by_ben(db, book):
    """Priya's knee case, seen by Ben; Asha (the first practitioner) has the earlier id."""
    ben = practitioners.add_practitioner(db, "Ben Okafor", EVERY_DAY, 30)
    first = book(
        new_patient=new_patient("Priya", "Sharma"), practitioner_id=ben.id, case_title="Knee"
    )
    book(new_patient=new_patient("Rahul", "Mehta", "+91 98123 22222"))  # somebody else
    return ben, first


def test_a_follow_up_in_nine_key_presses_from_the_main_window(qtbot, window, db, book):
    ben, first = seen_by_ben(db, book)
    window.refresh()
    keys = Keyboard(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.patients.search)

    keys.type("Sharm")
    qtbot.waitUntil(lambda: window.patients.model.text == "Sharm")
    qtbot.waitUntil(lambda: not window.patients.model.searching)
    keys.press(Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.current_case() is not None)
    assert window.current_case().id == first.case_id
    keys.press(
        Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window._wizard is not None)
    wizard = the_wizard(window)
    assert wizard.currentId() == APPOINTMENT_PAGE  # no patient, title, body part or decision
    page = wizard.appointment_page
    qtbot.waitUntil(lambda: page.selected_slot() is not None and not page.loading)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.slot_list)
    offered = page.selected_slot()
    keys.press(Qt.Key.Key_Return)  # the first free slot
    assert wizard.currentId() == REVIEW_PAGE
    with qtbot.waitSignal(wizard.booked, timeout=5000) as booked:
        keys.press(Qt.Key.Key_Return)  # Send link & reserve

    assert keys.presses == 9 <= 10
    result = booked.args[0]
    assert (result.case_id, result.created_case) == (first.case_id, False)
    (case,) = patients.get_patient(db, first.patient_id).cases
    assert [a.id for a in case.appointments if a.id == result.appointment_id]
    new = next(a for a in case.appointments if a.id == result.appointment_id)
    assert (new.status, new.kind, new.practitioner_id) == ("reserved", "follow_up", ben.id)
    assert new.starts_at == offered.starts_at
    assert new.starts_at.astimezone(ZONE).date() != first.starts_at.astimezone(ZONE).date()
    assert case.body_part_labels == ["Left knee"] and case.title == "Knee"


def test_the_button_opens_the_wizard_for_the_selected_case(qtbot, window, db, book):
    ben, first = seen_by_ben(db, book)
    appointments.cancel(db, first.appointment_id)
    second = book(CaseDecision.update(first.case_id), patient_id=first.patient_id)
    window.refresh()
    select_patient(qtbot, window, first.patient_id)
    button = window.findChild(QAbstractButton, "bookFollowUpButton")
    qtbot.waitUntil(lambda: button.isEnabled())
    button.click()
    qtbot.waitUntil(lambda: window._wizard is not None)
    wizard = the_wizard(window)
    assert wizard.startId() == APPOINTMENT_PAGE
    assert not wizard.button(QWizard.WizardButton.BackButton).isVisible()
    page = wizard.appointment_page
    qtbot.waitUntil(lambda: page.selected_slot() is not None and not page.loading)
    # Nobody saw the case yet: the practitioner it is booked with (Ben's visit was cancelled).
    assert page.practitioner().name == second.practitioner_name != ben.name
    wizard.next()
    assert "Update" in wizard.review_page.text("case")
    wizard.done(0)
    qtbot.waitUntil(lambda: window._wizard is None)


def test_no_follow_up_for_a_closed_case(qtbot, window, db, book):
    from app.services import cases

    booked = book()
    cases.close_case(db, booked.case_id, True)
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    qtbot.waitUntil(lambda: window.current_case() is not None)
    assert not window.actions.book_follow_up.isEnabled()
    window.actions.book_follow_up.trigger()
    assert window._wizard is None
