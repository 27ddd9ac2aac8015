"""Patient messages in the reception window: the sender, Outbox and Reservations docks, a menu.

Kept out of main_window.py so the window only calls `install_messaging(window)`,
`messaging.booked(result)` after a booking and `messaging.stop()` when closing.
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
    QVBoxLayout,
    QWidget,
)

from app.dialogs.base import CaseDeskDialog
from app.dialogs.mail_settings import MailSettingsPage
from app.services import outbox, patient_link
from app.services.errors import CaseDeskError
from app.views.outbox_sender import OutboxSender
from app.views.outbox_view import OutboxView
from app.views.reservations_view import ReservationsView

if TYPE_CHECKING:
    from app.db import Database
    from app.services.dto import BookingResult


class MailSettingsDialog(CaseDeskDialog):
    """The mail page on its own, until it has a tab in a settings dialog."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mailSettingsDialog")
        self.setWindowTitle(self.tr("Mail settings"))
        self.page = MailSettingsPage(db, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.page, 1)
        layout.addWidget(buttons)

    def _save(self) -> None:
        if self.page.save():  # a bad value keeps the dialog open, the field named
            self.accept()


class Messaging(QObject):
    """Owns the background sender and the two docks of one main window."""

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        self.sender = OutboxSender(db, self)
        self.outbox_view = OutboxView(db, self.sender, window, load=False)
        self.reservations_view = ReservationsView(db, window, load=False)
        self.outbox_dock = self._dock(self.tr("Outbox"), "outboxDock", self.outbox_view)
        self.reservations_dock = self._dock(
            self.tr("Reservations to follow up"), "reservationsDock", self.reservations_view
        )
        window.tabifyDockWidget(self.outbox_dock, self.reservations_dock)
        self._build_menu()
        self.sender.passFinished.connect(self._pass_finished)
        self.outbox_view.changed.connect(self._changed_here)
        self.reservations_view.changed.connect(self._changed_here)
        self.reservations_view.resent.connect(lambda _id: self.sender.send_now())

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
        for dock in (self.outbox_dock, self.reservations_dock):
            dock.visibilityChanged.connect(lambda shown, d=dock: shown and self._refresh(d))

    def start(self) -> None:
        """Starts the background sender (first pass at once)."""
        self.sender.start()

    def stop(self) -> None:
        self.sender.stop()

    def booked(self, result: BookingResult) -> None:
        """After a booking: send its message now, and offer QR, copy and WhatsApp in the banner."""
        if result.message_id is not None:
            self.sender.send_now()
        banner = getattr(self.window, "banner", None)
        if banner is None or not hasattr(banner, "show_patient_message"):
            return
        try:
            message = patient_link.message_for_appointment(self.db, result.appointment_id)
        except CaseDeskError:
            return  # the banner still shows the link; the rest is a convenience
        banner.show_patient_message(
            message.copy_text, message.whatsapp_url, patient_link.qr_png(message.link)
        )

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
            page.saved.connect(self.outbox_view.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _refresh(self, dock: QDockWidget) -> None:
        dock.widget().refresh()

    def _changed_here(self) -> None:
        after_change = getattr(self.window, "after_change", None)
        if after_change is not None:
            after_change()
        if self.reservations_dock.isVisible():
            self.reservations_view.refresh()

    def _pass_finished(self, report: outbox.SendReport) -> None:
        if not report.attempts:
            return
        refresh = getattr(self.window, "after_change", None)
        if refresh is not None:
            refresh()  # the appointment rows show the new message state
        if self.reservations_dock.isVisible():
            self.reservations_view.refresh()


def install_messaging(window: QMainWindow, db: Database, start: bool = True) -> Messaging:
    """Adds the Messages menu and docks to `window` and starts its background sender."""
    messaging = Messaging(window, db)
    if start:
        messaging.start()
    return messaging
