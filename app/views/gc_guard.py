"""Python's cyclic garbage collection, run on the UI thread only.

Left automatic, a collection can start on any thread that happens to allocate
(a search or sender worker) and free Qt objects there, which crashes Qt. So the
automatic collector is switched off and a UI-thread timer collects instead.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

INTERVAL_MS = 500


class _Collector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._collect)
        self._timer.start()

    def _collect(self) -> None:
        # The thresholds still decide which generations are due, as the automatic collector would.
        threshold, _, _ = gc.get_threshold()
        young, middle, old = gc.get_count()
        if old > threshold:
            gc.collect(2)
        elif middle > threshold:
            gc.collect(1)
        elif young > threshold:
            gc.collect(0)


def install() -> None:
    """Once per application: collect on the UI thread from now on."""
    app = QCoreApplication.instance()
    if app is None or app.findChild(_Collector) is not None:
        return
    gc.disable()
    _Collector(app)
