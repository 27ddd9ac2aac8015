"""Settings: the clinic, practitioners, and (when present) outgoing mail, one tab each."""

from __future__ import annotations

import importlib
import logging

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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
        return True


class SettingsDialog(CaseDeskDialog):
    """Save stores the clinic and mail tabs; practitioners are saved one by one in their tab."""

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

    def save(self) -> bool:
        try:
            if not self.clinic_tab.save():
                self.tabs.setCurrentWidget(self.clinic_tab)
                self.message.say(self.tr("Please correct the fields marked on this tab."))
                return False
            if self.mail_tab is not None and not self.mail_tab.save():
                self.tabs.setCurrentWidget(self.mail_tab)
                self.message.say(self.tr("Please correct the fields marked on this tab."))
                return False
        except CaseDeskError as exc:
            self.message.say(str(exc))
            return False
        self.message.say(self.tr("Saved."), serious=False)
        return True
