"""Settings page: add, rename, deactivate practitioners and set their working hours."""

from __future__ import annotations

from PySide6.QtCore import Qt
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
from app.dialogs.widgets import FieldMessage, required
from app.services import practitioners
from app.services.dto import Practitioner
from app.services.errors import CaseDeskError, ValidationError

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
    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self._all: list[Practitioner] = []
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
        self._shown: tuple = ()
        self.people.currentItemChanged.connect(self._on_current)
        self.new_button.clicked.connect(self.start_new)
        self.save_button.clicked.connect(self.save)
        self.reload()

    def reload(self, select_id: int | None = None) -> None:
        self._all = practitioners.list_practitioners(self.db, active_only=False)
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
        self.form.load(who)
        self.active.setChecked(who.active if who else True)
        self._shown = self._typed()

    def start_new(self) -> None:
        self.people.setCurrentItem(None)
        self.form.load(None)
        self.active.setChecked(True)
        self._shown = self._typed()
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

    def save(self) -> bool:
        """Adds or updates the practitioner in the form; says so, or what is wrong."""
        checked = self.form.checked()
        if checked is None:
            return False
        name, minutes, hours = checked
        who = self.selected()
        try:
            if who is None:
                saved = practitioners.add_practitioner(self.db, name, hours, minutes)
                if not self.active.isChecked():
                    saved = practitioners.update_practitioner(self.db, saved.id, active=False)
            else:
                saved = practitioners.update_practitioner(
                    self.db,
                    who.id,
                    name=name,
                    active=self.active.isChecked(),
                    working_hours=hours,
                    appointment_minutes=minutes,
                )
        except ValidationError as exc:
            self.status.say(exc.message)
            return False
        except CaseDeskError as exc:
            self.status.say(str(exc))
            return False
        self.reload(select_id=saved.id)
        self.status.say(self.tr("Saved %1.").replace("%1", saved.name), serious=False)
        return True
