"""Forms shared by first launch and Settings: the clinic's details, and weekly working hours."""

from __future__ import annotations

from zoneinfo import available_timezones

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimeZone
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.widgets import FieldMessage, required
from app.services import practitioners, settings
from app.services.errors import ValidationError

DAY_NAMES = {
    "mon": QT_TRANSLATE_NOOP("HoursEditor", "Monday"),
    "tue": QT_TRANSLATE_NOOP("HoursEditor", "Tuesday"),
    "wed": QT_TRANSLATE_NOOP("HoursEditor", "Wednesday"),
    "thu": QT_TRANSLATE_NOOP("HoursEditor", "Thursday"),
    "fri": QT_TRANSLATE_NOOP("HoursEditor", "Friday"),
    "sat": QT_TRANSLATE_NOOP("HoursEditor", "Saturday"),
    "sun": QT_TRANSLATE_NOOP("HoursEditor", "Sunday"),
}
COMMON_REGIONS = ("IN", "GB", "US", "AU", "CA", "IE", "NZ", "SG", "AE", "ZA", "DE", "FR", "NL")


def system_timezone() -> str:
    zone = bytes(QTimeZone.systemTimeZoneId()).decode() or "UTC"
    return zone if zone in available_timezones() else "UTC"


class ClinicForm(QWidget):
    """clinic.name, clinic.region and clinic.timezone, each checked by the settings service."""

    KEYS = ("clinic.name", "clinic.region", "clinic.timezone")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = QLineEdit(objectName="clinicNameEdit")
        self.name.setPlaceholderText(self.tr("e.g. Green Park Physiotherapy"))
        self.region = QComboBox(objectName="clinicRegionCombo", editable=True)
        self.region.addItems(COMMON_REGIONS)
        self.region.setToolTip(self.tr("Two-letter country code, used to read phone numbers"))
        self.timezone = QComboBox(objectName="clinicTimezoneCombo", editable=True)
        zones = sorted(available_timezones())
        self.timezone.addItems(zones)
        completer = QCompleter(zones, self.timezone)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.timezone.setCompleter(completer)
        self.messages = {key: FieldMessage(objectName=f"{key}Message") for key in self.KEYS}
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, text, widget in (
            ("clinic.name", required(self.tr("Clinic &name")), self.name),
            ("clinic.region", required(self.tr("&Region (phone numbers)")), self.region),
            ("clinic.timezone", required(self.tr("&Time zone")), self.timezone),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            cell = QVBoxLayout()
            cell.setSpacing(2)
            cell.addWidget(widget)
            cell.addWidget(self.messages[key])
            form.addRow(label, cell)

    def load(self, values: dict[str, str]) -> None:
        self.name.setText(values.get("clinic.name", ""))
        self.region.setCurrentText(values.get("clinic.region", "IN"))
        self.timezone.setCurrentText(values.get("clinic.timezone") or system_timezone())

    def values(self) -> dict[str, str]:
        return {
            "clinic.name": self.name.text(),
            "clinic.region": self.region.currentText(),
            "clinic.timezone": self.timezone.currentText(),
        }

    def show_error(self, error: ValidationError) -> bool:
        """A refusal from the service beside its field; False when no field here is named."""
        message = self.messages.get(error.field)
        if message is None:
            return False
        message.say(error.message)
        return True

    def checked_values(self) -> dict[str, str] | None:
        """The values, or None after showing each bad one beside its field."""
        clean, ok = {}, True
        for key, value in self.values().items():
            try:
                clean[key] = settings.validate(key, value)
                if key == "clinic.name" and not clean[key]:
                    raise ValidationError(key, self.tr("Enter the clinic's name."))
                self.messages[key].say("")
            except ValidationError as exc:
                self.messages[key].say(exc.message)
                ok = False
        return clean if ok else None


class ClinicTab(QWidget):
    """The clinic's name, region, time zone and patient link, as `show_values` gives them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = ClinicForm(self)
        self.link = QLineEdit(objectName="linkTemplateEdit")
        self.link_message = FieldMessage(objectName="linkTemplateMessage")
        extra = QFormLayout()
        cell = QVBoxLayout()
        cell.addWidget(self.link)
        cell.addWidget(self.link_message)
        extra.addRow(self.tr("Link sent to patients"), cell)
        self.language = QComboBox(objectName="clinicLanguageCombo")
        for code, name in settings.LANGUAGES.items():
            self.language.addItem(name, code)
        language_cell = QVBoxLayout()
        language_cell.addWidget(self.language)
        language_note = QLabel(self.tr("Applies when CaseDesk starts again."), wordWrap=True)
        language_note.setEnabled(False)
        language_cell.addWidget(language_note)
        extra.addRow(self.tr("&Language"), language_cell)
        extra.labelForField(language_cell).setBuddy(self.language)
        note = QLabel(
            self.tr("The link may use {token} (required), {case_id} and {appointment_id}."),
            wordWrap=True,
        )
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(extra)
        layout.addWidget(note)
        layout.addLayout(self._referral_rules())
        layout.addStretch(1)
        self._shown = self._typed()

    def _referral_rules(self) -> QFormLayout:
        """referral.limit and referral.count_missed: what a booking past a referral does."""
        self.referral_limit = QComboBox(objectName="referralLimitCombo")
        self.referral_limit.addItem(self.tr("Warn"), "warn")
        self.referral_limit.addItem(self.tr("Block"), "block")
        self.count_missed = QCheckBox(
            self.tr("Cancelled and no-show visits use a session"),
            objectName="referralCountMissedCheck",
        )
        form = QFormLayout()
        label = QLabel(self.tr("Past a re&ferral"))
        label.setBuddy(self.referral_limit)
        form.addRow(label, self.referral_limit)
        form.addRow("", self.count_missed)
        return form

    def referral_values(self) -> dict[str, str]:
        return {
            "referral.limit": self.referral_limit.currentData(),
            "referral.count_missed": "yes" if self.count_missed.isChecked() else "no",
        }

    def show_values(self, values: dict[str, str]) -> None:
        self.form.load(values)
        self.link.setText(values["link.template"])
        self.language.setCurrentIndex(max(0, self.language.findData(values["clinic.language"])))
        limit = self.referral_limit.findData(values.get("referral.limit", "warn"))
        self.referral_limit.setCurrentIndex(max(limit, 0))
        self.count_missed.setChecked(values.get("referral.count_missed") == "yes")
        self._shown = self._typed()

    def _typed(self) -> tuple:
        return (
            tuple(self.form.values().items()),
            self.link.text().strip(),
            self.language.currentData(),
            tuple(self.referral_values().items()),
        )

    def has_changes(self) -> bool:
        return self._typed() != self._shown

    def checked(self) -> dict[str, str] | None:
        """The values to save, or None after showing each bad one beside its field."""
        values = self.form.checked_values()
        try:
            link = settings.validate("link.template", self.link.text())
            self.link_message.say("")
        except ValidationError as exc:
            self.link_message.say(exc.message)
            return None
        if values is None:
            return None
        return {
            **values,
            "link.template": link,
            "clinic.language": self.language.currentData(),
            **self.referral_values(),
        }

    def show_error(self, error: ValidationError) -> bool:
        """A refusal from the service beside its field; False when it names none here."""
        if error.field == "link.template":
            self.link_message.say(error.message)
            return True
        return self.form.show_error(error)


class HoursEditor(QWidget):
    """One line per day, "09:00-13:00, 14:00-17:00"; an unticked day is a day off."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.days: dict[str, tuple[QCheckBox, QLineEdit]] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, (key, name) in enumerate(DAY_NAMES.items()):
            tick = QCheckBox(self.tr(name), objectName=f"{key}WorkingDay")
            spans = QLineEdit(objectName=f"{key}Hours")
            spans.setPlaceholderText(self.tr("09:00-13:00, 14:00-17:00"))
            tick.toggled.connect(spans.setEnabled)
            spans.setEnabled(False)
            grid.addWidget(tick, row, 0)
            grid.addWidget(spans, row, 1)
            self.days[key] = (tick, spans)
        self.message = FieldMessage(objectName="workingHoursMessage")
        grid.addWidget(self.message, len(DAY_NAMES), 0, 1, 2)
        grid.setColumnStretch(1, 1)

    def set_hours(self, hours: dict) -> None:
        for key, (tick, spans) in self.days.items():
            day = hours.get(key) or []
            tick.setChecked(bool(day))
            spans.setText(", ".join(f"{start}-{end}" for start, end in day))
        self.message.say("")

    def hours(self) -> dict[str, list[list[str]]]:
        found: dict[str, list[list[str]]] = {}
        for key, (tick, spans) in self.days.items():
            if not tick.isChecked():
                continue
            found[key] = [
                [part.strip() for part in (span.split("-", 1) + [""])[:2]]
                for span in spans.text().split(",")
                if span.strip()
            ]
        return found

    def checked_hours(self) -> dict | None:
        """Hours the practitioners service accepts, or None after saying what is wrong."""
        try:
            clean = practitioners.validate_hours(self.hours())
        except ValidationError as exc:
            self.message.say(exc.message)
            return None
        self.message.say("")
        return clean
