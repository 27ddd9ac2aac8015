"""create_main_window(): the one place that wires CaseDesk together."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from app.db import Database


def open_database(database: str) -> Database:
    """Opens (creating and migrating as needed) the database at a path or URL."""
    return Database(database)


def is_demo_database(database: str) -> bool:
    """The demo clinic's file in the data folder (`casedesk --demo`)."""
    from pathlib import Path

    from app import config

    try:
        return Path(database).resolve() == Path(config.demo_database()).resolve()
    except (OSError, ValueError):
        return False


def create_main_window(database: str, demo: bool | None = None) -> QMainWindow:
    """The reception window on `database`, not yet shown. A QApplication must exist.

    `demo` labels the window as the demo clinic; by default, when `database` is the demo file.
    """
    return main_window_for(open_database(database), database, demo)


def main_window_for(db: Database, database: str, demo: bool | None = None) -> QMainWindow:
    """`create_main_window` on a database already open (start-up read its language from it)."""
    from app.views import gc_guard
    from app.views.desk import desk_for
    from app.views.main_window import MainWindow
    from app.views.role_actions import install_role_actions
    from app.views.sign_in_gate import install_sign_in

    gc_guard.install()
    desk_for(db).runner.hold()  # nothing is read until signed in (or known to need no sign-in)
    window = MainWindow(db)
    window.sign_in = install_sign_in(window, db)
    install_role_actions(window, window.sign_in)
    if demo if demo is not None else is_demo_database(database):
        window.mark_demo()
    return window
