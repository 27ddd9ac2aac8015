"""A case's referral in the main window: the case panel, Edit case, the day book and the list
of referrals expiring soon beside the reservations."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QLocale

from app.models import Case
from app.services import cases, patients, schedule, settings
from app.services.dto import ReferralUsage
from app.views.clinic_format import referral_text
from app.views.move_dialog import wall_clock
from app.views.schedule_model import block_text
from tests.conftest import new_patient
from tests.views.conftest import select_patient
from tests.views.test_edit_case_in_window import open_edit_dialog
from tests.views.test_move_in_window import ZONE, click_ok, open_move_dialog


@pytest.fixture(autouse=True)
def english_dates():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(QLocale.system())


def day_month(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM")


def test_referral_text_in_its_four_shapes(qapp):
    until = date(2027, 3, 12)
    assert referral_text(ReferralUsage(1, "GP", 6, 4, until)) == "4/6 used, until 12 Mar"
    assert referral_text(ReferralUsage(1, "GP", None, 3, until)) == "3 used, until 12 Mar"
    assert referral_text(ReferralUsage(1, "GP", 6, 4, None)) == "4/6 used"
    assert referral_text(ReferralUsage(1, "GP", None, 4, None)) == ""
    assert referral_text(None) == ""


def test_the_case_panel_shows_sessions_used_and_until(qtbot, window, book):
    until = date.today() + timedelta(days=50)
    first = book(referral="Dr Mehta", approved_sessions=6, referral_valid_until=until)
    window.refresh()
    select_patient(qtbot, window, first.patient_id)
    expected = f"Dr Mehta \u00b7 1/6 used, until {day_month(until)}"
    qtbot.waitUntil(lambda: window.case_panel.referral.text() == expected)


def test_edit_case_saves_the_referral_terms(qtbot, window, db, book):
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    dialog = open_edit_dialog(qtbot, window)
    until = date.today() + timedelta(days=30)
    dialog.referral.setText("Star Health")
    dialog.terms.sessions.setValue(8)
    dialog.terms.until.set_date(QDate(until.year, until.month, until.day))
    with qtbot.waitSignal(dialog.finished) as finished:
        dialog.buttons.accepted.emit()
    assert finished.args == [1]
    saved = cases.get_case(db, booked.case_id)
    assert (saved.referral_usage.approved, saved.referral_usage.valid_until) == (8, until)
    expected = f"Star Health \u00b7 1/8 used, until {day_month(until)}"
    qtbot.waitUntil(lambda: window.case_panel.referral.text() == expected)


def test_a_refused_term_stays_in_the_dialog_beside_its_field(qtbot, window, db, book):
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    dialog = open_edit_dialog(qtbot, window)
    dialog.terms.written.setText(date(2027, 3, 12).strftime("%d/%m/%Y"))
    dialog.terms.until.setText(date(2027, 3, 1).strftime("%d/%m/%Y"))
    dialog.buttons.accepted.emit()
    assert "cannot run out" in dialog.terms.message.text()
    assert dialog.isVisible()
    assert cases.get_case(db, booked.case_id).referral_usage.valid_until is None
    dialog.reject()


def test_the_day_book_block_carries_the_referral(qapp, db, book):
    until = date.today() + timedelta(days=50)
    first = book(approved_sessions=6, referral_valid_until=until)
    entry = next(
        e
        for day in (date.today() + timedelta(days=n) for n in range(3))
        for e in schedule.day(db, day).appointments
        if e.id == first.appointment_id
    )
    assert f"1/6 used, until {day_month(until)}" in block_text(entry)


def test_referrals_expiring_in_fourteen_days_open_their_patient(qtbot, window, db, book):
    today = date.today()
    soon = book(referral="Dr Mehta", approved_sessions=6, referral_valid_until=today + timedelta(9))
    other = new_patient("Ravi", "Kumar", "+91 98123 00001")
    later = book(new_patient=other, referral_valid_until=today + timedelta(days=20))
    closed = book(patient_id=later.patient_id, referral_valid_until=today + timedelta(days=2))
    with db.writing() as session:
        case = session.get(Case, closed.case_id)
        case.status, case.closed_on = "closed", today
    view = window.messaging.expiring_view
    with qtbot.waitSignal(view.loaded):
        window.messaging.reservations_dock.show()
    model = view.model
    rows = [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]
    until = day_month(today + timedelta(days=9))
    assert rows == [[soon.case_code, "Priya Sharma", f"1/6 used, until {until}"]]
    assert view.heading.text() == "1 referral expiring in 14 days."
    select_patient(qtbot, window, later.patient_id)
    view.table.doubleClicked.emit(model.index(0, 0))

    def shown_case() -> int:
        case = window.case_panel.current_case()
        return case.id if case else 0

    qtbot.waitUntil(lambda: shown_case() == soon.case_id)
    assert window.record.patient.id == soon.patient_id


def test_a_move_past_valid_until_keeps_the_dialog_open_when_blocking(qtbot, window, db, book):
    settings.set_many(db, {"referral.limit": "block"})
    first = book(referral_valid_until=date.today() + timedelta(days=3))
    qtbot.waitUntil(lambda: window.settings_known)
    window.refresh()
    select_patient(qtbot, window, first.patient_id)
    window.case_panel.select_appointment(first.appointment_id)
    dialog, edit = open_move_dialog(qtbot, window)
    edit.setDateTime(wall_clock(first.starts_at + timedelta(days=7), ZONE))
    click_ok(dialog)
    qtbot.waitUntil(lambda: "referral ran out on" in dialog.message.text())
    assert dialog.isVisible()
    starts = [
        a.starts_at
        for c in patients.get_patient(db, first.patient_id).cases
        for a in c.appointments
    ]
    assert starts == [first.starts_at]
    dialog.reject()
