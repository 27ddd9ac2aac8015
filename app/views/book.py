"""The appointment book tab: the day (or one practitioner's week), and today at the desk.

Reads through the desk's runner (topic "book"; today's list "book-today" when another
day is shown) and reads again when the change bus says appointments, practitioners
or the shown patients changed. It holds only the book of the days shown.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.services.changes import Changes
from app.services.dto import BookEntry, DayBook, WeekBook
from app.views.book_actions import BookActions
from app.views.desk import desk_for
from app.views.runner import plain_message, service
from app.views.schedule_view import ScheduleView
from app.views.today_desk import TodayAtDesk

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

_schedule = service("schedule")
_settings = service("settings")
TOUCHES_BOOK = ("appointment", "practitioner", "time_off", "setting")


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class BookPanel(QWidget):
    """`bookShown` after each book read is on screen (tests and benchmarks wait for it)."""

    bookShown = Signal()

    def __init__(self, window: MainWindow, db) -> None:
        super().__init__(window)
        self.setObjectName("bookPanel")
        self.window_ = window
        self.db = db
        desk = desk_for(db)
        self.runner, self.bus = desk.runner, desk.bus
        self.book: DayBook | WeekBook | None = None
        self.today_book: DayBook | None = None
        self._date_touched = False
        self._stale = True  # read when next shown
        self.view = ScheduleView(self)
        self.model = self.view.book_model
        self.today = TodayAtDesk(self.mark, self)
        self.actions = BookActions(self, window, db)
        self._build()
        self.view.opened.connect(self.open_index)
        self.view.customContextMenuRequested.connect(self.actions.menu_at)
        self.model.moveRequested.connect(self.actions.move)
        self.bus.changed.connect(self._on_changes)
        window.installEventFilter(self)  # the clinic's today is read once the window has painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window_ and event.type() == QEvent.Type.Paint:
            self.window_.removeEventFilter(self)
            self.runner.query(
                "book-zone", _settings.get, self.db, "clinic.timezone", done=self._zone_in
            )
        return False

    def _zone_in(self, timezone: str) -> None:
        """`scheduleDate` starts on today in the clinic's zone, not the PC's."""
        try:
            today = datetime.now(ZoneInfo(timezone)).date()
        except (ValueError, KeyError):
            return
        if not self._date_touched and self.book is None and today != self.shown_day():
            self.date.blockSignals(True)
            self.date.setDate(_qdate(today))
            self.date.blockSignals(False)

    def _build(self) -> None:
        self.today_button = QPushButton(self.tr("&Today"), self, objectName="scheduleToday")
        self.previous_button = QToolButton(self, objectName="schedulePrevious", text="◀")
        self.next_button = QToolButton(self, objectName="scheduleNext", text="▶")
        self.previous_button.setToolTip(self.tr("Previous day (Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next day (Alt+Right)"))
        self.previous_button.setShortcut("Alt+Left")
        self.next_button.setShortcut("Alt+Right")
        self.date = QDateEdit(self, objectName="scheduleDate", calendarPopup=True)
        self.date.setDisplayFormat("ddd d MMM yyyy")
        self.date.setDate(_qdate(self._today()))
        self.week_button = QToolButton(self, objectName="scheduleWeek", checkable=True)
        self.week_button.setText(self.tr("&Week of"))
        self.week_button.setToolTip(self.tr("One practitioner's week"))
        self.practitioner = QComboBox(self, objectName="schedulePractitioner")
        self.practitioner.setEnabled(False)
        self.practitioner.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.practitioner.setMinimumContentsLength(14)  # a whole name, not "Lipika Bh"
        self.status = QLabel(self, objectName="scheduleStatus")
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.today_button, self.previous_button, self.date, self.next_button):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.week_button)
        bar.addWidget(self.practitioner)
        bar.addSpacing(12)
        bar.addWidget(self.status, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.today)
        self.splitter.setStretchFactor(0, 5)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1000, 230])
        self.splitter.setChildrenCollapsible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.today_button.clicked.connect(self.go_today)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.date.dateChanged.connect(self._date_changed)
        self.week_button.toggled.connect(self._week_toggled)
        self.practitioner.activated.connect(lambda _i: self.reload())

    # --- where the book is ----------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.book.timezone) if self.book else self.window_.zone

    def _today(self) -> date:
        return datetime.now(self.window_.zone if not self.book else self.zone).date()

    def shown_day(self) -> date:
        return self.date.date().toPython()

    def in_week_mode(self) -> bool:
        return self.week_button.isChecked() and self.practitioner.currentData() is not None

    def go_today(self) -> None:
        self._set_day(self._today())

    def step(self, direction: int) -> None:
        days = 7 if self.week_button.isChecked() else 1
        self._set_day(self.shown_day() + timedelta(days=days * direction))

    def _set_day(self, day: date) -> None:
        self._date_touched = True
        if day == self.shown_day():
            self.reload()
        else:
            self.date.setDate(_qdate(day))  # reads through _date_changed

    def _date_changed(self, _date: QDate) -> None:
        self._date_touched = True
        self.reload()

    def _week_toggled(self, on: bool) -> None:
        self.practitioner.setEnabled(on)
        if on and self.book is not None and isinstance(self.book, DayBook):
            column = max(self.view.currentIndex().column(), 0)
            if column < len(self.book.practitioners):
                self.practitioner.setCurrentIndex(column)
        self.reload()

    # --- reading ---------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Reads the shown day (or week) off the UI thread; today's list with it."""
        self._stale = False
        day = self.shown_day()
        self.status.setText(self.tr("Reading…"))
        if self.in_week_mode():
            pid = int(self.practitioner.currentData())
            self.runner.query(
                "book", _schedule.week, self.db, pid, day, done=self._week_in, failed=self._failed
            )
        else:
            self.runner.query(
                "book", _schedule.day, self.db, day, done=self._day_in, failed=self._failed
            )
        if self.in_week_mode() or day != self._today():
            self.runner.query(
                "book-today", _schedule.day, self.db, self._today(), done=self._today_in
            )

    def _failed(self, error: BaseException) -> None:
        self.status.setText(plain_message(error))

    def _day_in(self, book: DayBook) -> None:
        if self.in_week_mode():
            return  # switched to the week meanwhile; its answer is on its way
        today = datetime.now(ZoneInfo(book.timezone)).date()
        if not self._date_touched and book.day != today:
            self.book = book  # the clinic's zone is known now: its today is the start
            self.date.blockSignals(True)
            self.date.setDate(_qdate(today))
            self.date.blockSignals(False)
            self.reload()
            return
        keep = self._current_place()
        self.book = book
        self._fill_practitioners(book)
        self.model.show_day(book)
        if book.day == today:
            self._today_in(book)
        self._after_fill(keep, len(book.appointments))

    def _week_in(self, book: WeekBook) -> None:
        if not self.in_week_mode():
            return
        keep = self._current_place()
        self.book = book
        self.model.show_week(book)
        self._after_fill(keep, len(book.appointments))

    def _today_in(self, book: DayBook) -> None:
        self.today_book = book
        self.today.show_day(book, ZoneInfo(book.timezone))

    def _fill_practitioners(self, book: DayBook) -> None:
        chosen = self.practitioner.currentData()
        self.practitioner.blockSignals(True)
        self.practitioner.clear()
        for p in book.practitioners:
            self.practitioner.addItem(p.name, p.id)
        found = self.practitioner.findData(chosen)
        self.practitioner.setCurrentIndex(max(found, 0))
        self.practitioner.blockSignals(False)

    def _current_place(self) -> tuple[int, int, int]:
        index = self.view.currentIndex()
        entry = self.model.entry(index)
        return (entry.id if entry else 0, index.row(), index.column())

    def _after_fill(self, keep: tuple[int, int, int], count: int) -> None:
        appointment_id, row, column = keep
        found = self.model.index_of(appointment_id) if appointment_id else QModelIndex()
        if found.isValid():
            self.view.setCurrentIndex(found)
        elif row >= 0 and column >= 0:
            self.view.setCurrentIndex(self.model.index(row, column))
        else:
            self.view.show_slot(self._first_working_row(), self._own_column())
        from app.views.clinic_format import appointments_count

        self.status.setText(appointments_count(count))
        self.bookShown.emit()

    def _own_column(self) -> int:
        """A practitioner's account opens the day on their own column (else the first)."""
        own = getattr(self.db.signed_in, "practitioner_id", None)
        for column, shown in enumerate(self.model.columns if own else ()):
            if getattr(shown, "practitioner_id", None) == own:
                return column
        return 0

    def _first_working_row(self) -> int:
        book = self.book
        if book is None or not book.working:
            return 0
        return self.model.row_of_time(min(s.starts_at for s in book.working))

    def _on_changes(self, changes: Changes) -> None:
        """Reads again when this book may show something else now."""
        if not (changes.touches(*TOUCHES_BOOK) or self._shows_a_patient_of(changes)):
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def _shows_a_patient_of(self, changes: Changes) -> bool:
        shown = [*(self.book.appointments if self.book else ())]
        shown += self.today_book.appointments if self.today_book else ()
        return any(changes.touches_patient(e.patient_id) for e in shown)

    # --- acting --------------------------------------------------------------------------

    def open_index(self, index: QModelIndex) -> None:
        """A free slot opens the booking wizard there; an appointment opens its patient."""
        entry = self.model.entry(index)
        if entry is not None:
            self.actions.open_patient(entry)
            return
        start = self.model.start(index)
        if start is not None:
            self.actions.book_at(self.model.columns[index.column()].practitioner_id, start)

    def mark(self, appointment_id: int, status: str) -> None:
        self.actions.set_status(appointment_id, status)

    def entry_by_id(self, appointment_id: int) -> BookEntry | None:
        for book in (self.book, self.today_book):
            for entry in book.appointments if book else ():
                if entry.id == appointment_id:
                    return entry
        return None


def install_book(window: MainWindow, db) -> BookPanel:
    """Puts the book in a tab beside the patients (`bookTabs`); the patients stay first."""
    layout = window.centralWidget().layout()
    tabs = QTabWidget(window, objectName="bookTabs")
    tabs.setDocumentMode(True)
    at = layout.indexOf(window.splitter)
    layout.removeWidget(window.splitter)
    tabs.addTab(window.splitter, QCoreApplication.translate("MainWindow", "&Patients"))
    panel = BookPanel(window, db)
    tabs.addTab(panel, QCoreApplication.translate("MainWindow", "Appointment &book"))
    layout.insertWidget(at, tabs, 1)
    panel.tabs = tabs
    return panel
