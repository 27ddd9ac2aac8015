"""Settings page: add, rename, deactivate practitioners and set their working hours."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.settings_forms import HoursEditor
from app.dialogs.widgets import FieldMessage, required, while_alive
from app.services.dto import ClinicSetup, Practitioner, PractitionerChange
from app.services.errors import ValidationError
from app.views.desk import desk_for
from app.views.runner import plain_message, service

_clinic_setup = service("clinic_setup")

# What most small clinics start with: weekdays, with a lunch break.
STARTING_HOURS = {
    d: [["09:00", "13:00"], ["14:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")
}


class PractitionerForm(QWidget):
    """Name, appointment length and working hours of one practitioner."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(objectName="practitionerNameEdit")
        self.name.setPlaceholderText(self.tr("e.g. Dr Asha Rao"))
        self.minutes = QSpinBox(
            objectName="practitionerMinutes", minimum=5, maximum=480, singleStep=5
        )
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(30)
        self.hours = HoursEditor(self)
        self.hours.set_hours(STARTING_HOURS)
        self.name_message = FieldMessage(objectName="practitionerNameMessage")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        cell = QVBoxLayout()
        cell.setSpacing(2)
        cell.addWidget(self.name)
        cell.addWidget(self.name_message)
        form.addRow(QLabel(required(self.tr("Practitioner"))), cell)
        form.addRow(self.tr("Appointment length"), self.minutes)
        form.addRow(QLabel(required(self.tr("Working hours"))), self.hours)

    def load(self, who: Practitioner | None) -> None:
        self.name.setText(who.name if who else "")
        self.minutes.setValue(who.appointment_minutes if who else 30)
        self.hours.set_hours(who.working_hours if who else STARTING_HOURS)
        self.name_message.say("")

    def typed(self) -> tuple:
        """What the form holds now, as typed: compared to tell whether anything changed."""
        days = tuple((t.isChecked(), e.text().strip()) for t, e in self.hours.days.values())
        return (" ".join(self.name.text().split()), self.minutes.value(), days)

    def checked(self) -> tuple[str, int, dict] | None:
        """(name, minutes, hours), or None after showing what is wrong beside the field."""
        name = " ".join(self.name.text().split())
        self.name_message.say("" if name else self.tr("Enter the practitioner's name."))
        hours = self.hours.checked_hours()
        if not name or hours is None:
            return None
        return name, self.minutes.value(), hours


class PractitionersPanel(QWidget):
    """The practitioners and the form of the one selected (or being added).

    It shows what `show()` is given; "Save practitioner" saves the form alone, through
    the desk's runner, while the dialog's Save saves it with the other tabs.
    """

    saved = Signal(object)  # the Practitioner, once stored

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.runner = desk_for(db).runner
        self.saving = False
        self._adding = False  # "New practitioner" pressed: a re-read must not select someone
        self._all: tuple[Practitioner, ...] = ()
        self.people = QListWidget(objectName="practitionerList")
        self.people.setMaximumWidth(260)
        self.form = PractitionerForm(self)
        self.active = QCheckBox(self.tr("Takes appointments"), objectName="practitionerActive")
        self.active.setChecked(True)
        self.new_button = QPushButton(
            self.tr("&New practitioner"), objectName="newPractitionerButton"
        )
        self.save_button = QPushButton(
            self.tr("Save &practitioner"), objectName="savePractitionerButton"
        )
        self.status = FieldMessage(objectName="practitionerStatus")
        for button in (self.new_button, self.save_button):
            button.setAutoDefault(False)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.active)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        right.addLayout(buttons)
        right.addWidget(self.status)
        right.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.people)
        layout.addLayout(right, 1)
        self._shown: tuple = self._typed()
        self.people.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)

    def show_people(self, people: tuple[Practitioner, ...], select_id: int | None = None) -> None:
        """Lists `people`, keeping the one selected (or `select_id`) selected."""
        if select_id is None and self.selected() is not None:
            select_id = self.selected().id
        self._all = tuple(people)
        self.people.blockSignals(True)
        self.people.clear()
        for who in self._all:
            text = (
                who.name
                if who.active
                else self.tr("%1 (not taking appointments)").replace("%1", who.name)
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, who.id)
            self.people.addItem(item)
            if who.id == select_id:
                self.people.setCurrentItem(item)
        self.people.blockSignals(False)
        if self._adding and select_id is None:
            return  # the new practitioner's form stays as it is
        if self.people.currentItem() is None and self._all:
            self.people.setCurrentRow(0)
        self._on_current()

    def selected(self) -> Practitioner | None:
        item = self.people.currentItem()
        if item is None:
            return None
        wanted = item.data(Qt.ItemDataRole.UserRole)
        return next((p for p in self._all if p.id == wanted), None)

    def _on_current(self, *_args) -> None:
        who = self.selected()
        self._adding = False
        self.form.load(who)
        self.active.setChecked(who.active if who else True)
        self._shown = self._typed()

    def start_new(self) -> None:
        self.people.setCurrentItem(None)
        self.form.load(None)
        self.active.setChecked(True)
        self._shown = self._typed()
        self._adding = True
        self.form.name.setFocus()

    def _typed(self) -> tuple:
        return (self.form.typed(), self.active.isChecked())

    def has_changes(self) -> bool:
        """True while the form holds something not saved (a practitioner being added, say)."""
        return self._typed() != self._shown

    def describe_unsaved(self) -> str:
        who = self.selected()
        name = self.form.typed()[0] or self.tr("a new practitioner")
        return name if who is None else who.name

    def change(self) -> PractitionerChange | None:
        """The form as a change to save, or None after saying beside the fields what is wrong."""
        checked = self.form.checked()
        if checked is None:
            return None
        name, minutes, hours = checked
        who = self.selected()
        return PractitionerChange(
            None if who is None else who.id, name, hours, minutes, self.active.isChecked()
        )

    def show_error(self, error: ValidationError) -> bool:
        """A refusal about the practitioner, beside its field; False when it is not about one."""
        if error.field == "name":
            self.form.name_message.say(error.message)
            self.form.name.setFocus()
        elif error.field == "workingHours":
            self.form.hours.message.say(error.message)
        elif error.field == "minutes":
            self.status.say(error.message)
            self.form.minutes.setFocus()
        else:
            return False
        return True

    def show_saved(self, setup: ClinicSetup) -> None:
        """After a save: the list as it now stands, the saved practitioner selected."""
        who = setup.saved_practitioner
        self.show_people(setup.practitioners, select_id=who.id if who else None)
        if who is not None:
            self.status.say(self.tr("Saved %1.").replace("%1", who.name), serious=False)

    def save(self) -> bool:
        """Starts saving the practitioner in the form alone; False when the form is not
        complete (said beside the fields) or a save is on its way. `saved` follows."""
        change = self.change()
        if change is None or self.saving:
            return False
        self.saving = True
        self.save_button.setEnabled(False)
        self.status.say(self.tr("Saving..."), serious=False)
        self.runner.write(
            _clinic_setup.save_setup,
            self.db,
            {},
            change,
            done=while_alive(self, self._stored),
            failed=while_alive(self, self._not_stored),
        )
        return True

    def _stored(self, setup: ClinicSetup) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.show_saved(setup)
        self.saved.emit(setup.saved_practitioner)

    def _not_stored(self, error: BaseException) -> None:
        self.saving = False
        self.save_button.setEnabled(True)
        self.status.say("")
        if not (isinstance(error, ValidationError) and self.show_error(error)):
            self.status.say(plain_message(error))
