"""This desk's window while another desk holds a write lock for 5 s, on SQLite and PostgreSQL.

    python -m benchmarks.lock [--sizes 10000,100000] [--quick]

Another process takes the lock a booking needs and keeps it for LOCK_SECONDS:
SQLite: `BEGIN IMMEDIATE`, an insert (a copy of a patient row), sleep, commit.
PostgreSQL: `LOCK TABLE appointment IN EXCLUSIVE MODE` (reads go on, writes wait), the
booking practitioner's row `FOR UPDATE`, the same insert, sleep, commit.
Meanwhile the receptionist, in the real window (offscreen, its own process), types a
name into `patientSearch` at 110 ms a key, opens the first patient found, and books an
appointment for them through the window's runner (the path every write of the window
takes). A QTimer heartbeat every 10 ms on the window's thread measures the longest
stall: the longest gap between two beats. The same script without the lock is the
baseline.
"""

from __future__ import annotations

import multiprocessing
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.common import ms, now

LOCK_SECONDS = 5.0
BEAT_MS = 10
TYPING_MS = 110


def hold_lock(target: str, practitioner_id: int, seconds: float, go, held, out) -> None:
    """The other desk: holds the write lock a booking needs for LOCK_SECONDS."""
    from app.models import Patient

    columns = ", ".join(c.name for c in Patient.__table__.columns if c.name != "id")
    copy = (
        f"INSERT INTO patient ({columns}) SELECT {columns} FROM patient "
        "WHERE id = (SELECT min(id) FROM patient)"
    )
    go.wait()
    if "://" not in target:
        import sqlite3

        conn = sqlite3.connect(target, isolation_level=None)
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(copy)
    else:
        import psycopg

        conn = psycopg.connect(target.replace("postgresql+psycopg://", "postgresql://"))
        conn.execute("LOCK TABLE appointment IN EXCLUSIVE MODE")
        conn.execute("SELECT id FROM practitioner WHERE id = %s FOR UPDATE", (practitioner_id,))
        conn.execute(copy)
    started = time.time()
    held.set()
    time.sleep(seconds)
    conn.commit() if "://" in target else conn.execute("COMMIT")
    ended = time.time()
    conn.close()
    out.put((started, ended))


class Heartbeat:
    """A 10 ms QTimer on the UI thread; the gaps between its beats are the stalls."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.beats: list[float] = []
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(BEAT_MS)
        self.timer.timeout.connect(lambda: self.beats.append(now()))

    def start(self) -> None:
        self.beats = [now()]
        self.timer.start()

    def stop(self) -> dict:
        self.timer.stop()
        gaps = [b - a for a, b in zip(self.beats, self.beats[1:], strict=False)]
        worst = max(range(len(gaps)), key=gaps.__getitem__) if gaps else 0
        return {
            "beats": len(self.beats),
            "longest_ms": ms(max(gaps)) if gaps else float("nan"),
            "longest_at_s": self.beats[worst] - self.beats[0] if gaps else float("nan"),
            "over_50ms": sum(1 for g in gaps if g > 0.050),
            "over_100ms": sum(1 for g in gaps if g > 0.100),
        }


def window(target: str, script: dict, seconds: float, ready, held, out) -> None:
    """The receptionist's window: searches, opens a patient and books while the lock is held."""
    from PySide6.QtCore import QItemSelectionModel, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.main import create_main_window
    from app.services import booking
    from app.services.dto import BookingRequest, CaseDecision
    from benchmarks.gui import _list, _search_box, idle, visible_ids, wait_until

    app = QApplication([])
    win = create_main_window(target)
    win.show()
    view, box = _list(win), _search_box(win)
    wait_until(app, lambda: view.model().rowCount() > 0, timeout=60)
    idle(app, 1.0)  # settings read, the change watch connected
    shown: list[int] = []
    win.recordShown.connect(shown.append)
    beat = Heartbeat()
    ready.set()
    wait_until(app, held.is_set, timeout=60)
    began = now()
    beat.start()
    text, expected = script["text"], script["expected"]
    for ch in text:
        QTest.keyClicks(box, ch)
        idle(app, TYPING_MS / 1000)
    last_key = now() - TYPING_MS / 1000
    found = wait_until(app, lambda: visible_ids(view)[:3] == expected[:3], timeout=15)
    searched = now()
    patient_id = expected[0]
    model = view.model()
    row = next(
        r for r in range(model.rowCount()) if model.index(r, 0).data(Qt.UserRole) == patient_id
    )
    view.selectionModel().setCurrentIndex(
        model.index(row, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    opened_from = now()
    wait_until(app, lambda: patient_id in shown, timeout=15)
    opened = now()
    answer: list[str] = []
    request = BookingRequest(
        "Lower back pain",
        ("Lower back",),
        script["practitioner_id"],
        datetime.fromisoformat(script["slot"]),
        patient_id=patient_id,
    )
    asked = now()
    win.runner.write(
        booking.book_appointment,
        win.db,
        request,
        CaseDecision.new_case(),
        done=lambda _r: answer.append("booked"),
        failed=lambda e: answer.append(f"{type(e).__name__}: {e}"),
    )
    wait_until(app, lambda: bool(answer), timeout=30)
    answered = now()
    idle(app, max(0.3, seconds + 0.5 - (now() - began)))  # past the lock's end
    stalls = beat.stop()
    win.close()
    out.put(
        {
            **stalls,
            "search_found": found,
            "search_ms": ms(searched - last_key),
            "open_ms": ms(opened - opened_from),
            "booking": answer[0] if answer else "no answer",
            "booking_ms": ms(answered - asked),
            "booking_asked_s": asked - began,
        }
    )


def script_for(target: str) -> dict:
    """What the receptionist types and whom she opens (read beforehand, not in the window)."""
    from app.db import Database
    from app.services import patients
    from benchmarks.desks import FIRST_SLOT, prepare
    from benchmarks.queries import search_texts

    practitioner_id = prepare(target)
    db = Database(target)
    try:
        text = search_texts(db)["name"][3]  # a whole last name
        expected = list(patients.search_patients(db, text, 0, 60).ids)
    finally:
        db.dispose()
    return {
        "text": text,
        "expected": expected,
        "practitioner_id": practitioner_id,
        "slot": (FIRST_SLOT + timedelta(days=3)).isoformat(),
    }


def session(target: str, locked: bool, seconds: float = LOCK_SECONDS) -> dict:
    script = script_for(target)
    spawn = multiprocessing.get_context("spawn")
    ready, held, go = spawn.Event(), spawn.Event(), spawn.Event()
    out, lock_out = spawn.Queue(), spawn.Queue()
    win = spawn.Process(target=window, args=(target, script, seconds, ready, held, out))
    win.start()
    locker = None
    if locked:
        locker = spawn.Process(
            target=hold_lock, args=(target, script["practitioner_id"], seconds, go, held, lock_out)
        )
        locker.start()
    if not ready.wait(180):
        raise RuntimeError("the window did not come up")
    if locker is not None:
        go.set()
    else:
        held.set()
    result = out.get(timeout=120)
    if locker is not None:
        started, ended = lock_out.get(timeout=60)
        result["lock_s"] = ended - started
        locker.join(timeout=30)
    win.join(timeout=30)
    return result


def measure(sqlite_path: Path, pg=None, pg_template: str | None = None, quick=False) -> dict:
    from benchmarks import data
    from benchmarks import pg as pgmod

    seconds = 1.0 if quick else LOCK_SECONDS
    result = {}
    scratch = data.scratch_copy(sqlite_path, "lock.sqlite3")
    try:
        result["SQLite"] = {"locked": session(str(scratch), True, seconds)}
        if not quick:
            result["SQLite"]["baseline"] = session(str(scratch), False, seconds)
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
    if pg is not None:
        url = pgmod.copy_of(pg, pg_template)
        try:
            result["PostgreSQL"] = {"locked": session(url, True, seconds)}
            if not quick:
                result["PostgreSQL"]["baseline"] = session(url, False, seconds)
        finally:
            pgmod.drop(pg, url)
    return result


def section(by_size: dict[int, dict], loaded: dict[int, tuple], command: str) -> list[str]:
    from benchmarks.sections import measured

    lines = [
        "## Another desk holding a write lock for 5 s",
        "",
        measured(command),
        "",
        "Another process holds the lock a booking needs for 5 s (SQLite: `BEGIN IMMEDIATE` and "
        "an insert; PostgreSQL: `LOCK TABLE appointment IN EXCLUSIVE MODE`, the practitioner's "
        "row `FOR UPDATE` and an insert). Meanwhile, in the window (its own process), the "
        "receptionist types a last name at 110 ms a key, opens the first patient found and books "
        "for them through the window's runner. Longest stall = the longest gap between two beats "
        "of a 10 ms QTimer on the window's thread, from the lock taken to 0.5 s after it ended "
        "(goal < 100 ms). Baseline = the same script with no lock held.",
        "",
        "| patients | engine | lock | longest stall | gaps > 50 ms | search (last key to rows) "
        "| open patient | booking answered after | booking |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for size, engines in by_size.items():
        for engine, runs in engines.items():
            held = size if engine == "SQLite" else loaded[size][1]
            for kind in ("locked", "baseline"):
                if kind not in runs:
                    continue
                r = runs[kind]
                lock = f"held {r['lock_s']:.1f} s" if kind == "locked" else "none (baseline)"
                lines.append(
                    f"| {held:,} | {engine} | {lock} | **{r['longest_ms']:.0f} ms** "
                    f"(at {r['longest_at_s']:.1f} s) | {r['over_50ms']} | {r['search_ms']:.0f} ms "
                    f"| {r['open_ms']:.0f} ms | {r['booking_ms'] / 1000:.2f} s | {r['booking']} |"
                )
    lines.append("")
    return lines


def run_all(sizes: list[int], quick: bool = False) -> tuple[dict, dict]:
    from benchmarks import pg as pgmod

    return pgmod.per_size(sizes, "a write lock held at another desk", measure, quick)


def main() -> None:
    from benchmarks.sections import arguments, command, write_section

    args = arguments(__doc__)
    by_size, loaded = run_all(args.sizes, args.quick)
    lines = section(by_size, loaded, command("lock", args.sizes, args.quick))
    print("\n".join(lines))
    if not args.no_write:
        write_section("lock", lines)


if __name__ == "__main__":
    main()
