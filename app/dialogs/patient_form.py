"""A patient's details as one form: the booking wizard's new patient and the edit dialog."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.dialogs.widgets import DateField, FieldMessage, required
from app.services.dto import PatientDetails, PatientSummary

# Keys as the services name the fields (ValidationError.field) and the wizard's fields.
FIELDS = ("firstName", "lastName", "phone", "email", "birthDate", "sex")
SEXES = (
    ("", QT_TRANSLATE_NOOP("PatientForm", "Not given")),
    ("female", QT_TRANSLATE_NOOP("PatientForm", "Female")),
    ("male", QT_TRANSLATE_NOOP("PatientForm", "Male")),
    ("other", QT_TRANSLATE_NOOP("PatientForm", "Other")),
)


class PatientForm(QWidget):
    """The inputs, each with its message beside it, checked while the receptionist types.

    A problem is shown muted while a field is merely empty and not yet visited,
    and red once it has been typed in or left, so an empty new form does not
    open covered in red. `changed` is emitted after every check.
    """

    changed = Signal()

    def __init__(self, region: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("patientForm")
        self._region = region
        self._touched: set[str] = set()
        self._errors: dict[str, str] = {}
        self._refused: dict[str, str] = {}  # a service's message, kept until its field changes
        self._filling = False
        self._build()
        self._check()

    def _build(self) -> None:
        self.inputs: dict[str, QWidget] = {
            "firstName": QLineEdit(objectName="firstNameEdit"),
            "lastName": QLineEdit(objectName="lastNameEdit"),
            "phone": QLineEdit(objectName="phoneEdit"),
            "email": QLineEdit(objectName="emailEdit"),
            "birthDate": DateField(self._region, objectName="birthDateEdit"),
            "sex": QComboBox(objectName="sexCombo"),
        }
        for value, text in SEXES:
            self.inputs["sex"].addItem(self.tr(text), value)
        self.inputs["phone"].setPlaceholderText(self.tr("e.g. +91 98123 45678"))
        # Mnemonics clear of the wizard's (&Find, &Use, &Register, &Next, &Back) and Save.
        texts = {
            "firstName": required(self.tr("F&irst name")),
            "lastName": required(self.tr("&Last name")),
            "phone": required(self.tr("&Phone")),
            "email": self.tr("E-&mail (for the link)"),
            "birthDate": self.tr("&Date of birth"),
            "sex": self.tr("Se&x"),
        }
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        self.messages: dict[str, FieldMessage] = {}
        for name, widget in self.inputs.items():
            self.messages[name] = FieldMessage(objectName=f"{name}Message")
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(self.messages[name])
            self.labels[name] = QLabel(texts[name])
            self.labels[name].setBuddy(widget)
            form.addRow(self.labels[name], cell)
            if isinstance(widget, QLineEdit):
                widget.textEdited.connect(lambda _t, n=name: self._touch(n))
                widget.editingFinished.connect(lambda n=name: self._touch(n))
                widget.textChanged.connect(lambda _t, n=name: self._edited(n))
        self.inputs["sex"].currentIndexChanged.connect(lambda _i: self._edited("sex"))

    # -- the clinic's region (phone numbers) ------------------------------------------------
    @property
    def region(self) -> str:
        return self._region

    @region.setter
    def region(self, value: str) -> None:
        if value != self._region:
            self._region = value
            self.inputs["birthDate"].set_region(value)
            self._check()

    # -- filling and reading -----------------------------------------------------------------
    def set_patient(self, patient: PatientSummary) -> None:
        """Fills the form with a registered patient's details, for editing them."""
        self._filling = True  # one check at the end, not one per field
        try:
            self.inputs["firstName"].setText(patient.first_name)
            self.inputs["lastName"].setText(patient.last_name)
            self.inputs["phone"].setText(patient.phone_display)
            self.inputs["email"].setText(patient.email or "")
            birth = QDate(patient.birth_date) if patient.birth_date else QDate()
            self.inputs["birthDate"].set_date(birth)
            sex = self.inputs["sex"]
            sex.setCurrentIndex(max(0, sex.findData(patient.sex or "")))
        finally:
            self._filling = False
        self._touched.clear()
        self._refused.clear()
        self._check()

    def details(self) -> PatientDetails:
        birth = self.inputs["birthDate"].get_date()
        return PatientDetails(
            first_name=self.inputs["firstName"].text(),
            last_name=self.inputs["lastName"].text(),
            phone=self.inputs["phone"].text(),
            email=self.inputs["email"].text().strip() or None,
            birth_date=birth.toPython() if birth.isValid() else None,
            sex=self.inputs["sex"].currentData() or None,
        )

    @property
    def errors(self) -> dict[str, str]:
        """What the live checks find wrong, by field; empty when the details would be accepted."""
        return dict(self._errors)

    # -- messages --------------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> bool:
        """Shows a service's ValidationError beside its field; False when the field is not here."""
        if field not in self.messages:
            return False
        self._touched.add(field)
        self._refused[field] = message
        self._show_messages()
        self.inputs[field].setFocus()
        return True

    def point_out_errors(self) -> bool:
        """Shows every problem in red and focuses the first wrong field; False when none."""
        if not self._errors:
            return False
        self._touched.update(self._errors)
        self._show_messages()
        self.inputs[next(n for n in FIELDS if n in self._errors)].setFocus()
        return True

    def _touch(self, name: str) -> None:
        if name not in self._touched:
            self._touched.add(name)
            self._show_messages()

    def _edited(self, name: str) -> None:
        self._refused.pop(name, None)
        if not self._filling:
            self._check()

    def _check(self) -> None:
        # Imported here, not at the top: the services bring SQLAlchemy, which the window must
        # not load before its first paint. A form opens later, when the workers have loaded it.
        from app.services.patient_checks import field_errors

        self._errors = field_errors(self.details(), self._region, date.today())
        birth = self.inputs["birthDate"]
        if not birth.text_is_date():
            hint = birth.placeholderText()
            self._errors["birthDate"] = self.tr("Type a real date (%1).").replace("%1", hint)
        self._show_messages()
        self.changed.emit()

    def _show_messages(self) -> None:
        for name, message in self.messages.items():
            refused = self._refused.get(name, "")
            text = self._errors.get(name) or refused
            visited = name in self._touched or not self._is_empty(name)
            message.say(text, serious=visited or bool(refused))

    def _is_empty(self, name: str) -> bool:
        widget = self.inputs[name]
        return isinstance(widget, QLineEdit) and not widget.text().strip()
