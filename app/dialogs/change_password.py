"""File > Change my password: the signed-in staff member's own password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from app.dialogs.base import SavingDialog
from app.dialogs.widgets import FieldMessage, while_alive
from app.views.desk import desk_for
from app.views.runner import plain_message, service

_accounts = service("accounts")


class ChangePasswordDialog(SavingDialog):
    """Current password, new password twice; Ok stores it through the runner."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = desk_for(db).runner
        self.setObjectName("changePasswordDialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.current = self._password("currentPasswordEdit")
        self.new = self._password("newPasswordEdit")
        self.again = self._password("newPasswordAgainEdit")
        self.message = FieldMessage(self, objectName="changePasswordMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Current password"), self.current)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("New password again"), self.again)
        form.addRow("", self.message)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _password(self, name: str) -> QLineEdit:
        edit = QLineEdit(self, objectName=name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def store(self) -> None:
        if self.saving:
            return
        if self.new.text() != self.again.text():
            self.message.say(self.tr("The two new passwords are not the same."))
            return
        self.begin_saving(self.tr("Changing the password..."))
        self.runner.write(
            _accounts.change_own_password,
            self.db,
            self.current.text(),
            self.new.text(),
            done=while_alive(self, lambda _none: self.end_saving(None)),
            failed=while_alive(self, self._refused),
        )

    def _refused(self, error: BaseException) -> None:
        self.end_saving(error)
        self.message.say(plain_message(error))
