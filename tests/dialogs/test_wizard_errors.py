"""What a receptionist meets when things go wrong: nothing typed is lost, the message is plain."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton

from app.dialogs.booking_wizard import APPOINTMENT_PAGE, CASE_PAGE, REVIEW_PAGE
from app.dialogs.case_decision import CaseDecisionDialog
from app.services import booking, patients, practitioners
from app.services.dto import BookingRequest, CaseDecision
from tests.conftest import new_patient
from tests.dialogs.helpers import fill_case, fill_new_patient, finish, to_review


def test_cancel_in_the_decision_modal_returns_to_the_case_page(
    qtbot, db, book, open_wizard, when_modal
):
    first = book(case_title="Knee pain", body_parts=("Left knee",))
    wizard = open_wizard(patient_id=first.patient_id)
    wizard.next()
    fill_case(wizard, "Knee again", ("Right knee", "Neck"))
    when_modal(
        "caseDecisionDialog", lambda d: d.findChild(QPushButton, "cancelCaseDecisionButton").click()
    )
    wizard.next()  # the open cases are read first, then the modal asks
    qtbot.waitUntil(lambda: when_modal.seen == ["caseDecisionDialog"])
    assert wizard.currentId() == CASE_PAGE
    assert wizard.field("caseTitle") == "Knee again"
    assert wizard.field("bodyParts") == ["Right knee", "Neck"]
    assert len(patients.get_patient(db, first.patient_id).cases) == 1


def test_a_slot_taken_by_another_desk_keeps_everything_typed(qtbot, db, open_wizard):
    wizard = open_wizard()
    fill_new_patient(wizard, first="Anil", last="Das", phone="+91 98450 11223")
    wizard.next()
    fill_case(wizard, "Hip pain", ("Right hip",))
    to_review(qtbot, wizard)
    chosen = wizard.appointment_page.selected_slot()
    # Another desk books the same slot first.
    booking.book_appointment(
        db,
        BookingRequest(
            case_title="Other",
            body_parts=("Neck",),
            practitioner_id=chosen.practitioner_id,
            starts_at=chosen.starts_at,
            new_patient=new_patient("Other", "Patient", "+91 98450 99887"),
        ),
        CaseDecision.new_case(),
    )
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == APPOINTMENT_PAGE)
    message = wizard.appointment_page.message
    assert message.isVisible() and "already has an appointment" in message.text()
    assert wizard.field("firstName") == "Anil" and wizard.field("caseTitle") == "Hip pain"
    assert wizard.field("bodyParts") == ["Right hip"]
    page = wizard.appointment_page
    qtbot.waitUntil(lambda: not page.loading and page.selected_slot() is not None)
    assert page.selected_slot().starts_at != chosen.starts_at
    assert patients.search_patients(db, "Anil").total == 0
    wizard.next()
    result = finish(qtbot, wizard)
    assert result.case_title == "Hip pain"


def test_a_service_refusal_is_shown_beside_its_field(qtbot, db, practitioner, open_wizard):
    wizard = open_wizard()
    fill_new_patient(wizard)
    wizard.next()
    fill_case(wizard)
    to_review(qtbot, wizard)
    practitioners.update_practitioner(db, practitioner.id, active=False)
    wizard.button(wizard.WizardButton.FinishButton).click()
    qtbot.waitUntil(lambda: wizard.currentId() == APPOINTMENT_PAGE)
    assert "not taking appointments" in wizard.appointment_page.message.text()
    assert wizard.field("caseTitle") == "Knee pain"
    assert wizard.isVisible() and wizard.result is None


def test_closing_half_way_asks_before_discarding(qtbot, db, open_wizard, when_modal):
    wizard = open_wizard()
    fill_new_patient(wizard)
    when_modal("discardBookingBox", lambda box: box.escapeButton().click())
    wizard.reject()
    assert wizard.isVisible() and wizard.field("firstName") == "Priya"
    when_modal("discardBookingBox", lambda box: box.defaultButton().click())
    wizard.reject()
    assert not wizard.isVisible()
    assert when_modal.seen == ["discardBookingBox", "discardBookingBox"]


def test_an_untouched_wizard_closes_without_asking(qtbot, open_wizard):
    wizard = open_wizard()
    wizard.reject()
    assert not wizard.isVisible()


def test_review_then_back_keeps_the_chosen_slot(qtbot, open_wizard):
    wizard = open_wizard()
    fill_new_patient(wizard)
    wizard.next()
    fill_case(wizard)
    to_review(qtbot, wizard)
    page = wizard.appointment_page
    wizard.back()
    page.slot_list.setCurrentRow(2)
    chosen = page.selected_slot()
    wizard.back()
    wizard.next()
    wizard.next()
    assert page.selected_slot() == chosen
    wizard.next()
    assert wizard.currentId() == REVIEW_PAGE
    assert f"{page.local(chosen.starts_at):%H:%M}" in wizard.review_page.text("appointment")


def test_case_decision_lists_open_cases_with_the_best_match_chosen(qtbot, db, book, qtmodeltester):
    knee = book(case_title="Knee pain", body_parts=("Left knee",))
    book(case_title="Neck pain", body_parts=("Neck",), patient_id=knee.patient_id)
    found = booking.open_cases(db, knee.patient_id, ["Neck"])
    dialog = CaseDecisionDialog(found, ["Neck"], "Priya Sharma")
    qtbot.addWidget(dialog)
    choices = dialog.case_list
    qtmodeltester.check(choices.model())
    assert choices.model().rowCount() == 2
    assert choices.currentItem().text(1) == "Neck pain"
    assert {choices.topLevelItem(i).text(0) for i in range(2)} >= {knee.case_code}
    dialog.choose_update()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.decision == CaseDecision.update(found.suggested_case_id)


def test_case_decision_preselects_nothing_when_no_case_shares_a_body_part(qtbot, db, book):
    knee = book(case_title="Knee pain", body_parts=("Left knee",))
    found = booking.open_cases(db, knee.patient_id, ["Right shoulder"])
    assert found.suggested_case_id is None
    dialog = CaseDecisionDialog(found, ["Right shoulder"], "Priya Sharma")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.case_list.currentItem() is None
    assert not dialog.update_button.isEnabled()
    for button in (dialog.update_button, dialog.separate_button, dialog.cancel_button):
        assert not button.isDefault() and not button.autoDefault()
    QTest.keyClick(dialog.case_list, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.decision is None  # Enter chose nothing
    dialog.case_list.setCurrentItem(dialog.case_list.topLevelItem(0))
    assert dialog.update_button.isEnabled()
    dialog.update_button.click()
    assert dialog.decision == CaseDecision.update(knee.case_id)


def test_case_decision_keeps_update_as_default_when_a_case_matches(qtbot, db, book):
    knee = book(case_title="Knee pain", body_parts=("Left knee",))
    found = booking.open_cases(db, knee.patient_id, ["Right knee"])
    dialog = CaseDecisionDialog(found, ["Right knee"], "Priya Sharma")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.update_button.isDefault()
    QTest.keyClick(dialog.case_list, Qt.Key.Key_Return)
    assert dialog.decision == CaseDecision.update(knee.case_id)
