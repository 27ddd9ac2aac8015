"""File > Print day...: the book's day read off the UI thread and printed into a PDF."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from app.models import Case
from app.services import appointments, practitioners, settings
from tests.conftest import new_patient

ZONE = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)


def pdf_pages(path) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", path.read_bytes()))


def show_day(qtbot, window, day: date) -> None:
    panel = window.book
    panel.tabs.setCurrentWidget(panel)
    panel.date.setDate(day)
    qtbot.waitUntil(lambda: panel.book is not None and panel.book.day == day)


def save_pdf(qtbot, window, path, practitioner_index: int = 0) -> None:
    """As a receptionist does it: Ctrl+P, a practitioner, Save as PDF..., a file name."""
    action = window.findChild(QAction, "printDayAction")
    action.trigger()
    dialog = window.print_day.dialog
    qtbot.waitUntil(lambda: dialog.isVisible())
    dialog.practitioner.setCurrentIndex(practitioner_index)
    dialog.pdf_button.click()
    chooser = window.findChild(QFileDialog, "printDayFileDialog")
    qtbot.waitUntil(lambda: chooser.isVisible())
    with qtbot.waitSignal(window.print_day.written) as written:
        chooser.fileSelected.emit(str(path))  # what Save does in the dialog
    assert written.args == [str(path)]


def test_the_day_prints_a_page_per_practitioner_into_a_pdf(qtbot, window, db, book, tmp_path):
    day = datetime.now(ZONE).date() + timedelta(days=1)
    settings.set_many(db, {"clinic.name": "Riverside Physio"})
    ben = practitioners.add_practitioner(db, "Ben Okafor")
    knee = book(starts_at=at(day, 10), body_parts=("Left knee", "Neck"))
    book(
        starts_at=at(day, 9),
        practitioner_id=ben.id,
        new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"),
    )
    gone = book(starts_at=at(day, 11), new_patient=new_patient("Cy", "Gone", "+91 98123 00003"))
    appointments.cancel(db, gone.appointment_id)
    with db.writing() as session:
        session.get(Case, knee.case_id).approved_sessions = 6
    show_day(qtbot, window, day)

    file_menu = window.findChild(QMenu, "fileMenu")
    assert "printDayAction" in [a.objectName() for a in file_menu.actions()]
    action = window.findChild(QAction, "printDayAction")
    assert action.shortcut() == QKeySequence("Ctrl+P")
    target = tmp_path / "day.pdf"
    save_pdf(qtbot, window, target)

    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000
    assert pdf_pages(target) == 2  # Asha's page, then Ben's
    text = window.print_day.document.toPlainText()
    assert "Riverside Physio" in text and "Asha Rao" in text and "Ben Okafor" in text
    for shown in ("Priya Sharma", knee.case_code, "Left knee, Neck", "Reserved", "Ravi Kumar"):
        assert shown in text
    assert "Cy Gone" not in text  # cancelled: off the list
    # A table's plain text is a cell a line: Priya's status, then 6 approved - 1 booked.
    assert f"{knee.case_code}\nLeft knee, Neck\nReserved\n5\n" in text
    assert window.print_day.dialog is None  # closed once the file is written
    assert "day.pdf" in window.statusBar().currentMessage()


def test_one_practitioner_on_one_page(qtbot, window, db, book, tmp_path):
    day = datetime.now(ZONE).date() + timedelta(days=1)
    practitioners.add_practitioner(db, "Ben Okafor")
    book(starts_at=at(day, 10))
    show_day(qtbot, window, day)
    target = tmp_path / "asha.pdf"
    save_pdf(qtbot, window, target, practitioner_index=1)  # 0 is every practitioner
    text = window.print_day.document.toPlainText()
    assert "Asha Rao" in text and "Ben Okafor" not in text and "Priya Sharma" in text
    assert pdf_pages(target) == 1


def test_a_list_that_cannot_be_written_says_why(qtbot, window, db, tmp_path):
    window.print_day.save_pdf(str(tmp_path / "day.pdf"), practitioner_id=999)
    qtbot.waitUntil(lambda: window.findChild(QMessageBox, "printDayFailed") is not None)
    box = window.findChild(QMessageBox, "printDayFailed")
    assert "not printed" in box.text() and not (tmp_path / "day.pdf").exists()
    box.close()
