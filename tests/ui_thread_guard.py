"""A database query on the UI thread from view or dialog code fails the test.

The window must never wait on the database: views and dialogs ask the runner,
which reads on a worker. This hook sees every statement SQLAlchemy sends; one sent
on the main (UI) thread with view or dialog code on the stack is a defect. Tests
themselves may prepare data through services on the main thread.
"""

from __future__ import annotations

import os
import sys
import threading

import pytest

_UI_CODE = (os.path.join("app", "views", ""), os.path.join("app", "dialogs", ""))


def _ui_frame() -> str | None:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_code.co_filename
        if any(part in name for part in _UI_CODE):
            return f"{name.rsplit(os.sep + 'app' + os.sep, 1)[-1]}:{frame.f_lineno}"
        frame = frame.f_back
    return None


@pytest.fixture(autouse=True)
def no_query_on_ui_thread():
    """On for every test; fails the test naming the view code that queried."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    offenders: list[str] = []

    def check(_conn, _cursor, statement, _params, _context, _many) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        where = _ui_frame()
        if where is not None:
            offenders.append(f"{where}: {statement.split(None, 1)[0]}")

    event.listen(Engine, "before_cursor_execute", check)
    yield offenders
    if "app.views.desk" in sys.modules:  # every desk's runner finishes before the next test
        sys.modules["app.views.desk"].close_all()
    event.remove(Engine, "before_cursor_execute", check)
    assert not offenders, "database queried on the UI thread from: " + "; ".join(
        dict.fromkeys(offenders)
    )
