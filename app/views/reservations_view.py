"""Reservations to follow up: bookings still unconfirmed after the hold; confirm, resend, cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services import patient_link, reservations, settings
from app.services.errors import CaseDeskError
from app.services.reservations import Reservation
from app.views.appointments_model import message_label
from app.views.clinic_format import appointment_start, plural
from app.views.record_table import RecordTableModel

if TYPE_CHECKING:
    from app.db import Database

ID_ROLE = Qt.ItemDataRole.UserRole  # the appointment id
COL_WHEN, COL_PATIENT, COL_PHONE, COL_CASE, COL_PRACTITIONER, COL_WAITING, COL_MESSAGE = range(7)
HIGHLIGHT = "#fff4d6"  # the same amber as an overdue reservation in the case panel
_Index = QModelIndex | QPersistentModelIndex


class ReservationsModel(RecordTableModel[Reservation]):
    """One row per overdue reservation; every row is highlighted, the past ones in red."""

    def __init__(self, parent=None) -> None:
        headers = [
            self.tr("Appointment"),
            self.tr("Patient"),
            self.tr("Phone"),
            self.tr("Case"),
            self.tr("Practitioner"),
            self.tr("Waiting"),
            self.tr("Message"),
        ]
        super().__init__(headers, key=lambda r: r.appointment_id, parent=parent)
        self.zone = ZoneInfo("UTC")
        self.now = datetime.now(UTC)

    def set_reservations(self, rows: list[Reservation], zone: ZoneInfo, now: datetime) -> None:
        self.zone, self.now = zone, now
        self.set_records(rows)

    def reservation(self, row: int) -> Reservation | None:
        return self.record(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if role == ID_ROLE:
            return item.appointment_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            past = item.starts_at <= self.now
            return QBrush(QColor("#fde2df" if past else HIGHLIGHT))
        return None

    def _text(self, item: Reservation, column: int) -> str:
        if column == COL_WHEN:
            return appointment_start(item.starts_at, self.zone)
        if column == COL_PATIENT:
            return item.patient_name
        if column == COL_PHONE:
            return item.phone
        if column == COL_CASE:
            return item.case_code
        if column == COL_PRACTITIONER:
            return item.practitioner_name
        if column == COL_WAITING:
            return self.tr("{hours} h").format(hours=item.hours_waiting(self.now))
        return _message_text(item)


def _message_text(item: Reservation) -> str:
    if not item.email:
        return QWidget.tr("No e-mail: call or WhatsApp")
    return message_label(item.message_status)


class ReservationsView(QWidget):
    """The follow-up list. `changed` after a confirm or cancel; `resent` after a link is queued."""

    changed = Signal()
    resent = Signal(int)  # outbox message id

    def __init__(self, db: Database, parent: QWidget | None = None, load: bool = True) -> None:
        super().__init__(parent, objectName="reservationsView")
        self.db = db
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.model = ReservationsModel(self)
        self.table = QTableView(self, objectName="reservationsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_MESSAGE, QHeaderView.ResizeMode.Stretch)
        self.heading = QLabel(self, objectName="reservationsHeading")
        self.status = QLabel(self, objectName="reservationsStatus")
        self.status.setWordWrap(True)
        self.confirm_button = self._button(self.tr("&Confirm"), "reservationConfirmButton")
        self.resend_button = self._button(self.tr("&Resend link"), "reservationResendButton")
        self.whatsapp_button = self._button(
            self.tr("Open in &WhatsApp"), "reservationWhatsAppButton"
        )
        self.cancel_button = self._button(self.tr("Cancel &appointment"), "reservationCancelButton")
        self.refresh_button = self._button(self.tr("Re&fresh"), "reservationsRefresh")
        self._layout()
        self.confirm_button.clicked.connect(self.confirm_selected)
        self.resend_button.clicked.connect(self.resend_selected)
        self.whatsapp_button.clicked.connect(self.open_whatsapp)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        if load:  # a hidden dock loads when first shown, not while the window starts
            self.refresh()

    def _button(self, text: str, name: str) -> QPushButton:
        return QPushButton(text, self, objectName=name)

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (
            self.confirm_button,
            self.resend_button,
            self.whatsapp_button,
            self.cancel_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        """Reads the overdue reservations again, keeping the selection."""
        selected = self.selected_id()
        now = self.clock()
        try:
            values = settings.get_all(self.db)
            rows = reservations.to_follow_up(self.db, now=now)
        except CaseDeskError as exc:
            self.status.setText(str(exc))
            return
        self.model.set_reservations(rows, ZoneInfo(values.get("clinic.timezone") or "UTC"), now)
        self.heading.setText(
            plural(
                "ReservationsView",
                "%n reservation(s) unconfirmed for more than {hours} hours.",
                len(rows),
            ).format(hours=values.get("reservation.hold_hours", "24"))
        )
        row = self.model.row_of(selected) if selected else -1
        if row >= 0:
            self.table.selectRow(row)
        self._update_buttons()

    def selected_id(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ID_ROLE) if rows else 0

    def select(self, appointment_id: int) -> None:
        row = self.model.row_of(appointment_id)
        if row >= 0:
            self.table.selectRow(row)

    def confirm_selected(self) -> None:
        if self._run(reservations.confirm, self.tr("Confirmed.")):
            self.changed.emit()

    def cancel_selected(self) -> None:
        text = self.tr("Cancelled; the slot is free again.")
        if self._run(reservations.cancel, text):
            self.changed.emit()

    def resend_selected(self) -> None:
        resent = self._run(reservations.resend_link, "")
        if not resent:
            return
        if resent.message_id is not None:
            self.status.setText(
                self.tr("The link goes out again to {email}.").format(email=resent.message.email)
            )
            self.resent.emit(resent.message_id)
        else:
            QGuiApplication.clipboard().setText(resent.message.copy_text)
            self.status.setText(
                self.tr(
                    "No e-mail address: the message is copied. "
                    "Paste it in WhatsApp or a text message."
                )
            )
        self.changed.emit()
        self.refresh()

    def open_whatsapp(self) -> None:
        """Opens a WhatsApp chat with the patient, the message already written."""
        appointment_id = self.selected_id()
        if not appointment_id:
            return
        try:
            message = patient_link.message_for_appointment(self.db, appointment_id)
        except CaseDeskError as exc:
            self.status.setText(str(exc))
            return
        if not QDesktopServices.openUrl(QUrl(message.whatsapp_url)):
            QGuiApplication.clipboard().setText(message.copy_text)
            self.status.setText(self.tr("WhatsApp could not be opened; the message is copied."))

    def _run(self, operation, done_text: str):
        appointment_id = self.selected_id()
        if not appointment_id:
            return None
        try:
            result = operation(self.db, appointment_id)
        except CaseDeskError as exc:
            self.status.setText(str(exc))
            return None
        if done_text:
            self.status.setText(done_text)
            self.refresh()
        return result

    def _update_buttons(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        for button in (
            self.confirm_button,
            self.resend_button,
            self.whatsapp_button,
            self.cancel_button,
        ):
            button.setEnabled(chosen)
