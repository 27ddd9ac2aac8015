"""One desk: a database with its one runner and one change bus, shared by every view on it.

A view given only the database (`OutboxView(db)`) finds the same runner and bus as
the main window, so there is one way to the database and one notification of
what changed, however a view was made.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.services import access_log
from app.views.change_bus import ChangeBus
from app.views.runner import Runner

if TYPE_CHECKING:
    from app.db import Database


@dataclass(frozen=True)
class Desk:
    db: Database
    runner: Runner
    bus: ChangeBus

    def close(self) -> None:
        """Stops hearing changes and waits for running work; nothing calls back after this."""
        self.bus.stop()
        self.runner.shutdown()
        access_log.close(self.db)  # the last opens, written on a thread of their own
        _desks.pop(self.db, None)


_desks: weakref.WeakKeyDictionary[Database, Desk] = weakref.WeakKeyDictionary()


def desk_for(db: Database) -> Desk:
    """The desk of `db`, made on first use (a QApplication must exist)."""
    desk = _desks.get(db)
    if desk is None:
        app = QCoreApplication.instance()
        desk = Desk(db, Runner(app), ChangeBus(db, app))
        _desks[db] = desk
    return desk


def close_all() -> None:
    """Closes every desk (at exit, and between tests)."""
    for desk in list(_desks.values()):
        desk.close()
