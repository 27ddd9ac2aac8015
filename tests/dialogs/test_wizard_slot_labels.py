"""The wizard's slot list tells the two 01:30s of the night the clocks go back apart."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QDate

from app.services import practitioners, settings
from tests.dialogs import helpers


def last_sunday_of_october() -> date:
    year = datetime.now(UTC).year
    while True:
        day = date(year, 10, 31)
        day -= timedelta(days=(day.weekday() - 6) % 7)
        if day > datetime.now(UTC).date() + timedelta(days=1):
            return day
        year += 1


def test_the_repeated_hour_shows_its_utc_offset_in_the_slot_list(qtbot, db, open_wizard):
    settings.set(db, "clinic.timezone", "Europe/London")
    night = practitioners.add_practitioner(db, "Owen Night", {"sun": [["00:00", "04:00"]]}, 30)
    wizard = open_wizard()
    helpers.fill_new_patient(wizard)
    wizard.next()
    helpers.fill_case(wizard)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentId() == helpers.APPOINTMENT_PAGE)
    page = wizard.appointment_page
    qtbot.waitUntil(lambda: page.practitioner_combo.findData(night.id) >= 0)
    page.practitioner_combo.setCurrentIndex(page.practitioner_combo.findData(night.id))
    autumn = last_sunday_of_october()
    page.date_edit.setDate(QDate(autumn.year, autumn.month, autumn.day))

    def shown() -> list[str]:
        return [page.slot_list.item(i).text() for i in range(page.slot_list.count())]

    qtbot.waitUntil(lambda: any("UTC+00:00" in text for text in shown()))
    assert len(shown()) == len(set(shown())) == 10  # 00:00-04:00 lasts five hours that night
    assert "01:30 (UTC+01:00) \u2013 01:00 (UTC+00:00)" in shown()
    assert "01:30 (UTC+00:00) \u2013 02:00" in shown()
    assert "00:00 \u2013 00:30" in shown()
