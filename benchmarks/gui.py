"""Timings through the real window, each run in its own process (QT_QPA_PLATFORM=offscreen).

    python -m benchmarks.gui startup app DB T0     process start to the main window painted
    python -m benchmarks.gui startup bare - T0     the same for a bare QMainWindow + QTableView
    python -m benchmarks.gui interact DB INFO      search as you type, scrolling, opening a patient
    python -m benchmarks.gui search DB TEXTS       search as you type alone (any database URL)
    python -m benchmarks.gui memory app|naive|bare DB   peak resident memory (ru_maxrss)

T0 is the parent's wall clock just before it started the process, so start-up
includes the interpreter and every import. "Shown" always means: a paint event
reached the widget while it showed the expected rows.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication

from benchmarks.common import median, ms, now, percentile, report

TYPING_MS = 110  # between keystrokes: a quick receptionist
JUMPS = 50  # scrolling: jumps from the top of the list to its bottom
PAGING_SECONDS = 5.0  # scrolling: then Page Down from the middle for this long
REPEAT = int(os.environ.get("BENCH_REPEAT", "5"))


class PaintWatch(QObject):
    """Calls `check()` at every paint of the watched widgets; remembers when it first held."""

    def __init__(self, widgets, check) -> None:
        super().__init__()
        self.check, self.at = check, None
        for widget in widgets:
            widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802 - Qt override
        if self.at is None and event.type() == QEvent.Type.Paint and self.check():
            self.at = now()
        return False


def wait_until(app: QApplication, condition, timeout: float = 30.0) -> bool:
    deadline = now() + timeout
    while not condition():
        if now() > deadline:
            return False
        app.processEvents()
        time.sleep(0.001)  # a benchmark, not a test: let worker threads run
    return True


def idle(app: QApplication, seconds: float) -> None:
    end = now() + seconds
    while now() < end:
        app.processEvents()
        time.sleep(0.002)


# --- start-up ---------------------------------------------------------------------------------


def startup(kind: str, database: str, started: float) -> dict:
    app = QApplication(sys.argv[:1])
    if kind == "app":
        from app.main import create_main_window

        window = create_main_window(database)
    else:
        from PySide6.QtWidgets import QMainWindow, QTableView

        window = QMainWindow()
        window.setCentralWidget(QTableView(window))
        window.resize(1280, 760)
    watch = PaintWatch([window], lambda: True)
    window.show()
    wait_until(app, lambda: watch.at is not None)
    painted = time.time() - (now() - watch.at)
    result = {"painted_ms": ms(painted - started)}
    if kind == "app":
        rows_watch = PaintWatch(
            [_list(window).viewport()], lambda: _list(window).model().rowCount()
        )
        wait_until(app, lambda: rows_watch.at is not None)
        result["rows_ms"] = ms(time.time() - (now() - rows_watch.at) - started)
    window.close()
    return result


# --- search, scrolling, opening a patient ----------------------------------------------------


def _list(window):
    from PySide6.QtWidgets import QAbstractItemView

    return window.findChild(QAbstractItemView, "patientList")


def _search_box(window):
    from PySide6.QtWidgets import QLineEdit

    return window.findChild(QLineEdit, "patientSearch")


def visible_ids(view) -> list[int]:
    """Patient ids of the rows painted in the viewport whose name is already filled in."""
    model, shown = view.model(), []
    height = view.viewport().height()
    row = view.rowAt(0)
    while 0 <= row < model.rowCount():
        if view.visualRect(model.index(row, 0)).top() >= height:
            break
        index = model.index(row, 0)
        if not index.data(Qt.ItemDataRole.DisplayRole):
            return shown + [0]  # a row without its data yet
        shown.append(index.data(Qt.ItemDataRole.UserRole))
        row += 1
    return shown


class ModelChanges(QObject):
    """Counts every change of the list's model (a reset, rows, or data)."""

    def __init__(self, model) -> None:
        super().__init__()
        self.count = 0
        for signal in (
            model.modelReset,
            model.rowsInserted,
            model.dataChanged,
            model.layoutChanged,
        ):
            signal.connect(self._changed)

    def _changed(self, *_args) -> None:
        self.count += 1


def type_and_wait(app, window, db, text: str) -> float | None:
    """Types `text` at a human pace into a settled window; ms from the last key to its rows shown."""
    from PySide6.QtTest import QTest

    from app.services import patients

    box, view = _search_box(window), _list(window)
    expected = list(patients.search_patients(db, text, 0, 60).ids)
    box.clear()
    idle(app, 0.5)  # the empty search settles (every patient), so nothing is in flight
    for ch in text[:-1]:
        QTest.keyClicks(box, ch)
        idle(app, TYPING_MS / 1000)
    idle(app, 0.5)  # earlier keystrokes' searches are done: only the last one is measured
    changes = ModelChanges(view.model())

    def shown() -> bool:
        if changes.count == 0:
            return False
        ids = visible_ids(view)
        return bool(ids) and ids == expected[: len(ids)] if expected else not ids

    watch = PaintWatch([view.viewport()], shown)
    pressed = now()
    QTest.keyClicks(box, text[-1])
    ok = wait_until(app, lambda: watch.at is not None, timeout=10)
    return ms(watch.at - pressed) if ok else None


def search_as_you_type(app, window, db, texts: dict[str, list[str]]) -> dict:
    results = {}
    for kind, items in texts.items():
        for text in items:
            samples = [type_and_wait(app, window, db, text) for _ in range(REPEAT)]
            good = [s for s in samples if s is not None]
            results[f"{kind}: {text!r}"] = {
                "kind": kind,
                "samples": good,
                "timeouts": len(samples) - len(good),
            }
    return results


def _filled(view, row: int) -> bool:
    """`row` is in view, and every row in view is painted with its patient read."""
    ids = visible_ids(view)
    last = view.rowAt(view.viewport().height() - 1)
    last = view.model().rowCount() - 1 if last < 0 else last
    shown = view.rowAt(0) <= row <= last
    return shown and bool(ids) and None not in ids and 0 not in ids


def _held(model) -> tuple[int, int]:
    """(pages, rows) the list's model holds; a model without pages holds every row it has."""
    if hasattr(model, "loaded_page_count"):
        return model.loaded_page_count(), model.loaded_row_count()
    return 1, model.rowCount()


def _scroll_step(app, view, move, wanted_row) -> float | None:
    """Ms from `move()` to a paint of the viewport with every row in view filled in."""
    watch = PaintWatch([view.viewport()], lambda: _filled(view, wanted_row()))
    started = now()
    move()
    view.viewport().update()  # a paint even when the move had nowhere to go (a short list)
    shown = wait_until(app, lambda: watch.at is not None, timeout=10)
    view.viewport().removeEventFilter(watch)  # hundreds of steps: keep paints cheap
    return ms(watch.at - started) if shown else None


def _jump_to(view, row: int):
    """A move to `row` at the top of the viewport (as far as it goes), and the row to show."""
    at_top = QAbstractItemView.ScrollHint.PositionAtTop
    return lambda: view.scrollTo(view.model().index(row, 0), at_top), lambda: row


def scrolling(app, window) -> dict:
    """The unfiltered list from top to bottom in JUMPS even jumps (the last one to the bottom),
    each timed until the rows in view are painted with their patients; then a viewport at a
    time (Page Down) for a few seconds. Reports how many pages and rows the model held."""
    box, view = _search_box(window), _list(window)
    box.clear()
    idle(app, 0.6)
    model, bar = view.model(), view.verticalScrollBar()
    total = model.rowCount()
    view.scrollToTop()
    wait_until(app, lambda: _filled(view, 0))
    began, jumps, most_pages, most_rows = now(), [], 0, 0
    for k in range(1, JUMPS + 1):
        row = min(total - 1, total * k // JUMPS)
        if k == JUMPS:
            took = _scroll_step(app, view, view.scrollToBottom, lambda: total - 1)
        else:
            took = _scroll_step(app, view, *_jump_to(view, row))
        if took is None:
            break
        jumps.append(took)
        pages, rows = _held(model)
        most_pages, most_rows = max(most_pages, pages), max(most_rows, rows)
    bottom_row = view.rowAt(view.viewport().height() - 1)
    bottom_row = total - 1 if bottom_row < 0 else bottom_row
    reached = len(jumps) == JUMPS and _filled(view, view.rowAt(0)) and bottom_row == total - 1
    jumped = now() - began
    # From the middle, a viewport at a time, as Page Down does.
    view.scrollTo(model.index(total // 2, 0), QAbstractItemView.ScrollHint.PositionAtTop)
    wait_until(app, lambda: _filled(view, view.rowAt(0)))
    paging, paged_from = [], now()
    while now() - paged_from < PAGING_SECONDS and bar.value() < bar.maximum():
        took = _scroll_step(
            app, view, lambda: bar.setValue(bar.value() + bar.pageStep()), lambda: view.rowAt(0)
        )
        if took is None:
            break
        paging.append(took)
        pages, rows = _held(model)
        most_pages, most_rows = max(most_pages, pages), max(most_rows, rows)
    pages, rows = _held(model)
    return {
        "rows_reached": bottom_row + 1,
        "rows_total": total,
        "reached_bottom": reached,
        "seconds": jumped,
        "step_ms": median(jumps),
        "step_p95_ms": percentile(jumps, 95),
        "steps": len(jumps),
        "bottom_ms": jumps[-1] if reached else None,
        "page_down_ms": median(paging),
        "page_down_p95_ms": percentile(paging, 95),
        "page_down_steps": len(paging),
        "pages_held": pages,
        "rows_held": rows,
        "most_pages_held": most_pages,
        "most_rows_held": most_rows,
        "page_size": getattr(model, "page_size", None),
    }


def open_patient(app, window, db, patient_id: int) -> dict:
    """From selecting the heavy patient to its cases and appointments shown."""
    from PySide6.QtCore import QItemSelectionModel
    from PySide6.QtWidgets import QAbstractItemView, QComboBox

    from app.services import patients

    box, view = _search_box(window), _list(window)
    selector = window.findChild(QComboBox, "caseSelector")
    appointments = window.findChild(QAbstractItemView, "caseAppointments")
    record = patients.get_patient(db, patient_id)
    box.setText(record.patient.full_name)
    wait_until(app, lambda: patient_id in visible_ids(view))
    model = view.model()
    row = next(
        r
        for r in range(model.rowCount())
        if model.index(r, 0).data(Qt.ItemDataRole.UserRole) == patient_id
    )
    samples = []
    for _ in range(REPEAT):
        view.selectionModel().clear()
        idle(app, 0.4)

        def shown() -> bool:
            return selector.count() == len(record.cases) and appointments.model().rowCount() > 0

        watch = PaintWatch([appointments.viewport()], shown)
        started = now()
        view.selectionModel().setCurrentIndex(
            view.model().index(row, 0),
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if wait_until(app, lambda watch=watch: watch.at is not None, timeout=10):
            samples.append(ms(watch.at - started))
    return {"samples": samples, "cases": selector.count()}


def interact(database: str, info: dict, texts: dict) -> dict:
    from app.main import create_main_window

    app = QApplication(sys.argv[:1])
    window = create_main_window(database)
    window.show()
    wait_until(app, lambda: _list(window).model().rowCount() > 0)
    db = window.db
    result = {
        "search": search_as_you_type(app, window, db, texts),
        "open_patient": open_patient(app, window, db, info["heavy_patient_id"]),
        "scroll": scrolling(app, window),
    }
    window.close()
    return result


# --- memory -----------------------------------------------------------------------------------


def naive_window(database: str):
    """What simple apps do: every patient read with the ORM into a QStandardItemModel."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QMainWindow, QTableView
    from sqlalchemy import select

    from app.db import Database
    from app.models import Patient

    db = Database(database)
    model = QStandardItemModel()
    model.setHorizontalHeaderLabels(["Name", "Phone", "Date of birth"])
    with db.reading() as session:
        for p in session.scalars(select(Patient).order_by(Patient.last_first_key, Patient.id)):
            model.appendRow(
                [
                    QStandardItem(f"{p.first_name} {p.last_name}"),
                    QStandardItem(p.phone),
                    QStandardItem(p.birth_date.isoformat() if p.birth_date else ""),
                ]
            )
    window = QMainWindow()
    table = QTableView(window)
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1280, 760)
    return window


def memory(kind: str, database: str) -> dict:
    app = QApplication(sys.argv[:1])
    if kind == "app":
        from app.main import create_main_window

        window = create_main_window(database)
    elif kind == "naive":
        window = naive_window(database)
    else:
        from PySide6.QtWidgets import QMainWindow, QTableView

        window = QMainWindow()
        window.setCentralWidget(QTableView(window))
        window.resize(1280, 760)
    window.show()
    if kind == "app":
        view = _list(window)
        wait_until(app, lambda: view.model().rowCount() > 0)
        for text in ("s", "a", ""):  # a few searches and some scrolling, as a morning's work
            _search_box(window).setText(text)
            idle(app, 0.5)
        for _ in range(20):
            view.scrollToBottom()
            idle(app, 0.05)
    idle(app, 0.3)
    rows = _held(_list(window).model())[1] if kind == "app" else None
    window.close()
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"peak_mb": peak_kb / 1024, "list_rows": rows}


def search_only(database: str, texts: dict) -> dict:
    """Search as you type through the window, on any database (a path or a URL)."""
    from app.main import create_main_window

    app = QApplication(sys.argv[:1])
    window = create_main_window(database)
    window.show()
    wait_until(app, lambda: _list(window).model().rowCount() > 0, timeout=120)
    idle(app, 1.0)  # the settings read and the change watch connected, as at a desk
    result = search_as_you_type(app, window, window.db, texts)
    window.close()
    return result


def main(argv: list[str]) -> dict:
    mode = argv[0]
    if mode == "search":
        return search_only(argv[1], json.loads(argv[2]))
    if mode == "startup":
        return startup(argv[1], argv[2], float(argv[3]))
    if mode == "interact":
        info = json.loads(Path(argv[2]).read_text())
        return interact(argv[1], info, json.loads(argv[3]))
    if mode == "memory":
        return memory(argv[1], argv[2])
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    report(main(sys.argv[1:]))
