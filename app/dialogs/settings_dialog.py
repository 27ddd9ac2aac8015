"""Settings: the clinic, practitioners, and (when present) outgoing mail, one tab each.

The dialog never waits on the database: the clinic's set-up is read through the
desk's runner (the tabs fill in when it arrives), Save writes through it ("Saving..."
until the answer), and changes made at another desk are read again when the change
bus announces them.
"""

from __future__ import annotations

import importlib
import itertools
import logging
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QTabWidget, QVBoxLayout, QWidget

from app.dialogs.accounts_tab import install_accounts_tab
from app.dialogs.base import CaseDeskDialog
from app.dialogs.practitioners_panel import PractitionersPanel
from app.dialogs.settings_forms import ClinicTab
from app.dialogs.time_off_panel import TimeOffPanel
from app.dialogs.widgets import FieldMessage, while_alive
from app.services.changes import Changes
from app.services.dto import ClinicSetup, PractitionerChange
from app.services.errors import ValidationError
from app.views.desk import desk_for
from app.views.runner import plain_message, service

log = logging.getLogger(__name__)
_clinic_setup = service("clinic_setup")
_dialogs = itertools.count(1)


class SettingsDialog(CaseDeskDialog):
    """One Save stores every tab, or says which tab still needs something; nothing is lost.

    The practitioner in the Practitioners form (one being added, or changed) is saved with
    the clinic in one transaction. `saved` follows a Save once everything is stored,
    `saveFailed(text)` when it was refused. Closing with changes not saved asks Save /
    Discard / Cancel; Save closes once the save has answered.
    """

    saved = Signal()
    saveFailed = Signal(str)  # noqa: N815 - Qt naming
    loaded = Signal()

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        desk = desk_for(db)
        self.runner, self.bus = desk.runner, desk.bus
        self._topic = f"settings-dialog-{next(_dialogs)}"
        self.is_loaded = False
        self.saving = False
        self._close_after_save = False
        self._stale: set[str] = set()  # what another desk changed, until read again
        self._after_mail: Callable[[], None] | None = None
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.tabs = QTabWidget(objectName="settingsTabs")
        self.clinic_tab = ClinicTab(self)
        self.practitioners_tab = PractitionersPanel(db, self)
        self.tabs.addTab(self.clinic_tab, self.tr("&Clinic"))
        self.tabs.addTab(self.practitioners_tab, self.tr("&Practitioners"))
        self.time_off_tab = TimeOffPanel(db, self)  # stores each change at once; no Save
        self.tabs.addTab(self.time_off_tab, self.tr("&Time off"))
        self._mail_shown: dict = {}
        self.mail_tab = self._mail_page()
        if self.mail_tab is not None:
            self.tabs.addTab(self.mail_tab, self.tr("&Mail"))
        self.accounts_tab = install_accounts_tab(db, self.tabs)  # administrators only
        self.message = FieldMessage(objectName="settingsMessage")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(900, 600)
        self._closing_box: QMessageBox | None = None
        self._editable(False)
        self.practitioners_tab.saved.connect(lambda _who: self.message.say(""))
        self.bus.changed.connect(self._on_changes)
        self.bus.watch_other_desks()
        self.load()

    # --- reading ----------------------------------------------------------------------------

    def load(self) -> None:
        """Reads the clinic's set-up off the UI thread; the tabs fill in when it arrives."""
        self.runner.query(
            self._topic,
            _clinic_setup.read_setup,
            self.db,
            done=while_alive(self, self._setup_in),
            failed=while_alive(self, lambda error: self.message.say(plain_message(error))),
        )

    def _setup_in(self, setup: ClinicSetup) -> None:
        first = not self.is_loaded
        kept = []
        if first or not self.clinic_tab.has_changes():
            self.clinic_tab.show_values(setup.settings)
        elif "setting" in self._stale:
            kept.append(self._name(self.clinic_tab))
        if first or not self.practitioners_tab.has_changes():
            self.practitioners_tab.show_people(setup.practitioners)
        elif "practitioner" in self._stale:
            kept.append(self._name(self.practitioners_tab))
        self._stale.clear()
        if kept:
            self.message.say(
                self.tr(
                    "Another desk changed these settings. Your changes on the {tabs} tab are "
                    "not saved yet: Save keeps yours, Close and Discard shows theirs."
                ).format(tabs=", ".join(kept))
            )
        if first:
            self.is_loaded = True
            self._editable(True)
            self.loaded.emit()

    def _on_changes(self, changes: Changes) -> None:
        """Settings or practitioners changed, here or at another desk: read them again."""
        if not changes.touches("setting", "practitioner") or self.saving:
            return  # a save in progress answers with the set-up as it then stands
        if changes.remote:
            self._stale.update(t for t in ("setting", "practitioner") if changes.touches(t))
            mail = self.mail_tab
            if mail is not None and changes.touches("setting") and not self._mail_changed():
                mail.load()
        self.load()

    def _editable(self, editable: bool) -> None:
        for tab in (self.clinic_tab, self.practitioners_tab):
            tab.setEnabled(editable)
        self.save_button.setEnabled(editable)

    # --- the mail page ----------------------------------------------------------------------

    def _mail_page(self) -> QWidget | None:
        """The mail page lives in its own module; Settings works without it."""
        try:
            page_class = importlib.import_module("app.dialogs.mail_settings").MailSettingsPage
        except (ImportError, AttributeError):
            log.info("no mail settings page", exc_info=True)
            return None
        if not hasattr(page_class, "saveFailed"):  # a page that saves on the UI thread
            log.info("the mail settings page does not save through the runner; not shown")
            return None
        page = page_class(self.db)
        page.loaded.connect(self._mail_loaded)
        page.saved.connect(self._mail_saved)
        page.saveFailed.connect(self._mail_refused)
        return page

    def _mail_typed(self) -> dict:
        return self.mail_tab.values() if self.mail_tab is not None else {}

    def _mail_changed(self) -> bool:
        page = self.mail_tab
        return page is not None and page.is_loaded and self._mail_typed() != self._mail_shown

    def _mail_loaded(self) -> None:
        self._mail_shown = self._mail_typed()

    def _mail_saved(self) -> None:
        self._mail_shown = self._mail_typed()
        then, self._after_mail = self._after_mail, None
        if then is not None:
            then()

    def _mail_refused(self, _text: str) -> None:
        if self._after_mail is None:
            return  # the page's own save, not the dialog's
        self._after_mail = None
        self._refused(self.mail_tab)

    # --- saving -----------------------------------------------------------------------------

    def unsaved_tabs(self) -> list[str]:
        """The names of the tabs holding changes not saved yet."""
        changed = []
        if self.clinic_tab.has_changes():
            changed.append(self._name(self.clinic_tab))
        if self.practitioners_tab.has_changes():
            changed.append(self._name(self.practitioners_tab))
        if self._mail_changed():
            changed.append(self._name(self.mail_tab))
        return changed

    def _name(self, tab: QWidget) -> str:
        return self.tabs.tabText(self.tabs.indexOf(tab)).replace("&", "")

    def show_tab(self, name: str) -> None:
        """'clinic', 'practitioners', 'time off', 'mail' or 'accounts' (screenshots, menus)."""
        pages = {
            "clinic": self.clinic_tab,
            "practitioners": self.practitioners_tab,
            "time off": self.time_off_tab,
            "mail": self.mail_tab,
            "accounts": self.accounts_tab,
        }
        if pages.get(name) is not None:
            self.tabs.setCurrentWidget(pages[name])

    def _incomplete(self, tab: QWidget) -> bool:
        self.tabs.setCurrentWidget(tab)
        self.message.say(
            self.tr("Not saved: please complete the fields marked on the {tab} tab.").format(
                tab=self._name(tab)
            )
        )
        return False

    def save(self) -> bool:
        """Starts saving every changed tab: False (and nothing saved) when a tab is
        incomplete, which is shown and named. The answer is `saved` or `saveFailed`."""
        if self.saving or self.practitioners_tab.saving or not self.is_loaded:
            return False  # a practitioner on its way must not be added twice
        practitioner: PractitionerChange | None = None
        # Check the practitioner first: a half-typed one must not leave the clinic half saved.
        if self.practitioners_tab.has_changes():
            practitioner = self.practitioners_tab.change()
            if practitioner is None:
                return self._incomplete(self.practitioners_tab)
        values: dict[str, str] = {}
        if self.clinic_tab.has_changes():  # a tab nobody changed is not refused for an old gap
            values = self.clinic_tab.checked() or {}
            if not values:
                return self._incomplete(self.clinic_tab)
        self._set_saving(True)
        if self._mail_changed():  # the mail page checks its own values: it goes first
            self._after_mail = lambda: self._write(values, practitioner)
            if not self.mail_tab.save():
                self._after_mail = None
                self._set_saving(False)
                return False
        else:
            self._write(values, practitioner)
        return True

    def _write(self, values: dict[str, str], practitioner: PractitionerChange | None) -> None:
        if not values and practitioner is None:
            self._stored(None)
            return
        self.runner.write(
            _clinic_setup.save_setup,
            self.db,
            values,
            practitioner,
            done=while_alive(self, self._stored),
            failed=while_alive(self, self._not_stored),
        )

    def _set_saving(self, saving: bool) -> None:
        self.saving = saving
        self._editable(not saving)
        if saving:
            self.message.say(self.tr("Saving..."), serious=False)

    def _stored(self, setup: ClinicSetup | None) -> None:
        self._set_saving(False)
        if setup is not None:
            self.clinic_tab.show_values(setup.settings)
            if setup.saved_practitioner is not None:
                self.practitioners_tab.show_saved(setup)
            elif not self.practitioners_tab.has_changes():
                self.practitioners_tab.show_people(setup.practitioners)
        self.message.say(self.tr("Saved."), serious=False)
        self.saved.emit()
        if self._close_after_save:
            self._close_after_save = False
            super().reject()

    def _not_stored(self, error: BaseException) -> None:
        if isinstance(error, ValidationError) and self.clinic_tab.show_error(error):
            self._refused(self.clinic_tab)
        elif isinstance(error, ValidationError) and self.practitioners_tab.show_error(error):
            self._refused(self.practitioners_tab)
        else:
            self._refused(None, plain_message(error))

    def _refused(self, tab: QWidget | None, text: str = "") -> None:
        """Nothing (more) was saved: what was typed stays, the reason is shown."""
        self._set_saving(False)
        self._close_after_save = False
        if tab is not None:
            self._incomplete(tab)
        else:
            self.message.say(text)
        self.saveFailed.emit(self.message.text())

    # --- closing ----------------------------------------------------------------------------

    def reject(self) -> None:
        """Close, Esc and the title bar's X: asks first when something is not saved."""
        if self.saving:  # closes once the save has answered; stays open if it is refused
            self._close_after_save = True
            return
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
            self._close_after_save = True  # closes when the save answers, not before
            if not self.save():
                self._close_after_save = False
        elif answer == QMessageBox.StandardButton.Discard:
            super().reject()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.saving or self.unsaved_tabs():
            event.ignore()
            self.reject()
            return
        super().closeEvent(event)
