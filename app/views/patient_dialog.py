"""Editing a patient's details from the main window, in the booking wizard's patient form."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialogButtonBox, QVBoxLayout, QWidget

from app.dialogs.base import SavingDialog
from app.dialogs.patient_form import PatientForm
from app.dialogs.widgets import FieldMessage
from app.services.dto import PatientDetails, PatientSummary
from app.services.errors import ValidationError
from app.views.runner import plain_message

# A saver stores the details and calls back: done(None) on success, done(error) on failure.
Saver = Callable[[PatientDetails, Callable[[BaseException | None], None]], None]


class EditPatientDialog(SavingDialog):
    """Window-modal, opened with open(); a refused save keeps everything typed and says why
    beside the field it is about."""

    def __init__(
        self, patient: PatientSummary, region: str, save: Saver, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setObjectName("editPatientDialog")
        self.setWindowTitle(self.tr("Edit patient"))
        self._save = save
        self.form = PatientForm(region, self)
        self.form.set_patient(patient)
        # "Saving..." and the failures that are about no field of the form.
        self.message = FieldMessage(self, objectName="editPatientMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    @property
    def inputs(self) -> dict[str, QWidget]:
        return self.form.inputs

    @property
    def messages(self) -> dict[str, FieldMessage]:
        return self.form.messages

    def details(self) -> PatientDetails:
        return self.form.details()

    def submit(self) -> None:
        if self.saving:
            return
        if self.form.point_out_errors():  # the live checks already know the service would refuse
            self.message.say("")
            return
        self.begin_saving(self.tr("Saving..."))
        self._save(self.details(), self._saved)

    def _saved(self, error: BaseException | None) -> None:
        if self.end_saving(error):
            return
        self.message.say("")
        if not (
            isinstance(error, ValidationError) and self.form.show_error(error.field, error.message)
        ):
            self.message.say(plain_message(error))
