"""One date and time style: month names, the weekday on appointments, real plurals."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale

from app.views import clinic_format
from app.views.appointments_model import clinic_time
from tests.views.conftest import select_patient


def test_dates_and_appointment_starts_read_the_same_everywhere(qapp):
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    try:
        moment = datetime(2026, 3, 4, 4, 30, tzinfo=UTC)
        kolkata = ZoneInfo("Asia/Kolkata")
        assert clinic_format.format_date(date(2026, 3, 4)) == "4 Mar 2026"
        assert clinic_format.appointment_start(moment, kolkata) == "Wed 4 Mar 2026, 10:00"
        assert clinic_time(moment, kolkata) == clinic_format.appointment_start(moment, kolkata)
        assert clinic_format.format_time(moment, kolkata) == "10:00"
    finally:
        QLocale.setDefault(QLocale.system())


def test_the_clinic_locale_names_the_month(qapp):
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert clinic_format.format_date(date(2026, 3, 4)) == "4 März 2026"
    finally:
        QLocale.setDefault(QLocale.system())


def test_real_plurals(qapp):
    assert clinic_format.appointments_count(1) == "1 appointment"
    assert clinic_format.appointments_count(3) == "3 appointments"
    assert clinic_format.plural("PatientPane", "%Ln patient(s)", 1) == "1 patient"


def test_the_window_shows_birth_dates_and_counts_in_that_style(qtbot, window, book):
    booked = book()
    window.refresh()
    select_patient(qtbot, window, booked.patient_id)
    qtbot.waitUntil(lambda: window.patients.count.text() == "1 patient")
    appointment = window.case_panel.current_case().appointments[0]
    shown = window.case_panel.appointments_model.index(0, 0).data()
    assert shown == clinic_format.appointment_start(appointment.starts_at, window.zone)
