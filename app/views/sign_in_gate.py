"""Sign-in at the window: nothing of the clinic shows, and nothing is read, until someone
has signed in (only on a database with staff accounts; without, the desk opens as before).

- At start the desk's runner is held (`create_main_window`); whether the database has
  accounts is asked past the hold. Without accounts the hold is released at once.
- `signInDialog` opens over a cover that hides the whole window; Quit closes the window.
- The idle lock: `security.idle_lock_minutes` without a key or a click covers the window
  again and asks for the password. Whatever was open (a half-filled booking wizard) is
  hidden, not closed, and shown again after the sign-in, whoever signs in: it is the
  desk's work, and the audit then names the new user.
- File > Switch user signs out, holds the runner and asks again; File > Lock now locks;
  File > Change my password.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME
from app.dialogs.sign_in_dialog import SignInDialog
from app.services.changes import Changes
from app.views.desk import desk_for
from app.views.runner import service

if TYPE_CHECKING:
    from app.db import Database
    from app.services.dto import StaffIdentity

_accounts = service("accounts")
_settings = service("settings")
IDLE_KEY = "security.idle_lock_minutes"
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
    QEvent.Type.TabletPress,
}
_NOT_KEPT = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)


class DeskCover(QWidget):
    """Covers the whole window (menus, patients, book) while nobody is signed in; what it
    covers is hidden too, so nothing of it is read out or painted underneath."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window, objectName="deskCover")
        self.setAutoFillBackground(True)
        self.words = QLabel(self, objectName="deskCoverLabel", wordWrap=True)
        self.words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.words.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.words.setFont(font)
        layout = QVBoxLayout(self)
        layout.addSpacing(48)  # above the dialog, which stands in the middle
        layout.addWidget(self.words)
        layout.addStretch(1)
        self.hide()
        self.hidden: list[QWidget] = []

    def cover(self, words: str) -> None:
        window = self.parentWidget()
        self.words.setText(words)
        self.setGeometry(window.rect())
        self.raise_()
        self.show()
        docks = [d.widget() for d in window.findChildren(QDockWidget) if d.widget() is not None]
        for part in (window.centralWidget(), *docks):  # a dock's frame stays: its place kept
            if part is not None and part.isVisible():
                part.hide()
                self.hidden.append(part)

    def uncover(self) -> None:
        self.hide()
        for part in self.hidden:
            part.show()
        self.hidden = []


class SignInGate(QObject):
    """The sign-in, idle lock and switch user of one window (see the module doc)."""

    # Who is signed in changed (a sign-in, or switch user signing out): the window's actions
    # follow the role (app/views/role_actions.py).
    signedInChanged = Signal()  # noqa: N815 - Qt's naming

    def __init__(self, window: QMainWindow, db: Database) -> None:
        super().__init__(window)
        self.window = window
        self.db = db
        desk = desk_for(db)
        self.runner, self.bus = desk.runner, desk.bus
        self.accounts = False  # known once the database answered
        self.signed_in: StaffIdentity | None = None
        self.dialog: SignInDialog | None = None
        self.kept: list[QWidget] = []  # windows hidden while locked, shown again after
        self.cover = DeskCover(window)
        self.label = QLabel(window, objectName="signedInLabel")
        self.label.hide()
        self.idle_override_ms: int | None = None
        self.idle_minutes = 5
        self.idle = QTimer(self, singleShot=True)
        self.idle.timeout.connect(self.lock)
        self.switch_action = self._action(
            self.tr("S&witch user..."), "switchUserAction", QKeySequence("Ctrl+L")
        )
        self.switch_action.triggered.connect(self.switch_user)
        self.lock_action = self._action(self.tr("&Lock now"), "lockAction", None)
        self.lock_action.triggered.connect(self.lock)
        self.password_action = self._action(
            self.tr("Change my &password..."), "changePasswordAction", None
        )
        self.password_action.triggered.connect(self.change_password)
        window.installEventFilter(self)

    def _action(self, text: str, name: str, keys: QKeySequence | None) -> QAction:
        action = QAction(text, self.window, objectName=name)
        if keys is not None:
            action.setShortcut(keys)
        action.setVisible(False)  # until the database is known to have accounts
        action.setEnabled(False)
        return action

    # --- start ------------------------------------------------------------------------------

    def start(self) -> None:
        """Asks the database whether it has accounts (past the runner's hold)."""
        self.runner.past_hold(
            _accounts.has_accounts, self.db, done=self._accounts_known, failed=self._unknown
        )

    def _unknown(self, error: BaseException) -> None:
        self.window.show_error(error)  # the hold stays: nothing is shown to nobody

    def _accounts_known(self, has_accounts: bool) -> None:
        if not has_accounts:
            self.runner.release()  # opens exactly as before accounts existed
            return
        self.accounts = True
        self._add_to_file_menu()
        self.window.statusBar().addPermanentWidget(self.label)
        QApplication.instance().installEventFilter(self)
        self.bus.changed.connect(self._on_changes)
        self.ask(locked=False)

    def _add_to_file_menu(self) -> None:
        menu = self.window.findChild(QMenu, "fileMenu")
        for action in (self.switch_action, self.lock_action, self.password_action):
            action.setVisible(True)
            action.setEnabled(True)
            self.window.addAction(action)  # the shortcut works anywhere in the window
            if menu is not None:
                menu.insertAction(self.window.findChild(QAction, "quitAction"), action)
        if menu is not None:
            menu.insertSeparator(self.window.findChild(QAction, "quitAction"))

    # --- asking -----------------------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.dialog is not None

    def ask(self, locked: bool) -> SignInDialog:
        """Covers the window, hides what is open over it, and opens `signInDialog`."""
        if self.dialog is not None:
            return self.dialog
        self.idle.stop()
        self._keep_open_windows()
        self.cover.cover(
            self.tr("%1 is locked.").replace("%1", APP_NAME)
            if locked
            else self.tr("Sign in to use %1.").replace("%1", APP_NAME)
        )
        dialog = SignInDialog(self.db, self.window, locked=locked)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.signedIn.connect(self._signed_in)
        dialog.rejected.connect(self.window.close)  # Quit: at start, or at a lock
        self.dialog = dialog
        dialog.open()
        if locked and self.signed_in is not None:
            dialog.prefill(self.signed_in.user_name)
        else:
            dialog.user_name.setFocus()
        return dialog

    def _keep_open_windows(self) -> None:
        """Hides, without closing, the window's dialogs and wizards (kept as they are)."""
        self.kept = []
        for widget in QApplication.topLevelWidgets():
            if (
                widget is self.window
                or not widget.isVisible()
                or widget.windowType() in _NOT_KEPT
                or not _opened_over(widget, self.window)
            ):
                continue
            widget.hide()
            self.kept.append(widget)

    def _signed_in(self, identity: StaffIdentity) -> None:
        self.dialog = None
        self.signed_in = identity
        self.cover.uncover()
        self.runner.release()  # the reads the window asked for meanwhile go now
        self.label.setText(
            self.tr("Signed in: %1 (%2)")
            .replace("%1", identity.user_name)
            .replace("%2", self.role_label(identity.role))
        )
        self.label.show()
        for widget in self.kept:
            widget.show()
        self.kept = []
        self._read_idle_minutes()
        self.restart_idle()
        self.signedInChanged.emit()

    def role_label(self, role: str) -> str:
        """The staff role as Settings > Accounts names it, in the desk's language."""
        labels = {
            "reception": self.tr("Reception"),
            "practitioner": self.tr("Practitioner"),
            "admin": self.tr("Administrator"),
        }
        return labels.get(role, role)

    # --- the idle lock ----------------------------------------------------------------------

    def set_idle_interval(self, msecs: int | None) -> None:
        """Overrides the setting (tests need not wait minutes); None: the setting again."""
        self.idle_override_ms = msecs
        self.restart_idle()

    def idle_interval(self) -> int:
        if self.idle_override_ms is not None:
            return self.idle_override_ms
        return self.idle_minutes * 60_000

    def restart_idle(self) -> None:
        if self.accounts and self.dialog is None:
            self.idle.start(self.idle_interval())

    def _read_idle_minutes(self) -> None:
        self.runner.query(
            f"idle-lock-{id(self)}",
            _settings.get,
            self.db,
            IDLE_KEY,
            done=self._idle_minutes_in,
            failed=lambda _error: None,  # the default stays
        )

    def _idle_minutes_in(self, value: str) -> None:
        try:
            self.idle_minutes = max(1, int(value))
        except ValueError:
            return
        self.restart_idle()

    def _on_changes(self, changes: Changes) -> None:
        if changes.touches("setting") and self.dialog is None:
            self._read_idle_minutes()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self.window and kind == QEvent.Type.Resize and self.cover.isVisible():
            self.cover.setGeometry(self.window.rect())
        elif watched is self.window and kind == QEvent.Type.Close:
            self.idle.stop()  # the window goes: no lock, and no filter on every event left
            QApplication.instance().removeEventFilter(self)
        elif kind in _INPUT and self.dialog is None and self.idle.isActive():
            self.idle.start()  # input: the desk is in use
        return False

    # --- lock and switch user ---------------------------------------------------------------

    def lock(self) -> None:
        """Covers the window and asks the signed-in user's password again."""
        if self.accounts and self.dialog is None:
            self.ask(locked=True)

    def switch_user(self) -> None:
        """Signs out and asks anyone to sign in; nothing is read until someone has."""
        if not self.accounts or self.dialog is not None:
            return
        self.runner.hold()
        self.runner.past_hold(_accounts.sign_out, self.db)
        self.signed_in = None
        self.label.hide()
        self.ask(locked=False)
        self.signedInChanged.emit()

    def change_password(self):
        """File > Change my password (the signed-in user's own)."""
        from app.dialogs.change_password import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.db, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog


def _opened_over(widget: QWidget, window: QWidget) -> bool:
    """Whether `widget` is a dialog of `window` (isAncestorOf stops at a window's edge)."""
    parent = widget.parentWidget()
    while parent is not None:
        if parent is window:
            return True
        parent = parent.parentWidget()
    return False


def install_sign_in(window: QMainWindow, db: Database) -> SignInGate:
    """The window's sign-in; the desk's runner must have been held before the window was
    built (so its first reads wait), and is released once signed in or without accounts."""
    gate = SignInGate(window, db)
    gate.start()
    return gate
