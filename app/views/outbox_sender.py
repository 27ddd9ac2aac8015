"""The background sender: delivers the outbox on its own thread while the desk keeps working.

A timer in the UI thread asks for a pass every `interval_ms` (and `send_now`
asks at once, e.g. right after a booking); the pass itself, with its network
waits, runs in a worker living on a QThread. One pass at a time: a request
that arrives mid-pass is remembered and run when the pass ends.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from app.services import outbox
from app.services.errors import CaseDeskError

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

INTERVAL_MS = 30_000
STOP_WAIT_MS = 30_000  # longer than one SMTP timeout, so a pass in flight can finish


class _Worker(QObject):
    """Lives on the sender's thread; every slot call runs there."""

    finished = Signal(object)  # outbox.SendReport
    failed = Signal(str)

    def __init__(self, db: Database, name: str) -> None:
        super().__init__()
        self._db = db
        self._name = name

    @Slot()
    def run_pass(self) -> None:
        try:
            report = outbox.send_due(self._db, sender=self._name)
        except CaseDeskError as exc:  # e.g. the database is busy; the next pass tries again
            self.failed.emit(str(exc))
        except Exception as exc:  # never let the sender thread die on a surprise
            log.exception("outbox pass failed")
            self.failed.emit(f"{exc.__class__.__name__}: {exc}")
        else:
            self.finished.emit(report)


class OutboxSender(QObject):
    """Starts with `start()`, stops with `stop()` (the window calls it when closing)."""

    passFinished = Signal(object)  # outbox.SendReport, on the UI thread
    passFailed = Signal(str)
    _requested = Signal()

    def __init__(
        self, db: Database, parent: QObject | None = None, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        self.name = outbox.new_sender_name()
        self._thread = QThread(self)
        self._thread.setObjectName("outboxSender")
        self._worker = _Worker(db, self.name)
        self._worker.moveToThread(self._thread)
        self._thread.finished.connect(self._worker.deleteLater)
        self._requested.connect(self._worker.run_pass)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.send_now)
        self._busy = False
        self._again = False
        self.last_report: outbox.SendReport | None = None
        self.last_error: str | None = None

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self) -> None:
        """Starts the thread and the timer, and makes a first pass at once."""
        if self._thread.isRunning():
            return
        app = QCoreApplication.instance()
        if app is not None:  # a window destroyed without closing must not leave it running
            app.aboutToQuit.connect(self.stop)
        self._thread.start()
        self._timer.start()
        self.send_now()

    def send_now(self) -> None:
        """Asks for a pass now (after the current one, if one is running)."""
        if not self._thread.isRunning():
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._requested.emit()

    def stop(self) -> None:
        """Stops the timer and waits for a pass in flight; safe to call twice."""
        self._timer.stop()
        self._again = False
        if self._thread.isRunning():
            self._thread.quit()
            if not self._thread.wait(STOP_WAIT_MS):
                log.warning("the outbox sender did not stop in time")

    def _on_finished(self, report: outbox.SendReport) -> None:
        self.last_report, self.last_error = report, None
        self._pass_done()
        self.passFinished.emit(report)

    def _on_failed(self, text: str) -> None:
        self.last_error = text
        self._pass_done()
        self.passFailed.emit(text)

    def _pass_done(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.send_now()
