"""Guards against the PySide6 build that drops references to None (see issue 2).

PySide6 6.12.0 on CPython 3.11 loses one reference to None on every call of a
Qt method that returns nothing, and a long session then dies with "Fatal
Python error: none_dealloc". On CPython 3.12 and later None is immortal, so
its count never moves; the test still measures, so it fails on any interpreter
where the installed PySide6 leaks.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem
from PySide6.QtWidgets import QLineEdit

CALLS = 1000


def test_qt_calls_do_not_lose_references_to_none(qapp):
    edit = QLineEdit()
    item = QStandardItem()
    edit.setText("warm up")  # first calls may build caches that hold None once
    item.setData("warm up", Qt.ItemDataRole.UserRole)

    before = sys.getrefcount(None)
    for n in range(CALLS):
        edit.setText(f"patient {n}")
        item.setData(n, Qt.ItemDataRole.UserRole)
    after = sys.getrefcount(None)

    assert edit.text() == f"patient {CALLS - 1}"  # the calls really ran
    assert item.data(Qt.ItemDataRole.UserRole) == CALLS - 1
    assert before - after < 50, f"{before - after} references to None lost in {2 * CALLS} calls"
