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
    from app.views import gc_guard
    from app.views.main_window import MainWindow

    gc_guard.install()
    window = MainWindow(open_database(database))
    if demo if demo is not None else is_demo_database(database):
        window.mark_demo()
    return window
