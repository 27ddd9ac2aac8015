"""The window offers each staff role only what it may do (app/services/permissions.py).

The services remain the real check: another desk, a script or a stale menu could still ask,
and they refuse in plain words. Here the window only disables what the signed-in member's
role may not do, with a tooltip saying why, after every sign-in and switch user. With nobody
signed in (a database without accounts) everything stays as it was.

Actions whose state also follows the selection (Edit case needs a case) are disabled here
after the window has decided (`limit`, called at the end of MainWindow._update_actions);
those that do not (New booking, Settings) are set here outright (`apply`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from app.services.permissions import Permission, allows, in_own_book

if TYPE_CHECKING:
    from app.services.dto import AppointmentInfo
    from app.views.main_window import MainWindow

P = Permission
# The window's actions (WindowActions field names) and what each needs.
SELECTION_ACTIONS = {
    "book_for_patient": P.BOOKINGS,
    "edit_patient": P.PATIENTS,
    "merge_patient": P.PATIENTS,
    "undo_patient_merge": P.PATIENTS,
    "edit_case": P.BOOKINGS,
    "close_case": P.BOOKINGS,
    "reopen_case": P.BOOKINGS,
    "merge_cases": P.BOOKINGS,
    "undo_merge": P.BOOKINGS,
    "book_follow_up": P.BOOKINGS,
    "move_appointment": P.BOOKINGS,
    "cancel_appointment": P.BOOKINGS,
}
STATUS_ACTIONS = ("confirm", "arrived", "completed", "no_show")
# Actions found by objectName, enabled or not by the role alone.
NAMED_ACTIONS = {
    "importPatientsAction": P.PATIENTS,
    "sendOutboxAction": P.MESSAGES,
    "settingsAction": P.SETTINGS,
}
# The book's context menu (app/views/book_actions.py), by objectName.
BOOK_MENU_ACTIONS = {
    "schedule_book": P.BOOKINGS,
    "schedule_move": P.BOOKINGS,
    "schedule_cancel": P.BOOKINGS,
}
BOOK_MENU_STATUSES = tuple(
    f"schedule_{status}" for status in ("confirmed", "arrived", "completed", "no_show")
)
del P


class RoleActions(QObject):
    """Enables and disables `window`'s actions and buttons by the signed-in member's role."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.db = window.db
        self.tips: dict[int, str] = {}  # each action's own tooltip, put back when allowed
        file_menu = window.findChild(QMenu, "fileMenu")
        if file_menu is not None:  # a disabled Settings says why
            file_menu.setToolTipsVisible(True)

    # --- what the role may do ---------------------------------------------------------------

    def may(self, permission: Permission) -> bool:
        return allows(self.db.signed_in, permission)

    def own_book(self, practitioner_id: int | None) -> bool:
        """A practitioner's account acts in its own book only; the other roles in any."""
        return in_own_book(self.db.signed_in, practitioner_id)

    def may_change_status(self, practitioner_id: int | None) -> bool:
        """Statuses: anyone who may, a practitioner in their own book only."""
        return self.may(Permission.STATUSES) and self.own_book(practitioner_id)

    def may_move(self, practitioner_id: int | None) -> bool:
        """Moving (dragging a block in the book): bookings, and never in another's book."""
        return self.may(Permission.BOOKINGS) and self.own_book(practitioner_id)

    def status_refusal(self, practitioner_id: int | None) -> str:
        """Why the role may not change statuses in `practitioner_id`'s book ("" when it may)."""
        if not self.may(Permission.STATUSES):
            return self.why(Permission.STATUSES)
        return "" if self.own_book(practitioner_id) else self.own_book_only()

    def why(self, permission: Permission) -> str:
        if permission in (Permission.SETTINGS, Permission.ACCOUNTS, Permission.RESTORE):
            return self.tr("Needs an administrator account")
        return self.tr("Needs a reception or admin account")

    def own_book_only(self) -> str:
        return self.tr("A practitioner changes appointments in their own book only")

    # --- applying it ------------------------------------------------------------------------

    def apply(self) -> None:
        """After a sign-in or switch user: the window decides again, then the role limits."""
        for name, permission in NAMED_ACTIONS.items():
            action = self.window.findChild(QAction, name)
            if action is not None:
                action.setEnabled(True)
                self._say(action, permission)
        new_booking = self.window.actions.new_booking
        new_booking.setEnabled(True)
        self._say(new_booking, Permission.BOOKINGS)
        self._limit_docks()
        self.window._update_actions()  # ends in limit()

    def _limit_docks(self) -> None:
        """The book's Today desk and drags, the Outbox and the reservations to follow up."""
        book = getattr(self.window, "book", None)
        if book is not None:  # the Today desk's marks and the drags in the book
            book.today.refusal = self.status_refusal
            book.today.update_buttons()
            book.model.may_drag = self.may_move
        messaging = getattr(self.window, "messaging", None)
        if messaging is None:
            return
        outbox = messaging.outbox_view
        outbox.may_act = self.may(Permission.MESSAGES)
        outbox.update_buttons()
        for button in (outbox.retry_button, outbox.cancel_button, outbox.send_button):
            button.setToolTip("" if outbox.may_act else self.why(Permission.MESSAGES))
        reservations = messaging.reservations_view
        needs = {
            reservations.resend_button: Permission.MESSAGES,
            reservations.cancel_button: Permission.BOOKINGS,
        }
        for button, permission in needs.items():
            reservations.allowed[button] = self.may(permission)
            button.setToolTip("" if self.may(permission) else self.why(permission))
        reservations.refusal = self.status_refusal  # Confirm: in the role's own book only
        reservations.update_buttons()

    def limit(self, appointment: AppointmentInfo | None) -> None:
        """Disables the selection's actions the role may not do (the window enabled them)."""
        actions = self.window.actions
        for name, permission in SELECTION_ACTIONS.items():
            self._say(getattr(actions, name), permission)
        practitioner_id = appointment.practitioner_id if appointment is not None else None
        own = self.may_change_status(practitioner_id)
        for name in STATUS_ACTIONS:
            action = getattr(actions, name)
            if own:
                self._put_back_tip(action)
            elif self.may(Permission.STATUSES):
                self._refuse(action, self.own_book_only())
            else:
                self._say(action, Permission.STATUSES)

    def limit_book_menu(self, menu: QMenu, practitioner_id: int) -> None:
        """The book's context menu on `practitioner_id`'s column."""
        menu.setToolTipsVisible(True)
        for action in menu.actions():
            name = action.objectName()
            if name in BOOK_MENU_ACTIONS and not self.may(BOOK_MENU_ACTIONS[name]):
                why = self.why(BOOK_MENU_ACTIONS[name])
            elif name in BOOK_MENU_STATUSES and not self.may_change_status(practitioner_id):
                why = self.own_book_only()
            else:
                continue
            action.setEnabled(False)  # a menu made for this click: no tooltip to put back
            action.setToolTip(why)

    def _say(self, action: QAction, permission: Permission) -> None:
        if self.may(permission):
            self._put_back_tip(action)
        else:
            self._refuse(action, self.why(permission))

    def _refuse(self, action: QAction, why: str) -> None:
        self.tips.setdefault(id(action), action.toolTip())
        action.setEnabled(False)
        action.setToolTip(why)

    def _put_back_tip(self, action: QAction) -> None:
        if id(action) in self.tips:
            action.setToolTip(self.tips.pop(id(action)))


def install_role_actions(window: MainWindow, gate: QObject) -> RoleActions:
    """Follows `gate`'s sign-ins (app/views/sign_in_gate.py) on `window`'s actions."""
    roles = window.roles
    gate.signedInChanged.connect(roles.apply)
    return roles
