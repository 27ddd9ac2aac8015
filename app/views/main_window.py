"""The reception window: find a patient, see their cases, book, and act on appointments."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QEvent, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMainWindow,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.dialogs.base import fitting_size, ui_settings
from app.dialogs.import_dialog import install_patient_import
from app.dialogs.review_page import link_not_set_up_text
from app.services.changes import Changes
from app.services.dto import BookingResult, CaseInfo, PatientRecord
from app.services.errors import NotFoundError
from app.views.backup_schedule import install_backups
from app.views.book import install_book
from app.views.booking_banner import BookingBanner
from app.views.case_panel import CasePanel
from app.views.desk import desk_for
from app.views.export_action import install_export
from app.views.messaging import install_messaging
from app.views.patient_merge_commands import PatientMergeCommands
from app.views.patient_pane import PatientPane
from app.views.patient_panel import PatientPanel
from app.views.print_day import install_print_day
from app.views.role_actions import RoleActions
from app.views.runner import plain_message, service
from app.views.window_actions import build_actions
from app.views.window_commands import Feedback, Selection, WindowCommands
from app.views.window_menus import WindowMenus

if TYPE_CHECKING:
    from app.db import Database

_patients = service("patients")
_settings = service("settings")


class MainWindow(QMainWindow):
    """Reads through `runner` and refreshes on `bus`: it never waits on the database."""

    recordShown = Signal(int)  # the patient now shown (0: none), once their record is in

    def __init__(self, db: Database) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)  # the clinic's name follows once its settings are read
        self.db = db
        self.desk = desk_for(db)
        self.runner, self.bus = self.desk.runner, self.desk.bus
        self.settings_known = False
        self.clinic: dict[str, str] = {}
        self.zone = ZoneInfo("UTC")
        self.region = "IN"
        self.record: PatientRecord | None = None
        self._focus: tuple[int, int, int] | None = None  # patient, case, appointment to show
        self._wizard = None
        self.demo = False
        self._link_template = ""

        self.actions = build_actions(self)
        self.patients = PatientPane(db, self.runner, self.bus, self)
        self.patient_panel = PatientPanel(self)
        self.case_panel = CasePanel(self)
        self.banner = BookingBanner(self, "bookingBanner")
        self.notice = BookingBanner(self, "noticeBanner")
        self.commands = WindowCommands(
            self,
            self.runner,
            db,
            Selection(
                record=lambda: self.record,
                case=self.current_case,
                appointment=lambda: self.case_panel.current_appointment() if self.record else None,
                cases=self.case_panel.cases,
                zone=lambda: self.zone,
                region=lambda: self.region,
            ),
            Feedback(self.notice, self.statusBar()),
            self.actions,
        )
        self.record_merges = PatientMergeCommands(
            self, self.runner, db, self.commands.selection, self.commands.feedback
        )
        self._build_layout()
        self._build_menus()
        self._connect()
        # The clinic's settings and the change mark are read just after the window first
        # paints (see event()), not while the receptionist waits for it to appear.
        self._first_read_done = False
        self.patients.start()
        self.bus.watch_other_desks()
        self.messaging = install_messaging(self, db)  # Outbox, follow-ups, background sender
        self.menus = WindowMenus(self, self.messaging.open_settings)  # File first, Help last
        self.book = install_book(self, db)  # the appointment book, a tab beside the patients
        install_patient_import(self, db)  # File > Import patients...
        self.export = install_export(self, db)  # File > Export... (FHIR)
        self.print_day = install_print_day(self, db)  # File > Print day... (Ctrl+P)
        self.backups = install_backups(self, db)  # daily and exit backups, File > Restore
        self.roles = RoleActions(self)  # what the signed-in member's role may do
        self._update_actions()
        self.statusBar().setObjectName("statusBar")  # made now, so it is part of the layout
        self._restore_layout()

    # --- building -------------------------------------------------------------------------

    def _build_layout(self) -> None:
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self.patient_panel)
        line = QFrame(right)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        right_layout.addWidget(line)
        right_layout.addWidget(self.case_panel, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.patients)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 4)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setChildrenCollapsible(False)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

    def _build_menus(self) -> None:
        a = self.actions
        toolbar = QToolBar(self.tr("Main"), self, objectName="mainToolBar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.new_booking_button = QToolButton(toolbar, objectName="newBookingButton")
        self.new_booking_button.setDefaultAction(a.new_booking)
        toolbar.addWidget(self.new_booking_button)
        for action in (a.book_for_patient, a.edit_patient):
            toolbar.addAction(action)
        toolbar.addSeparator()
        toolbar.addAction(a.refresh)
        self.addToolBar(toolbar)
        self.patient_panel.add_actions([a.edit_patient, a.book_for_patient])
        case_actions = [
            a.book_follow_up,
            a.edit_case,
            a.close_case,
            a.reopen_case,
            a.merge_cases,
            a.undo_merge,
        ]
        self.case_panel.add_case_actions(case_actions)
        appointment_actions = [
            a.confirm,
            a.arrived,
            a.completed,
            a.no_show,
            a.move_appointment,
            a.cancel_appointment,
            a.copy_link,
        ]
        self.case_panel.add_appointment_actions(appointment_actions)
        self.case_panel.button_for(a.book_follow_up).setObjectName("bookFollowUpButton")
        self.case_panel.button_for(a.move_appointment).setObjectName("moveAppointmentButton")
        self.case_panel.selector.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.case_panel.selector.addActions(case_actions)
        self.patients.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.patients.list.addActions([a.book_for_patient, a.edit_patient, a.merge_patient])
        bar = self.menuBar()
        menus = (
            (
                self.tr("&Patient"),
                [
                    a.new_booking,
                    a.book_for_patient,
                    a.edit_patient,
                    a.merge_patient,
                    a.undo_patient_merge,
                    a.patient_history,
                    a.find_patient,
                    a.refresh,
                ],
            ),
            # History only in the menus: more buttons would widen the case panel past 800 px.
            (self.tr("&Case"), [*case_actions, a.case_history]),
            (self.tr("&Appointment"), [*appointment_actions, a.appointment_history]),
        )
        for title, actions in menus:
            bar.addMenu(title).addActions(actions)

    def _connect(self) -> None:
        c, a = self.commands, self.actions
        a.new_booking.triggered.connect(lambda: self.open_booking(0))
        a.book_for_patient.triggered.connect(
            lambda: self.open_booking(self.patients.selected_patient_id)
        )
        a.edit_patient.triggered.connect(c.edit_patient)
        a.merge_patient.triggered.connect(self.record_merges.merge_patient)
        a.undo_patient_merge.triggered.connect(self.record_merges.undo_patient_merge)
        a.find_patient.triggered.connect(self._focus_search)
        a.refresh.triggered.connect(self.refresh)
        a.book_follow_up.triggered.connect(self.open_follow_up)
        a.edit_case.triggered.connect(c.edit_case)
        a.close_case.triggered.connect(c.close_case)
        a.reopen_case.triggered.connect(c.reopen_case)
        a.merge_cases.triggered.connect(c.merge_cases)
        a.undo_merge.triggered.connect(c.undo_merge)
        a.confirm.triggered.connect(lambda: c.change_status("confirmed"))
        a.arrived.triggered.connect(lambda: c.change_status("arrived"))
        a.completed.triggered.connect(lambda: c.change_status("completed"))
        a.no_show.triggered.connect(lambda: c.change_status("no_show"))
        a.cancel_appointment.triggered.connect(c.cancel_appointment)
        a.move_appointment.triggered.connect(c.move_appointment)
        a.copy_link.triggered.connect(self._copy_link)
        a.patient_history.triggered.connect(lambda: c.show_history("patient"))
        a.case_history.triggered.connect(lambda: c.show_history("case"))
        a.appointment_history.triggered.connect(lambda: c.show_history("appointment"))
        self.patients.patientSelected.connect(self.load_patient)
        self.patients.failed.connect(self.show_error)
        self.case_panel.caseChanged.connect(lambda _case: self._update_actions())
        self.case_panel.appointmentChanged.connect(lambda _appt: self._update_actions())
        self.bus.changed.connect(self._on_changes)
        self.bus.connection.connect(self._on_connection)

    # --- reading ----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._first_read_done:
            QTimer.singleShot(0, self, self._first_read)
        return super().event(event)

    def _first_read(self) -> None:
        """After the first paint: the clinic's settings."""
        if self._first_read_done:
            return
        self._first_read_done = True
        self._read_settings()

    def _read_settings(self) -> None:
        self.runner.query(
            "settings",
            _settings.get_all,
            self.db,
            done=self._settings_read,
            failed=self.show_error,
        )

    def _settings_read(self, values: dict[str, str]) -> None:
        self.clinic = dict(values)
        name = values.get("clinic.name", "")
        self._set_title(name)
        try:
            self.zone = ZoneInfo(values.get("clinic.timezone") or "UTC")
        except (ValueError, KeyError):
            self.zone = ZoneInfo("UTC")
        self.region = values.get("clinic.region", self.region)
        self._link_template = values.get("link.template", "")
        self.settings_known = True
        if self.record is not None:  # times shown before the zone was known
            self._show_record(self.record)

    def _set_title(self, clinic_name: str = "") -> None:
        title = f"{clinic_name} — {APP_NAME}" if clinic_name else APP_NAME
        self.setWindowTitle(f"{self.tr('DEMO')} — {title}" if self.demo else title)

    def mark_demo(self) -> None:
        """Labels the demo clinic in the title bar and a strip, so nobody takes it for the desk."""
        self.demo = True
        strip = QLabel(
            self.tr("Demo clinic — synthetic patients, not the real desk"),
            self,
            objectName="demoStrip",
        )
        strip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        strip.setStyleSheet(
            "#demoStrip { background: #f2b134; color: #2b1d00; font-weight: bold; padding: 3px; }"
        )
        self.centralWidget().layout().insertWidget(0, strip)
        self._set_title()

    def load_patient(self, patient_id: int) -> None:
        """Reads the patient's details and cases off the UI thread (the empty state for 0)."""
        self._first_read()
        if not patient_id:
            self.runner.cancel("patient")  # an answer still on its way is no longer wanted
            self._show_record(None)
            return
        self.runner.query(
            "patient",
            _patients.get_patient,
            self.db,
            patient_id,
            done=self._show_record,
            failed=lambda error: self._record_failed(patient_id, error),
        )

    def _record_failed(self, patient_id: int, error: BaseException) -> None:
        if isinstance(error, NotFoundError):  # merged away or removed at another desk
            if self.patients.selected_patient_id == patient_id:
                self._show_record(None)
            return
        self.show_error(error)

    def _show_record(self, record: PatientRecord | None) -> None:
        if record is not None and self.patients.selected_patient_id != record.patient.id:
            return  # the receptionist has moved on to another patient
        same_patient = (
            self.record is not None
            and record is not None
            and (self.record.patient.id == record.patient.id)
        )
        self.record = record
        self.patient_panel.show_patient(record.patient if record else None)
        keep = (
            self.case_panel.current_case().id
            if same_patient and self.case_panel.current_case()
            else 0
        )
        focus_appointment = 0
        if self._focus and record and self._focus[0] == record.patient.id:
            keep, focus_appointment = self._focus[1], self._focus[2]
            self._focus = None
        self.case_panel.show_cases(record.cases if record else (), self.zone, keep)
        if record is not None:
            self.banner.follow_cases(record.patient.id, record.cases)
        if focus_appointment:
            self.case_panel.select_appointment(focus_appointment)
        self._update_actions()
        self.recordShown.emit(record.patient.id if record else 0)

    def refresh(self) -> None:
        """Reads everything shown again (F5): as if anything might have changed."""
        self.bus.publish(Changes.all())

    def _on_changes(self, changes: Changes) -> None:
        """Something changed, here or at another desk: read again what this window shows."""
        if changes.touches("setting"):
            self._read_settings()
        shown = self.record.patient.id if self.record else self.patients.selected_patient_id
        if shown and changes.touches_patient(shown):
            self.load_patient(shown)

    def _on_connection(self, ok: bool, words: str) -> None:
        if ok and not words:  # the first connection: nothing to say
            return
        if ok:
            self.notice.show_message(self.tr("Connected to the database again."), "info")
        else:
            self.show_error(
                self.tr("Lost the connection to the database; trying again. ")
                + self.tr("Nothing typed is lost.")
            )

    # --- booking ----------------------------------------------------------------------------

    def open_follow_up(self) -> None:
        """The booking wizard for another appointment in the selected (open) case."""
        case = self.current_case()
        if case is not None and case.status == "open":
            self.open_booking(case.patient_id, follow_up=case)

    def open_booking(self, patient_id: int = 0, follow_up: CaseInfo | None = None) -> None:
        """Opens the booking wizard without blocking the window's event loop."""
        if self._wizard is not None:
            self._wizard.raise_()
            self._wizard.activateWindow()
            return
        from app.dialogs.booking_wizard import BookingWizard

        wizard = BookingWizard(
            self.db,
            self,
            patient_id=patient_id,
            clinic=self.clinic if self.settings_known else None,
            follow_up=follow_up,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.booked.connect(self.on_booked)
        wizard.finished.connect(self._wizard_closed)
        self._wizard = wizard
        wizard.open()

    def _wizard_closed(self, _result: int) -> None:
        self._wizard = None

    def on_booked(self, result: BookingResult) -> None:
        """Shows the booking in the banner and brings the patient, case and appointment into view."""
        self._first_read()
        self.banner.show_booking(result, self.zone)
        self.messaging.booked(result)  # QR, copy, WhatsApp; its e-mail goes out now
        link_warning = link_not_set_up_text(self._link_template)
        if link_warning:  # never hand out a placeholder link without saying so
            self.notice.show_message(link_warning, "error")
        self._focus = (result.patient_id, result.case_id, result.appointment_id)
        if self.patients.selected_patient_id == result.patient_id:
            self.load_patient(result.patient_id)
        self.patients.show_patient(result.patient_id, result.case_code)

    # --- small things -----------------------------------------------------------------------

    def current_case(self) -> CaseInfo | None:
        return self.case_panel.current_case() if self.record else None

    def _focus_search(self) -> None:
        self.patients.search.setFocus()
        self.patients.search.selectAll()

    def _copy_link(self) -> None:
        appointment = self.case_panel.current_appointment()
        if appointment is not None:
            QGuiApplication.clipboard().setText(appointment.link)
            self.tell(self.tr("Link copied."))

    def tell(self, text: str, timeout_ms: int = 8_000) -> None:
        """What an action did: in the notice banner (seen) and the status bar (kept short)."""
        self.notice.show_message(text, "info")
        self.statusBar().showMessage(text, timeout_ms)

    def show_error(self, error: BaseException | str) -> None:
        text = error if isinstance(error, str) else plain_message(error)
        self.notice.show_message(text, "error")
        self.statusBar().showMessage(text, 15_000)

    def _update_actions(self) -> None:
        a, case = self.actions, self.current_case()
        appointment = self.case_panel.current_appointment() if case else None
        has_patient = self.record is not None
        a.book_for_patient.setEnabled(has_patient)
        a.edit_patient.setEnabled(has_patient)
        a.merge_patient.setEnabled(has_patient)
        a.undo_patient_merge.setEnabled(has_patient and bool(self.record.undoable_merge_id))
        a.patient_history.setEnabled(has_patient)
        a.case_history.setEnabled(case is not None)
        a.appointment_history.setEnabled(appointment is not None)
        a.edit_case.setEnabled(case is not None)
        a.book_follow_up.setEnabled(case is not None and case.status == "open")
        a.close_case.setEnabled(case is not None and case.status == "open")
        a.reopen_case.setEnabled(case is not None and case.status == "closed")
        a.merge_cases.setEnabled(case is not None and len(self.case_panel.cases()) > 1)
        a.undo_merge.setEnabled(case is not None and bool(case.merged_codes))
        self.commands.update_appointment_actions(appointment)
        self.roles.limit(appointment)

    def _restore_layout(self) -> None:
        """The size, place and docks the receptionist left; else a size that fits 1366x768."""
        saved = ui_settings()
        geometry, state = saved.value("mainWindow/geometry"), saved.value("mainWindow/state")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(fitting_size(self, QSize(1280, 720)))
        if isinstance(state, QByteArray) and not state.isEmpty():
            self.restoreState(state)

    def _save_layout(self) -> None:
        saved = ui_settings()
        saved.setValue("mainWindow/geometry", self.saveGeometry())
        saved.setValue("mainWindow/state", self.saveState())
        saved.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._save_layout()
        self.messaging.stop()
        self.desk.close()
        super().closeEvent(event)
