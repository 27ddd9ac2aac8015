"""The reception window: find a patient, see their cases, book, and act on appointments."""

from __future__ import annotations

from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QSplitter,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.services import changes, patients, settings
from app.services.dto import BookingResult, CaseInfo, PatientRecord
from app.services.errors import CaseDeskError, NotFoundError
from app.views.booking_banner import BookingBanner
from app.views.case_panel import CasePanel
from app.views.messaging import install_messaging
from app.views.patient_pane import PatientPane
from app.views.patient_panel import PatientPanel
from app.views.tasks import TaskRunner, plain_message
from app.views.window_actions import build_actions
from app.views.window_commands import WindowCommands

if TYPE_CHECKING:
    from app.db import Database

POLL_MS = 3_000  # how often to look for changes another desk made


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)  # the clinic's name follows once its settings are read
        self.db = db
        self.tasks = TaskRunner(self)
        self.zone = ZoneInfo("UTC")
        self.region = "IN"
        self.record: PatientRecord | None = None
        self._focus: tuple[int, int, int] | None = None  # patient, case, appointment to show
        self._last_change = 0
        self._polling = False
        self._wizard = None

        self.actions = build_actions(self)
        self.patients = PatientPane(db, self.tasks, self)
        self.patient_panel = PatientPanel(self)
        self.case_panel = CasePanel(self)
        self.banner = BookingBanner(self, "bookingBanner")
        self.notice = BookingBanner(self, "noticeBanner")
        self.commands = WindowCommands(self)
        self._build_layout()
        self._build_menus()
        self._connect()
        # The clinic's settings and the change mark are read just after the window first
        # paints (see event()), not while the receptionist waits for it to appear.
        self._first_read_done = False
        self.patients.start()
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self.poll)
        self._poll_timer.start()
        self.messaging = install_messaging(self, db)  # Outbox, follow-ups, background sender
        self._update_actions()
        self.resize(1280, 760)

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
        case_actions = [a.edit_case, a.close_case, a.reopen_case, a.merge_cases, a.undo_merge]
        self.case_panel.add_case_actions(case_actions)
        self.case_panel.add_appointment_actions(
            [a.confirm, a.arrived, a.completed, a.no_show, a.cancel_appointment, a.copy_link]
        )
        self.case_panel.selector.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.case_panel.selector.addActions(case_actions)
        self.patients.list.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.patients.list.addActions([a.book_for_patient, a.edit_patient])
        bar = self.menuBar()
        menus = (
            (
                self.tr("&Patient"),
                [a.new_booking, a.book_for_patient, a.edit_patient, a.find_patient, a.refresh],
            ),
            (self.tr("&Case"), case_actions),
            (
                self.tr("&Appointment"),
                [a.confirm, a.arrived, a.completed, a.no_show, a.cancel_appointment, a.copy_link],
            ),
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
        a.find_patient.triggered.connect(self._focus_search)
        a.refresh.triggered.connect(self.refresh)
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
        a.copy_link.triggered.connect(self._copy_link)
        self.patients.patientSelected.connect(self.load_patient)
        self.patients.failed.connect(self.show_error)
        self.case_panel.caseChanged.connect(lambda _case: self._update_actions())
        self.case_panel.appointmentChanged.connect(lambda _appt: self._update_actions())

    # --- reading ----------------------------------------------------------------------------

    def _safe(self, fn, *args):
        """Runs a quick read on the UI thread; a failure is shown in plain words, not raised."""
        try:
            return fn(*args)
        except CaseDeskError as exc:
            self.show_error(str(exc))
            return None

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._first_read_done:
            QTimer.singleShot(0, self, self._first_read)
        return super().event(event)

    def _first_read(self) -> None:
        if self._first_read_done:
            return
        self._first_read_done = True
        self._read_settings()
        if not self._last_change:
            self._last_change = self._safe(changes.latest_change, self.db) or 0

    def _read_settings(self) -> None:
        values = self._safe(settings.get_all, self.db) or {}
        name = values.get("clinic.name", "")
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)
        try:
            self.zone = ZoneInfo(values.get("clinic.timezone") or "UTC")
        except (ValueError, KeyError):
            self.zone = ZoneInfo("UTC")
        self.region = values.get("clinic.region", self.region)

    def load_patient(self, patient_id: int) -> None:
        """Shows the patient's details and cases (or the empty state for 0)."""
        self._first_read()  # the clinic's time zone, should this come before the first paint
        record = None
        if patient_id:
            try:
                record = patients.get_patient(self.db, patient_id)
            except NotFoundError:
                record = None
            except CaseDeskError as exc:
                self.show_error(str(exc))
                return
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

    def refresh(self) -> None:
        """Reads everything shown again: after each change, and when another desk changed something."""
        self._first_read_done = True
        self._read_settings()
        self.patients.refresh()
        self.load_patient(self.patients.selected_patient_id)

    def poll(self) -> None:
        """A cheap look (one indexed max) for changes made at another desk."""
        if self._polling:
            return
        self._polling = True
        self.tasks.run(
            changes.latest_change, self.db, done=self._polled, failed=lambda _e: self._polled(None)
        )

    def _polled(self, latest: int | None) -> None:
        self._polling = False
        if latest is not None and latest != self._last_change:
            self._last_change = latest
            self.refresh()

    def after_change(self) -> None:
        """Our own write went through: note it so the poll does not read everything twice."""
        self._last_change = self._safe(changes.latest_change, self.db) or self._last_change
        self.refresh()

    # --- booking ----------------------------------------------------------------------------

    def open_booking(self, patient_id: int = 0) -> None:
        """Opens the booking wizard without blocking the window's event loop."""
        if self._wizard is not None:
            self._wizard.raise_()
            self._wizard.activateWindow()
            return
        try:
            from app.dialogs.booking_wizard import BookingWizard
        except ModuleNotFoundError as exc:
            if exc.name not in ("app.dialogs.booking_wizard", "app.dialogs"):
                raise
            self.show_error(self.tr("Booking is not available in this version of CaseDesk."))
            return
        wizard = BookingWizard(self.db, self, patient_id=patient_id)
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
        self._focus = (result.patient_id, result.case_id, result.appointment_id)
        self._last_change = self._safe(changes.latest_change, self.db) or self._last_change
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
            self.statusBar().showMessage(self.tr("Link copied."), 5000)

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
        a.edit_case.setEnabled(case is not None)
        a.close_case.setEnabled(case is not None and case.status == "open")
        a.reopen_case.setEnabled(case is not None and case.status == "closed")
        a.merge_cases.setEnabled(case is not None and len(self.case_panel.cases()) > 1)
        a.undo_merge.setEnabled(case is not None and bool(case.merged_codes))
        self.commands.update_appointment_actions(appointment)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._poll_timer.stop()
        self.messaging.stop()
        self.tasks.shutdown()
        super().closeEvent(event)
