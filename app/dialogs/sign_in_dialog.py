"""`signInDialog`: a user name and password, checked through the desk's runner.

Checking a password takes a noticeable moment (argon2id), so the dialog says "Signing
in..." and waits for the runner's answer; a refusal is said beside the password, with
the user name kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.dialogs.widgets import FieldMessage, while_alive
from app.views.desk import desk_for
from app.views.runner import plain_message, service

if TYPE_CHECKING:
    from app.db import Database
    from app.services.dto import StaffIdentity

_accounts = service("accounts")


class SignInDialog(QDialog):
    """Ok signs in (`signedIn(identity)` once the password was right); Quit rejects."""

    signedIn = Signal(object)  # noqa: N815 - Qt naming
    refused = Signal(str)

    def __init__(self, db: Database, parent: QWidget | None = None, *, locked: bool = False):
        super().__init__(parent)
        self.db = db
        self.runner = desk_for(db).runner
        self.busy = False
        self.setObjectName("signInDialog")
        self.setWindowTitle(self.tr("Sign in — %1").replace("%1", APP_NAME))
        intro = QLabel(self, objectName="signInIntro", wordWrap=True)
        intro.setText(
            self.tr("The desk was locked. Sign in to go on where you left off.")
            if locked
            else self.tr("Sign in with your staff account.")
        )
        self.user_name = QLineEdit(self, objectName="userNameEdit")
        self.password = QLineEdit(self, objectName="passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = FieldMessage(self, objectName="signInMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Sign in"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            self.tr("&Quit CaseDesk")
        )
        self.buttons.accepted.connect(self.sign_in)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&User name"), self.user_name)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow("", self.message)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def prefill(self, user_name: str) -> None:
        """The user who was signed in, at a lock: only the password is asked."""
        self.user_name.setText(user_name)
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def sign_in(self) -> None:
        """Checks the typed name and password off the UI thread."""
        if self.busy:
            return
        name, password = self.user_name.text().strip(), self.password.text()
        if not name:
            self.message.say(self.tr("Enter your user name."))
            self.user_name.setFocus()
            return
        self._set_busy(True)
        self.message.say(self.tr("Signing in..."), serious=False)
        self.runner.past_hold(
            _accounts.sign_in,
            self.db,
            name,
            password,
            done=while_alive(self, self._signed_in),
            failed=while_alive(self, self._refused),
        )

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.user_name, self.password, self.buttons):
            widget.setEnabled(not busy)

    def _signed_in(self, identity: StaffIdentity) -> None:
        self._set_busy(False)
        self.message.say("")
        self.password.clear()
        self.signedIn.emit(identity)
        self.accept()

    def _refused(self, error: BaseException) -> None:
        self._set_busy(False)
        text = plain_message(error)
        self.message.say(text)
        self.password.clear()
        self.password.setFocus()
        self.refused.emit(text)

    def reject(self) -> None:
        """Quit, Esc and the title bar's X; not while a sign-in is on its way."""
        if not self.busy:
            super().reject()
