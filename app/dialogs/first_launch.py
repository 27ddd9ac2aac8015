"""First launch on an empty database: a short setup, or "Try with demo data".

Whether it is needed is decided in app/gui.py before any window exists. The dialog
itself never waits on the database: the clinic's defaults are read, the set-up is
saved and the demo clinic is prepared through the desk's runner, each with a word
on screen while it runs and the answer beside the fields.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, config
from app.dialogs.base import CaseDeskDialog
from app.dialogs.first_admin import FirstAdminBox
from app.dialogs.practitioners_panel import PractitionerForm
from app.dialogs.settings_forms import ClinicForm
from app.dialogs.widgets import FieldMessage, while_alive
from app.services import settings
from app.services.dto import ClinicSetup, PractitionerChange
from app.services.errors import ValidationError
from app.views.desk import desk_for
from app.views.runner import plain_message, service

SETUP, DEMO = "setup", "demo"
_clinic_setup = service("clinic_setup")
_demo_data = service("demo_data")
_accounts = service("accounts")


class FirstLaunchDialog(CaseDeskDialog):
    """`choice` is SETUP (saved) or DEMO (the demo clinic prepared) once accepted;
    rejecting means quit. `failed(text)` follows a save or demo that did not happen."""

    loaded = Signal()
    failed = Signal(str)

    def __init__(self, db, parent: QWidget | None = None, demo_database: str = "") -> None:
        super().__init__(parent)
        self.db = db
        self.demo_database = demo_database or config.demo_database()
        self.desk = desk_for(db)
        self.choice: str | None = None
        self.is_loaded = False
        self.busy = False
        self.admin_made = False  # the first administrator, when one was asked for
        self.setObjectName("firstLaunchDialog")
        self.setWindowTitle(self.tr("Welcome to %1").replace("%1", APP_NAME))
        intro = QLabel(
            self.tr(
                "Tell CaseDesk about your clinic and its first practitioner. "
                "You can change all of this later in Settings. * marks what is required."
            ),
            wordWrap=True,
        )
        self.clinic = ClinicForm(self)
        clinic_box = QGroupBox(self.tr("Clinic"))
        QVBoxLayout(clinic_box).addWidget(self.clinic)
        clinic_box.layout().addStretch(1)  # fields at the top, not spread over the box
        self.practitioner = PractitionerForm(self)
        people_box = QGroupBox(self.tr("First practitioner"))
        QVBoxLayout(people_box).addWidget(self.practitioner)
        people_box.layout().addStretch(1)
        self.link_box = self._link_box()
        self.message = FieldMessage(objectName="firstLaunchMessage")
        self.start_button = QPushButton(self.tr("&Start using CaseDesk"), objectName="startButton")
        self.demo_button = QPushButton(self.tr("Try with &demo data"), objectName="demoButton")
        self.quit_button = QPushButton(self.tr("&Quit"), objectName="quitButton")
        self.start_button.setDefault(True)
        self.demo_button.setToolTip(
            self.tr(
                "Opens a separate demo database with made-up patients; nothing real is touched."
            )
        )
        self.start_button.clicked.connect(self.save_setup)
        self.demo_button.clicked.connect(self.choose_demo)
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.start_button)
        self.admin = FirstAdminBox(self)
        left = QVBoxLayout()
        left.addWidget(clinic_box, 1)
        left.addWidget(self.admin)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addWidget(people_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(self.link_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(980, 600)
        self._boxes = (clinic_box, people_box, self.link_box, self.admin)
        for widget in (*self._boxes, self.start_button):  # filled in once the defaults are read
            widget.setEnabled(False)
        self.desk.runner.query(
            f"first-launch-{id(self)}",
            _clinic_setup.read_setup,
            db,
            done=while_alive(self, self._setup_in),
            failed=while_alive(self, self._load_failed),
        )

    def _link_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Patient link and e-mail"))
        self.link = QLineEdit(objectName="firstLaunchLinkEdit")
        self.link.setPlaceholderText(self.tr("https://your-booking-site/a/{token}"))
        self.link_message = FieldMessage(objectName="firstLaunchLinkMessage")
        later = QLabel(
            self.tr(
                "The link is the address each patient gets to confirm their appointment; it "
                "must contain {token}. E-mail is set up in File > Settings > Mail. Both can be "
                "done later in File > Settings: until the link is set, CaseDesk tells you at "
                "each booking, and messages wait in the Outbox until mail is set up."
            ),
            wordWrap=True,
            objectName="firstLaunchLaterNote",
        )
        form = QFormLayout(box)
        form.addRow(self.tr("Patient &link"), self.link)
        form.addRow("", self.link_message)
        form.addRow(later)
        return box

    # --- reading ----------------------------------------------------------------------------

    def _setup_in(self, setup: ClinicSetup) -> None:
        self.clinic.load(setup.settings)
        self.is_loaded = True
        self._set_busy(False)
        self.clinic.name.setFocus()
        self.loaded.emit()

    def _load_failed(self, error: BaseException) -> None:
        self._set_busy(False, plain_message(error))
        self.start_button.setEnabled(False)  # nothing to save over what could not be read
        self.failed.emit(self.message.text())

    def _set_busy(self, busy: bool, words: str = "") -> None:
        """While reading or saving: nothing to edit or press but the words saying what runs."""
        self.busy = busy
        for widget in (*self._boxes, self.start_button, self.demo_button, self.quit_button):
            widget.setEnabled(not busy)
        self.admin.setEnabled(not busy and not self.admin_made)
        self.message.say(words, serious=not busy)

    # --- saving -----------------------------------------------------------------------------

    def _checked_link(self) -> dict[str, str] | None:
        """{} when left for later, the link when it is good, None after saying what is wrong."""
        typed = self.link.text().strip()
        if not typed:
            self.link_message.say("")
            return {}
        try:
            clean = settings.validate("link.template", typed)
        except ValidationError as exc:
            self.link_message.say(exc.message)
            return None
        self.link_message.say("")
        return {"link.template": clean}

    def save_setup(self) -> bool:
        """Starts saving the clinic and its first practitioner in one go; False (nothing
        saved) when a field is not right, said beside it. Accepted once saved."""
        if self.busy or not self.is_loaded:
            return False
        values = self.clinic.checked_values()
        person = self.practitioner.checked()
        link = self._checked_link()
        admin = self.admin.checked() if self.admin.wanted() and not self.admin_made else ()
        if values is None or person is None or link is None or admin is None:
            self.message.say(self.tr("Please correct the fields marked above."))
            return False
        name, minutes, hours = person
        self._set_busy(True, self.tr("Saving..."))
        if admin:  # the account first: a refused password leaves nothing saved
            self.desk.runner.write(
                _accounts.add_account,
                self.db,
                admin[0],
                "admin",
                admin[1],
                done=while_alive(
                    self, lambda _a: self._admin_made(values, link, name, hours, minutes)
                ),
                failed=while_alive(self, self._not_saved),
            )
            return True
        self._save(values, link, name, hours, minutes)
        return True

    def _admin_made(self, values, link, name, hours, minutes) -> None:
        self.admin_made = True  # a second try (the clinic refused) saves the clinic only
        self._save(values, link, name, hours, minutes)

    def _save(self, values: dict, link: dict, name: str, hours: dict, minutes: int) -> None:
        self.desk.runner.write(
            _clinic_setup.save_setup,
            self.db,
            {**values, **link},
            PractitionerChange(None, name, hours, minutes),
            done=while_alive(self, lambda _setup: self._chosen(SETUP)),
            failed=while_alive(self, self._not_saved),
        )

    def _not_saved(self, error: BaseException) -> None:
        self._set_busy(False)
        if self.admin.show_error(error) or (
            isinstance(error, ValidationError) and self._show_error(error)
        ):
            self.message.say(self.tr("Please correct the fields marked above."))
        else:
            self.message.say(plain_message(error))
        self.failed.emit(self.message.text())

    def _show_error(self, error: ValidationError) -> bool:
        if error.field == "link.template":
            self.link_message.say(error.message)
            return True
        if error.field == "name":
            self.practitioner.name_message.say(error.message)
            return True
        if error.field == "workingHours":
            self.practitioner.hours.message.say(error.message)
            return True
        return self.clinic.show_error(error)

    def choose_demo(self) -> None:
        """Prepares the demo clinic (filled with made-up patients the first time), then closes."""
        if self.busy:
            return
        self._set_busy(True, self.tr("Preparing the demo clinic..."))
        self.desk.runner.run(
            _demo_data.ensure_demo_clinic,
            self.demo_database,
            done=while_alive(self, lambda _none: self._chosen(DEMO)),
            failed=while_alive(self, self._demo_failed),
        )

    def _demo_failed(self, error: BaseException) -> None:
        self._set_busy(False, plain_message(error))
        self.failed.emit(self.message.text())

    def _chosen(self, choice: str) -> None:
        self.busy = False
        self.choice = choice
        self.accept()

    def reject(self) -> None:
        """Quit, Esc and the title bar's X; not while a save is on its way."""
        if not self.busy:
            super().reject()

    def close_desk(self) -> None:
        """Waits for work still running and stops hearing changes (before the database goes)."""
        self.desk.close()
