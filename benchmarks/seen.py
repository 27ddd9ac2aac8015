"""A booking at desk A seen at desk B, on SQLite and on PostgreSQL.

    python -m benchmarks.seen [--sizes 10000,100000] [--quick]

Desk B is a process with the real main window (offscreen) on the database; it
notes the wall-clock time at which its change bus (`bus.changed`) announces each
appointment. Desk A, another process with its own `Database`, books ~30
appointments at irregular intervals (0.3-0.7 s apart) and notes when each
`book_appointment` returned, i.e. had committed. The delay of a change is B's time
minus A's; both processes read the same machine clock. SQLite: B polls
`PRAGMA data_version` every 0.25 s; PostgreSQL: B LISTENs for the NOTIFY sent in
A's transaction. Either way the bus merges changes for 30 ms before announcing.
"""

from __future__ import annotations

import multiprocessing
import random
import time
from datetime import timedelta
from pathlib import Path

from benchmarks.common import median, ms, percentile

CHANGES = 30
QUICK_CHANGES = 5
WAIT_AFTER_LAST = 3.0  # seconds B keeps listening after A's last booking


def desk_b(target: str, ready, stop, out) -> None:
    """The window that should hear of A's bookings."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from app.main import create_main_window

    app = QApplication([])
    window = create_main_window(target)
    seen: dict[int, float] = {}
    connected = []

    def changed(changes) -> None:
        at = time.time()
        if changes.everything and not connected:
            connected.append(at)  # the watcher is connected: it starts with "read everything"
            ready.set()
        for appointment_id in changes.ids.get("appointment", ()):
            seen.setdefault(appointment_id, at)

    window.bus.changed.connect(changed)
    window.show()
    check = QTimer(interval=20)
    check.timeout.connect(lambda: stop.is_set() and app.quit())
    check.start()
    app.exec()
    window.close()
    out.put(seen)


def desk_a(target: str, practitioner_id: int, count: int, go, out) -> None:
    """The desk that books; reports when each booking had committed."""
    from app.db import Database
    from app.services import booking
    from app.services.dto import BookingRequest, CaseDecision, PatientDetails
    from benchmarks.desks import FIRST_SLOT, _letters

    db = Database(target)
    rnd = random.Random(7)

    def book(k: int) -> int:
        request = BookingRequest(
            "Shoulder pain",
            ("Right shoulder",),
            practitioner_id,
            FIRST_SLOT + timedelta(minutes=30 * k),
            new_patient=PatientDetails("Kavya", f"Nair{_letters(k)}".capitalize(), f"+91 9{k:09d}"),
        )
        return booking.book_appointment(db, request, CaseDecision.new_case()).appointment_id

    book(count + 10)  # warm
    go.wait()
    committed: dict[int, float] = {}
    for k in range(count):
        time.sleep(rnd.uniform(0.3, 0.7))
        appointment_id = book(k)
        committed[appointment_id] = time.time()
    db.dispose()
    out.put(committed)


def delays(target: str, count: int = CHANGES) -> dict:
    """A books `count` appointments; how long each took to reach B's change bus."""
    from benchmarks.desks import prepare

    practitioner_id = prepare(target)
    spawn = multiprocessing.get_context("spawn")
    ready, stop, go = spawn.Event(), spawn.Event(), spawn.Event()
    b_out, a_out = spawn.Queue(), spawn.Queue()
    b = spawn.Process(target=desk_b, args=(target, ready, stop, b_out))
    a = spawn.Process(target=desk_a, args=(target, practitioner_id, count, go, a_out))
    b.start()
    a.start()
    if not ready.wait(120):
        stop.set()
        raise RuntimeError("desk B never connected to the database")
    time.sleep(1.0)  # A's warm-up booking has come and gone at B
    go.set()
    committed = a_out.get(timeout=600)
    time.sleep(WAIT_AFTER_LAST)
    stop.set()
    seen = b_out.get(timeout=120)
    a.join(timeout=60)
    b.join(timeout=60)
    took = [ms(seen[i] - t) for i, t in committed.items() if i in seen]
    return {
        "changes": len(committed),
        "seen": len(took),
        "p50_ms": median(took),
        "p95_ms": percentile(took, 95),
        "max_ms": max(took) if took else float("nan"),
        "min_ms": min(took) if took else float("nan"),
    }


def measure(sqlite_path: Path, pg=None, pg_template: str | None = None, quick=False) -> dict:
    from benchmarks import data
    from benchmarks import pg as pgmod

    count = QUICK_CHANGES if quick else CHANGES
    result = {}
    scratch = data.scratch_copy(sqlite_path, "seen.sqlite3")
    try:
        result["SQLite"] = delays(str(scratch), count)
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
    if pg is not None:
        url = pgmod.copy_of(pg, pg_template)
        try:
            result["PostgreSQL"] = delays(url, count)
        finally:
            pgmod.drop(pg, url)
    return result


def section(by_size: dict[int, dict], loaded: dict[int, tuple], command: str) -> list[str]:
    from benchmarks.sections import measured

    lines = [
        "## A change at desk A seen at desk B",
        "",
        measured(command),
        "",
        "Desk A (a process with its own `Database`) books appointments 0.3-0.7 s apart; desk B "
        "(another process, the main window offscreen) notes when its change bus announces each "
        "one. Delay = B's `bus.changed` minus the moment A's `book_appointment` returned "
        "(committed). Goal on PostgreSQL: within 1 s.",
        "",
        "| patients | engine | changes | seen at B | median | p95 | slowest | how B hears |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    how = {
        "SQLite": "`PRAGMA data_version` every 0.25 s, then the audit rows",
        "PostgreSQL": "LISTEN / NOTIFY in A's transaction",
    }
    for size, engines in by_size.items():
        for engine, r in engines.items():
            held = size if engine == "SQLite" else loaded[size][1]
            lines.append(
                f"| {held:,} | {engine} | {r['changes']} | {r['seen']} | {r['p50_ms']:.0f} ms | "
                f"{r['p95_ms']:.0f} ms | {r['max_ms']:.0f} ms | {how[engine]} |"
            )
    lines.append("")
    return lines


def run_all(sizes: list[int], quick: bool = False) -> tuple[dict, dict]:
    from benchmarks import pg as pgmod

    return pgmod.per_size(sizes, "a change at desk A seen at desk B", measure, quick)


def main() -> None:
    from benchmarks.sections import arguments, command, write_section

    args = arguments(__doc__)
    by_size, loaded = run_all(args.sizes, args.quick)
    lines = section(by_size, loaded, command("seen", args.sizes, args.quick))
    print("\n".join(lines))
    if not args.no_write:
        write_section("seen", lines)


if __name__ == "__main__":
    main()
