"""What the banner and the case panel say stays true: merged cases, e-mail, the clinic's date."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from app.services import case_merges, cases, patients, settings
from app.services.dto import CaseDecision, PatientDetails
from app.views.appointments_model import COL_MESSAGE
from tests.views.conftest import cell, select_patient


def test_the_banner_follows_a_booked_case_that_was_merged_away(qtbot, window, db, book):
    first = book(case_title="Knee pain", body_parts=("Left knee",))
    second = book(
        CaseDecision.new_case(), patient_id=first.patient_id, case_title="Back", body_parts=["Neck"]
    )
    window.on_booked(second)
    select_patient(qtbot, window, first.patient_id)
    assert f"new case {second.case_code}" in window.banner.message()

    merge = case_merges.merge_cases(db, first.case_id, second.case_id)  # at another desk
    qtbot.waitUntil(lambda: f"new case {second.case_code}" not in window.banner.message())
    text = window.banner.message()
    assert f"case {first.case_code} (Knee pain), which {second.case_code} was merged into" in text
    assert second.link in text  # the link still works: it follows the appointment

    case_merges.undo_merge(db, merge.audit_event_id)
    qtbot.waitUntil(lambda: f"new case {second.case_code}" in window.banner.message())


def test_message_column_does_not_say_no_e_mail_for_a_patient_who_has_one(qtbot, window, db, book):
    booked = book()  # booked before the e-mail address was known: no message was queued
    patients.update_patient(
        db,
        booked.patient_id,
        PatientDetails("Priya", "Sharma", "+91 98123 45678", email="priya@example.com"),
    )
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    assert cell(window.case_panel.appointments, 0, COL_MESSAGE) == "Not sent"

    without = book(
        new_patient=PatientDetails("Rahul", "Verma", "+91 99887 76655"), case_title="Neck"
    )
    window.refresh()
    select_patient(qtbot, window, without.patient_id)
    assert cell(window.case_panel.appointments, 0, COL_MESSAGE) == "No e-mail"


def test_opened_uses_the_clinics_date_not_the_pcs(db, book):
    # These two zones are 26 hours apart, so at least one is on another date than the PC.
    zone = next(
        z
        for z in ("Pacific/Kiritimati", "Etc/GMT+12")
        if datetime.now(UTC).astimezone(ZoneInfo(z)).date() != date.today()
    )
    settings.set(db, "clinic.timezone", zone)
    booked = book(override=True)  # the test's hours are night-time in such a zone
    clinic_today = datetime.now(UTC).astimezone(ZoneInfo(zone)).date()
    assert cases.get_case(db, booked.case_id).opened_on == clinic_today
