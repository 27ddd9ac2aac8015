"""File > Export...: the clinic as one FHIR R4 Bundle, written by the desk's runner.

Self-contained: `install_export(window, db)` adds the action to the File menu. The file is
chosen in a QFileDialog opened with open() (never a blocking exec), the export runs on the
runner's worker with its progress shown in a window-modal progress dialog, and the outcome
goes to the status bar (or a message box when it failed).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox, QProgressDialog

from app.views.clinic_format import counted
from app.views.desk import desk_for
from app.views.runner import plain_message, service

if TYPE_CHECKING:
    from app.db import Database


class ExportAction(QObject):
    """The Export... action, its file dialog and the export's progress."""

    progressed = Signal(int, int)  # (resources written, resources in all), from the worker
    finished = Signal(str)  # the file written, after the status bar says so

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window, self.db = window, db
        self.runner = desk_for(db).runner
        self.action = QAction(self.tr("&Export..."), window, objectName="exportAction")
        self.action.triggered.connect(self.choose_file)
        menu = window.menuBar().findChild(QMenu, "fileMenu")
        if menu is not None:
            first = menu.actions()[0] if menu.actions() else None
            menu.insertAction(first, self.action) if first else menu.addAction(self.action)
        self.dialog: QFileDialog | None = None
        self.progress: QProgressDialog | None = None
        self.progressed.connect(self._show_progress)

    def choose_file(self) -> QFileDialog:
        dialog = QFileDialog(self.window, self.tr("Export the clinic (FHIR R4)"))
        dialog.setObjectName("exportFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(self.tr("FHIR Bundle (*.json)"))
        dialog.setDefaultSuffix("json")
        dialog.selectFile("casedesk-fhir.json")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(self.export_to)
        self.dialog = dialog
        dialog.open()
        return dialog

    def export_to(self, path: str) -> None:
        """Starts the export into `path` on the runner's worker thread."""
        self.action.setEnabled(False)
        self.progress = QProgressDialog(self.tr("Exporting the clinic..."), "", 0, 0, self.window)
        self.progress.setObjectName("exportProgress")
        self.progress.setCancelButton(None)  # the file appears only when it is complete
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(0)
        self.progress.show()

        def report(_stage: str, done: int, total: int) -> None:  # on the worker thread
            self.progressed.emit(done, total)

        self.runner.run(
            service("fhir_export").export_fhir,
            self.db,
            path,
            report,
            done=self._done,
            failed=self._failed,
        )

    def _show_progress(self, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(min(done, max(total, 1)))

    def _close_progress(self) -> None:
        self.action.setEnabled(True)
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def _done(self, report) -> None:
        self._close_progress()
        self.window.statusBar().showMessage(
            counted(
                self.tr("Exported %n FHIR resource(s) to {file}.", "", report.resources),
                report.resources,
            ).format(file=report.file),
            10_000,
        )
        self.finished.emit(str(report.file))

    def _failed(self, error: BaseException) -> None:
        self._close_progress()
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Export"),
            self.tr("The clinic was not exported. {reason}").format(reason=plain_message(error)),
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setObjectName("exportFailed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()


def install_export(window: QMainWindow, db: Database) -> ExportAction:
    """Adds File > Export... to `window` (after its File menu exists)."""
    return ExportAction(window, db)
