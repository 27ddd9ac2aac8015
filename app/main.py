"""create_main_window(): the one place that wires CaseDesk together."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow

from app.db import Database


def open_database(database: str) -> Database:
    """Opens (creating and migrating as needed) the database at a path or URL."""
    return Database(database)


def create_main_window(database: str) -> QMainWindow:
    """The reception window on `database`, not yet shown. A QApplication must exist."""
    from app.views import gc_guard
    from app.views.main_window import MainWindow

    gc_guard.install()
    return MainWindow(open_database(database))
