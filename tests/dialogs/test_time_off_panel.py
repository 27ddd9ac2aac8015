"""The Time off tab: lists a practitioner's coming time off, adds and removes it through the
desk's runner, shows a refusal in words, and follows changes from the change bus."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime

from app.dialogs.time_off_panel import TimeOffPanel
from app.services import booking, practitioners, time_off
from app.views.desk import desk_for
from tests.conftest import EVERY_DAY

INDIA = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


def clinic_day(days: int):
    return datetime.now(INDIA).date() + timedelta(days=days)


def at(days: int, hour: int) -> datetime:
    return datetime.combine(clinic_day(days), time(hour), INDIA)


def texts(panel: TimeOffPanel) -> list[str]:
    return [panel.entries.item(i).text() for i in range(panel.entries.count())]


def typed(days: int, hour: int) -> QDateTime:
    day = clinic_day(days)
    return QDateTime(QDate(day.year, day.month, day.day), QTime(hour, 0))


@pytest.fixture
def desk(db):
    desk = desk_for(db)
    yield desk
    desk.close()


@pytest.fixture
def panel(qtbot, db, desk, practitioner):
    time_off.add_time_off(db, practitioner.id, at(3, 9), at(3, 13), "Course")
    widget = TimeOffPanel(db)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.loading and widget.entries.count() == 1)
    return widget


def test_the_chosen_practitioners_time_off_is_listed(panel, practitioner):
    assert panel.practitioner.currentText() == practitioner.name
    assert texts(panel)[0].endswith("Course")
    assert "09:00" in texts(panel)[0] and "13:00" in texts(panel)[0]


def test_adding_stores_it_in_the_clinics_zone_and_the_slots_leave_it_out(
    qtbot, db, panel, practitioner
):
    panel.starts.setDateTime(typed(1, 8))
    panel.ends.setDateTime(typed(1, 12))
    panel.reason.setText("Dentist")
    panel.add_button.click()
    qtbot.waitUntil(lambda: len(texts(panel)) == 2)
    assert texts(panel)[0].endswith("Dentist")  # earliest first
    stored = time_off.list_time_off(db, practitioner.id, at(0, 0), at(10, 0))[0]
    assert (stored.starts_at, stored.ends_at) == (
        at(1, 8).astimezone(UTC),
        at(1, 12).astimezone(UTC),
    )
    slots = booking.free_slots(db, practitioner.id, clinic_day(1))
    assert slots[0].starts_at == at(1, 12).astimezone(UTC)
    assert panel.reason.text() == ""


def test_an_end_before_the_start_is_refused_in_words_and_nothing_is_stored(
    qtbot, db, panel, practitioner
):
    panel.starts.setDateTime(typed(2, 12))
    panel.ends.setDateTime(typed(2, 9))
    panel.add_button.click()
    qtbot.waitUntil(lambda: "end after it starts" in panel.message.text())
    assert len(time_off.list_time_off(db, practitioner.id, at(0, 0), at(10, 0))) == 1


def test_removing_the_selected_entry(qtbot, db, panel, practitioner):
    panel.entries.setCurrentRow(0)
    qtbot.waitUntil(panel.remove_button.isEnabled)  # once any re-read is in
    panel.remove_button.click()
    qtbot.waitUntil(lambda: texts(panel) == ["No time off booked."])
    assert time_off.list_time_off(db, practitioner.id, at(0, 0), at(10, 0)) == []
    assert not panel.remove_button.isEnabled()


def test_another_practitioner_and_another_desks_entries(qtbot, db, panel):
    other = practitioners.add_practitioner(db, "Ben Cole", EVERY_DAY, 30)
    qtbot.waitUntil(lambda: panel.practitioner.count() == 2)  # read again from the change bus
    panel.practitioner.setCurrentIndex(panel.practitioner.findData(other.id))
    qtbot.waitUntil(lambda: texts(panel) == ["No time off booked."])
    time_off.add_time_off(db, other.id, at(5, 0), at(7, 0), "Holiday")
    qtbot.waitUntil(lambda: len(texts(panel)) == 1 and texts(panel)[0].endswith("Holiday"))


def test_settings_has_a_time_off_tab_that_stores_at_once(qtbot, db, desk, practitioner):
    from app.dialogs.settings_dialog import SettingsDialog

    dialog = SettingsDialog(db)
    dialog.open()
    qtbot.waitUntil(lambda: dialog.is_loaded)
    dialog.show_tab("time off")
    panel = dialog.findChild(TimeOffPanel, "timeOffPanel")
    assert dialog.tabs.currentWidget() is panel
    assert dialog.tabs.tabText(dialog.tabs.currentIndex()) == "&Time off"
    qtbot.waitUntil(lambda: texts(panel) == ["No time off booked."])
    panel.reason.setText("Holiday")
    panel.add_button.click()
    qtbot.waitUntil(lambda: len(texts(panel)) == 1 and texts(panel)[0].endswith("Holiday"))
    assert time_off.list_time_off(db, practitioner.id, at(0, 0), at(10, 0))[0].reason == "Holiday"
    assert dialog.unsaved_tabs() == []  # nothing waits for Save: closing asks nothing
    dialog.done(0)
