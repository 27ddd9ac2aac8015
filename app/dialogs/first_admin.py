"""First launch's optional "Protect this desk with a sign-in": the first administrator.

Left empty, the desk opens without a sign-in, as before staff accounts existed. Filled
in, the account is made (by the service, which checks the name and password) before the
clinic is saved, and the window asks for a sign-in from then on.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QWidget

from app.dialogs.widgets import FieldMessage
from app.services.errors import ValidationError


class FirstAdminBox(QGroupBox):
    """User name and password (twice) for the first administrator account; all optional."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstAdminBox")
        self.setTitle(self.tr("Protect this desk with a sign-in (optional)"))
        note = QLabel(
            self.tr(
                "The first administrator, who adds the other staff in Settings > Accounts. "
                "Leave empty to open CaseDesk without a sign-in."
            ),
            wordWrap=True,
            objectName="firstAdminNote",
        )
        self.user_name = QLineEdit(objectName="firstAdminName", maxLength=60)
        self.password = QLineEdit(objectName="firstAdminPassword")
        self.again = QLineEdit(objectName="firstAdminPasswordAgain")
        for edit in (self.password, self.again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = FieldMessage(objectName="firstAdminMessage")
        form = QFormLayout(self)
        form.addRow(note)
        form.addRow(self.tr("User name"), self.user_name)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Password again"), self.again)
        form.addRow("", self.message)

    def wanted(self) -> bool:
        return any(e.text() for e in (self.user_name, self.password, self.again))

    def checked(self) -> tuple[str, str] | None:
        """(user name, password) to make, after saying beside the fields what is missing;
        None when something is wrong (the service checks the password's length)."""
        name, password = self.user_name.text().strip(), self.password.text()
        if not name:
            self.message.say(self.tr("Enter a user name, or leave all three fields empty."))
            return None
        if password != self.again.text():
            self.message.say(self.tr("The two passwords are not the same."))
            return None
        self.message.say("")
        return name, password

    def show_error(self, error: BaseException) -> bool:
        """A refusal of the account's name or password, said here; False for anything else."""
        if isinstance(error, ValidationError) and error.field in ("user_name", "password"):
            self.message.say(error.message)
            return True
        return False
