"""Settings page: practitioners' time off (holidays, courses, an afternoon away).

Each add or remove is stored at once through the desk's runner (there is nothing for the
dialog's Save to keep); the list reads again from the change bus, so another desk's
entries appear too. New bookings and free slots leave the time off out.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.widgets import FieldMessage, required, while_alive
from app.services.changes import Changes
from app.services.dto import Practitioner, TimeOff
from app.views.clinic_format import appointment_start
from app.views.desk import desk_for
from app.views.runner import plain_message, service

_time_off = service("time_off")
_practitioners = service("practitioners")
_settings = service("settings")

REASON_LENGTH = 200  # as the service checks it
DAYS_SHOWN = 366  # the coming year: older time off no longer matters at the desk
EDIT_FORMAT = "ddd d MMM yyyy HH:mm"


class TimeOffPanel(QWidget):
    """One practitioner's coming time off, with a form to add and a button to remove."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeOffPanel")
        self.db = db
        desk = desk_for(db)
        self.runner, self.bus = desk.runner, desk.bus
        self.zone = ZoneInfo("UTC")  # until the clinic's zone is read
        self.loading = True  # the list is being read
        self.saving = False  # an add or remove is on its way
        self._times_filled = False
        self._build()
        self.bus.changed.connect(self._on_changes)
        self.load()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.practitioner = QComboBox(objectName="timeOffPractitioner")
        self.entries = QListWidget(objectName="timeOffList")
        self.starts = QDateTimeEdit(objectName="timeOffStart", calendarPopup=True)
        self.ends = QDateTimeEdit(objectName="timeOffEnd", calendarPopup=True)
        for edit in (self.starts, self.ends):
            edit.setDisplayFormat(EDIT_FORMAT)
        self.reason = QLineEdit(objectName="timeOffReason", maxLength=REASON_LENGTH)
        self.reason.setPlaceholderText(self.tr("e.g. Holiday, Course"))
        self.add_button = QPushButton(self.tr("&Add time off"), objectName="addTimeOffButton")
        self.remove_button = QPushButton(self.tr("&Remove"), objectName="removeTimeOffButton")
        self.message = FieldMessage(objectName="timeOffMessage")

        form = QFormLayout()
        form.addRow(QLabel(required(self.tr("From"))), self.starts)
        form.addRow(QLabel(required(self.tr("Until"))), self.ends)
        form.addRow(self.tr("Reason"), self.reason)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("Practitioner"), self.practitioner)
        layout.addLayout(top)
        layout.addWidget(self.entries, 1)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.message)

        self.practitioner.currentIndexChanged.connect(lambda _i: self._load_entries())
        self.entries.itemSelectionChanged.connect(self._enable)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self._enable()

    def _enable(self) -> None:
        # A re-read of the list (another desk's change) never blocks an add or a remove.
        chosen = self.practitioner.currentData() is not None
        self.add_button.setEnabled(chosen and not self.saving)
        self.remove_button.setEnabled(bool(self.entries.selectedItems()) and not self.saving)

    # -- reading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Reads the clinic's zone, then the practitioners, then the chosen one's time off."""
        self.loading = True
        self._enable()
        self.runner.query(
            "timeOff.zone",
            _settings.get,
            self.db,
            "clinic.timezone",
            done=while_alive(self, self._zone_in),
            failed=while_alive(self, self._failed),
        )

    def _zone_in(self, zone: str) -> None:
        self.zone = ZoneInfo(zone)
        if not self._times_filled:  # a re-read never overwrites what was typed
            self._times_filled = True
            self._default_times()
        self.runner.query(
            "timeOff.practitioners",
            _practitioners.list_practitioners,
            self.db,
            False,
            done=while_alive(self, self._practitioners_in),
            failed=while_alive(self, self._failed),
        )

    def _practitioners_in(self, found: list[Practitioner]) -> None:
        keep = self.practitioner.currentData()
        self.practitioner.blockSignals(True)
        self.practitioner.clear()
        for who in found:
            name = who.name if who.active else self.tr("%1 (inactive)").replace("%1", who.name)
            self.practitioner.addItem(name, who.id)
        index = self.practitioner.findData(keep) if keep is not None else -1
        self.practitioner.setCurrentIndex(max(index, 0) if found else -1)
        self.practitioner.blockSignals(False)
        self._load_entries()

    def _load_entries(self) -> None:
        chosen = self.practitioner.currentData()
        if chosen is None:
            self._entries_in([])
            return
        self.loading = True
        self._enable()
        start = datetime.now(self.zone).replace(hour=0, minute=0, second=0, microsecond=0)
        self.runner.query(
            "timeOff.entries",
            _time_off.list_time_off,
            self.db,
            chosen,
            start,
            start + timedelta(days=DAYS_SHOWN),
            done=while_alive(self, self._entries_in),
            failed=while_alive(self, self._failed),
        )

    def _entries_in(self, found: list[TimeOff]) -> None:
        self.loading = False
        selected = [i.data(Qt.ItemDataRole.UserRole) for i in self.entries.selectedItems()]
        self.entries.clear()
        for entry in found:
            text = f"{appointment_start(entry.starts_at, self.zone)} \u2013 "
            text += appointment_start(entry.ends_at, self.zone)
            if entry.reason:
                text += f"  \u00b7  {entry.reason}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            self.entries.addItem(item)
            if entry.id in selected:  # a re-read keeps what the receptionist had chosen
                self.entries.setCurrentItem(item)
        if not found and self.practitioner.currentData() is not None:
            self.entries.addItem(self._placeholder(self.tr("No time off booked.")))
        self._enable()

    def _placeholder(self, text: str) -> QListWidgetItem:
        item = QListWidgetItem(text)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        return item

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("practitioner"):
            self.load()
        elif changes.touches("time_off"):
            self._load_entries()

    # -- changing --------------------------------------------------------------------------
    def _default_times(self) -> None:
        """A whole day tomorrow: what time off usually is."""
        tomorrow = datetime.now(self.zone).date() + timedelta(days=1)
        after = tomorrow + timedelta(days=1)
        self.starts.setDateTime(QDateTime(QDate(tomorrow), QTime(0, 0)))
        self.ends.setDateTime(QDateTime(QDate(after), QTime(0, 0)))

    def _aware(self, edit: QDateTimeEdit) -> datetime:
        """The typed wall time in the clinic's zone (the edit itself knows no zone)."""
        typed = edit.dateTime()
        day, clock = typed.date().toPython(), typed.time().toPython()
        return datetime.combine(day, clock.replace(second=0, microsecond=0), self.zone)

    def add(self) -> None:
        chosen = self.practitioner.currentData()
        if chosen is None or self.saving:
            return
        self.message.say(self.tr("Saving\u2026"), serious=False)
        self.saving = True
        self._enable()
        self.runner.write(
            _time_off.add_time_off,
            self.db,
            chosen,
            self._aware(self.starts),
            self._aware(self.ends),
            self.reason.text(),
            done=while_alive(self, self._added),
            failed=while_alive(self, self._refused),
        )

    def _added(self, entry: TimeOff) -> None:
        self.saving = False
        self.reason.clear()
        self.message.say(
            self.tr("Time off added from %1.").replace(
                "%1", appointment_start(entry.starts_at, self.zone)
            ),
            serious=False,
        )
        self._enable()

    def remove(self) -> None:
        items = self.entries.selectedItems()
        if not items or self.saving:
            return
        self.saving = True
        self._enable()
        self.runner.write(
            _time_off.remove_time_off,
            self.db,
            items[0].data(Qt.ItemDataRole.UserRole),
            done=while_alive(self, self._removed),
            failed=while_alive(self, self._refused),
        )

    def _removed(self, _nothing: None) -> None:
        self.saving = False
        self.message.say(self.tr("Time off removed."), serious=False)
        self._enable()

    def _refused(self, error: BaseException) -> None:
        self.saving = False
        self.message.say(plain_message(error))
        self._enable()

    def _failed(self, error: BaseException) -> None:
        self.loading = False
        self.message.say(plain_message(error))
        self._enable()

    def has_changes(self) -> bool:
        """Nothing waits for the dialog's Save: each add and remove is stored at once."""
        return False
