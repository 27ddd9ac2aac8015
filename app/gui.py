"""Starting the window: the QApplication, the demo database, and the last-resort error dialog."""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import threading

from app import APP_NAME, config
from app.services.errors import CaseDeskError, DamagedDatabaseError

log = logging.getLogger(__name__)
DESKTOP_ID = "app.casedesk.CaseDesk"  # same as packaging/bundle.py APP_ID


def translate(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication  # not at the top: no Qt before the display check

    return QCoreApplication.translate(context, text)


def unexpected_error_text(summary: str) -> str:
    """What a receptionist reads after an unexpected error: plain words and where the log is."""
    return translate(
        "CaseDesk",
        "Something went wrong: {summary}\n\n"
        "Nothing you saved is lost. Please tell whoever looks after this computer; "
        "the details are in:\n{log}",
    ).format(summary=summary, log=config.log_file())


def _plain(error: CaseDeskError) -> str:
    """The refusal in the clinic's language (installed before the window is made)."""
    from app.views.runner import plain_message

    return plain_message(error)


def show_error(text: str, block: bool = False):
    """A critical message box over the active window; `block` waits for it (no event loop yet)."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, text, parent=QApplication.activeWindow())
    box.setObjectName("unexpectedErrorDialog")
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)  # copy the log path
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if block:
        box.exec()
    else:  # from inside the event loop: never nest another loop in a failing slot
        box.setWindowModality(Qt.WindowModality.ApplicationModal)
        box.show()
    return box


def explain_unwritable_data_folder(error: OSError) -> None:
    """Says why CaseDesk cannot start when its data folder cannot be written.

    This happens before any log or window exists, and a windowed build has no console to
    print to, so the reason goes into a message box instead of vanishing.
    """
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    folder = error.filename or os.environ.get(config.DATA_DIR_ENV) or ""
    text = translate(
        "CaseDesk",
        "CaseDesk cannot start because it cannot write to its data folder:\n{folder}\n\n"
        "({reason})\n\nPlease ask whoever looks after this computer to make this folder "
        "writable for you, or to set CASEDESK_DATA_DIR to a folder you can write to.",
    ).format(folder=folder, reason=error.strerror or error.__class__.__name__)
    show_error(text, block=True)


class _ErrorReporter:
    """Logs every unexpected error and shows it in one dialog, on the UI thread.

    Errors raised on worker threads arrive here too; the signal's queued connection carries
    them to the UI thread. While one dialog is open, later errors only go to the log, so an
    error that repeats (a failing paint, say) cannot bury the desk in dialogs.
    """

    def __init__(self) -> None:
        from PySide6.QtCore import QObject, Qt, Signal

        class Relay(QObject):
            raised = Signal(str)

        self.relay = Relay()
        self.relay.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self.dialog = None

    def report(self, kind, value, tb) -> None:
        # The exception's text can carry a patient's details: the log gets where and what kind.
        log.error("unexpected error:\n%s", config.withheld_traceback(value.with_traceback(tb)))
        summary = (str(value).splitlines() or [kind.__name__])[0]
        with contextlib.suppress(RuntimeError):  # the relay is gone at exit; the log has it
            self.relay.raised.emit(summary)

    def _show(self, summary: str) -> None:
        if self.dialog is not None:
            return
        try:
            self.dialog = show_error(unexpected_error_text(summary))
            self.dialog.finished.connect(self._closed)
        except Exception:  # the dialog itself failed; the log has the error
            log.exception("could not show the error dialog")
            self.dialog = None

    def _closed(self) -> None:
        self.dialog = None


def _log_qt_message(mode, context, message: str) -> None:
    # A windowed build has no console: Qt's own warnings go to the log instead.
    from PySide6.QtCore import QtMsgType

    if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
        log.warning("Qt: %s", message)


def install_excepthook():
    """An unexpected error, on any thread, is logged and shown with the log's location.

    The app stays up. Call after the QApplication exists; returns the reporter.
    """
    from PySide6.QtCore import qInstallMessageHandler

    reporter = _ErrorReporter()

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is not SystemExit:
            reporter.report(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = reporter.report
    threading.excepthook = thread_hook
    qInstallMessageHandler(_log_qt_message)
    return reporter


def ensure_demo_data(database: str) -> None:
    """`casedesk --demo`: fills the demo database the first time, before any window exists."""
    from app.services import demo_data

    demo_data.ensure_demo_clinic(database)


def first_launch(database: str) -> str | None:
    """Before the main window: the database to open, or None when the receptionist quit.

    An empty clinic gets the first-launch dialog; "Try with demo data" answers the demo
    database, already filled. Whether the clinic is empty is read here, before any
    window or dialog exists, so nothing on screen waits for it; the dialog itself reads
    and saves through its runner.
    """
    from PySide6.QtWidgets import QDialog

    from app.db import Database
    from app.services import clinic_setup

    db = Database(database)
    try:
        if not clinic_setup.needs_first_launch(db):
            return database
        from app.dialogs.first_launch import DEMO, FirstLaunchDialog

        dialog = FirstLaunchDialog(db)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
        finally:
            dialog.close_desk()
        return config.demo_database() if dialog.choice == DEMO else database
    finally:
        db.dispose()


def _ask(box) -> object:
    """Shows the question before any window exists (no event loop yet, so exec() is right)."""
    box.exec()
    return box.standardButton(box.clickedButton())


def confirm_new_clinic(database: str, ask=_ask) -> bool:
    """True when `database` may be opened: it exists, is the data folder's, or the
    receptionist agreed to create a new clinic there (its folder is made then).

    `ask` shows the question and answers the button chosen; tests pass their own.
    """
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    if "://" in database:
        return True  # a server database: its own tools create it
    path = Path(database).expanduser()
    if path.exists() or path.parent.resolve() == config.data_dir().resolve():
        return True
    box = QMessageBox(
        QMessageBox.Icon.Question,
        APP_NAME,
        translate(
            "CaseDesk", "There is no CaseDesk database at\n{path}\n\nCreate a new clinic here?"
        ).format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setObjectName("newClinicQuestion")
    box.setDefaultButton(QMessageBox.StandardButton.No)  # a typo must not make a clinic
    if ask(box) != QMessageBox.StandardButton.Yes:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    return True


def run(database: str, demo: bool = False) -> int:
    from app.display_check import display_problem

    problem = display_problem()
    if problem:  # Qt would abort with a message that names neither cause nor fix
        print(problem, file=sys.stderr)
        return 1
    from PySide6.QtWidgets import QApplication

    from app import language
    from app.main import main_window_for, open_database

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    _set_desktop_identity(app)
    install_excepthook()
    if not demo and not confirm_new_clinic(database):
        return 0
    try:
        if demo:
            ensure_demo_data(database)
        else:  # an empty clinic starts with a short setup, or with the demo database
            chosen = first_launch(database)
            if chosen is None:
                return 0
            demo, database = chosen != database, chosen  # the dialog filled the demo clinic
        db = open_database(database)
        language.install(*language.language_of(db))  # before any widget is made
        window = main_window_for(db, database, demo=demo)
    except DamagedDatabaseError as exc:
        window = offer_newest_backup(database, exc)
        if window is None:
            return 1
    except CaseDeskError as exc:  # locked, damaged or too new: say so in plain words
        log.warning("cannot open %s: %s", database, exc)
        show_error(_plain(exc), block=True)
        return 1
    except Exception as exc:  # a windowed build has no console: never vanish silently
        log.exception("could not open the reception window")
        show_error(unexpected_error_text(str(exc).splitlines()[0] if str(exc) else ""), block=True)
        return 1
    window.show()
    return app.exec()


def offer_newest_backup(database: str, error: CaseDeskError, ask=_ask):
    """A damaged database: offers to restore its newest backup, then opens the window.

    Returns the window, or None when there is no backup or the receptionist said no.
    """
    from pathlib import Path

    from PySide6.QtWidgets import QMessageBox

    from app.main import create_main_window
    from app.services import backup_restore, backups

    log.warning("cannot open %s: %s", database, error)
    newest = backups.newest_backup(Path(database))
    if newest is None:
        show_error(_plain(error), block=True)
        return None
    box = QMessageBox(
        QMessageBox.Icon.Critical,
        APP_NAME,
        translate(
            "CaseDesk",
            "The clinic's database is damaged; nothing was written to it.\n\n"
            "Restore the newest backup, taken {when}? The damaged file is kept beside it.",
        ).format(when=f"{newest.taken:%Y-%m-%d %H:%M}"),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
    )
    box.setObjectName("restoreNewestQuestion")
    if ask(box) != QMessageBox.StandardButton.Yes:
        return None
    try:
        backup_restore.restore(database, newest.path)
        return create_main_window(database)
    except CaseDeskError as exc:
        show_error(_plain(exc), block=True)
        return None


def _set_desktop_identity(app) -> None:
    from PySide6.QtGui import QIcon

    from app.resources import resource_path

    icon = resource_path("icons/casedesk-256.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    # Matches packaging/linux/<id>.desktop, so Wayland docks show the right icon and name.
    app.setDesktopFileName(DESKTOP_ID)
