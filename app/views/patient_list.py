"""The patient list: a table model over the ids a search returns, filled a page at a time.

Only ids and the summaries of rows already scrolled into view are held, so a
clinic with a million patients opens at once. Every query runs on the task
runner; an answer to an older search (an older generation) is dropped.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.db import Database
from app.services import patients
from app.services.dto import PatientSummary
from app.views.tasks import TaskRunner

PAGE = 200
REFRESH_LIMIT = 2_000  # a refresh re-reads at most this many loaded rows
COL_NAME, COL_PHONE, COL_BIRTH, COL_OPEN_CASES = range(4)
PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class PatientPage:
    ids: tuple[int, ...]
    total: int
    rows: dict[int, PatientSummary]


def load_page(db: Database, text: str, offset: int, limit: int) -> PatientPage:
    """One page of search results with the summaries to show (runs off the UI thread)."""
    page = patients.search_patients(db, text, offset, limit)
    rows = patients.patient_rows(db, page.ids)
    return PatientPage(page.ids, page.total, {row.id: row for row in rows})


class PatientListModel(QAbstractTableModel):
    """Rows of patients matching the current search; column 0 holds "First Last"."""

    searchFinished = Signal()  # the first page of the newest search is in
    failed = Signal(object)  # an error from a search or a page fetch

    def __init__(self, db: Database, tasks: TaskRunner, parent=None) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._text = ""
        self._generation = 0
        self._ids: list[int] = []
        self._rows: dict[int, PatientSummary] = {}
        self._total = 0
        self._fetching = False
        self.searching = False

    # --- searching -------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def total(self) -> int:
        """How many patients match the current search in all (not only those loaded)."""
        return self._total

    def search(self, text: str) -> None:
        """Starts a search; whatever an older search returns later is ignored."""
        self._text = text
        self._start(text, PAGE)

    def refresh(self) -> None:
        """Re-reads the loaded rows (another desk may have changed them) for the same search."""
        self._start(self._text, min(max(len(self._ids), PAGE), REFRESH_LIMIT))

    def _start(self, text: str, limit: int) -> None:
        self._generation += 1
        generation = self._generation
        self.searching = True
        self._tasks.run(
            load_page,
            self._db,
            text,
            0,
            limit,
            done=lambda page: self._first_page(generation, page),
            failed=lambda error: self._failed(generation, error),
        )

    def _first_page(self, generation: int, page: PatientPage) -> None:
        if generation != self._generation:
            return
        self.searching = False
        self._fetching = False
        if list(page.ids) == self._ids and page.total == self._total:
            self._rows = page.rows  # same rows, maybe new details: no reset, selection stays
            if self._ids:
                last = self.index(len(self._ids) - 1, self.columnCount() - 1)
                self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._ids, self._rows, self._total = list(page.ids), page.rows, page.total
            self.endResetModel()
        self.searchFinished.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.searching = False
            self._fetching = False
            self.failed.emit(error)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt signature
        return not parent.isValid() and len(self._ids) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt signature
        if parent.isValid() or self._fetching or not self.canFetchMore(parent):
            return
        self._fetching = True
        generation, offset = self._generation, len(self._ids)
        self._tasks.run(
            load_page,
            self._db,
            self._text,
            offset,
            PAGE,
            done=lambda page: self._more(generation, offset, page),
            failed=lambda error: self._failed(generation, error),
        )

    def _more(self, generation: int, offset: int, page: PatientPage) -> None:
        if generation != self._generation or offset != len(self._ids):
            return
        self._fetching = False
        loaded = set(self._ids)
        fresh = [i for i in page.ids if i not in loaded]
        self._total = page.total
        if not fresh:
            self._total = len(self._ids)  # the list shrank under us; stop asking for more
            return
        self.beginInsertRows(QModelIndex(), offset, offset + len(fresh) - 1)
        self._ids.extend(fresh)
        self._rows.update(page.rows)
        self.endInsertRows()

    # --- looking rows up -----------------------------------------------------------------

    def patient_id(self, row: int) -> int:
        return self._ids[row] if 0 <= row < len(self._ids) else 0

    def row_of(self, patient_id: int) -> int:
        """The row showing `patient_id` among the loaded rows, or -1."""
        try:
            return self._ids.index(patient_id)
        except ValueError:
            return -1

    def summary(self, patient_id: int) -> PatientSummary | None:
        return self._rows.get(patient_id)

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        patient_id = self._ids[index.row()]
        if role == PATIENT_ID_ROLE:
            return patient_id
        row = self._rows.get(patient_id)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text_of(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_OPEN_CASES:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _text_of(self, row: PatientSummary, column: int) -> str:
        if column == COL_NAME:
            return row.full_name
        if column == COL_PHONE:
            return row.phone_display
        if column == COL_BIRTH:
            return row.birth_date.strftime("%d %b %Y") if row.birth_date else ""
        return str(row.open_cases) if row.open_cases else ""

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Name"), self.tr("Phone"), self.tr("Date of birth"), self.tr("Open"))
        return titles[section] if 0 <= section < len(titles) else None
