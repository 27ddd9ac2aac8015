"""The Outbox view: every patient message, whether it went out, and why not; retry or cancel."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
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

from app.services import outbox, settings
from app.services.dto import OutboxInfo
from app.services.errors import CaseDeskError
from app.views.appointments_model import message_label
from app.views.clinic_format import format_moment
from app.views.record_table import RecordTableModel

if TYPE_CHECKING:
    from app.db import Database
    from app.views.outbox_sender import OutboxSender

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1

COL_STATE, COL_TO, COL_SUBJECT, COL_TRIES, COL_WHEN, COL_WHY = range(6)
STATE_COLOURS = {"failed": "#b3261e", "sent": "#1e6b34", "cancelled": "#6b6b6b"}
_Index = QModelIndex | QPersistentModelIndex


def state_label(status: str) -> str:
    return message_label(status)


class OutboxModel(RecordTableModel[OutboxInfo]):
    """Messages newest first; `ID_ROLE` gives the message id, `STATUS_ROLE` its raw status."""

    def __init__(self, parent=None) -> None:
        headers = [
            self.tr("State"),
            self.tr("To"),
            self.tr("Subject"),
            self.tr("Tries"),
            self.tr("Next try / sent"),
            self.tr("Why"),
        ]
        super().__init__(headers, key=lambda m: m.id, parent=parent)
        self.zone = ZoneInfo("UTC")

    def set_messages(self, rows: list[OutboxInfo], zone: ZoneInfo) -> None:
        self.zone = zone
        self.set_records(rows)

    def message(self, row: int) -> OutboxInfo | None:
        return self.record(row)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        message = self._rows[index.row()]
        if role == ID_ROLE:
            return message.id
        if role == STATUS_ROLE:
            return message.status
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(message, index.column())
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == COL_WHY:
            return message.last_error or None
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == COL_STATE:
            colour = STATE_COLOURS.get(message.status)
            return QBrush(QColor(colour)) if colour else None
        return None

    def _text(self, message: OutboxInfo, column: int) -> str:
        if column == COL_STATE:
            return state_label(message.status)
        if column == COL_TO:
            return message.recipient
        if column == COL_SUBJECT:
            return message.subject
        if column == COL_TRIES:
            return str(message.attempts)
        if column == COL_WHEN:
            if message.status == "sent" and message.sent_at:
                return self._time(message.sent_at)
            if message.status in ("pending", "failed"):
                return self._time(message.next_attempt_at)
            return ""
        return message.last_error or ""

    def _time(self, moment: datetime) -> str:
        return format_moment(moment, self.zone)


class OutboxView(QWidget):
    """The list, with Retry now, Cancel, Send now and a plain-words status line."""

    changed = Signal()  # a message was retried or cancelled here

    def __init__(
        self,
        db: Database,
        sender: OutboxSender | None = None,
        parent: QWidget | None = None,
        load: bool = True,
    ) -> None:
        super().__init__(parent, objectName="outboxView")
        self.db = db
        self.sender = sender
        self.model = OutboxModel(self)
        self.table = QTableView(self, objectName="outboxTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(COL_WHY, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(False)
        self.retry_button = QPushButton(self.tr("&Retry now"), self, objectName="outboxRetryButton")
        self.cancel_button = QPushButton(
            self.tr("&Cancel message"), self, objectName="outboxCancelButton"
        )
        self.send_button = QPushButton(self.tr("&Send now"), self, objectName="outboxSendButton")
        self.refresh_button = QPushButton(self.tr("Re&fresh"), self, objectName="outboxRefresh")
        self.notice = QLabel(self, objectName="outboxMailNotice")
        self.notice.setWordWrap(True)
        self.status = QLabel(self, objectName="outboxStatus")
        self.status.setWordWrap(True)
        self._layout()
        self.retry_button.clicked.connect(self.retry_selected)
        self.cancel_button.clicked.connect(self.cancel_selected)
        self.send_button.clicked.connect(self.send_now)
        self.refresh_button.clicked.connect(self.refresh)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.send_button.setEnabled(sender is not None)
        if sender is not None:
            sender.passFinished.connect(self._pass_finished)
            sender.passFailed.connect(self._pass_failed)
        self._update_buttons()
        if load:  # a hidden dock loads when first shown, not while the window starts
            self.refresh()

    def _layout(self) -> None:
        buttons = QHBoxLayout()
        for button in (self.retry_button, self.cancel_button, self.send_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.notice)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        """Reads the outbox again, keeping the selected message selected."""
        selected = self.selected_id()
        try:
            values = settings.get_all(self.db)
            rows = outbox.list_messages(self.db)
        except CaseDeskError as exc:
            self.status.setText(str(exc))
            return
        self.model.set_messages(rows, ZoneInfo(values.get("clinic.timezone") or "UTC"))
        self.select(selected)
        self.notice.setVisible(not values.get("smtp.host"))
        self.notice.setText(
            self.tr("Mail is not set up: messages wait here until a mail server is entered.")
        )
        self._update_buttons()

    def selected_id(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return self.model.data(rows[0], ID_ROLE) if rows else 0

    def select(self, message_id: int) -> None:
        row = self.model.row_of(message_id) if message_id else -1
        if row >= 0:
            self.table.selectRow(row)

    def retry_selected(self) -> None:
        self._act(outbox.retry_now, self.tr("Message #{id} will be tried now."))
        if self.sender is not None:
            self.sender.send_now()

    def cancel_selected(self) -> None:
        self._act(outbox.cancel, self.tr("Message #{id} is cancelled and will not be sent."))

    def send_now(self) -> None:
        if self.sender is not None:
            self.status.setText(self.tr("Sending…"))
            self.sender.send_now()

    def _act(self, operation, done_text: str) -> None:
        message_id = self.selected_id()
        if not message_id:
            return
        try:
            operation(self.db, message_id)
        except CaseDeskError as exc:
            self.status.setText(str(exc))
        else:
            self.status.setText(done_text.format(id=message_id))
            self.changed.emit()
        self.refresh()

    def _update_buttons(self) -> None:
        message = self.model.message(self.table.currentIndex().row())
        if not self.table.selectionModel().selectedRows():
            message = None
        waiting = message is not None and message.status in ("pending", "failed")
        self.retry_button.setEnabled(
            message is not None and message.status in ("pending", "failed", "cancelled")
        )
        self.cancel_button.setEnabled(waiting)

    def _pass_finished(self, report: outbox.SendReport) -> None:
        if report.attempts:
            self.status.setText(
                self.tr("Sent {sent}, failed {failed}; {waiting} waiting.").format(
                    sent=report.sent, failed=report.failed, waiting=report.waiting
                )
            )
        if report.attempts or self.isVisible():  # an idle pass changes nothing worth a read
            self.refresh()

    def _pass_failed(self, text: str) -> None:
        self.status.setText(self.tr("The sender could not run: {why}").format(why=text))
