"""Editing a patient's details from the main window."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import CaseDeskDialog
from app.dialogs.widgets import DateField, FieldMessage, required
from app.services.dto import PatientDetails, PatientSummary
from app.services.errors import ValidationError
from app.views.runner import plain_message

SEXES = (("", "not given"), ("female", "Female"), ("male", "Male"), ("other", "Other"))

# A saver stores the details and calls back: done(None) on success, done(error) on failure.
Saver = Callable[[PatientDetails, Callable[[BaseException | None], None]], None]


class EditPatientDialog(CaseDeskDialog):
    """Window-modal, opened with open(); a refused save keeps everything typed and says why."""

    def __init__(
        self, patient: PatientSummary, region: str, save: Saver, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("editPatientDialog")
        self.setWindowTitle(self.tr("Edit patient"))
        self._save = save
        self._saving = False
        self.first = QLineEdit(patient.first_name, self, objectName="firstName")
        self.last = QLineEdit(patient.last_name, self, objectName="lastName")
        self.phone = QLineEdit(patient.phone_display, self, objectName="phone")
        self.email = QLineEdit(patient.email or "", self, objectName="email")
        self.birth = DateField(region, self)
        self.birth.setObjectName("birthDate")
        if patient.birth_date:
            self.birth.set_date(QDate(patient.birth_date))
        self.sex = QComboBox(self, objectName="sex")
        for key, label in SEXES:
            self.sex.addItem(self.tr(label), key)
        self.sex.setCurrentIndex(max(0, self.sex.findData(patient.sex or "")))
        self.message = FieldMessage(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(required(self.tr("First name")), self.first)
        form.addRow(required(self.tr("Last name")), self.last)
        form.addRow(required(self.tr("Phone")), self.phone)
        form.addRow(self.tr("E-mail"), self.email)
        form.addRow(self.tr("Date of birth"), self.birth)
        form.addRow(self.tr("Sex"), self.sex)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def details(self) -> PatientDetails:
        birth = self.birth.get_date()
        return PatientDetails(
            first_name=self.first.text(),
            last_name=self.last.text(),
            phone=self.phone.text(),
            email=self.email.text() or None,
            birth_date=date(birth.year(), birth.month(), birth.day()) if birth.isValid() else None,
            sex=self.sex.currentData() or None,
        )

    def submit(self) -> None:
        if not self.birth.text_is_date():
            self.message.say(
                self.tr("The date of birth is not a date; check it or leave it empty.")
            )
            self.birth.setFocus()
            return
        self.buttons.setEnabled(False)
        self._saving = True
        self.message.say(self.tr("Saving..."), serious=False)
        self._save(self.details(), self._saved)

    def reject(self) -> None:
        if not self._saving:  # the answer to a save in flight must find the dialog
            super().reject()

    def _saved(self, error: BaseException | None) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        if error is None:
            self.message.say("")
            self.accept()
            return
        self.message.say(plain_message(error))
        if isinstance(error, ValidationError):
            field = self.findChild(QWidget, error.field, Qt.FindChildOption.FindDirectChildrenOnly)
            if field is not None:
                field.setFocus()
