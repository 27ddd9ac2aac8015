"""Moving an appointment to another time from the main window: `moveAppointmentDialog`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime, QTimeZone
from PySide6.QtWidgets import (
    QDateTimeEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import SavingDialog
from app.dialogs.widgets import FieldMessage, date_format
from app.services.dto import AppointmentInfo
from app.views.clinic_format import appointment_start
from app.views.runner import plain_message

# A mover stores the new start and calls back: done(None) on success, done(error) on failure.
Mover = Callable[[datetime, Callable[[BaseException | None], None]], None]


def wall_clock(moment: datetime, zone: ZoneInfo) -> QDateTime:
    """The clinic's local date and time, held as a plain wall-clock reading.

    Kept in UTC inside Qt so the desk computer's own zone (and its daylight-saving gaps)
    never shifts or refuses a clinic time.
    """
    local = moment.astimezone(zone)
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute),
        QTimeZone.utc(),
    )


class MoveAppointmentDialog(SavingDialog):
    """Opened with open(); a refused move keeps the dialog and says why beside the time."""

    def __init__(
        self,
        appointment: AppointmentInfo,
        zone: ZoneInfo,
        region: str,
        move: Mover,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moveAppointmentDialog")
        self.setWindowTitle(self.tr("Move appointment"))
        self.appointment = appointment
        self.zone = zone
        self._move = move
        now_text = appointment_start(appointment.starts_at, zone)
        current = QLabel(
            self.tr("Now: %1 with %2")
            .replace("%1", now_text)
            .replace("%2", appointment.practitioner_name),
            self,
            objectName="moveCurrentTime",
        )
        current.setWordWrap(True)
        self.start_edit = QDateTimeEdit(self, objectName="moveStartEdit")
        self.start_edit.setDisplayFormat(f"ddd {date_format(region)} HH:mm")
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setTimeZone(QTimeZone.utc())
        self.start_edit.setDateTime(wall_clock(appointment.starts_at, zone))
        self.start_edit.setAccessibleName(self.tr("New start, clinic time"))
        self.message = FieldMessage(self, objectName="moveMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Move"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        field = QVBoxLayout()
        field.setSpacing(2)
        field.addWidget(self.start_edit)
        field.addWidget(self.message)
        form = QFormLayout()
        label = QLabel(self.tr("New &start (%1)").replace("%1", str(zone)), self)
        label.setBuddy(self.start_edit)
        form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.start_edit.setFocus()

    def new_start(self) -> datetime:
        """The chosen start as the clinic's local time (aware, in the clinic's zone)."""
        chosen = self.start_edit.dateTime()
        day, time = chosen.date(), chosen.time()
        return datetime(
            day.year(), day.month(), day.day(), time.hour(), time.minute(), tzinfo=self.zone
        )

    def submit(self) -> None:
        start = self.new_start()
        if start == self.appointment.starts_at:  # nothing to move, nothing to tell the patient
            self.reject()
            return
        self.begin_saving(self.tr("Moving\u2026"))
        self._move(start, self._moved)

    def _moved(self, error: BaseException | None) -> None:
        if self.end_saving(error):
            return
        self.message.say(plain_message(error))
        self.start_edit.setFocus()
