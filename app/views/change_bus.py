"""One notification of what changed, for every view of the window.

It carries this desk's own writes (announced by the database when each commits,
on whatever thread wrote) and other desks' changes (heard by a watcher thread:
PostgreSQL NOTIFY, or SQLite's data_version). Changes arriving close together are
merged into one, so a burst of writes costs each view one refresh.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from app.services.changes import Changes

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

MERGE_MS = 30  # changes this close together reach the views as one


class ChangeBus(QObject):
    """`changed(Changes)` on the UI thread; `connection(ok, words)` when the link to the
    database is lost or back."""

    changed = Signal(object)
    connection = Signal(bool, str)
    _arrived = Signal(object)  # from any thread; queued onto the UI thread

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._db = db
        self._waiting: Changes | None = None
        self._timer = QTimer(self, singleShot=True, interval=MERGE_MS)
        self._timer.timeout.connect(self._deliver)
        self._arrived.connect(self._collect)
        self._stop_listening = db.listen(self._arrived.emit)
        self._stop = threading.Event()
        self._watcher: threading.Thread | None = None
        self.watching = False  # connected to hear other desks (for tests and the status line)
        self.connection.connect(self._on_connection)

    def watch_other_desks(self) -> None:
        """Starts hearing other desks' changes (after the window first paints)."""
        if self._watcher is not None:
            return
        from app.services import desk_watch

        self._watcher = threading.Thread(
            target=desk_watch.run,
            args=(self._db, self._stop, self._arrived.emit, self.connection.emit),
            name="casedesk-desk-watch",
            daemon=True,
        )
        self._watcher.start()

    def _on_connection(self, ok: bool, _words: str) -> None:
        self.watching = ok

    def publish(self, changes: Changes) -> None:
        """Announces a change (from the UI thread or any other)."""
        self._arrived.emit(changes)

    def _collect(self, changes: Changes) -> None:
        self._waiting = changes if self._waiting is None else self._waiting.merged(changes)
        if not self._timer.isActive():
            self._timer.start()

    def _deliver(self) -> None:
        changes, self._waiting = self._waiting, None
        if changes:
            self.changed.emit(changes)

    def stop(self) -> None:
        """Stops listening; waits briefly for the watcher so it does not outlive the database."""
        self._stop_listening()
        self._stop.set()
        if self._watcher is not None:
            self._watcher.join(timeout=3)
