"""The patient list: a windowed table model over the patients a search matches.

The model has as many rows as the search matches (a million for the empty
search), but holds only a few pages of them: a row whose page is not loaded
shows a placeholder and asks for its page on the task runner; the page comes
back as a dataChanged. The least recently shown pages are dropped beyond
MAX_PAGES, so memory stays flat however far the list is scrolled. An answer to
an older search or refresh (an older generation) is dropped.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from app.services.dto import PatientSummary
from app.views.clinic_format import format_date
from app.views.runner import Runner

if TYPE_CHECKING:
    from app.db import Database

PAGE = 200
MAX_PAGES = 20  # pages kept; the least recently shown beyond this are dropped
MAX_WANTED = 4  # pages waiting to be read; older wishes (rows scrolled past) are forgotten
MAX_IN_FLIGHT = 2  # pages read at the same time, so a fast scroll cannot flood the pool
REFRESH_PAGES = 2  # a refresh re-reads the pages shown most recently (a viewport spans <= 2)
PLACEHOLDER = "…"
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
    from app.services import patients  # imported on the worker: SQLAlchemy stays off start-up

    page = patients.search_patients(db, text, offset, limit)
    rows = patients.patient_rows(db, page.ids)
    return PatientPage(page.ids, page.total, {row.id: row for row in rows})


def load_pages(db: Database, text: str, numbers: list[int], size: int) -> list[PatientPage]:
    """Several pages of the same search, in the order of `numbers` (runs off the UI thread)."""
    return [load_page(db, text, number * size, size) for number in numbers]


class PatientListModel(QAbstractTableModel):
    """Rows of patients matching the current search; column 0 holds "First Last"."""

    searchFinished = Signal()  # the newest search or refresh is in
    failed = Signal(object)  # an error from a search or a page fetch

    def __init__(
        self, db: Database, tasks: Runner, parent=None, page_size: int | None = None
    ) -> None:
        super().__init__(parent)
        self._db = db
        self._tasks = tasks
        self._page_size = page_size or PAGE
        self._text = ""
        self._generation = 0
        self._total = 0
        self._pages: OrderedDict[int, PatientPage] = OrderedDict()  # least recently shown first
        self._wanted: list[int] = []  # most urgent last
        self._in_flight: set[int] = set()
        self._unreadable: set[int] = set()  # pages that failed; asked again after a refresh
        self.searching = False

    # --- searching -------------------------------------------------------------------------

    @property
    def text(self) -> str:
        return self._text

    @property
    def total(self) -> int:
        """How many patients match the current search in all (not only those loaded)."""
        return self._total

    @property
    def page_size(self) -> int:
        return self._page_size

    def search(self, text: str) -> None:
        """Starts a search; whatever an older search returns later is ignored."""
        self._text = text
        self._start([0])

    def refresh(self) -> None:
        """Re-reads the pages in view (another desk may have changed them) for the same search."""
        recent = [n for n in reversed(self._pages) if n < self._page_count()][:REFRESH_PAGES]
        self._start(sorted(recent) or [0])

    def _start(self, numbers: list[int]) -> None:
        self._generation += 1
        generation = self._generation
        self.searching = True
        self._in_flight.clear()  # their answers belong to an older generation now
        self._unreadable.clear()
        self._tasks.run(
            load_pages,
            self._db,
            self._text,
            numbers,
            self._page_size,
            done=lambda pages: self._answer(generation, numbers, pages),
            failed=lambda error: self._failed(generation, error),
        )

    def _answer(self, generation: int, numbers: list[int], pages: list[PatientPage]) -> None:
        """The pages a search or refresh read: kept without a reset when nothing moved."""
        if generation != self._generation:
            return
        self.searching = False
        total = pages[-1].total
        fresh = {n: p for n, p in zip(numbers, pages, strict=True) if p.total == total}
        unmoved = total == self._total and all(
            n in self._pages and self._pages[n].ids == p.ids for n, p in fresh.items()
        )
        if unmoved:
            # Same rows, maybe new details: no reset, so the selection and scroll position stay.
            for number in [n for n in self._pages if n not in fresh]:
                self._drop(number)
            for number, page in fresh.items():
                self._pages[number] = page
                self._pages.move_to_end(number)
                self._page_changed(number)
            self._pump()
        else:
            self.beginResetModel()
            self._total = total
            self._pages = OrderedDict(sorted(fresh.items()))
            self._wanted.clear()
            self.endResetModel()
        self.searchFinished.emit()

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation == self._generation:
            self.searching = False
            self._in_flight.clear()
            self.failed.emit(error)

    # --- pages on demand -------------------------------------------------------------------

    def _page_count(self) -> int:
        return -(-self._total // self._page_size)

    def _want(self, number: int, urgent: bool = True) -> None:
        """Asks for page `number` unless it is loaded or on its way."""
        if number in self._pages or number in self._in_flight or number in self._unreadable:
            return  # a failed page is not asked again on every paint
        if not 0 <= number < self._page_count():
            return
        if number in self._wanted:
            if not urgent:
                return
            self._wanted.remove(number)
        if urgent:
            self._wanted.append(number)
        else:
            self._wanted.insert(0, number)
        del self._wanted[:-MAX_WANTED]
        self._pump()

    def _pump(self) -> None:
        # While a search or refresh is out, the rows shown may be replaced: wait for it.
        while self._wanted and len(self._in_flight) < MAX_IN_FLIGHT and not self.searching:
            number = self._wanted.pop()
            if number in self._pages or number >= self._page_count():
                continue
            self._read(number)

    def _read(self, number: int) -> None:
        self._in_flight.add(number)
        generation = self._generation
        self._tasks.run(
            load_page,
            self._db,
            self._text,
            number * self._page_size,
            self._page_size,
            done=lambda page: self._page_in(generation, number, page),
            failed=lambda error: self._page_failed(generation, number, error),
        )

    def _page_failed(self, generation: int, number: int, error: BaseException) -> None:
        if generation == self._generation:
            self._in_flight.discard(number)
            self._unreadable.add(number)
            self.failed.emit(error)

    def _page_in(self, generation: int, number: int, page: PatientPage) -> None:
        if generation != self._generation:
            return  # a page of an older search: its rows are not these rows
        self._in_flight.discard(number)
        if page.total != self._total:
            self.refresh()  # patients were added or removed since: re-read what is in view
            return
        self._pages[number] = page
        self._pages.move_to_end(number)
        while len(self._pages) > MAX_PAGES:
            self._drop(next(iter(self._pages)))
        self._page_changed(number)
        self._pump()

    def _drop(self, number: int) -> None:
        del self._pages[number]
        self._page_changed(number)  # a view showing it (none, normally) asks again

    def _page_changed(self, number: int) -> None:
        first = number * self._page_size
        last = min(first + self._page_size, self._total) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, self.columnCount() - 1))

    def _loaded(self, row: int) -> tuple[int, int]:
        """(patient id, page number) for `row`; id 0 when its page is not loaded yet."""
        number, offset = divmod(row, self._page_size)
        page = self._pages.get(number)
        if page is None or offset >= len(page.ids):
            return 0, number
        return page.ids[offset], number

    # --- looking rows up -----------------------------------------------------------------

    def patient_id(self, row: int) -> int:
        """The patient on `row`, or 0 while its page is still being read (it is then asked for)."""
        if not 0 <= row < self._total:
            return 0
        patient_id, number = self._loaded(row)
        if not patient_id:
            self._want(number)
        return patient_id

    def row_of(self, patient_id: int) -> int:
        """The row showing `patient_id` among the loaded pages, or -1."""
        for number, page in self._pages.items():
            if patient_id in page.rows:
                return number * self._page_size + page.ids.index(patient_id)
        return -1

    def summary(self, patient_id: int) -> PatientSummary | None:
        for page in self._pages.values():
            if patient_id in page.rows:
                return page.rows[patient_id]
        return None

    def loaded_row_count(self) -> int:
        """How many rows the model holds right now (at most MAX_PAGES pages)."""
        return sum(len(page.ids) for page in self._pages.values())

    def loaded_page_count(self) -> int:
        return len(self._pages)

    # --- QAbstractTableModel -------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self._total:
            return None
        patient_id, number = self._loaded(index.row())
        if not patient_id:
            return self._placeholder(index, role, number)
        self._pages.move_to_end(number)  # shown just now: the last page to drop
        # The neighbouring page in the direction of this row, so scrolling on finds it ready.
        half = index.row() % self._page_size >= self._page_size // 2
        self._want(number + 1 if half else number - 1, urgent=False)
        if role == PATIENT_ID_ROLE:
            return patient_id
        row = self._pages[number].rows.get(patient_id)
        if row is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text_of(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_OPEN_CASES:
            return Qt.AlignmentFlag.AlignCenter
        return None

    def _placeholder(self, index: Index, role: int, number: int):
        self._want(number)
        if role == Qt.ItemDataRole.DisplayRole:
            return PLACEHOLDER if index.column() == COL_NAME else ""
        return None

    def _text_of(self, row: PatientSummary, column: int) -> str:
        if column == COL_NAME:
            return row.full_name
        if column == COL_PHONE:
            return row.phone_display
        if column == COL_BIRTH:
            return format_date(row.birth_date)
        return str(row.open_cases) if row.open_cases else ""

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (self.tr("Name"), self.tr("Phone"), self.tr("Date of birth"), self.tr("Open"))
        return titles[section] if 0 <= section < len(titles) else None
