"""The appointments of one case, for `caseAppointments`."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from app import statuses
from app.services.dto import AppointmentInfo
from app.views.clinic_format import appointment_start

# Amber, as on the Reservations to follow up list.
FOLLOW_UP_COLOUR = QColor("#fff4d6")

COL_WHEN, COL_PRACTITIONER, COL_KIND, COL_STATUS, COL_MESSAGE = range(5)
APPOINTMENT_ID_ROLE = Qt.ItemDataRole.UserRole

Index = QModelIndex | QPersistentModelIndex


def _t(text: str) -> str:
    return QCoreApplication.translate("AppointmentsModel", text)


def kind_label(kind: str) -> str:
    return {
        "initial": QCoreApplication.translate("AppointmentsModel", "Initial assessment"),
        "follow_up": QCoreApplication.translate("AppointmentsModel", "Follow-up"),
    }.get(kind, kind)


def status_label(status: str) -> str:
    return QCoreApplication.translate("Status", statuses.appointment_label(status))


def message_label(status: str | None, has_email: bool = False) -> str:
    """How the patient's link message is doing (see app/statuses.py)."""
    return QCoreApplication.translate("Status", statuses.message_label(status, has_email))


def clinic_time(moment, zone: ZoneInfo) -> str:
    """'Tue 12 Mar 2025, 10:30' in the clinic's time zone (clinic_format.appointment_start)."""
    return appointment_start(moment, zone)


class AppointmentsModel(QAbstractTableModel):
    """One row per appointment: time (clinic zone), practitioner, type, status, message."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[AppointmentInfo] = []
        self._zone = ZoneInfo("UTC")

    def set_appointments(self, rows: tuple[AppointmentInfo, ...] | list, zone: ZoneInfo) -> None:
        self.beginResetModel()
        self._rows, self._zone = list(rows), zone
        self.endResetModel()

    def appointment(self, row: int) -> AppointmentInfo | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, appointment_id: int) -> int:
        return next((i for i, a in enumerate(self._rows) if a.id == appointment_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else 5

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        appt = self._rows[index.row()]
        if role == APPOINTMENT_ID_ROLE:
            return appt.id
        if appt.needs_follow_up and role == Qt.ItemDataRole.BackgroundRole:
            return FOLLOW_UP_COLOUR
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [appt.notes] if appt.notes else []
            if appt.needs_follow_up:
                tips.append(
                    QCoreApplication.translate(
                        "AppointmentsModel",
                        "Reserved and not confirmed within the hold: follow up.",
                    )
                )
            return "\n".join(tips) or None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        column = index.column()
        if column == COL_WHEN:
            return clinic_time(appt.starts_at, self._zone)
        if column == COL_PRACTITIONER:
            return appt.practitioner_name
        if column == COL_KIND:
            return kind_label(appt.kind)
        if column == COL_STATUS:
            return status_label(appt.status)
        return message_label(appt.message_status, appt.patient_has_email)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Date and time"),
            self.tr("Practitioner"),
            self.tr("Type"),
            self.tr("Status"),
            self.tr("Message"),
        )
        return titles[section] if 0 <= section < len(titles) else None
