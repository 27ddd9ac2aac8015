"""The appointment book as a table: a column per practitioner (or per day), a row per slot.

Rows are the clinic's wall-clock times at the book's row length (15 minutes unless a
practitioner's visits need finer). An appointment covers the rows of its time; its
top cell carries the text and every one of its cells the appointment id, so the view
spans them into one block. Holds only the book it was last given.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from app.services.dto import BookEntry, DayBook, WeekBook
from app.views.appointments_model import message_label, status_label
from app.views.body_part_names import shown_list
from app.views.clinic_format import clinic_locale, format_time, referral_text

Index = QModelIndex | QPersistentModelIndex

APPOINTMENT_ID_ROLE = Qt.ItemDataRole.UserRole
START_ROLE = Qt.ItemDataRole.UserRole + 1  # the slot's start, aware UTC
PRACTITIONER_ROLE = Qt.ItemDataRole.UserRole + 2
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 3  # the BookEntry, on every cell of its block
SHADE_ROLE = Qt.ItemDataRole.UserRole + 4  # "working", "break", "off", "closed"

MIME_TYPE = "application/x-casedesk-appointment"
DAY_FROM, DAY_TO = 8 * 60, 18 * 60  # shown even when nobody works then, so the day reads

STATUS_COLOURS = {
    "reserved": QColor("#fff1b8"),
    "confirmed": QColor("#cdeccd"),
    "arrived": QColor("#c9ddff"),
    "completed": QColor("#e2dcf2"),
    "no_show": QColor("#f5c6c6"),
}
PAST_HOLD_COLOUR = QColor("#ffb45c")  # stronger than the Reservations list's amber
SHADES = {
    "working": QBrush(QColor("#ffffff")),
    "closed": QBrush(QColor("#ececec")),
    "break": QBrush(QColor("#d6d6d6")),
    "off": QBrush(QColor("#bdbdbd"), Qt.BrushStyle.BDiagPattern),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("ScheduleModel", text)


@dataclass(frozen=True)
class BookColumn:
    practitioner_id: int
    day: date
    title: str


def block_text(entry: BookEntry) -> str:
    """Patient, case ID, body parts and referral sessions, then status and the message."""
    referral = referral_text(entry.referral)
    parts = [entry.case_code, *shown_list(entry.body_parts), *([referral] if referral else [])]
    case_line = " · ".join(parts)
    state = [status_label(entry.status)]
    if entry.past_hold:
        state.append(QCoreApplication.translate("ScheduleModel", "past hold: call"))
    state.append("✉ " + message_label(entry.message_status, entry.patient_has_email))
    return "\n".join((entry.patient_name, case_line, " · ".join(state)))


class ScheduleModel(QAbstractTableModel):
    """`moveRequested(appointment id, new start UTC, practitioner id)` on a drop."""

    moveRequested = Signal(int, object, int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.zone = ZoneInfo("UTC")
        self.row_minutes = 15
        self.first_minute = DAY_FROM
        self.rows = 0
        self.columns: list[BookColumn] = []
        self.book: DayBook | WeekBook | None = None
        self.blocks: list[tuple[int, int, int]] = []  # row, column, rows covered
        self._cells: dict[tuple[int, int], BookEntry] = {}
        self._shades: list[list[str]] = []
        self._starts: list[list[datetime]] = []
        # Whether the signed-in role may move appointments in a practitioner's book (set by
        # app/views/role_actions.py): a block it may not move never starts a drag.
        self.may_drag: Callable[[int], bool] = lambda _practitioner_id: True

    # --- filling --------------------------------------------------------------------------

    def show_day(self, book: DayBook) -> None:
        columns = [BookColumn(p.id, book.day, p.name) for p in book.practitioners]
        self._fill(book, columns)

    def show_week(self, book: WeekBook) -> None:
        locale = clinic_locale()
        columns = [
            BookColumn(book.practitioner.id, d, locale.toString(d, "ddd d MMM")) for d in book.days
        ]
        self._fill(book, columns)

    def _fill(self, book: DayBook | WeekBook, columns: list[BookColumn]) -> None:
        self.beginResetModel()
        self.book, self.columns = book, columns
        self.zone = ZoneInfo(book.timezone)
        self.row_minutes = book.row_minutes
        self._set_rows(book)
        self._starts = [
            [self._start_of(r, c) for c in range(len(columns))] for r in range(self.rows)
        ]
        self._shades = [
            [self._shade(book, columns[c], self._starts[r][c]) for c in range(len(columns))]
            for r in range(self.rows)
        ]
        self._place(book.appointments)
        self.endResetModel()

    def _local_minutes(self, moment: datetime, day: date) -> int:
        local = moment.astimezone(self.zone)
        days = (local.date() - day).days
        return max(0, min(24 * 60, days * 24 * 60 + local.hour * 60 + local.minute))

    def _set_rows(self, book: DayBook | WeekBook) -> None:
        first, last = DAY_FROM, DAY_TO
        days = {c.day for c in self.columns}
        for item in (*book.working, *book.appointments):
            day = item.starts_at.astimezone(self.zone).date()
            if day not in days:
                day = min(days, key=lambda d: abs((d - day).days)) if days else day
            first = min(first, self._local_minutes(item.starts_at, day))
            last = max(last, self._local_minutes(item.ends_at, day))
        step = self.row_minutes
        self.first_minute = (first // 60) * 60
        self.rows = math.ceil((min(last, 24 * 60) - self.first_minute) / step)

    def _start_of(self, row: int, column: int) -> datetime:
        minute = self.first_minute + row * self.row_minutes
        day = self.columns[column].day
        if minute >= 24 * 60:
            return datetime.combine(day + timedelta(days=1), time(0), self.zone).astimezone(UTC)
        return datetime.combine(day, time(minute // 60, minute % 60), self.zone).astimezone(UTC)

    def _shade(self, book: DayBook | WeekBook, column: BookColumn, start: datetime) -> str:
        """Time off, working, a break (between two working spans of the day), or closed."""
        mine = column.practitioner_id
        if any(
            s.practitioner_id == mine and s.starts_at <= start < s.ends_at for s in book.time_off
        ):
            return "off"
        spans = [
            s
            for s in book.working
            if s.practitioner_id == mine and s.starts_at.astimezone(self.zone).date() == column.day
        ]
        if any(s.starts_at <= start < s.ends_at for s in spans):
            return "working"
        if spans and min(s.starts_at for s in spans) <= start < max(s.ends_at for s in spans):
            return "break"
        return "closed"

    def _place(self, entries: tuple[BookEntry, ...]) -> None:
        self._cells, self.blocks = {}, []
        where = {(c.practitioner_id, c.day): i for i, c in enumerate(self.columns)}
        for entry in entries:
            day = entry.starts_at.astimezone(self.zone).date()
            column = where.get((entry.practitioner_id, day))
            if column is None:  # began the evening before the first day shown
                column = where.get((entry.practitioner_id, day + timedelta(days=1)))
                day += timedelta(days=1)
            if column is None:
                continue
            top = (
                self._local_minutes(entry.starts_at, day) - self.first_minute
            ) // self.row_minutes
            end = self._local_minutes(entry.ends_at, day) - self.first_minute
            bottom = min(self.rows, max(top + 1, math.ceil(end / self.row_minutes)))
            top = max(0, top)
            free = [r for r in range(top, bottom) if (r, column) not in self._cells]
            if not free:
                continue  # a double booking: the first one keeps the cells
            for row in free:
                self._cells[(row, column)] = entry
            self.blocks.append((free[0], column, free[-1] - free[0] + 1))

    # --- reading back -----------------------------------------------------------------------

    def entry(self, index: Index) -> BookEntry | None:
        return self._cells.get((index.row(), index.column())) if index.isValid() else None

    def start(self, index: Index) -> datetime | None:
        return self._starts[index.row()][index.column()] if index.isValid() else None

    def index_of(self, appointment_id: int) -> QModelIndex:
        for row, column, _rows in self.blocks:
            if self._cells[(row, column)].id == appointment_id:
                return self.index(row, column)
        return QModelIndex()

    def row_of_time(self, moment: datetime, column: int = 0) -> int:
        if not self.columns:
            return -1
        minutes = self._local_minutes(moment, self.columns[column].day) - self.first_minute
        return max(0, min(self.rows - 1, minutes // self.row_minutes))

    # --- Qt -----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else self.rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        entry = self._cells.get((row, column))
        if role == APPOINTMENT_ID_ROLE:
            return entry.id if entry else None
        if role == ENTRY_ROLE:
            return entry
        if role == START_ROLE:
            return self._starts[row][column]
        if role == PRACTITIONER_ROLE:
            return self.columns[column].practitioner_id
        if role == SHADE_ROLE:
            return self._shades[row][column]
        if entry is None:
            return self._free_data(row, column, role)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = block_text(entry)
            if role == Qt.ItemDataRole.ToolTipRole:
                start, end = entry.starts_at, entry.ends_at
                when = f"{format_time(start, self.zone)}–{format_time(end, self.zone)}"
                return f"{when}\n{text}"
            return text
        if role == Qt.ItemDataRole.BackgroundRole:
            if entry.past_hold:
                return PAST_HOLD_COLOUR
            return STATUS_COLOURS.get(entry.status, QColor("#ffffff"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        return None

    def _free_data(self, row: int, column: int, role: int):
        shade = self._shades[row][column]
        if role == Qt.ItemDataRole.BackgroundRole:
            return SHADES[shade]
        if role == Qt.ItemDataRole.ToolTipRole:
            words = {
                "working": QCoreApplication.translate("ScheduleModel", "Free"),
                "break": QCoreApplication.translate("ScheduleModel", "Break"),
                "off": QCoreApplication.translate("ScheduleModel", "Time off"),
                "closed": QCoreApplication.translate("ScheduleModel", "Outside working hours"),
            }
            return f"{format_time(self._starts[row][column], self.zone)} {words[shade]}"
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title if 0 <= section < len(self.columns) else None
        if not 0 <= section < self.rows or not self.columns:
            return None
        minute = self.first_minute + section * self.row_minutes
        if minute % 30:
            return ""  # quarter hours unlabelled: the half hours are enough to read by
        return format_time(self._starts[section][0], self.zone)

    # --- drag and drop ------------------------------------------------------------------------

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )
        entry = self._cells.get((index.row(), index.column()))
        if entry is not None and self.may_drag(entry.practitioner_id):
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802 - Qt override
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802 - Qt override
        return [MIME_TYPE]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802 - Qt override
        data = QMimeData()
        found = next((self.entry(i) for i in indexes if self.entry(i)), None)
        if found is not None:
            data.setData(MIME_TYPE, QByteArray(str(found.id).encode()))
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        """Asks for the move; the block stays where it is until the book is read again."""
        if not data.hasFormat(MIME_TYPE):
            return False
        target = parent if parent.isValid() else self.index(row, column)
        if not target.isValid():
            return False
        appointment_id = int(bytes(data.data(MIME_TYPE)).decode() or 0)
        start = self.start(target)
        practitioner_id = self.columns[target.column()].practitioner_id
        if not appointment_id or not self.may_drag(practitioner_id):
            return False
        self.moveRequested.emit(appointment_id, start, practitioner_id)
        return False  # nothing is removed from the source: the read after the move shows it
