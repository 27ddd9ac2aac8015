"""Today at the desk: today's arrivals in time order, each marked Arrived or No-show at one key.

The list is filled by the book (it reads today's book anyway when today is shown);
a mark is a status change through the runner, and the change bus brings the new
status back.
"""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.dto import BookEntry, DayBook
from app.statuses import ALLOWED
from app.views.appointments_model import status_label
from app.views.clinic_format import format_time
from app.views.schedule_model import PAST_HOLD_COLOUR, STATUS_COLOURS

APPOINTMENT_ID_ROLE = Qt.ItemDataRole.UserRole
KEYS = {Qt.Key.Key_A: "arrived", Qt.Key.Key_N: "no_show"}


class TodayAtDesk(QWidget):
    """`mark(appointment id, status)` is called for Arrived (A) and No-show (N)."""

    def __init__(self, mark: Callable[[int, str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("todayAtDesk")
        self._mark = mark
        # Why the signed-in role may not mark an appointment in a practitioner's book ("" when
        # it may): set by app/views/role_actions.py after each sign-in.
        self.refusal: Callable[[int], str] = lambda _practitioner_id: ""
        self._entries: dict[int, BookEntry] = {}
        title = QLabel(self.tr("<b>Today at the desk</b>"), self)
        self.list = QListWidget(self, objectName="todayArrivals")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setUniformItemSizes(True)
        self.list.installEventFilter(self)
        title.setBuddy(self.list)
        self.arrived_button = QPushButton(self.tr("&Arrived (A)"), self, objectName="todayArrived")
        self.no_show_button = QPushButton(self.tr("&No-show (N)"), self, objectName="todayNoShow")
        self.arrived_button.clicked.connect(lambda: self.mark_current("arrived"))
        self.no_show_button.clicked.connect(lambda: self.mark_current("no_show"))
        self.list.currentRowChanged.connect(lambda _row: self.update_buttons())
        buttons = QHBoxLayout()
        buttons.addWidget(self.arrived_button)
        buttons.addWidget(self.no_show_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.update_buttons()

    def show_day(self, book: DayBook, zone: ZoneInfo) -> None:
        """Today's appointments by start; keeps the selected one selected."""
        keep = self.current_id()
        names = {p.id: p.name for p in book.practitioners}
        self._entries = {e.id: e for e in book.appointments}
        self.list.blockSignals(True)
        self.list.clear()
        for entry in sorted(book.appointments, key=lambda e: (e.starts_at, e.id)):
            # Time, patient and status first: what the desk reads as people walk in.
            text = (
                f"{format_time(entry.starts_at, zone)}  {entry.patient_name}"
                f" — {status_label(entry.status)}\n"
                f"{entry.case_code} · {names.get(entry.practitioner_id, '')}"
            )
            item = QListWidgetItem(text)
            item.setData(APPOINTMENT_ID_ROLE, entry.id)
            colour = PAST_HOLD_COLOUR if entry.past_hold else STATUS_COLOURS.get(entry.status)
            if colour is not None:
                item.setBackground(colour)
            self.list.addItem(item)
            if entry.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        if self.list.currentRow() < 0 and self.list.count():
            self.list.setCurrentRow(self._first_to_come())
        self.update_buttons()

    def _first_to_come(self) -> int:
        for row in range(self.list.count()):
            entry = self._entries.get(self.list.item(row).data(APPOINTMENT_ID_ROLE))
            if entry is not None and entry.status in ("reserved", "confirmed"):
                return row
        return 0

    def current_id(self) -> int:
        item = self.list.currentItem()
        return int(item.data(APPOINTMENT_ID_ROLE)) if item is not None else 0

    def mark_current(self, status: str) -> None:
        entry = self._entries.get(self.current_id())
        if entry is None or self.refusal(entry.practitioner_id):
            return  # the keys do what the greyed buttons do: nothing
        if status in ALLOWED.get(entry.status, set()):
            self._mark(entry.id, status)

    def update_buttons(self) -> None:
        """Each mark the appointment's status allows, and the role may make (else why not)."""
        entry = self._entries.get(self.current_id())
        allowed = ALLOWED.get(entry.status, set()) if entry else set()
        why = self.refusal(entry.practitioner_id) if entry else ""
        for button, status in ((self.arrived_button, "arrived"), (self.no_show_button, "no_show")):
            button.setEnabled(status in allowed and not why)
            button.setToolTip(why)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            key_event: QKeyEvent = event  # type: ignore[assignment]
            status = KEYS.get(Qt.Key(key_event.key()))
            if status is not None and not key_event.modifiers():
                self.mark_current(status)
                return True
        return super().eventFilter(watched, event)
