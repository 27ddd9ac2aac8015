"""The seed guide's booking steps, driven through the real wizard on a real SQLite file."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QWizard

from app.dialogs.booking_wizard import APPOINTMENT_PAGE, CASE_PAGE, PATIENT_PAGE, REVIEW_PAGE
from app.services import patients
from tests.conftest import new_patient
from tests.dialogs.helpers import (
    fill_case,
    fill_new_patient,
    finish,
    next_button_enabled,
    press,
    to_review,
    type_text,
)
from tests.mail_server import MailServer


def test_new_patient_gets_a_new_case(qtbot, db, open_wizard):
    wizard = open_wizard()
    assert wizard.objectName() == "bookingWizard"
    assert (
        wizard.buttonText(QWizard.WizardButton.FinishButton) == "Send link && reserve appointment"
    )
    fill_new_patient(wizard, email="priya@example.com")
    assert wizard.field("patientId") == 0
    wizard.next()
    assert wizard.currentId() == CASE_PAGE
    fill_case(wizard, "Knee pain after fall", ("Left knee", "Lower back"))
    to_review(qtbot, wizard)
    assert "New case" in wizard.review_page.text("case")
    assert "priya@example.com" in wizard.review_page.text("link")

    result = finish(qtbot, wizard)

    assert result.created_case and re.match(r"^C-\d{5,}$", result.case_code)
    record = patients.get_patient(db, result.patient_id)
    assert record.patient.full_name == "Priya Sharma"
    assert [c.code for c in record.cases] == [result.case_code]
    assert record.cases[0].body_part_labels == ["Left knee", "Lower back"]
    assert len(record.cases[0].appointments) == 1


def _answer(when_modal, button_name: str, checks=None):
    def act(dialog):
        if checks:
            checks(dialog)
        dialog.findChild(object, button_name).click()

    when_modal("caseDecisionDialog", act)


def test_existing_patient_update_keeps_one_case_whose_body_parts_grow(
    qtbot, db, book, open_wizard, when_modal
):
    first = book(case_title="Knee pain", body_parts=("Left knee",))
    wizard = open_wizard(patient_id=first.patient_id)
    assert wizard.field("patientId") == first.patient_id
    wizard.next()
    fill_case(wizard, "Other knee too", ("Right knee",))
    shown = {}

    def check(dialog):
        choices = dialog.findChild(QAbstractItemView, "caseChoiceList")
        current = choices.currentIndex()
        shown["code"] = current.siblingAtColumn(0).data()
        shown["parts"] = current.siblingAtColumn(2).data()

    _answer(when_modal, "updateCaseButton", check)
    to_review(qtbot, wizard)
    assert shown == {"code": first.case_code, "parts": "Left knee"}
    review = wizard.review_page.text("case")
    assert first.case_code in review and "Knee pain" in review  # keeps its ID and title
    assert "adds Right knee" in wizard.review_page.text("bodyParts")
    assert wizard.appointment_page.kind() == "follow_up"

    result = finish(qtbot, wizard)

    assert not result.created_case and result.case_code == first.case_code
    cases = patients.get_patient(db, first.patient_id).cases
    assert len(cases) == 1 and cases[0].code == first.case_code and cases[0].title == "Knee pain"
    assert sorted(cases[0].body_part_labels) == ["Left knee", "Right knee"]
    assert len(cases[0].appointments) == 2


def test_existing_patient_separate_case_gets_a_new_id(qtbot, db, book, open_wizard, when_modal):
    first = book(case_title="Knee pain", body_parts=("Left knee",))
    wizard = open_wizard(patient_id=first.patient_id)
    wizard.next()
    fill_case(wizard, "Stiff neck", ("Neck",))
    _answer(when_modal, "separateCaseButton")
    to_review(qtbot, wizard)

    result = finish(qtbot, wizard)

    assert result.created_case and result.case_code != first.case_code
    codes = sorted(c.code for c in patients.get_patient(db, first.patient_id).cases)
    assert codes == sorted([first.case_code, result.case_code])


def test_mandatory_fields_block_next_and_nothing_is_saved(qtbot, db, open_wizard):
    wizard = open_wizard()
    page = wizard.patient_page
    assert not next_button_enabled(wizard)
    assert "first name" in page.messages["firstName"].text()
    page.inputs["firstName"].setText("Priya")
    page.inputs["lastName"].setText("Sharma")
    page.inputs["phone"].setText("12")
    assert not next_button_enabled(wizard)
    assert "not a valid phone number" in page.messages["phone"].text()
    assert page.messages["phone"].isVisible()
    page.inputs["phone"].setText("+91 98123 45678")
    page.inputs["birthDate"].setText("31/02/19")
    assert not next_button_enabled(wizard)
    page.inputs["birthDate"].setText("")
    assert next_button_enabled(wizard)
    wizard.next()
    assert not next_button_enabled(wizard)
    wizard.setField("caseTitle", "Knee pain")
    assert not next_button_enabled(wizard)  # no body part yet
    assert "at least one body part" in wizard.case_page.picker.message.text()
    wizard.next()
    assert wizard.currentId() == CASE_PAGE
    assert patients.search_patients(db, "").total == 0


def test_keyboard_only_booking(qtbot, db, open_wizard):
    wizard = open_wizard()
    wizard.activateWindow()
    qtbot.waitUntil(lambda: wizard.patient_page.search.hasFocus())
    press(Qt.Key.Key_Tab)  # past the (empty) results
    press(Qt.Key.Key_Tab)
    type_text("Meera")
    press(Qt.Key.Key_Tab)
    type_text("Iyer")
    press(Qt.Key.Key_Tab)
    type_text("+91 99001 22334")
    press(Qt.Key.Key_Return)
    assert wizard.currentId() == CASE_PAGE
    qtbot.waitUntil(lambda: wizard.case_page.title_edit.hasFocus())
    type_text("Shoulder pain")
    press(Qt.Key.Key_Tab)
    type_text("right shoulder")
    press(Qt.Key.Key_Return)  # adds the part
    type_text("lumbar")
    press(Qt.Key.Key_Return)
    assert wizard.field("bodyParts") == ["Right shoulder", "Lower back"]
    press(Qt.Key.Key_Return)  # empty filter: on to the appointment
    assert wizard.currentId() == APPOINTMENT_PAGE
    # The first free slot is read off the UI thread and chosen as soon as it is in.
    qtbot.waitUntil(lambda: wizard.appointment_page.selected_slot() is not None)
    press(Qt.Key.Key_Return)
    assert wizard.currentId() == REVIEW_PAGE
    with qtbot.waitSignal(wizard.booked) as blocker:
        press(Qt.Key.Key_Return)
    result = blocker.args[0]
    assert result.body_parts == ("Right shoulder", "Lower back")
    qtbot.waitUntil(lambda: not wizard.isVisible())
    assert patients.search_patients(db, "Meera").total == 1


def test_duplicate_warning_offers_the_existing_patient(qtbot, db, book, open_wizard):
    first = book(new_patient=new_patient("Priya", "Sharma", "+91 98123 45678"))
    wizard = open_wizard()
    fill_new_patient(wizard, first="Priyanka", last="S", phone="098123 45678")
    page = wizard.patient_page
    qtbot.waitUntil(lambda: page.duplicate_frame.isVisible())
    assert "Priya Sharma" in page.duplicate_list.item(0).text()
    page.use_duplicate.click()
    assert wizard.field("patientId") == first.patient_id
    assert "Priya Sharma" in page.chosen_label.text()
    page.new_instead.click()
    assert wizard.field("patientId") == 0
    assert wizard.field("firstName") == "Priyanka"  # nothing typed is lost


def test_search_picks_an_existing_patient(qtbot, db, book, open_wizard):
    first = book(new_patient=new_patient("Ravi", "Kumar", "+91 98765 43210"))
    wizard = open_wizard()
    page = wizard.patient_page
    page.search.setText("ravi")
    qtbot.waitUntil(lambda: page.results.topLevelItemCount() == 1)
    page.results.setCurrentItem(page.results.topLevelItem(0))
    assert wizard.field("patientId") == first.patient_id
    assert next_button_enabled(wizard)
    assert wizard.currentId() == PATIENT_PAGE


def review_link_text(qtbot, open_wizard) -> str:
    wizard = open_wizard()
    fill_new_patient(wizard, email="priya@example.com")
    wizard.next()
    fill_case(wizard)
    to_review(qtbot, wizard)
    return wizard.review_page.text("link")


def test_review_does_not_promise_an_e_mail_while_mail_is_not_set_up(
    qtbot, db, practitioner, open_wizard
):
    text = review_link_text(qtbot, open_wizard)
    assert "E-mailed" not in text
    assert "Queued for priya@example.com until mail is set up" in text
    assert "link and QR code are shown after booking" in text


def test_review_says_e_mailed_once_mail_is_set_up(qtbot, db, practitioner, open_wizard):
    MailServer().configure(db)  # the settings only; nothing is sent before Finish
    assert review_link_text(qtbot, open_wizard).startswith("E-mailed to priya@example.com")
