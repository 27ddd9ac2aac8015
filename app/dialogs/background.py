"""Service calls on a worker thread, with only the newest answer delivered to the UI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Relay(QObject):
    """Lives in the UI thread; the worker emits through it, so delivery is queued there."""

    finished = Signal(object, object)

    def __init__(self, deliver: Callable[[Any, BaseException | None], None]) -> None:
        super().__init__()
        self._deliver = deliver
        self.finished.connect(self.on_finished)

    @Slot(object, object)
    def on_finished(self, result: Any, error: BaseException | None) -> None:
        self._deliver(result, error)


class _Job(QRunnable):
    def __init__(self, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._work = work
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # handed to the UI thread, which shows it in plain words
            log.debug("background work failed", exc_info=True)
            self._relay.finished.emit(None, exc)
        else:
            self._relay.finished.emit(result, None)


class Background(QObject):
    """One worker thread per owner. For each `topic` only the newest request is answered."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._newest: dict[str, int] = {}
        self._relays: set[_Relay] = set()

    def run(
        self,
        topic: str,
        work: Callable[[], Any],
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException], None] | None = None,
    ) -> None:
        number = self._newest.get(topic, 0) + 1
        self._newest[topic] = number

        def deliver(result: Any, error: BaseException | None) -> None:
            self._relays.discard(relay)
            if self._newest.get(topic) != number:
                return  # an older keystroke's answer: the newer one is on its way
            if error is None:
                on_done(result)
            elif on_error is not None:
                on_error(error)
            else:
                log.warning("background %s failed: %s", topic, error)

        relay = _Relay(deliver)
        self._relays.add(relay)
        self._pool.start(_Job(work, relay))

    def busy(self) -> bool:
        return bool(self._relays)

    def wait(self, msecs: int = 5000) -> bool:
        """Lets running work finish (on close), so no thread outlives its database."""
        return self._pool.waitForDone(msecs)
