"""The left side of the window: `patientSearch` and `patientList`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.views.change_bus import ChangeBus
from app.views.clinic_format import counted, format_number
from app.views.patient_list import COL_NAME, COL_OPEN_CASES, COL_PHONE, PatientListModel
from app.views.runner import Runner

if TYPE_CHECKING:
    from app.db import Database

# Coalesces a burst (held key, paste) into one search. Kept short: a search takes a few ms
# even at a million patients, and this delay is paid on every last keystroke
# (see benchmarks/RESULTS.md, search as you type).
DEBOUNCE_MS = 25


class PatientPane(QWidget):
    """Search as you type; the selected row's patient id is announced by `patientSelected`."""

    patientSelected = Signal(int)  # 0 when nothing is selected
    failed = Signal(object)

    def __init__(
        self, db: Database, runner: Runner, bus: ChangeBus, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.model = PatientListModel(db, runner, self)
        bus.changed.connect(self._on_changes)
        self._selected = 0
        self._wanted = 0  # a patient to select as soon as a search shows them

        self.search = QLineEdit(self, objectName="patientSearch")
        self.search.setPlaceholderText(self.tr("Find patient by name, phone or case ID (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Find patient"))
        self.list = QTableView(self, objectName="patientList")
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(False)
        self.list.verticalHeader().hide()
        self.list.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.list.setAccessibleName(self.tr("Patients"))
        header = self.list.horizontalHeader()
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_OPEN_CASES, QHeaderView.ResizeMode.ResizeToContents)
        # Size that column from the rows in view only: by default Qt reads 1,000 rows for it,
        # which would read pages of the list nobody looks at.
        header.setResizeContentsPrecision(0)
        header.resizeSection(COL_PHONE, 130)
        self.count = QLabel(self, objectName="patientCount")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)

        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self.go_to_list)
        self.search.installEventFilter(self)
        self.model.searchFinished.connect(self._after_search)
        self.model.failed.connect(self.failed)
        self.model.dataChanged.connect(lambda *_: self._page_arrived())
        self.list.selectionModel().currentRowChanged.connect(self._on_current)

    @property
    def selected_patient_id(self) -> int:
        return self._selected

    def start(self) -> None:
        """The first search: every patient, a page at a time."""
        self.model.search(self.search.text())
        self.count.setText(self.tr("Searching..."))

    def refresh(self) -> None:
        self.model.refresh()

    def _on_changes(self, changes: Changes) -> None:
        # Names, phones, birth dates and open cases are what the list shows.
        if changes.touches("patient", "case_file"):
            self.refresh()

    def show_patient(self, patient_id: int, search_text: str) -> None:
        """Searches for `search_text` and selects `patient_id` as soon as the result is in."""
        self._wanted = patient_id
        self._debounce.stop()
        self.search.setText(search_text)
        self._search_now()

    def go_to_list(self) -> None:
        """From the search box to the list, on the first row when none is chosen yet."""
        if not self.list.currentIndex().isValid() and self.model.rowCount():
            self.list.selectRow(0)
        self.list.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            self.go_to_list()
            return True
        return super().eventFilter(watched, event)

    def _search_now(self) -> None:
        self._debounce.stop()
        self.model.search(self.search.text())

    def _after_search(self) -> None:
        self._show_count()
        wanted = self._wanted or self._selected
        row = self.model.row_of(wanted) if wanted else -1
        if row >= 0:
            self._wanted = 0
            if self.list.currentIndex().row() != row:
                self.list.selectionModel().setCurrentIndex(
                    self.model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            self.list.scrollTo(self.model.index(row, 0))
        elif not self.model.searching and self._selected and not self.list.currentIndex().isValid():
            self._announce(0)

    def _show_count(self) -> None:
        total = self.model.total
        if total == 0:
            searched = bool(self.model.text.strip())
            text = self.tr("No patient matches") if searched else self.tr("No patients yet")
        else:
            text = counted(self.tr("{count} patient(s)", "", total), total).format(
                count=format_number(total)
            )
        self.count.setText(text)

    def _page_arrived(self) -> None:
        # The current row may have been chosen before its page was read: announce it now.
        current = self.list.currentIndex()
        patient_id = self.model.patient_id(current.row()) if current.isValid() else 0
        if patient_id:
            self._announce(patient_id)

    def _on_current(self, current, _previous) -> None:
        self._announce(self.model.patient_id(current.row()) if current.isValid() else 0)

    def _announce(self, patient_id: int) -> None:
        if patient_id != self._selected:
            self._selected = patient_id
            self.patientSelected.emit(patient_id)
