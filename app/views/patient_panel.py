"""The selected patient's details at the top of the right side."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from app.services.dto import PatientSummary
from app.views.clinic_format import format_date

SEX_LABELS = {
    "female": QT_TRANSLATE_NOOP("PatientPanel", "Female"),
    "male": QT_TRANSLATE_NOOP("PatientPanel", "Male"),
    "other": QT_TRANSLATE_NOOP("PatientPanel", "Other"),
}


class PatientPanel(QWidget):
    """Name, phone, e-mail, date of birth, sex; or a hint when nobody is selected."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLabel(self, objectName="patientName")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.name.setFont(font)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setWordWrap(True)
        self.buttons = QHBoxLayout()
        self.phone = self._value("patientPhone")
        self.email = self._value("patientEmail")
        self.birth = self._value("patientBirthDate")
        self.sex = self._value("patientSex")
        top = QHBoxLayout()
        top.addWidget(self.name, 1)
        top.addLayout(self.buttons)
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Phone:"), self.phone)
        left.addRow(self.tr("E-mail:"), self.email)
        right.addRow(self.tr("Date of birth:"), self.birth)
        right.addRow(self.tr("Sex:"), self.sex)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(columns)
        self.show_patient(None)

    def _value(self, name: str) -> QLabel:
        label = QLabel(self, objectName=name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        return label

    def add_actions(self, actions: list[QAction]) -> None:
        for action in actions:
            button = QToolButton(self)
            button.setDefaultAction(action)
            self.buttons.addWidget(button)

    def show_patient(self, patient: PatientSummary | None) -> None:
        if patient is None:
            self.name.setText(
                self.tr("Select a patient on the left, or press Ctrl+N for a new booking.")
            )
            for label in (self.phone, self.email, self.birth, self.sex):
                label.setText("")
            return
        self.name.setText(patient.full_name)
        self.phone.setText(patient.phone_display)
        self.email.setText(patient.email or self.tr("none"))
        self.birth.setText(
            format_date(patient.birth_date) if patient.birth_date else self.tr("not given")
        )
        sex = SEX_LABELS.get(patient.sex or "")
        self.sex.setText(self.tr(sex) if sex else self.tr("not given"))
