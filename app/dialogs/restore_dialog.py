"""File > Restore from backup...: the backups, newest first; restoring reopens the window.

The window lets go of the database (its desk closes), the restore runs on this
dialog's own runner, and a new window opens on the restored database (or, when the
restore was refused, on the database as it was, saying why).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from app.dialogs.base import CaseDeskDialog
from app.views.backup_schedule import may_restore
from app.views.desk import desk_for
from app.views.runner import Runner, plain_message, service

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from app.db import Database

_backups = service("backups")
_backup_restore = service("backup_restore")


class RestoreDialog(CaseDeskDialog):
    """Lists the backups of the window's database; restores the chosen one after asking."""

    reopened = Signal(object)  # the new main window

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.setObjectName("restoreDialog")
        self.setWindowTitle(self.tr("Restore from backup"))
        self.window_ = window
        self.db = db
        self.backups: list = []
        self.confirm: QMessageBox | None = None
        self.table = QTableWidget(0, 3, self, objectName="backupsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Taken"), self.tr("Size"), self.tr("Kind")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self.tr("Reading the backups folder..."), self)
        self.status.setObjectName("restoreStatus")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.restore_button = QPushButton(self.tr("&Restore..."), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setEnabled(False)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.ask)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.resize(520, 380)
        self.runner = Runner(self)  # lives on after the window's desk has closed
        self.runner.query("backups", _backups.list_backups, Path(db.path).stem, done=self._fill)

    def _fill(self, backups: list) -> None:
        self.backups = backups
        self.table.setRowCount(len(backups))
        locale = QLocale()
        for row, item in enumerate(backups):
            when = locale.toString(item.taken, QLocale.FormatType.ShortFormat)
            self.table.setItem(row, 0, QTableWidgetItem(when))
            self.table.setItem(row, 1, QTableWidgetItem(locale.formattedDataSize(item.size)))
            self.table.setItem(row, 2, QTableWidgetItem(item.label))
        if backups:
            self.table.selectRow(0)
            self.status.setText(self.tr("The newest backup is at the top."))
        else:
            self.status.setText(self.tr("There are no backups yet."))
        self.restore_button.setEnabled(bool(backups))

    def chosen(self):
        row = self.table.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def ask(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        self.confirm = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the clinic's database with the backup taken {when}?\n\n"
                "Everything entered since then is replaced; the database as it is now is "
                "backed up first. The window reopens on the restored database."
            ).format(when=QLocale().toString(chosen.taken, QLocale.FormatType.ShortFormat)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        self.confirm.setObjectName("restoreConfirm")
        self.confirm.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm.accepted.connect(lambda: self.restore(chosen.path))
        self.confirm.open()

    def restore(self, backup_file: Path) -> None:
        """Closes the window's hold on the database, then restores on this dialog's runner."""
        if not may_restore(self.db):  # the user switched since the dialog opened
            self.status.setText(self.tr("Only an administrator can restore a backup."))
            return
        self.restore_button.setEnabled(False)
        self.status.setText(self.tr("Restoring..."))
        messaging = getattr(self.window_, "messaging", None)
        if messaging is not None:
            messaging.stop()
        staff = self.db.signed_in  # the service refuses anyone but an administrator
        desk_for(self.db).close()
        self.db.dispose()
        target = str(self.db.path)
        self.runner.write(
            _backup_restore.restore,
            target,
            str(backup_file),
            staff,
            done=lambda _kept: self._reopen(target, ""),
            failed=lambda error: self._reopen(target, plain_message(error)),
        )

    def _reopen(self, target: str, problem: str) -> None:
        from app.main import create_main_window

        try:
            window = create_main_window(target)
        except Exception as exc:  # the restored file would not open: say so, plainly
            self.status.setText(
                self.tr("Please close CaseDesk and start it again. ({why})").format(
                    why=plain_message(exc)
                )
            )
            return
        window.show()
        if problem:
            window.show_error(self.tr("The backup was not restored: {why}").format(why=problem))
        else:
            window.tell(self.tr("The backup was restored."))
        old = self.window_
        old.successor = window  # the closed window's owner keeps the new one alive
        self.accept()
        old.close()
        self.reopened.emit(window)
