"""Patient messages in the reception window: the sender, Outbox and Reservations docks, a menu.

Kept out of main_window.py so the window only calls `install_messaging(window)`,
`messaging.booked(result)` after a booking and `messaging.stop()` when closing.
The docks keep themselves up to date from the change bus (the sender's writes are
announced like any other), so nothing here tells a view to refresh.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import CaseDeskDialog
from app.dialogs.mail_settings import MailSettingsPage
from app.services.errors import CaseDeskError
from app.views.booking_banner import BookingBanner
from app.views.desk import desk_for
from app.views.outbox_sender import OutboxSender
from app.views.outbox_view import OutboxView
from app.views.reservations_view import ExpiringReferralsView, ReservationsView
from app.views.runner import plain_message, service

if TYPE_CHECKING:
    from app.db import Database
    from app.services.dto import BookingResult
    from app.services.patient_link import PatientMessage

_patient_link = service("patient_link")


class MailSettingsDialog(CaseDeskDialog):
    """The mail page on its own, until it has a tab in a settings dialog."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailSettingsDialog")
        self.setWindowTitle(self.tr("Mail settings"))
        self.page = MailSettingsPage(db, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.page.save)
        self.buttons.rejected.connect(self.reject)
        self.page.saved.connect(self.accept)  # a bad value keeps it open, the field named
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(self.buttons)


class Messaging(QObject):
    """Owns the background sender and the two docks of one main window."""

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.runner = desk_for(db).runner
        # The booking banner, found by name: the window shows it; here it only gains the
        # patient message (QR code, copy, WhatsApp) once that is read.
        self.banner = window.findChild(BookingBanner, "bookingBanner")
        self.sender = OutboxSender(db, self)
        self.outbox_view = OutboxView(db, self.sender, window, load=False)
        self.reservations_view = ReservationsView(db, window, load=False)
        self.outbox_dock = self._dock(self.tr("Outbox"), "outboxDock", self.outbox_view)
        self.expiring_view = ExpiringReferralsView(db, window, load=False)
        self.expiring_view.openCase.connect(self._open_case)
        # Unconfirmed reservations and referrals about to run out: both are calls to make.
        follow_ups = QSplitter(Qt.Orientation.Horizontal, objectName="reservationsSplitter")
        follow_ups.addWidget(self.reservations_view)
        follow_ups.addWidget(self.expiring_view)
        follow_ups.setStretchFactor(0, 3)
        follow_ups.setStretchFactor(1, 2)
        self.reservations_dock = self._dock(
            self.tr("Reservations to follow up"), "reservationsDock", follow_ups
        )
        window.tabifyDockWidget(self.outbox_dock, self.reservations_dock)
        self._build_menu()
        self.reservations_view.resent.connect(lambda _id: self.sender.send_now())

    def _open_case(self, patient_id: int, case_id: int, case_code: str) -> None:
        """The patient in the patient panel with this case chosen (as the book opens one)."""
        window = self.window
        window._focus = (patient_id, case_id, 0)
        if window.patients.selected_patient_id == patient_id:
            window.load_patient(patient_id)
        window.patients.show_patient(patient_id, case_code)

    def _dock(self, title: str, name: str, widget: QWidget) -> QDockWidget:
        dock = QDockWidget(title, self.window, objectName=name)
        dock.setWidget(widget)
        dock.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea)
        self.window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        dock.hide()
        return dock

    def _build_menu(self) -> None:
        outbox_action = self.outbox_dock.toggleViewAction()
        outbox_action.setText(self.tr("&Outbox"))
        outbox_action.setObjectName("outboxAction")
        outbox_action.setShortcut("Ctrl+Shift+O")
        follow_up = self.reservations_dock.toggleViewAction()
        follow_up.setText(self.tr("&Reservations to follow up"))
        follow_up.setObjectName("reservationsAction")
        follow_up.setShortcut("Ctrl+Shift+F")
        self.send_action = QAction(self.tr("&Send waiting messages now"), self.window)
        self.send_action.setObjectName("sendOutboxAction")
        self.send_action.triggered.connect(self.sender.send_now)
        menu = self.window.menuBar().addMenu(self.tr("&Messages"))
        menu.setObjectName("messagesMenu")
        menu.addActions([outbox_action, follow_up, self.send_action])
        toolbar = self.window.findChild(QWidget, "mainToolBar")
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addActions([outbox_action, follow_up])

    def start(self) -> None:
        """Starts the background sender (first pass at once)."""
        self.sender.start()

    def stop(self) -> None:
        self.sender.stop()

    def booked(self, result: BookingResult) -> None:
        """After a booking: send its message now, and offer QR, copy and WhatsApp in the banner."""
        if result.message_id is not None:
            self.sender.send_now()
        if self.banner is None:
            return
        self.runner.query(
            "booked-message",
            _patient_message,
            self.db,
            result.appointment_id,
            done=self._show_patient_message,
            failed=_message_failed,
        )

    def _show_patient_message(self, answer: tuple[PatientMessage, bytes]) -> None:
        message, qr_png = answer
        if self.banner.link != message.link:
            return  # the banner has moved on to another booking or a notice
        self.banner.show_patient_message(message.copy_text, message.whatsapp_url, qr_png)

    def open_mail_settings(self) -> QDialog:
        return self.open_settings("mail")

    def open_settings(self, tab: str = "clinic") -> QDialog:
        """Settings (File > Settings) on `tab`; the mail page on its own if Settings is missing."""
        try:
            from app.dialogs.settings_dialog import SettingsDialog
        except ImportError:
            dialog = MailSettingsDialog(self.db, self.window)
        else:
            dialog = SettingsDialog(self.db, self.window)
            dialog.show_tab(tab)
        page = dialog.findChild(MailSettingsPage)
        if page is not None:  # new mail settings: the waiting messages may go out now
            page.saved.connect(self.sender.send_now)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _patient_message(db: Database, appointment_id: int) -> tuple[PatientMessage, bytes]:
    """On a worker: the booking's message and the QR code of its link."""
    message = _patient_link.message_for_appointment(db, appointment_id)
    return message, _patient_link.qr_png(message.link)


def _message_failed(error: BaseException) -> None:
    if not isinstance(error, CaseDeskError):  # expected ones: the banner still shows the link
        plain_message(error)  # logged


def install_messaging(window: QMainWindow, db: Database, start: bool = True) -> Messaging:
    """Adds the Messages menu and docks to `window` and starts its background sender."""
    messaging = Messaging(window, db)
    if start:
        messaging.start()
    return messaging
