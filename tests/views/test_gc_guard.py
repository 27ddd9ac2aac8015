"""Cyclic garbage is collected on the UI thread, never on a worker."""

from __future__ import annotations

import gc
import threading

from app.views import gc_guard


class _Cycle:
    freed_on: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        _Cycle.freed_on.append(threading.current_thread().name)


def test_window_collects_garbage_on_the_ui_thread(qapp, qtbot):
    gc_guard.install()
    assert not gc.isenabled()
    _Cycle.freed_on = []
    for _ in range(gc.get_threshold()[0] * 3):
        _Cycle()
    qtbot.waitUntil(lambda: len(_Cycle.freed_on) > 0)
    assert set(_Cycle.freed_on) == {threading.main_thread().name}
