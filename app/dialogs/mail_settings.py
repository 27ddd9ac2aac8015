"""The mail page of the settings dialog: server, sender, the message templates, a test message.

Everything that reads, stores, checks or sends runs on the desk's runner, so the
page never waits on the database or the mail server; answers arrive as signals.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.errors import CaseDeskError, ValidationError
from app.services.messages import PLACEHOLDERS
from app.views.desk import desk_for
from app.views.runner import plain_message, service, translated

if TYPE_CHECKING:
    from app.db import Database
    from app.services.messages import Message

log = logging.getLogger(__name__)

_mail = service("mail")
_messages = service("messages")
_settings = service("settings")
_pages = itertools.count(1)

FIELDS = {  # setting key -> objectName of its editor
    "smtp.host": "smtpHost",
    "smtp.port": "smtpPort",
    "smtp.security": "smtpSecurity",
    "smtp.username": "smtpUsername",
    "smtp.password": "smtpPassword",
    "smtp.sender": "smtpSender",
    "message.subject": "messageSubject",
    "message.body": "messageBody",
}
SECURITY = (
    ("starttls", QT_TRANSLATE_NOOP("MailSettingsPage", "STARTTLS (port 587)")),
    ("tls", QT_TRANSLATE_NOOP("MailSettingsPage", "TLS (port 465)")),
    ("none", QT_TRANSLATE_NOOP("MailSettingsPage", "None")),
)


def _while_alive(owner: QObject, fn: Callable[[Any], None]) -> Callable[[Any], None]:
    """`fn`, skipped once `owner` is gone: a test message may outlive its closed dialog."""

    def call(value: Any) -> None:
        if shiboken6.isValid(owner):
            fn(value)

    return call


class MailSettingsPage(QWidget):
    """Edits the `smtp.*` and `message.*` settings; `save()` validates and stores them.

    The stored values arrive after the page is built (`loaded`; the editors are
    disabled until then, so nothing typed is overwritten). `save()` only starts the
    save: `saved` follows once everything is stored, `saveFailed(text)` when nothing
    was (the field named and focused, what was typed left as it was).
    """

    loaded = Signal()
    saved = Signal()
    saveFailed = Signal(str)
    testFinished = Signal(str, bool)

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="mailSettingsPage")
        self.db = db
        self.runner = desk_for(db).runner
        self._topic = f"mail-settings-{next(_pages)}"
        self.editors: dict[str, QWidget] = {}
        self._zone, self._clinic, self._link = "UTC", "", "https://example.com/{token}"
        self.is_loaded = False
        self.saving = False
        self._build()
        self.load()

    # --- building -----------------------------------------------------------------------

    def _line(self, key: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self, objectName=FIELDS[key])
        edit.setPlaceholderText(placeholder)
        self.editors[key] = edit
        return edit

    def _build(self) -> None:
        server = QGroupBox(self.tr("Outgoing mail server"), self)
        form = QFormLayout(server)
        form.addRow(self.tr("Server"), self._line("smtp.host", "smtp.example.com"))
        form.addRow(self.tr("Port"), self._line("smtp.port", "587"))
        security = QComboBox(self, objectName=FIELDS["smtp.security"])
        for value, label in SECURITY:
            security.addItem(self.tr(label), value)
        self.editors["smtp.security"] = security
        form.addRow(self.tr("Security"), security)
        form.addRow(self.tr("User name"), self._line("smtp.username"))
        password = self._line("smtp.password")
        password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("Password"), password)
        form.addRow(self.tr("Sender address"), self._line("smtp.sender", "desk@clinic.example"))

        message = QGroupBox(self.tr("Message to the patient"), self)
        message_form = QFormLayout(message)
        message_form.addRow(self.tr("Subject"), self._line("message.subject"))
        body = QPlainTextEdit(self, objectName=FIELDS["message.body"])
        self.editors["message.body"] = body
        message_form.addRow(self.tr("Text"), body)
        hint = QLabel(
            self.tr("Placeholders: ") + ", ".join("{" + p + "}" for p in PLACEHOLDERS), self
        )
        hint.setWordWrap(True)
        message_form.addRow("", hint)
        self.preview = QPlainTextEdit(self, objectName="messagePreview")
        self.preview.setReadOnly(True)
        message_form.addRow(self.tr("Preview"), self.preview)

        self.test_to = QLineEdit(self, objectName="testRecipient")
        self.test_to.setPlaceholderText(self.tr("your address, to receive the test"))
        self.test_button = QPushButton(self.tr("Send &test message"), self)
        self.test_button.setObjectName("sendTestButton")
        self.test_result = QLabel(self, objectName="testResult")
        self.test_result.setWordWrap(True)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_to, 1)
        test_row.addWidget(self.test_button)

        self.error = QLabel(self, objectName="mailSettingsError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        layout = QVBoxLayout(self)
        layout.addWidget(server)
        layout.addWidget(message, 1)
        layout.addLayout(test_row)
        layout.addWidget(self.test_result)
        layout.addWidget(self.error)

        self.editors["message.subject"].textChanged.connect(self.update_preview)
        body.textChanged.connect(self.update_preview)
        self.test_button.clicked.connect(self.send_test)

    # --- values ---------------------------------------------------------------------------

    def load(self) -> None:
        """Reads the stored settings off the UI thread and shows them."""
        self._set_editable(False)
        self.runner.query(
            f"{self._topic}-load",
            _settings.get_all,
            self.db,
            done=_while_alive(self, self._show_stored),
            failed=_while_alive(self, lambda error: self.error.setText(plain_message(error))),
        )

    def _show_stored(self, stored: dict[str, str]) -> None:
        self._zone = stored.get("clinic.timezone", "UTC")
        self._clinic = stored.get("clinic.name", "")
        self._link = stored.get("link.template", "https://example.com/{token}")
        for key, editor in self.editors.items():
            value = stored.get(key, "")
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value)))
            elif isinstance(editor, QPlainTextEdit):
                editor.setPlainText(value)
            else:
                editor.setText(value)
        self._set_editable(True)
        self.is_loaded = True
        self.update_preview()
        self.loaded.emit()

    def _set_editable(self, editable: bool) -> None:
        for editor in self.editors.values():
            editor.setEnabled(editable)

    def values(self) -> dict[str, str]:
        """What is typed now, by setting key (not yet validated)."""
        result = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QPlainTextEdit):
                result[key] = editor.toPlainText()
            else:
                result[key] = editor.text()
        return result

    def save(self) -> bool:
        """Starts storing everything in one go, off the UI thread; True when it started
        (False while a save is still on its way). The outcome is `saved`, or `saveFailed`
        with a bad value named and focused and nothing stored."""
        if self.saving:
            return False
        self.saving = True
        self.runner.write(
            _settings.set_many,
            self.db,
            self.values(),
            done=_while_alive(self, self._stored),
            failed=_while_alive(self, self._not_stored),
        )
        return True

    def _stored(self, _clean: dict[str, str]) -> None:
        self.saving = False
        self.error.clear()
        self.saved.emit()

    def _not_stored(self, error: BaseException) -> None:
        self.saving = False
        if isinstance(error, ValidationError):
            self._show_error(error)
        else:
            self.error.setText(plain_message(error))
        self.saveFailed.emit(self.error.text())

    def _show_error(self, exc: ValidationError) -> None:
        self.error.setText(plain_message(exc))
        editor = self.editors.get(exc.field)
        if editor is not None:
            editor.setFocus()

    # --- preview and test -------------------------------------------------------------------

    def update_preview(self) -> None:
        """Fills the templates with a sample patient, as they would be sent now (checked and
        filled on a worker; only the answer to the newest keystroke is shown)."""
        values = self.values()
        self.runner.query(
            f"{self._topic}-preview",
            partial(_messages.sample, clinic=self._clinic, timezone=self._zone),
            values["message.subject"],
            values["message.body"],
            self._link,
            done=_while_alive(self, self._show_preview),
            failed=_while_alive(self, self._preview_refused),
        )

    def _show_preview(self, message: Message) -> None:
        self.preview.setPlainText(
            self.tr("Subject: {subject}").format(subject=message.subject) + "\n\n" + message.body
        )

    def _preview_refused(self, error: BaseException) -> None:
        self.preview.setPlainText(plain_message(error))

    def send_test(self) -> None:
        """Sends a test e-mail with what is typed (saved or not), off the UI thread."""
        self.error.clear()
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Sending the test message…"))
        self.runner.run(
            _mail.send_test_message,
            self.values(),
            self.test_to.text(),
            done=_while_alive(self, lambda text: self._test_done(translated(text), True)),
            failed=_while_alive(self, self._test_failed),
        )

    def _test_failed(self, error: BaseException) -> None:
        if isinstance(error, CaseDeskError):
            text = plain_message(error)
        else:  # shown in plain words; the page must not die
            log.warning("test message failed", exc_info=error)
            text = self.tr("Sending failed: {why}").format(why=error)
        self._test_done(text, False)

    def _test_done(self, text: str, ok: bool) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("" if ok else "color: #b3261e;")
        self.test_result.setText(text)
        self.testFinished.emit(text, ok)
