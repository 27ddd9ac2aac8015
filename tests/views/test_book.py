"""The appointment book in the window: the day, the week, opening, acting and today's desk."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDateEdit, QDialog, QWizard

import app.dialogs.booking_wizard  # noqa: F401 - a broken wizard import fails here, not skips
from app.models import Appointment
from app.services import patients, practitioners, time_off
from app.views.schedule_model import (
    APPOINTMENT_ID_ROLE,
    MIME_TYPE,
    SHADE_ROLE,
    START_ROLE,
)
from tests.conftest import EVERY_DAY, new_patient

ZONE = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


def clinic_today() -> date:
    return datetime.now(ZONE).date()


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)


def open_book(qtbot, window):
    window.book.tabs.setCurrentWidget(window.book)
    qtbot.waitUntil(lambda: window.book.book is not None and not window.runner.busy("book"))
    return window.book


def show_day(qtbot, panel, day: date) -> None:
    with qtbot.waitSignal(panel.bookShown, timeout=5000):
        panel.date.setDate(day)
    qtbot.waitUntil(lambda: panel.book.day == day)


def cell_of(panel, appointment_id: int):
    index = panel.model.index_of(appointment_id)
    assert index.isValid()
    return index


@pytest.fixture
def tomorrow() -> date:
    return clinic_today() + timedelta(days=1)


def test_the_day_shows_each_practitioner_and_each_appointment(qtbot, window, db, book, tomorrow):
    ben = practitioners.add_practitioner(db, "Ben Okafor")
    booked = book(starts_at=at(tomorrow, 10), body_parts=("Left knee", "Neck"))
    panel = open_book(qtbot, window)
    date_edit = window.findChild(QDateEdit, "scheduleDate")
    assert date_edit.date().toPython() == clinic_today()  # today, in the clinic's zone
    show_day(qtbot, panel, tomorrow)

    view = panel.view
    assert view.objectName() == "scheduleView"
    model = view.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Asha Rao", "Ben Okafor"]
    index = cell_of(panel, booked.appointment_id)
    assert index.column() == 0 and index.data(APPOINTMENT_ID_ROLE) == booked.appointment_id
    text = index.data()
    assert "Priya Sharma" in text and booked.case_code in text and "Left knee" in text
    assert "Reserved" in text
    assert index.data(START_ROLE) == at(tomorrow, 10)
    assert view.rowSpan(index.row(), 0) == 2  # 30 minutes at 15-minute rows
    below = model.index(index.row() + 1, 0)
    assert below.data(APPOINTMENT_ID_ROLE) == booked.appointment_id
    # Ben works 09-13 and 14-17 on weekdays: lunch is a break, the evening closed.
    ben_column = headers.index("Ben Okafor")
    shades = {
        model.index(panel.model.row_of_time(at(tomorrow, h)), ben_column).data(SHADE_ROLE)
        for h in (13, 19)
    }
    if tomorrow.weekday() < 5:
        assert shades == {"break", "closed"}
    assert ben.id in {c.practitioner_id for c in panel.model.columns}


def test_previous_next_and_today_move_the_book(qtbot, window, book, tomorrow):
    booked = book(starts_at=at(tomorrow, 11))
    panel = open_book(qtbot, window)
    with qtbot.waitSignal(panel.bookShown, timeout=5000):
        panel.next_button.click()
    assert panel.book.day == tomorrow and panel.model.index_of(booked.appointment_id).isValid()
    with qtbot.waitSignal(panel.bookShown, timeout=5000):
        panel.previous_button.click()
    assert panel.book.day == clinic_today()
    assert not panel.model.index_of(booked.appointment_id).isValid()
    panel.date.setDate(tomorrow + timedelta(days=3))
    with qtbot.waitSignal(panel.bookShown, timeout=5000):
        panel.today_button.click()
    qtbot.waitUntil(lambda: panel.book.day == clinic_today())


def test_a_booking_elsewhere_appears_by_the_change_bus(qtbot, window, book, tomorrow):
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    assert panel.model.blocks == []
    booked = book(starts_at=at(tomorrow, 12))  # a service write: the bus announces it
    qtbot.waitUntil(lambda: panel.model.index_of(booked.appointment_id).isValid())


def test_the_week_view_shows_one_practitioners_seven_days(qtbot, window, book, tomorrow):
    first = book(starts_at=at(tomorrow, 9))
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    with qtbot.waitSignal(panel.bookShown, timeout=5000):
        panel.week_button.setChecked(True)
    model = panel.model
    assert model.columnCount() == 7
    monday = tomorrow - timedelta(days=tomorrow.weekday())
    assert [c.day for c in model.columns] == [monday + timedelta(days=n) for n in range(7)]
    assert cell_of(panel, first.appointment_id).column() == tomorrow.weekday()
    with qtbot.waitSignal(panel.bookShown, timeout=5000):
        panel.week_button.setChecked(False)
    assert model.columnCount() == 1


def test_the_keyboard_jumps_between_appointments(qtbot, window, db, book, tomorrow):
    one = book(starts_at=at(tomorrow, 9))
    two = book(
        starts_at=at(tomorrow, 15), new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001")
    )
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(0, 0))
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().data(APPOINTMENT_ID_ROLE) == one.appointment_id
    qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().data(APPOINTMENT_ID_ROLE) == two.appointment_id
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert view.currentIndex().data(APPOINTMENT_ID_ROLE) == one.appointment_id
    qtbot.keyClick(view, Qt.Key.Key_Down)  # an arrow leaves the block for the slot after it
    assert view.currentIndex().data(APPOINTMENT_ID_ROLE) is None


def test_enter_on_a_free_slot_opens_the_wizard_there(qtbot, window, practitioner, tomorrow):
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(panel.model.row_of_time(at(tomorrow, 16)), 0))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.findChild(QWizard, "bookingWizard") is not None)
    wizard = window.findChild(QWizard, "bookingWizard")
    page = wizard.appointment_page
    page.initializePage()  # the appointment page as reached after patient and case
    qtbot.waitUntil(lambda: page.selected_slot() is not None and not page.loading)
    assert page.practitioner().id == practitioner.id
    assert page.selected_slot().starts_at == at(tomorrow, 16)
    wizard.reject()


def test_enter_on_an_appointment_opens_its_patient_and_case(qtbot, window, db, book, tomorrow):
    booked = book(starts_at=at(tomorrow, 10))
    second = book(
        starts_at=at(tomorrow, 11),
        patient_id=booked.patient_id,
        case_title="Back pain",
        body_parts=("Lower back",),
    )
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    panel.view.setFocus()
    panel.view.setCurrentIndex(cell_of(panel, second.appointment_id))
    qtbot.keyClick(panel.view, Qt.Key.Key_Enter)
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.id == booked.patient_id
    )
    qtbot.waitUntil(lambda: window.current_case() is not None)
    assert window.current_case().id == second.case_id
    assert window.case_panel.current_appointment().id == second.appointment_id
    assert window.book.tabs.currentIndex() == 0  # the patients tab


def test_the_menu_changes_status_and_copies_the_link(qtbot, window, db, book, tomorrow):
    booked = book(starts_at=at(tomorrow, 10))
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    index = cell_of(panel, booked.appointment_id)
    entry = panel.model.entry(index)
    menu = panel.actions.menu_for(entry, entry.practitioner_id, entry.starts_at)
    actions = {a.objectName(): a for a in menu.actions() if a.objectName()}
    assert actions["schedule_confirmed"].isEnabled() and actions["schedule_cancel"].isEnabled()
    assert not actions["schedule_completed"].isEnabled()  # a reserved visit is not completed
    assert actions["schedule_move"].isEnabled()
    actions["schedule_confirmed"].trigger()
    qtbot.waitUntil(lambda: "Confirmed" in (cell_of(panel, booked.appointment_id).data() or ""))
    assert (
        patients.get_patient(db, booked.patient_id).cases[0].appointments[0].status == "confirmed"
    )
    actions["schedule_copy_link"].trigger()
    assert QGuiApplication.clipboard().text() == booked.link


def test_today_at_the_desk_marks_arrived_and_no_show_at_one_key(qtbot, window, db, book):
    now = datetime.now(UTC).replace(second=0, microsecond=0)
    first = book(starts_at=now, override=True)  # walk-ins: now may be past or out of hours
    second = book(
        starts_at=now + timedelta(minutes=30),
        new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"),
        override=True,
    )
    panel = open_book(qtbot, window)
    arrivals = panel.today.list
    qtbot.waitUntil(lambda: arrivals.count() == 2)
    assert "Priya Sharma" in arrivals.item(0).text() and "Ravi Kumar" in arrivals.item(1).text()
    arrivals.setFocus()
    arrivals.setCurrentRow(0)
    qtbot.keyClick(arrivals, Qt.Key.Key_A)
    qtbot.waitUntil(lambda: "Arrived" in arrivals.item(0).text())
    arrivals.setCurrentRow(1)
    qtbot.keyClick(arrivals, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: "No-show" in arrivals.item(1).text())
    statuses = {
        a.id: a.status
        for c in patients.get_patient(db, first.patient_id).cases
        for a in c.appointments
    }
    assert statuses[first.appointment_id] == "arrived"
    assert second.appointment_id


def test_reservations_past_their_hold_are_highlighted(qtbot, window, db, book, tomorrow):
    booked = book(starts_at=at(tomorrow, 10))
    with db.writing() as session:  # booked two days ago: past the 24-hour hold
        row = session.get(Appointment, booked.appointment_id)
        row.created_at = datetime.now(UTC) - timedelta(days=2)
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    qtbot.waitUntil(lambda: panel.model.index_of(booked.appointment_id).isValid())
    index = cell_of(panel, booked.appointment_id)
    assert "past hold" in index.data()
    assert index.data(Qt.ItemDataRole.BackgroundRole).name() == "#ffb45c"


def drop(qtbot, panel, appointment_id: int, target) -> list:
    model = panel.model
    data = model.mimeData([cell_of(panel, appointment_id)])
    assert data.hasFormat(MIME_TYPE)
    with qtbot.waitSignal(model.moveRequested) as asked:
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, target)
    return asked.args


def test_dragging_a_block_to_another_slot_and_practitioner_moves_it(
    qtbot, window, db, book, tomorrow
):
    ben = practitioners.add_practitioner(db, "Ben Okafor", dict(EVERY_DAY), 30)
    booked = book(starts_at=at(tomorrow, 10))
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    model = panel.model
    target = model.index(model.row_of_time(at(tomorrow, 14)), 1)  # Ben at 14:00
    asked = drop(qtbot, panel, booked.appointment_id, target)
    assert asked == [booked.appointment_id, at(tomorrow, 14), ben.id]
    qtbot.waitUntil(lambda: cell_of_or_none(panel, booked.appointment_id) == (target.row(), 1))
    moved = patients.get_patient(db, booked.patient_id).cases[0].appointments[0]
    assert (moved.id, moved.starts_at, moved.practitioner_id) == (
        booked.appointment_id,
        at(tomorrow, 14),
        ben.id,
    )
    assert "moved" in window.notice.message()


def test_a_refused_drop_says_why_and_the_block_snaps_back(qtbot, window, book, tomorrow):
    booked = book(starts_at=at(tomorrow, 10))
    other = book(
        starts_at=at(tomorrow, 11), new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001")
    )
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    source = cell_of(panel, booked.appointment_id)
    drop(qtbot, panel, booked.appointment_id, cell_of(panel, other.appointment_id))  # taken
    qtbot.waitUntil(lambda: "Not moved" in window.notice.message())
    qtbot.waitUntil(lambda: not window.runner.busy("book"))
    assert cell_of(panel, booked.appointment_id).row() == source.row()  # back in place
    assert not panel.model.dropMimeData(
        QMimeData(), Qt.DropAction.MoveAction, -1, -1, source
    )  # not an appointment


def test_move_from_the_menu_opens_the_move_dialog(qtbot, window, book, tomorrow):
    booked = book(starts_at=at(tomorrow, 10))
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    entry = panel.model.entry(cell_of(panel, booked.appointment_id))
    menu = panel.actions.menu_for(entry, entry.practitioner_id, entry.starts_at)
    [move] = [a for a in menu.actions() if a.objectName() == "schedule_move"]
    move.trigger()
    qtbot.waitUntil(lambda: window.findChild(QDialog, "moveAppointmentDialog") is not None)
    dialog = window.findChild(QDialog, "moveAppointmentDialog")
    assert dialog.appointment.id == booked.appointment_id
    dialog.reject()


def test_time_off_is_greyed(qtbot, window, db, practitioner, tomorrow):
    time_off.add_time_off(db, practitioner.id, at(tomorrow, 15), at(tomorrow, 16), "Course")
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    model = panel.model
    shade = [
        model.index(model.row_of_time(at(tomorrow, h, m)), 0).data(SHADE_ROLE)
        for h, m in ((14, 45), (15, 0), (15, 45), (16, 0))
    ]
    assert shade == ["working", "off", "off", "working"]


def cell_of_or_none(panel, appointment_id: int):
    index = panel.model.index_of(appointment_id)
    return (index.row(), index.column()) if index.isValid() else None


def test_schedule_model_passes_the_model_tester(qtmodeltester, qtbot, window, book, tomorrow):
    book(starts_at=at(tomorrow, 10))
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    qtmodeltester.check(panel.model)


def test_schedule_date_starts_on_the_clinics_today_before_the_book_is_shown(qtbot, db, open_window):
    from app.services import settings

    utc_today = datetime.now(UTC).date()
    zone = next(
        z
        for z in ("Pacific/Kiritimati", "Pacific/Pago_Pago")  # UTC+14 and UTC-11
        if datetime.now(ZoneInfo(z)).date() != utc_today
    )
    settings.set(db, "clinic.timezone", zone)
    window = open_window()
    date_edit = window.findChild(QDateEdit, "scheduleDate")
    qtbot.waitUntil(lambda: date_edit.date().toPython() == datetime.now(ZoneInfo(zone)).date())
    assert not window.book.isVisible()


def test_a_double_click_on_an_appointment_opens_its_patient(qtbot, window, book, tomorrow):
    booked = book(starts_at=at(tomorrow, 10))
    panel = open_book(qtbot, window)
    show_day(qtbot, panel, tomorrow)
    view = panel.view
    index = cell_of(panel, booked.appointment_id)
    view.scrollTo(index)
    qtbot.mouseDClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    qtbot.waitUntil(
        lambda: window.record is not None and window.record.patient.id == booked.patient_id
    )
    qtbot.waitUntil(lambda: window.case_panel.current_appointment() is not None)
    assert window.case_panel.current_appointment().id == booked.appointment_id
