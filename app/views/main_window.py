"""The reception window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from app import APP_NAME
from app.services import settings

if TYPE_CHECKING:
    from app.db import Database


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.db = db
        name = settings.get(db, "clinic.name")
        self.setWindowTitle(f"{name} - {APP_NAME}" if name else APP_NAME)
        self.resize(1200, 760)
