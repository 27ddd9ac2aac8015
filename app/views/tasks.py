"""Service calls run off the UI thread; their results come back to it as queued signals."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from app.services.errors import CaseDeskError

log = logging.getLogger(__name__)

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]


def plain_message(error: BaseException) -> str:
    """What a receptionist reads about a failure: the service's own words, never a traceback."""
    if isinstance(error, CaseDeskError):
        return str(error)
    log.error("unexpected error in a background task", exc_info=error)
    return QCoreApplication.translate(
        "TaskRunner",
        "Something unexpected went wrong; nothing was changed. Details are in the log.",
    )


class TaskRunner(QObject):
    """Runs callables on a private thread pool and calls back on the UI thread.

    A finished task whose owner has shut down is dropped, and `shutdown` waits
    for running tasks, so no callback reaches a deleted window.
    """

    _finished = Signal(int, object)
    _failed = Signal(int, object)

    def __init__(self, parent: QObject | None = None, threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._callbacks: dict[int, tuple[Done | None, Failed | None]] = {}
        self._ids = itertools.count(1)
        self._closing = False
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)

    @property
    def active(self) -> int:
        """How many tasks have not called back yet."""
        return len(self._callbacks)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
    ) -> int:
        """Starts `fn(*args)` in the pool; `done(result)` or `failed(error)` runs on the UI thread."""
        if self._closing:
            return 0
        task_id = next(self._ids)
        self._callbacks[task_id] = (done, failed)

        def work() -> None:
            try:
                result = fn(*args)
            except Exception as exc:  # handed to the UI thread, which shows it in plain words
                if not self._closing:
                    self._failed.emit(task_id, exc)
                return
            if not self._closing:
                self._finished.emit(task_id, result)

        self._pool.start(work)
        return task_id

    def shutdown(self) -> None:
        """Drops queued tasks and waits for running ones; no callback runs after this."""
        self._closing = True
        self._pool.clear()
        self._pool.waitForDone()
        self._callbacks.clear()

    def _on_finished(self, task_id: int, result: object) -> None:
        done, _ = self._callbacks.pop(task_id, (None, None))
        if done is not None and not self._closing:
            done(result)

    def _on_failed(self, task_id: int, error: object) -> None:
        _, failed = self._callbacks.pop(task_id, (None, None))
        if self._closing:
            return
        if failed is not None:
            failed(error)
        else:
            plain_message(error)  # at least logged
