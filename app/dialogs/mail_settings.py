"""The mail page of the settings dialog: server, sender, the message templates, a test message."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
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

from app.services import mail, settings
from app.services.errors import CaseDeskError, ValidationError
from app.services.messages import PLACEHOLDERS, compose, render_link

if TYPE_CHECKING:
    from app.db import Database

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
SECURITY = (("starttls", "STARTTLS (port 587)"), ("tls", "TLS (port 465)"), ("none", "None"))


class _Relay(QObject):
    done = Signal(str, bool)  # text, ok


class _TestSend(QRunnable):
    """Sends the test message on a pool thread; the network may take the whole timeout."""

    def __init__(self, values: dict[str, str], to: str, relay: _Relay) -> None:
        super().__init__()
        self.values, self.to, self.relay = values, to, relay

    def run(self) -> None:
        try:
            self.relay.done.emit(mail.send_test_message(self.values, self.to), True)
        except CaseDeskError as exc:
            self.relay.done.emit(str(exc), False)
        except Exception as exc:  # shown in plain words; the page must not die
            self.relay.done.emit(f"Sending failed: {exc}", False)


class MailSettingsPage(QWidget):
    """Edits the `smtp.*` and `message.*` settings; `save()` validates and stores them."""

    testFinished = Signal(str, bool)
    saved = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="mailSettingsPage")
        self.db = db
        self.editors: dict[str, QWidget] = {}
        self._zone, self._clinic, self._link = "UTC", "", "https://example.com/{token}"
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._test_done)
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
        """Shows the stored settings."""
        try:
            stored = settings.get_all(self.db)
        except CaseDeskError as exc:
            self.error.setText(str(exc))
            return
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
        self.update_preview()

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
        """Validates everything and stores it in one go; on a bad value nothing is stored
        and the field is named and focused, with what was typed left as it was."""
        try:
            settings.set_many(self.db, self.values())
        except ValidationError as exc:
            self._show_error(exc)
            return False
        except CaseDeskError as exc:
            self.error.setText(str(exc))
            return False
        self.error.clear()
        self.saved.emit()
        return True

    def _show_error(self, exc: ValidationError) -> None:
        self.error.setText(exc.message)
        editor = self.editors.get(exc.field)
        if editor is not None:
            editor.setFocus()

    # --- preview and test -------------------------------------------------------------------

    def update_preview(self) -> None:
        """Fills the templates with a sample patient, as they would be sent now."""
        values = self.values()
        try:
            subject = settings.validate("message.subject", values["message.subject"])
            body = settings.validate("message.body", values["message.body"])
        except ValidationError as exc:
            self.preview.setPlainText(exc.message)
            return
        sample_start = (datetime.now(UTC) + timedelta(days=1)).replace(
            hour=4, minute=30, second=0, microsecond=0
        )
        message = compose(
            subject_template=subject,
            body_template=body,
            clinic=self._clinic,
            first_name="Priya",
            last_name="Sharma",
            starts_at=sample_start,
            timezone=self._zone,
            practitioner="Dr Asha Rao",
            case_code="C-00042",
            link=render_link(self._link, "AbC123", "C-00042", 42),
        )
        self.preview.setPlainText(
            self.tr("Subject: {subject}").format(subject=message.subject) + "\n\n" + message.body
        )

    def send_test(self) -> None:
        """Sends a test e-mail with what is typed (saved or not), off the UI thread."""
        self.error.clear()
        self.test_button.setEnabled(False)
        self.test_result.setText(self.tr("Sending the test message…"))
        self._pool.start(_TestSend(self.values(), self.test_to.text(), self._relay))

    def _test_done(self, text: str, ok: bool) -> None:
        self.test_button.setEnabled(True)
        self.test_result.setStyleSheet("" if ok else "color: #b3261e;")
        self.test_result.setText(text)
        self.testFinished.emit(text, ok)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._pool.waitForDone()
        super().closeEvent(event)
