"""Reservations to follow up: bookings still unconfirmed after the hold; confirm, resend, cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QWidget

from app.views.appointments_model import message_label
from app.views.clinic_format import appointment_start, counted, referral_text
from app.views.record_table import RecordTableModel, RecordTableView
from app.views.runner import service

if TYPE_CHECKING:
    from app.db import Database
    from app.services.dto import ExpiringReferral
    from app.services.patient_link import PatientMessage
    from app.services.reservations import Resent, Reservation

_patient_link = service("patient_link")
_referrals = service("referrals")
_reservations = service("reservations")
_settings = service("settings")

ID_ROLE = Qt.ItemDataRole.UserRole  # the appointment id
COL_WHEN, COL_PATIENT, COL_PHONE, COL_CASE, COL_PRACTITIONER, COL_WAITING, COL_MESSAGE = range(7)
CLOCK_MS = 60_000  # how often the list is read again for the time that has passed
HIGHLIGHT = "#fff4d6"  # the same amber as an overdue reservation in the case panel
_Index = QModelIndex | QPersistentModelIndex


class ReservationsModel(RecordTableModel["Reservation"]):
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


class ReservationsView(RecordTableView["Reservation"]):
    """The follow-up list: confirm, resend the link, WhatsApp, cancel. `resent` after a link
    is queued again (the window's sender sends it at once).

    It reads again by itself whenever appointments, their messages, patients or the
    settings change, here or at another desk.
    """

    watches = ("appointment", "outbox_message", "patient", "case_file", "practitioner", "setting")
    resent = Signal(int)  # outbox message id

    def __init__(self, db: Database, parent: QWidget | None = None, load: bool = True) -> None:
        names = (
            "reservationsView",
            "reservationsTable",
            "reservationsHeading",
            "reservationsStatus",
            "reservationsRefresh",
        )
        super().__init__(db, ReservationsModel(), names, parent)
        self.model.setParent(self)
        self.clock: Callable[[], datetime] = lambda: datetime.now(UTC)
        self.confirm_button = self.add_button(
            self.tr("&Confirm"), "reservationConfirmButton", self.confirm_selected
        )
        self.resend_button = self.add_button(
            self.tr("&Resend link"), "reservationResendButton", self.resend_selected
        )
        self.whatsapp_button = self.add_button(
            self.tr("Open in &WhatsApp"), "reservationWhatsAppButton", self.open_whatsapp
        )
        self.cancel_button = self.add_button(
            self.tr("Cancel &appointment"), "reservationCancelButton", self.cancel_selected
        )
        # What the signed-in role may do here (app/views/role_actions.py): button -> allowed.
        self.allowed: dict[QWidget, bool] = {}
        # Why the role may not confirm in a practitioner's book ("" when it may): role_actions.
        self.refusal: Callable[[int], str] = lambda _practitioner_id: ""
        # A reservation crosses the hold as time passes, with nothing written to announce it.
        self.ticker = QTimer(self, interval=CLOCK_MS)
        self.ticker.timeout.connect(self.outdated)
        self.ticker.start()
        self.update_buttons()
        if load:  # a hidden dock reads when first shown, not while the window starts
            self.refresh()

    def read(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return _read_reservations, (self.db, self.clock())

    def show_answer(self, answer: tuple[dict[str, str], list[Reservation], datetime]) -> None:
        values, rows, now = answer
        self.model.set_reservations(rows, ZoneInfo(values.get("clinic.timezone") or "UTC"), now)
        self.heading.setText(
            counted(
                self.tr(
                    "%n reservation(s) unconfirmed for more than {hours} hours.", "", len(rows)
                ),
                len(rows),
            ).format(hours=values.get("reservation.hold_hours", "24"))
        )

    def confirm_selected(self) -> None:
        self.act(_reservations.confirm, self.tr("Confirmed."))

    def cancel_selected(self) -> None:
        self.act(_reservations.cancel, self.tr("Cancelled; the slot is free again."))

    def resend_selected(self) -> None:
        self.act(_reservations.resend_link, then=self._resent)

    def _resent(self, resent: Resent) -> None:
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

    def open_whatsapp(self) -> None:
        """Opens a WhatsApp chat with the patient, the message already written."""
        appointment_id = self.selected_id()
        if not appointment_id:
            return
        self.runner.query(
            f"{self.topic}-whatsapp",
            _patient_link.message_for_appointment,
            self.db,
            appointment_id,
            done=self._whatsapp,
            failed=self.show_failure,
        )

    def _whatsapp(self, message: PatientMessage) -> None:
        if not QDesktopServices.openUrl(QUrl(message.whatsapp_url)):
            QGuiApplication.clipboard().setText(message.copy_text)
            self.status.setText(self.tr("WhatsApp could not be opened; the message is copied."))

    def update_buttons(self) -> None:
        chosen = self.selected_record()
        for button in (
            self.confirm_button,
            self.resend_button,
            self.whatsapp_button,
            self.cancel_button,
        ):
            button.setEnabled(chosen is not None and self.allowed.get(button, True))
        # Confirming is a status change: a practitioner confirms in their own book only.
        why = self.refusal(chosen.practitioner_id) if chosen is not None else ""
        if why:
            self.confirm_button.setEnabled(False)
        self.confirm_button.setToolTip(why)


def _read_reservations(
    db: Database, now: datetime
) -> tuple[dict[str, str], list[Reservation], datetime]:
    """On a worker: the clinic's settings (time zone, hold) and the overdue reservations."""
    return _settings.get_all(db), _reservations.to_follow_up(db, now=now), now


EXPIRING_DAYS = 14


class ExpiringReferralsModel(RecordTableModel["ExpiringReferral"]):
    """One row per open case whose referral runs out soon: case ID, patient, "4/6 used"."""

    def __init__(self, parent=None) -> None:
        headers = [self.tr("Case"), self.tr("Patient"), self.tr("Referral")]
        super().__init__(headers, key=lambda r: r.case_id, parent=parent)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        item = self.record_at(index)
        if item is None:
            return None
        if role == ID_ROLE:
            return item.case_id
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return item.case_code
            return item.patient_name if column == 1 else referral_text(item.usage)
        return None


class ExpiringReferralsView(RecordTableView["ExpiringReferral"]):
    """Referrals running out within 14 days; a double click opens the patient with the case."""

    watches = ("appointment", "case_file", "patient", "setting")
    openCase = Signal(int, int, str)  # noqa: N815 - Qt naming: patient id, case id, case ID

    def __init__(self, db: Database, parent: QWidget | None = None, load: bool = True) -> None:
        names = (
            "expiringReferralsView",
            "expiringReferralsTable",
            "expiringReferralsHeading",
            "expiringReferralsStatus",
            "expiringReferralsRefresh",
        )
        super().__init__(db, ExpiringReferralsModel(), names, parent)
        self.model.setParent(self)
        self.table.doubleClicked.connect(self._open)
        if load:
            self.refresh()

    def read(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return _referrals.expiring, (self.db, None, EXPIRING_DAYS)

    def show_answer(self, answer: list[ExpiringReferral]) -> None:
        self.model.set_records(answer)
        self.heading.setText(
            counted(self.tr("%n referral(s) expiring in 14 days.", "", len(answer)), len(answer))
        )

    def _open(self, index: QModelIndex) -> None:
        item = self.model.record_at(index)
        if item is not None:
            self.openCase.emit(item.patient_id, item.case_id, item.case_code)
