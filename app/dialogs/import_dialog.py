"""File > Import patients...: a CSV export previewed with its column mapping, then imported.

The mapping is guessed from the file's header and editable (a combo per CaseDesk
field); the first rows are shown with each problem beside its cell. The import runs
through the desk's runner with a progress bar and ends with the same counts as the
command line, and a button to save the refused rows to fix and import again.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import CaseDeskDialog
from app.dialogs.widgets import FieldMessage
from app.views.clinic_format import counted
from app.views.desk import desk_for
from app.views.runner import plain_message, service

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMainWindow

    from app.db import Database

FIELDS = ("first_name", "last_name", "phone", "email", "birth_date", "sex")
PREVIEW_ROWS = 20
_PROBLEM = QColor(255, 225, 225)


class _Progress(QObject):
    """Carries (done, total) from the worker thread to the UI thread (a queued signal)."""

    moved = Signal(int, int)

    def report(self, done: int, total: int) -> None:
        self.moved.emit(done, total)


class ImportPatientsDialog(CaseDeskDialog):
    """Opened with open(); `load(path)` reads a file (Choose file... asks for one)."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importPatientsDialog")
        self.setWindowTitle(self.tr("Import patients"))
        self.db = db
        self.runner = desk_for(db).runner
        self.path: Path | None = None
        self.preview: Any = None
        self.report: Any = None
        self._importing = False
        self._closed = False  # answers still on their way find no widgets to fill
        self._progress = _Progress(self)
        self._progress.moved.connect(self._show_progress)
        self._build()

    def _labels(self) -> dict[str, str]:
        return {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "birth_date": self.tr("Date of birth"),
            "sex": self.tr("Sex"),
        }

    def _build(self) -> None:
        self.file_label = QLabel(self.tr("No file chosen."), self, objectName="importFileLabel")
        choose = QPushButton(self.tr("&Choose file..."), self, objectName="importChooseButton")
        choose.clicked.connect(self.choose_file)
        top = QHBoxLayout()
        top.addWidget(self.file_label, 1)
        top.addWidget(choose)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for field, label in self._labels().items():
            combo = QComboBox(self, objectName=f"importMap_{field}")
            combo.setAccessibleName(label)
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field] = combo
            form.addRow(label, combo)
        self.table = QTableWidget(self, objectName="importPreview")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.message = FieldMessage(self, objectName="importMessage")
        self.bar = QProgressBar(self, objectName="importProgress")
        self.bar.hide()
        self.counts = QLabel(self, objectName="importCounts")
        self.refused_list = QPlainTextEdit(self, objectName="importRefusedList")
        self.refused_list.setReadOnly(True)
        self.refused_list.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.import_button = self.buttons.addButton(
            self.tr("&Import"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.import_button.setObjectName("importButton")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        self.save_button = self.buttons.addButton(
            self.tr("&Save refused rows..."), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.save_button.setObjectName("importSaveRefusedButton")
        self.save_button.hide()
        self.save_button.clicked.connect(self.choose_refused_file)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for part in (top, form):
            layout.addLayout(part)
        for widget in (self.table, self.message, self.bar, self.counts, self.refused_list):
            layout.addWidget(widget)
        layout.addWidget(self.buttons)
        self.resize(900, 640)

    def done(self, result: int) -> None:
        self._closed = True
        self.runner.cancel("import-preview")
        super().done(result)

    # Reading the file and its preview -------------------------------------------------

    def choose_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import patients"), "", self.tr("CSV files (*.csv *.txt)")
        )
        if chosen:
            self.load(chosen)

    def load(self, path: str | Path, mapping: dict[str, int | None] | None = None) -> None:
        """Reads the file's first rows off the UI thread; the mapping is guessed when None."""
        self.path = Path(path)
        self.file_label.setText(self.path.name)
        self.report = None
        self.counts.clear()
        self.refused_list.hide()
        self.save_button.hide()
        self.import_button.setEnabled(False)
        self.runner.query(
            "import-preview",
            service("patient_import").preview,
            self.db,
            str(self.path),
            mapping,
            PREVIEW_ROWS,
            done=self._show_preview,
            failed=self._failed,
        )

    def _show_preview(self, preview: Any) -> None:
        if self._closed:
            return
        self.preview = preview
        mapping = dict(preview.mapping)
        for field, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in the file)"), None)
            for index, header in enumerate(preview.headers):
                combo.addItem(header, index)
            combo.setCurrentIndex(0 if mapping[field] is None else mapping[field] + 1)
            combo.blockSignals(False)
        self._fill_table(preview)
        names = mapping["first_name"] is not None and mapping["last_name"] is not None
        self.import_button.setEnabled(names and not self._importing)
        if not names:
            self.message.say(self.tr("Choose the columns holding the first and last names."))
        else:
            self.message.say(
                counted(
                    self.tr("%n row(s) in the file; the first are shown.", "", preview.total_rows),
                    preview.total_rows,
                ),
                serious=False,
            )

    def _fill_table(self, preview: Any) -> None:
        self.table.clear()
        self.table.setColumnCount(len(preview.headers))
        self.table.setHorizontalHeaderLabels(list(preview.headers))
        self.table.setRowCount(len(preview.rows))
        self.table.setVerticalHeaderLabels([str(row.line) for row in preview.rows])
        for r, row in enumerate(preview.rows):
            said = {p.column: p.message for p in row.problems if p.column is not None}
            for c in range(len(preview.headers)):
                value = row.cells[c] if c < len(row.cells) else ""
                item = QTableWidgetItem(f"{value}\n⚠ {said[c]}" if c in said else value)
                if c in said:
                    item.setBackground(QBrush(_PROBLEM))
                    item.setToolTip(said[c])
                self.table.setItem(r, c, item)
            for p in row.problems:  # a field with no column in the file: said on the first cell
                if p.column is None and self.table.item(r, 0) is not None:
                    first = self.table.item(r, 0)
                    first.setText(f"{first.text()}\n⚠ {p.column_name}: {p.message}")
                    first.setBackground(QBrush(_PROBLEM))
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()

    def mapping(self) -> dict[str, int | None]:
        return {field: combo.currentData() for field, combo in self.combos.items()}

    def _mapping_changed(self) -> None:
        if self.path is not None:  # the combos are filled with signals blocked
            self.load(self.path, self.mapping())

    # Importing ------------------------------------------------------------------------

    def start_import(self) -> None:
        if self._importing or self.path is None:
            return
        self._importing = True
        self.import_button.setEnabled(False)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.message.say(self.tr("Importing..."), serious=False)
        call = partial(service("patient_import").import_patients, progress=self._progress.report)
        self.runner.write(
            call,
            self.db,
            str(self.path),
            self.mapping(),
            done=self._imported,
            failed=self._import_failed,
        )

    def _show_progress(self, done: int, total: int) -> None:
        if self._closed:
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)

    def _imported(self, report: Any) -> None:
        self._importing = False
        if self._closed:
            return
        self.report = report
        self.bar.setValue(self.bar.maximum())
        self.message.say("")
        self.counts.setText(
            self.tr("Imported %1, skipped %2, refused %3.")
            .replace("%1", str(report.imported))
            .replace("%2", str(report.skipped))
            .replace("%3", str(len(report.refused)))
        )
        if report.refused:
            self.refused_list.setPlainText("\n".join(row.describe() for row in report.refused))
            self.refused_list.show()
            self.save_button.show()
        self.import_button.setEnabled(True)

    def _import_failed(self, error: BaseException) -> None:
        self._importing = False
        if self._closed:
            plain_message(error)  # logged
            return
        self.bar.hide()
        self._failed(error)
        self.import_button.setEnabled(True)

    def _failed(self, error: BaseException) -> None:
        said = plain_message(error)
        if not self._closed:
            self.message.say(said)

    # Saving the refused rows ----------------------------------------------------------

    def choose_refused_file(self) -> None:
        suggested = str(self.path.with_name(f"{self.path.stem}-refused.csv")) if self.path else ""
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save refused rows"), suggested, self.tr("CSV files (*.csv)")
        )
        if chosen:
            self.save_refused_to(chosen)

    def save_refused_to(self, path: str | Path) -> None:
        """Writes the refused rows (original columns + 'error') off the UI thread."""
        if self.report is None:
            return
        self.runner.run(
            service("patient_import").save_refused,
            self.report,
            str(path),
            done=lambda saved: self.message.say(
                self.tr("Refused rows saved to %1.").replace("%1", str(saved)), serious=False
            ),
            failed=self._failed,
        )


def install_patient_import(window: QMainWindow, db: Database) -> QAction:
    """Puts File > Import patients... at the top of the window's File menu."""
    text = QCoreApplication.translate("ImportPatientsDialog", "&Import patients...")
    action = QAction(text, window, objectName="importPatientsAction")

    def open_dialog() -> None:
        dialog = ImportPatientsDialog(db, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    action.triggered.connect(open_dialog)
    menu = window.findChild(QMenu, "fileMenu")
    if menu is not None:
        first = menu.actions()[0] if menu.actions() else None
        menu.insertAction(first, action) if first else menu.addAction(action)
    return action
