"""The background sender: delivers the outbox off the UI thread while the desk keeps working.

A timer asks for a pass every `interval_ms` (and `send_now` asks at once, e.g.
right after a booking); the pass itself, with its network waits, runs on the
desk's runner like every other service call. One pass at a time: a request that
arrives mid-pass is remembered and run when the pass ends.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.services.errors import CaseDeskError
from app.views.desk import desk_for
from app.views.runner import plain_message

if TYPE_CHECKING:
    from app.db import Database
    from app.services.outbox import SendReport

log = logging.getLogger(__name__)

INTERVAL_MS = 30_000
STOP_WAIT_MS = 30_000  # longer than one SMTP timeout, so a pass in flight can finish


class OutboxSender(QObject):
    """Starts with `start()`, stops with `stop()` (the window calls it when closing)."""

    passFinished = Signal(object)  # outbox.SendReport, on the UI thread
    passFailed = Signal(str)

    def __init__(
        self, db: Database, parent: QObject | None = None, interval_ms: int = INTERVAL_MS
    ) -> None:
        super().__init__(parent)
        # Named by the first pass, on the worker: naming here would import the outbox
        # service, and SQLAlchemy with it, on the UI thread while the window is built.
        self._name: list[str] = []
        self._db = db
        self._runner = desk_for(db).runner
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.send_now)
        self._running = False
        self._busy = False
        self._again = False
        self.last_report: SendReport | None = None
        self.last_error: str | None = None

    @property
    def name(self) -> str:
        """How this sender marks the messages it claims ("" until its first pass)."""
        return self._name[0] if self._name else ""

    @property
    def running(self) -> bool:
        return self._running

    @property
    def busy(self) -> bool:
        return self._busy

    def start(self) -> None:
        """Starts the timer and makes a first pass at once."""
        if self._running:
            return
        app = QCoreApplication.instance()
        if app is not None:  # a window destroyed without closing must not leave it running
            app.aboutToQuit.connect(self.stop)
        self._running = True
        self._timer.start()
        self.send_now()

    def send_now(self) -> None:
        """Asks for a pass now (after the current one, if one is running)."""
        if not self._running:
            return
        if self._busy:
            self._again = True
            return
        self._busy = True
        self._runner.run(
            _send_pass, self._db, self._name, done=self._on_finished, failed=self._on_failed
        )

    def stop(self) -> None:
        """Stops the timer and waits for a pass in flight; safe to call twice."""
        self._timer.stop()
        self._again = False
        if self._running:
            self._running = False
            if self._busy and not self._runner.wait(STOP_WAIT_MS):
                log.warning("the outbox sender did not stop in time")

    def _on_finished(self, report: SendReport) -> None:
        self.last_report, self.last_error = report, None
        self._pass_done()
        self.passFinished.emit(report)

    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, CaseDeskError):  # e.g. the database is busy; the next pass tries
            text = plain_message(error)
        else:  # never let the sender stop on a surprise
            log.error("outbox pass failed", exc_info=error)
            text = f"{error.__class__.__name__}: {error}"
        self.last_error = text
        self._pass_done()
        self.passFailed.emit(text)

    def _pass_done(self) -> None:
        self._busy = False
        if self._again:
            self._again = False
            self.send_now()


def _send_pass(db: Database, name: list[str]) -> SendReport:
    from app.services import outbox

    if not name:  # the first pass names the sender; one pass runs at a time
        name.append(outbox.new_sender_name())
    return outbox.send_due(db, sender=name[0])
