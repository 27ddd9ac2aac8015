"""Automatic backups of the window's database, and File > Restore from backup..."""

from __future__ import annotations

import sqlite3
from datetime import date

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMenu, QMessageBox

from app.services import backups, patients
from tests.conftest import new_patient


def patient_count(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM patient").fetchone()[0]
    finally:
        conn.close()


def labels() -> list[str]:
    return [b.label for b in backups.list_backups("clinic")]


def test_the_first_start_of_the_day_and_the_exit_each_leave_a_backup(qtbot, open_window, db):
    window = open_window()
    qtbot.waitUntil(lambda: labels() == ["daily"])
    second = open_window()  # a later start the same day: no second daily backup
    first = backups.list_backups("clinic")[0].path
    second.close()
    # The exit backup is now the day's newest, so it is the one kept for today.
    assert labels() == ["exit"] and not first.exists()
    window.close()
    assert labels() == ["exit"] and backups.list_backups("clinic")[0].taken.date() == date.today()


def test_restore_from_the_file_menu_reopens_the_window_on_the_backup(
    qtbot, open_window, db, db_path
):
    patients.register_patient(db, new_patient())
    window = open_window()
    qtbot.waitUntil(lambda: labels() == ["daily"])
    patients.register_patient(db, new_patient(first="Arjun", phone="+91 98123 40001"))
    db.dispose()
    file_menu = window.findChild(QMenu, "fileMenu")
    assert "restoreBackupAction" in [a.objectName() for a in file_menu.actions()]
    dialog = window.backups.open_restore()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1 and dialog.restore_button.isEnabled())
    assert dialog.table.item(0, 2).text() == "daily"
    dialog.restore_button.click()
    confirm = dialog.findChild(QMessageBox, "restoreConfirm")
    assert confirm is not None and confirm.isVisible()
    with qtbot.waitSignal(dialog.reopened) as reopened:
        confirm.button(QMessageBox.StandardButton.Yes).click()
    new_window = reopened.args[0]
    qtbot.addWidget(new_window)
    assert patient_count(db_path) == 1
    assert "before-restore" in labels()
    assert not window.isVisible() and new_window.isVisible()
    assert new_window.findChild(QObject, "restoreBackupAction") is not None
    new_window.close()
    new_window.db.dispose()
