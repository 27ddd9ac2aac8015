"""First launch on an empty database: a short setup, or "Try with demo data"."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
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
from app.dialogs.practitioners_panel import PractitionerForm
from app.dialogs.settings_forms import ClinicForm
from app.dialogs.widgets import FieldMessage
from app.services import practitioners, settings
from app.services.errors import CaseDeskError, ValidationError

SETUP, DEMO = "setup", "demo"


def needs_first_launch(db) -> bool:
    """An empty clinic: no practitioner at all and no clinic name."""
    if practitioners.list_practitioners(db, active_only=False):
        return False
    return not settings.get(db, "clinic.name").strip()


class FirstLaunchDialog(CaseDeskDialog):
    """`choice` is SETUP (saved) or DEMO once accepted; rejecting means quit."""

    def __init__(self, db, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.choice: str | None = None
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
        self.clinic.load(settings.get_all(db))
        clinic_box = QGroupBox(self.tr("Clinic"))
        QVBoxLayout(clinic_box).addWidget(self.clinic)
        clinic_box.layout().addStretch(1)  # fields at the top, not spread over the box
        self.practitioner = PractitionerForm(self)
        people_box = QGroupBox(self.tr("First practitioner"))
        QVBoxLayout(people_box).addWidget(self.practitioner)
        people_box.layout().addStretch(1)
        link_box = self._link_box()
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
        columns = QHBoxLayout()
        columns.addWidget(clinic_box, 1)
        columns.addWidget(people_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addWidget(link_box)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.resize(980, 600)
        self.clinic.name.setFocus()

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
        values = self.clinic.checked_values()
        person = self.practitioner.checked()
        link = self._checked_link()
        if values is None or person is None or link is None:
            self.message.say(self.tr("Please correct the fields marked above."))
            return False
        name, minutes, hours = person
        try:
            settings.set_many(self.db, {**values, **link})
            practitioners.add_practitioner(self.db, name, hours, minutes)
        except CaseDeskError as exc:
            self.message.say(str(exc))
            return False
        self.choice = SETUP
        self.accept()
        return True

    def choose_demo(self) -> None:
        self.choice = DEMO
        self.accept()


def first_launch(database: str) -> str | None:
    """Before the main window: the database to open, or None when the receptionist quit.

    Shown only for an empty clinic; "Try with demo data" answers the demo database.
    """
    from app.db import Database

    db = Database(database)
    try:
        if not needs_first_launch(db):
            return database
        dialog = FirstLaunchDialog(db)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return config.demo_database() if dialog.choice == DEMO else database
    finally:
        db.dispose()
