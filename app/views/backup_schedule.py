"""Automatic backups of the window's SQLite clinic, and File > Restore from backup...

`install_backups(window, db)` is the one line the window needs: a backup on the first
start of each day and one on exit, both written by the desk's runner (off the UI thread).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.views.desk import desk_for
from app.views.runner import service

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from app.db import Database

log = logging.getLogger(__name__)
_automatic_backups = service("automatic_backups")


class BackupSchedule(QObject):
    """Starts the day's backup now and the exit backup when the window closes."""

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.runner = desk_for(db).runner
        self.made: list[object] = []
        self.restore_action = QAction(self.tr("&Restore from backup..."), window)
        self.restore_action.setObjectName("restoreBackupAction")
        self.restore_action.triggered.connect(self.open_restore)
        self.restore_action.setEnabled(db.is_sqlite)
        menu = window.findChild(QMenu, "fileMenu")
        if menu is not None:
            quit_action = window.findChild(QAction, "quitAction")
            menu.insertAction(quit_action, self.restore_action)
            menu.aboutToShow.connect(self.show_restore_for_role)  # the user may have switched
        self.show_restore_for_role()
        if db.is_sqlite:
            self._start("daily")
            window.installEventFilter(self)

    def _start(self, label: str) -> None:
        self.runner.run(
            _automatic_backups.automatic_backup, self.db, label, done=self.made.append, failed=_log
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        # Before the window's own closeEvent, which waits for the runner's running work: so
        # quitting waits for this backup. backups.exit_backup_plan keeps that short: no copy
        # when nothing was written since today's backup, and quick_check (seconds, not the
        # minutes of integrity_check) when the clinic is large.
        if watched is self.window and event.type() == QEvent.Type.Close:
            self._start("exit")
        return False

    def show_restore_for_role(self) -> None:
        """Restore is offered to administrators only (the restore service checks it too)."""
        self.restore_action.setVisible(may_restore(self.db))

    def open_restore(self):
        if not may_restore(self.db):
            return None
        from app.dialogs.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.window, self.db)
        dialog.open()
        return dialog


def may_restore(db: Database) -> bool:
    """Whether the desk's staff member may restore: an administrator, or nobody signed in.

    The same rule as Permission.RESTORE in app/services/permissions.py, read here from the
    role's name because that module brings SQLAlchemy, which the window modules keep out.
    """
    staff = db.signed_in
    return staff is None or staff.role == "admin"


def _log(error: BaseException) -> None:
    log.error("automatic backup failed: %s", error)


def install_backups(window: QMainWindow, db: Database) -> BackupSchedule:
    """Automatic backups and the restore action for `window` on `db`."""
    return BackupSchedule(window, db)
