"""What the book does with a slot or an appointment: book there, open, change, move, copy.

Status changes and Cancel reuse the window's commands (WindowCommands), pointed at
the appointment chosen in the book instead of the case panel's.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from app.services.dto import AppointmentInfo, BookEntry
from app.statuses import ALLOWED
from app.views.appointments_model import clinic_time
from app.views.runner import plain_message, service
from app.views.window_commands import NOT_MOVABLE, Feedback, Selection, WindowCommands

if TYPE_CHECKING:
    from app.views.book import BookPanel
    from app.views.main_window import MainWindow

log = logging.getLogger(__name__)

STATUS_ITEMS = (
    ("confirmed", QT_TRANSLATE_NOOP("BookActions", "Confirm")),
    ("arrived", QT_TRANSLATE_NOOP("BookActions", "Arrived")),
    ("completed", QT_TRANSLATE_NOOP("BookActions", "Completed")),
    ("no_show", QT_TRANSLATE_NOOP("BookActions", "No-show")),
)


class BookActions(QObject):
    def __init__(self, panel: BookPanel, window: MainWindow, db) -> None:
        super().__init__(panel)
        self.panel = panel
        self.window_ = window
        self.db = db
        self.chosen: BookEntry | None = None
        self.commands = WindowCommands(
            panel,
            panel.runner,
            db,
            Selection(
                record=lambda: None,
                case=lambda: None,
                appointment=self._chosen_info,
                cases=lambda: [],
                zone=lambda: panel.zone,
                region=lambda: window.region,
            ),
            Feedback(window.notice, window.statusBar()),
            window.actions,
        )
        self.last_menu: QMenu | None = None  # tests read the menu shown

    def _chosen_info(self) -> AppointmentInfo | None:
        """The chosen appointment in the shape the window's commands take."""
        e = self.chosen
        if e is None:
            return None
        names = {p.id: p.name for p in getattr(self.panel.book, "practitioners", ())}
        book = self.panel.book
        if book is not None and hasattr(book, "practitioner"):
            names[book.practitioner.id] = book.practitioner.name
        return AppointmentInfo(
            id=e.id,
            case_id=e.case_id,
            case_code=e.case_code,
            practitioner_id=e.practitioner_id,
            practitioner_name=names.get(e.practitioner_id, ""),
            starts_at=e.starts_at,
            ends_at=e.ends_at,
            status=e.status,
            kind="",
            notes=None,
            token="",
            link=e.link,
            message_status=e.message_status,
            needs_follow_up=e.past_hold,
            patient_has_email=e.patient_has_email,
        )

    # --- the menu -------------------------------------------------------------------------

    def menu_for(self, entry: BookEntry | None, practitioner_id: int, start: datetime) -> QMenu:
        menu = QMenu(self.panel.view)
        menu.setObjectName("scheduleMenu")
        if entry is None:
            book = menu.addAction(self.tr("&Book here…"))
            book.setObjectName("schedule_book")
            book.triggered.connect(lambda: self.book_at(practitioner_id, start))
            self._limit_to_role(menu, practitioner_id)
            return menu
        self.chosen = entry
        opened = menu.addAction(self.tr("&Open patient"))
        opened.triggered.connect(lambda: self.open_patient(entry))
        menu.addSeparator()
        allowed = ALLOWED.get(entry.status, set())
        for status, text in STATUS_ITEMS:
            action = menu.addAction(self.tr(text))
            action.setObjectName(f"schedule_{status}")
            action.setEnabled(status in allowed)
            action.triggered.connect(lambda _c=False, s=status: self.set_status(entry.id, s))
        move = menu.addAction(self.tr("&Move…"))
        move.setObjectName("schedule_move")
        move.setEnabled(entry.status not in NOT_MOVABLE)
        move.setToolTip(self.tr("Or drag the appointment to its new slot."))
        move.triggered.connect(lambda: self.open_move_dialog(entry))
        cancel = menu.addAction(self.tr("&Cancel appointment…"))
        cancel.setObjectName("schedule_cancel")
        cancel.setEnabled("cancelled" in allowed)
        cancel.triggered.connect(lambda: self.cancel(entry))
        menu.addSeparator()
        copy = menu.addAction(self.tr("Copy &link"))
        copy.setObjectName("schedule_copy_link")
        copy.triggered.connect(lambda: self.copy_link(entry))
        self._limit_to_role(menu, practitioner_id)
        return menu

    def _limit_to_role(self, menu: QMenu, practitioner_id: int) -> None:
        roles = getattr(self.window_, "roles", None)  # the window's RoleActions
        if roles is not None:
            roles.limit_book_menu(menu, practitioner_id)

    def menu_at(self, pos: QPoint) -> None:
        view = self.panel.view
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        model = self.panel.model
        practitioner_id = model.columns[index.column()].practitioner_id
        menu = self.menu_for(model.entry(index), practitioner_id, model.start(index))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_menu = menu
        menu.popup(view.viewport().mapToGlobal(pos))

    # --- acting ---------------------------------------------------------------------------

    def open_patient(self, entry: BookEntry) -> None:
        """The patient in the patient panel with this case and appointment selected."""
        window = self.window_
        window._focus = (entry.patient_id, entry.case_id, entry.id)
        if window.patients.selected_patient_id == entry.patient_id:
            window.load_patient(entry.patient_id)
        window.patients.show_patient(entry.patient_id, entry.case_code)
        tabs = getattr(self.panel, "tabs", None)
        if tabs is not None:
            tabs.setCurrentIndex(0)

    def book_at(self, practitioner_id: int, start: datetime) -> None:
        """The booking wizard with this practitioner and start already chosen."""
        self.window_.open_booking(0)
        wizard = getattr(self.window_, "_wizard", None)
        if wizard is not None:
            wizard.preset_slot(practitioner_id, start)

    def set_status(self, appointment_id: int, status: str) -> None:
        self.chosen = self.panel.entry_by_id(appointment_id)
        if self.chosen is not None:
            self.commands.change_status(status)

    def cancel(self, entry: BookEntry) -> None:
        self.chosen = entry
        self.commands.cancel_appointment()

    def copy_link(self, entry: BookEntry) -> None:
        QGuiApplication.clipboard().setText(entry.link)
        self.window_.tell(self.tr("Link copied."))

    def open_move_dialog(self, entry: BookEntry) -> None:
        """The window's move dialog (moveAppointmentDialog) for this appointment."""
        self.chosen = entry
        self.commands.move_appointment()

    def move(self, appointment_id: int, start: datetime, practitioner_id: int) -> None:
        """A dropped block: moved by the service, or back where it was with the reason."""
        window = self.window_

        def refused(error: BaseException) -> None:
            window.show_error(self.tr("Not moved: ") + plain_message(error))
            self.panel.reload()  # the block goes back to where it is stored

        log.info("moving appointment %s to practitioner %s", appointment_id, practitioner_id)
        self.panel.status.setText(self.tr("Moving…"))
        self.panel.runner.write(
            service("moves").move_appointment,
            self.db,
            appointment_id,
            start,
            practitioner_id,
            done=lambda moved: window.tell(
                self.tr("Appointment moved to {when}.").format(
                    when=clinic_time(moved.new_starts_at, self.panel.zone)
                )
            ),
            failed=refused,
        )
