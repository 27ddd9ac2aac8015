"""A case's referral in the booking wizard: typed on the case page, checked on the appointment
page (a warning, or a block the service enforces too)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import QAbstractItemView, QWizard

from app.dialogs.booking_wizard import APPOINTMENT_PAGE, CASE_PAGE, REVIEW_PAGE
from app.services import cases, patients, settings
from app.services.dto import CaseDecision
from app.services.errors import ValidationError
from tests.dialogs.helpers import (
    fill_case,
    fill_new_patient,
    finish,
    next_button_enabled,
    to_review,
)


@pytest.fixture(autouse=True)
def english_dates():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.system())


def test_a_new_case_takes_its_referral_from_the_folded_group(qtbot, db, open_wizard):
    wizard = open_wizard()
    fill_new_patient(wizard)
    wizard.next()
    page = wizard.case_page
    assert not page.referral_box.isVisible()  # a booking without one is as quick as before
    fill_case(wizard)
    page.referral_toggle.click()
    assert page.referral_box.isVisible()
    until = date.today() + timedelta(days=60)
    page.referrer_edit.setText("Dr Mehta")
    page.referral.sessions.setValue(6)
    page.referral.until.set_date(QDate(until.year, until.month, until.day))
    page.referral.written.setText("not a date")
    assert not next_button_enabled(wizard)
    assert "not a date" in page.referral.message.text()
    page.referral.written.setText("")
    assert next_button_enabled(wizard)
    to_review(qtbot, wizard)
    shown = wizard.review_page.text("referral")
    assert shown == f"Dr Mehta, 6 sessions approved, valid until {until:%-d %b %Y}", shown
    result = finish(qtbot, wizard)
    saved = cases.get_case(db, result.case_id)
    assert saved.referral == "Dr Mehta"
    assert (saved.referral_usage.approved, saved.referral_usage.valid_until) == (6, until)
    assert saved.referral_usage.used == 1


def _to_appointment_page(qtbot, wizard, first) -> None:
    wizard.case_decision_answer = lambda found: CaseDecision.update(first.case_id)
    wizard.next()
    assert wizard.currentId() == CASE_PAGE
    fill_case(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == APPOINTMENT_PAGE)
    qtbot.waitUntil(lambda: wizard.appointment_page.selected_slot() is not None)


def test_past_the_sessions_the_wizard_warns_beside_the_slot(qtbot, db, book, open_wizard):
    first = book(referral="Dr Mehta", approved_sessions=1)
    wizard = open_wizard(patient_id=first.patient_id)
    _to_appointment_page(qtbot, wizard, first)
    page = wizard.appointment_page
    qtbot.waitUntil(lambda: page.referral_message.isVisible())
    assert "allows 1 session and all 1 is booked" in page.referral_message.text()
    assert "allows booking past it" in page.referral_message.text()
    assert next_button_enabled(wizard)  # warn: the booking may go through
    wizard.next()
    assert wizard.currentId() == REVIEW_PAGE
    assert finish(qtbot, wizard).case_id == first.case_id


def test_block_keeps_finish_out_of_reach_and_the_service_refuses(qtbot, db, book, open_wizard):
    first = book(referral="Dr Mehta", approved_sessions=1)
    settings.set_many(db, {"referral.limit": "block"})
    wizard = open_wizard(patient_id=first.patient_id)
    _to_appointment_page(qtbot, wizard, first)
    page = wizard.appointment_page
    qtbot.waitUntil(lambda: page.referral_blocked)
    assert page.referral_message.text() == (
        "This case's referral allows 1 session and all 1 is booked."
    )
    assert not next_button_enabled(wizard)
    assert not wizard.button(QWizard.WizardButton.FinishButton).isEnabled()
    with pytest.raises(ValidationError) as refused:  # not only the wizard: the service too
        book(CaseDecision.update(first.case_id), patient_id=first.patient_id)
    assert refused.value.field == "referralLimit"
    assert len(patients.get_patient(db, first.patient_id).cases[0].appointments) == 1


def test_the_case_decision_shows_each_case_referral(qtbot, db, book, open_wizard, when_modal):
    until = date.today() + timedelta(days=40)
    first = book(referral="Dr Mehta", approved_sessions=6, referral_valid_until=until)
    wizard = open_wizard(patient_id=first.patient_id)
    wizard.next()
    fill_case(wizard, "Knee again", ("Left knee",))
    shown = {}

    def answer(dialog):
        choices = dialog.findChild(QAbstractItemView, "caseChoiceList")
        shown["referral"] = choices.currentIndex().siblingAtColumn(4).data()
        dialog.findChild(object, "updateCaseButton").click()

    when_modal("caseDecisionDialog", answer)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == APPOINTMENT_PAGE)
    expected_day = QLocale().toString(QDate(until.year, until.month, until.day), "d MMM")
    assert shown == {"referral": f"1/6 used, until {expected_day}"}


def test_settings_choose_warn_or_block_and_whether_missed_visits_count(qtbot, db, practitioner):
    from tests.dialogs.test_settings_unsaved import open_settings

    dialog = open_settings(qtbot, db)
    tab = dialog.clinic_tab
    assert tab.referral_limit.currentText() == "Warn" and not tab.count_missed.isChecked()
    tab.form.name.setText("Riverside Clinic")
    tab.referral_limit.setCurrentIndex(tab.referral_limit.findData("block"))
    tab.count_missed.setChecked(True)
    assert dialog.unsaved_tabs()
    with qtbot.waitSignal(dialog.saved):
        assert dialog.save()
    values = settings.get_all(db)
    assert (values["referral.limit"], values["referral.count_missed"]) == ("block", "yes")
    assert dialog.unsaved_tabs() == []
    dialog.done(0)
