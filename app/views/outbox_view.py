"""The Outbox view: every patient message, whether it went out, and why not; retry or cancel."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from app.services.dto import OutboxInfo
from app.services.errors import CaseDeskError
from app.services.outbox_reasons import recognise
from app.statuses import MessageStatus
from app.views.appointments_model import message_label
from app.views.clinic_format import format_moment
from app.views.record_table import RecordTableModel, RecordTableView
from app.views.runner import plain_message, service, translated

if TYPE_CHECKING:
    from app.db import Database
    from app.services.outbox import SendReport
    from app.views.outbox_sender import OutboxSender

_outbox = service("outbox")
_settings = service("settings")

ID_ROLE = Qt.ItemDataRole.UserRole
STATUS_ROLE = Qt.ItemDataRole.UserRole + 1

COL_STATE, COL_TO, COL_SUBJECT, COL_TRIES, COL_WHEN, COL_WHY = range(6)
STATE_COLOURS = {"failed": "#b3261e", "sent": "#1e6b34", "cancelled": "#6b6b6b"}
_Index = QModelIndex | QPersistentModelIndex


def state_label(status: str) -> str:
    return message_label(status)


def why_not_sent(message: OutboxInfo) -> str:
    """The stored reason (English, as every desk stores it) in this desk's language."""
    return translated(recognise(message.last_error))


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
            return why_not_sent(message) or None
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
        return why_not_sent(message)

    def _time(self, moment: datetime) -> str:
        return format_moment(moment, self.zone)


class OutboxView(RecordTableView[OutboxInfo]):
    """The list, with Retry now, Cancel, Send now and a plain-words status line.

    It reads again by itself whenever messages or the mail settings change, here
    (a retry, the sender's pass) or at another desk.
    """

    watches = ("outbox_message", "setting")

    def __init__(
        self,
        db: Database,
        sender: OutboxSender | None = None,
        parent: QWidget | None = None,
        load: bool = True,
    ) -> None:
        names = ("outboxView", "outboxTable", "outboxMailNotice", "outboxStatus", "outboxRefresh")
        super().__init__(db, OutboxModel(), names, parent)
        self.model.setParent(self)
        self.sender = sender
        self.notice = self.heading
        self.notice.hide()  # until the settings say mail is not set up
        self.retry_button = self.add_button(
            self.tr("&Retry now"), "outboxRetryButton", self.retry_selected
        )
        self.cancel_button = self.add_button(
            self.tr("&Cancel message"), "outboxCancelButton", self.cancel_selected
        )
        self.send_button = self.add_button(self.tr("&Send now"), "outboxSendButton", self.send_now)
        self.may_act = True  # the signed-in role may change messages (app/views/role_actions.py)
        if sender is not None:
            sender.passFinished.connect(self._pass_finished)
            sender.passFailed.connect(self._pass_failed)
        self.update_buttons()
        if load:  # a hidden dock reads when first shown, not while the window starts
            self.refresh()

    def read(self) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return _read_outbox, (self.db,)

    def show_answer(self, answer: tuple[dict[str, str], list[OutboxInfo]]) -> None:
        values, rows = answer
        self.model.set_messages(rows, ZoneInfo(values.get("clinic.timezone") or "UTC"))
        self.notice.setVisible(not values.get("smtp.host"))
        self.notice.setText(
            self.tr("Mail is not set up: messages wait here until a mail server is entered.")
        )

    def retry_selected(self) -> None:
        self.act(
            _outbox.retry_now,
            self.tr("Message #{id} will be tried now."),
            then=lambda _message: self.sender.send_now() if self.sender is not None else None,
        )

    def cancel_selected(self) -> None:
        self.act(_outbox.cancel, self.tr("Message #{id} is cancelled and will not be sent."))

    def send_now(self) -> None:
        if self.sender is not None:
            self.status.setText(self.tr("Sending…"))
            self.sender.send_now()

    def update_buttons(self) -> None:
        message = self.selected_record()
        waiting = message is not None and message.status in (
            MessageStatus.PENDING,
            MessageStatus.FAILED,
        )
        self.retry_button.setEnabled(
            self.may_act
            and (waiting or (message is not None and message.status == MessageStatus.CANCELLED))
        )
        self.cancel_button.setEnabled(self.may_act and waiting)
        self.send_button.setEnabled(self.may_act and self.sender is not None)

    def _pass_finished(self, report: SendReport) -> None:
        # The list itself follows from the change bus: the pass's writes are announced.
        if report.attempts:
            self.status.setText(
                self.tr("Sent {sent}, failed {failed}; {waiting} waiting.").format(
                    sent=report.sent, failed=report.failed, waiting=report.waiting
                )
            )

    def show_failure(self, error: BaseException) -> None:
        """Retry or Cancel refused (the message is already on its way), in the desk's language."""
        said = error.args[0] if isinstance(error, CaseDeskError) and len(error.args) == 1 else None
        if isinstance(said, str):
            self.status.setText(translated(recognise(said)))
        else:
            self.status.setText(plain_message(error))

    def _pass_failed(self, text: str) -> None:
        self.status.setText(self.tr("The sender could not run: {why}").format(why=text))


def _read_outbox(db: Database) -> tuple[dict[str, str], list[OutboxInfo]]:
    """On a worker: the clinic's settings (time zone, mail set up?) and the messages."""
    return _settings.get_all(db), _outbox.list_messages(db)
