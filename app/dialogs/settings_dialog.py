"""Settings: the clinic, practitioners, and (when present) outgoing mail, one tab each."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import CaseDeskDialog
from app.dialogs.practitioners_panel import PractitionersPanel
from app.dialogs.settings_forms import ClinicForm
from app.dialogs.widgets import FieldMessage
from app.services import settings
from app.services.errors import CaseDeskError, ValidationError

log = logging.getLogger(__name__)


class ClinicTab(QWidget):
    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.form = ClinicForm(self)
        self.link = QLineEdit(objectName="linkTemplateEdit")
        self.link_message = FieldMessage(objectName="linkTemplateMessage")
        extra = QFormLayout()
        cell = QVBoxLayout()
        cell.addWidget(self.link)
        cell.addWidget(self.link_message)
        extra.addRow(self.tr("Link sent to patients"), cell)
        note = QLabel(
            self.tr("The link may use {token} (required), {case_id} and {appointment_id}."),
            wordWrap=True,
        )
        note.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addLayout(extra)
        layout.addWidget(note)
        layout.addStretch(1)
        values = settings.get_all(db)
        self.form.load(values)
        self.link.setText(values["link.template"])
        self._shown = self._typed()

    def _typed(self) -> tuple:
        return (tuple(self.form.values().items()), self.link.text().strip())

    def has_changes(self) -> bool:
        return self._typed() != self._shown

    def save(self) -> bool:
        values = self.form.checked_values()
        try:
            link = settings.validate("link.template", self.link.text())
            self.link_message.say("")
        except ValidationError as exc:
            self.link_message.say(exc.message)
            return False
        if values is None:
            return False
        settings.set_many(self.db, {**values, "link.template": link})
        self._shown = self._typed()
        return True


class SettingsDialog(CaseDeskDialog):
    """One Save stores every tab, or says which tab still needs something; nothing is lost.

    The practitioner in the Practitioners form (one being added, or changed) is saved with
    the rest. Closing with changes not saved asks Save / Discard / Cancel.
    """

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.clinic_tab = ClinicTab(db, self)
        self.practitioners_tab = PractitionersPanel(db, self)
        self.tabs.addTab(self.clinic_tab, self.tr("&Clinic"))
        self.tabs.addTab(self.practitioners_tab, self.tr("&Practitioners"))
        self.mail_tab = self._mail_page()
        if self.mail_tab is not None:
            self.tabs.addTab(self.mail_tab, self.tr("&Mail"))
        self.message = FieldMessage(objectName="settingsMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(900, 600)
        self._closing_box: QMessageBox | None = None
        self._mail_shown = self._mail_typed()

    def _mail_typed(self) -> dict:
        return self.mail_tab.values() if hasattr(self.mail_tab, "values") else {}

    def unsaved_tabs(self) -> list[str]:
        """The names of the tabs holding changes not saved yet."""
        changed = []
        if self.clinic_tab.has_changes():
            changed.append(self.tabs.tabText(self.tabs.indexOf(self.clinic_tab)))
        if self.practitioners_tab.has_changes():
            changed.append(self.tabs.tabText(self.tabs.indexOf(self.practitioners_tab)))
        if self.mail_tab is not None and self._mail_typed() != self._mail_shown:
            changed.append(self.tabs.tabText(self.tabs.indexOf(self.mail_tab)))
        return [name.replace("&", "") for name in changed]

    def _mail_page(self) -> QWidget | None:
        """The mail page lives in its own module; Settings works without it."""
        try:
            module = importlib.import_module("app.dialogs.mail_settings")
            return module.MailSettingsPage(self.db)
        except (ImportError, AttributeError):
            log.info("no mail settings page", exc_info=True)
            return None

    def show_tab(self, name: str) -> None:
        """'clinic', 'practitioners' or 'mail' (for screenshots and menu entries)."""
        pages = {
            "clinic": self.clinic_tab,
            "practitioners": self.practitioners_tab,
            "mail": self.mail_tab,
        }
        if pages.get(name) is not None:
            self.tabs.setCurrentWidget(pages[name])

    def _incomplete(self, tab: QWidget) -> bool:
        self.tabs.setCurrentWidget(tab)
        name = self.tabs.tabText(self.tabs.indexOf(tab)).replace("&", "")
        self.message.say(
            self.tr("Not saved: please complete the fields marked on the {tab} tab.").format(
                tab=name
            )
        )
        return False

    def save(self) -> bool:
        """Saves every tab; on the first tab that is incomplete, shows it and says so."""
        practitioner = self.practitioners_tab.has_changes()
        # Check the practitioner first: a half-typed one must not leave the clinic half saved.
        if practitioner and self.practitioners_tab.form.checked() is None:
            return self._incomplete(self.practitioners_tab)
        mail = self.mail_tab is not None and self._mail_typed() != self._mail_shown
        try:  # a tab nobody changed is not saved again (nor refused for an old gap)
            if self.clinic_tab.has_changes() and not self.clinic_tab.save():
                return self._incomplete(self.clinic_tab)
            if practitioner and not self.practitioners_tab.save():
                return self._incomplete(self.practitioners_tab)
            if mail and not self.mail_tab.save():
                return self._incomplete(self.mail_tab)
        except CaseDeskError as exc:
            self.message.say(str(exc))
            return False
        self._mail_shown = self._mail_typed()
        self.message.say(self.tr("Saved."), serious=False)
        return True

    def reject(self) -> None:
        """Close, Esc and the title bar's X: asks first when something is not saved."""
        changed = self.unsaved_tabs()
        if not changed:
            super().reject()
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Unsaved settings"),
            self.tr("Changes on the {tabs} tab are not saved.").format(tabs=", ".join(changed)),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setObjectName("unsavedSettingsDialog")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(lambda answer: self._after_asking(QMessageBox.StandardButton(answer)))
        self._closing_box = box
        box.open()

    def _after_asking(self, answer: QMessageBox.StandardButton) -> None:
        self._closing_box = None
        if answer == QMessageBox.StandardButton.Save:
            if self.save():
                super().reject()
        elif answer == QMessageBox.StandardButton.Discard:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.unsaved_tabs():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
