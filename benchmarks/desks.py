"""Eight desks booking at once, on SQLite and on PostgreSQL.

    python -m benchmarks.desks [--sizes 10000,100000] [--quick]

Each desk is a process of its own with its own `Database`. All of them book new
(distinct) patients with one practitioner, into the same pool of slots: most
slots are wanted by two desks, and a quarter of the tries start 15 minutes into a
slot, so both exact and partial overlaps compete. Reported: bookings per second
(successful ones, over the wall time from the first try to the last answer),
latency of each try, the double bookings left afterwards (overlapping
non-cancelled appointments of that practitioner, read back with SQL: must be 0)
and every distinct message the losers got (must be the clear domain error).
"""

from __future__ import annotations

import multiprocessing
import random
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.common import median, ms, percentile

DESKS = 8
ATTEMPTS = 30  # tries per desk
QUICK_ATTEMPTS = 5
FIRST_SLOT = datetime(2031, 3, 3, 0, 0, tzinfo=UTC)
ALL_DAY = {d: [["00:00", "23:30"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _letters(n: int) -> str:
    out = ""
    while True:
        n, r = divmod(n, 26)
        out = LETTERS[r] + out
        if n == 0:
            return out


def plan(desks: int, attempts: int) -> list[list[str]]:
    """For each desk, the start times it tries: half as many slots as tries, so each slot
    is wanted by about two desks; a quarter of the tries start 15 minutes into a slot."""
    slots = max(1, desks * attempts // 2)
    plans = []
    for desk in range(desks):
        rnd = random.Random(desk)
        starts = []
        for _ in range(attempts):
            start = FIRST_SLOT + timedelta(minutes=30 * rnd.randrange(slots))
            if rnd.random() < 0.25:
                start += timedelta(minutes=15)
            starts.append(start.isoformat())
        plans.append(starts)
    return plans


def prepare(target: str) -> int:
    """A practitioner free all day, with 30-minute appointments; returns its id."""
    from app.db import Database
    from app.services import practitioners

    db = Database(target)
    try:
        return practitioners.add_practitioner(db, "Ishaan Desai", ALL_DAY, 30).id
    finally:
        db.dispose()


def desk(index: int, target: str, practitioner_id: int, starts: list[str], ready, go, out):
    """One desk: opens the database, waits for the others, then books one try after another."""
    from app.db import Database
    from app.services import booking, settings
    from app.services.dto import BookingRequest, CaseDecision, PatientDetails
    from app.services.errors import CaseDeskError

    db = Database(target)
    settings.get_all(db)
    # One booking of its own on an earlier day, so every import and cache is warm at the start.
    warm = BookingRequest(
        "Warm-up",
        ("Neck",),
        practitioner_id,
        FIRST_SLOT - timedelta(days=1 + index),
        new_patient=PatientDetails("Warm", f"Up{LETTERS[index]}", f"+91 7{index}00000000"),
    )
    booking.book_appointment(db, warm, CaseDecision.new_case())
    ready.put(index)
    go.wait()
    tries = []
    for k, start in enumerate(starts):
        request = BookingRequest(
            case_title="Knee pain after a fall",
            body_parts=("Left knee",),
            practitioner_id=practitioner_id,
            starts_at=datetime.fromisoformat(start),
            new_patient=PatientDetails(
                "Rohan",
                f"Mehta{LETTERS[index]}{_letters(k)}".capitalize(),
                f"+91 8{index}{k:08d}",
                f"rohan.{index}.{k}@example.com",
            ),
        )
        began, wall = time.perf_counter(), time.time()
        try:
            booking.book_appointment(db, request, CaseDecision.new_case())
            outcome = "booked"
        except CaseDeskError as exc:  # what a receptionist reads
            outcome = f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # the window would say "unexpected error"
            first = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
            outcome = f"UNEXPECTED {type(exc).__name__}: {first}"
        tries.append((wall, ms(time.perf_counter() - began), outcome))
    db.dispose()
    out.put((index, tries))


def double_bookings(target: str, practitioner_id: int) -> tuple[int, int]:
    """(overlapping pairs of non-cancelled appointments, appointments) of the practitioner."""
    from sqlalchemy import text

    from app.db import Database
    from app.models.appointment import CANCELLED

    db = Database(target)
    try:
        with db.engine.connect() as conn:
            pairs = conn.execute(
                text(
                    "SELECT count(*) FROM appointment a JOIN appointment b"
                    " ON a.practitioner_id = b.practitioner_id AND a.id < b.id"
                    " WHERE a.practitioner_id = :p AND a.status <> :c AND b.status <> :c"
                    " AND a.starts_at < b.ends_at AND b.starts_at < a.ends_at"
                ),
                {"p": practitioner_id, "c": str(CANCELLED)},
            ).scalar_one()
            booked = conn.execute(
                text("SELECT count(*) FROM appointment WHERE practitioner_id = :p"),
                {"p": practitioner_id},
            ).scalar_one()
        return pairs, booked
    finally:
        db.dispose()


def race(target: str, desks: int = DESKS, attempts: int = ATTEMPTS) -> dict:
    """Runs the desks against `target` (a scratch database) and reads back what they did."""
    practitioner_id = prepare(target)
    spawn = multiprocessing.get_context("spawn")
    ready, out, go = spawn.Queue(), spawn.Queue(), spawn.Event()
    plans = plan(desks, attempts)
    processes = [
        spawn.Process(target=desk, args=(i, target, practitioner_id, plans[i], ready, go, out))
        for i in range(desks)
    ]
    for p in processes:
        p.start()
    for _ in processes:
        ready.get(timeout=300)
    go.set()
    tries = []
    for _ in processes:
        tries += out.get(timeout=600)[1]
    for p in processes:
        p.join(timeout=60)
    pairs, booked = double_bookings(target, practitioner_id)
    first = min(t[0] for t in tries)
    last = max(t[0] + t[1] / 1000 for t in tries)
    wins = [t[1] for t in tries if t[2] == "booked"]
    lost = [t[2] for t in tries if t[2] != "booked"]
    latencies = [t[1] for t in tries]
    return {
        "desks": desks,
        "tries": len(tries),
        "booked": len(wins),
        "refused": len(lost),
        "seconds": last - first,
        "per_second": len(wins) / (last - first),
        "tries_per_second": len(tries) / (last - first),
        "p50_ms": median(latencies),
        "p95_ms": percentile(latencies, 95),
        "booked_p95_ms": percentile(wins, 95),
        "double_bookings": pairs,
        "appointments": booked - desks,  # without the warm-up bookings
        "messages": {m: lost.count(m) for m in sorted(set(lost))},
    }


def measure(sqlite_path: Path, pg=None, pg_template: str | None = None, quick=False) -> dict:
    """The race on a scratch copy of the SQLite file and of the PostgreSQL database."""
    from benchmarks import data
    from benchmarks import pg as pgmod

    attempts = QUICK_ATTEMPTS if quick else ATTEMPTS
    result = {}
    scratch = data.scratch_copy(sqlite_path, "desks.sqlite3")
    try:
        result["SQLite"] = race(str(scratch), attempts=attempts)
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
    if pg is not None:
        url = pgmod.copy_of(pg, pg_template)
        try:
            result["PostgreSQL"] = race(url, attempts=attempts)
        finally:
            pgmod.drop(pg, url)
    return result


def section(by_size: dict[int, dict], loaded: dict[int, tuple], command: str) -> list[str]:
    from benchmarks.sections import measured

    lines = [
        "## Eight desks booking at once",
        "",
        measured(command),
        "",
        f"{DESKS} processes, each with its own `Database`, book new patients with one "
        "practitioner into a shared pool of 30-minute slots (each slot wanted by about two "
        "desks, a quarter of the tries 15 minutes into a slot). Bookings per second = "
        "successful bookings over the wall time from the first try to the last answer; latency "
        "= each try (`book_appointment`), won or lost. Double bookings = pairs of overlapping "
        "non-cancelled appointments of that practitioner, read back with SQL afterwards.",
        "",
        "| patients | engine | tries | booked | bookings/s | tries/s | latency p50 | "
        "latency p95 | double bookings | losers' messages (count) |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for size, engines in by_size.items():
        for engine, r in engines.items():
            held = size if engine == "SQLite" else loaded[size][1]
            messages = "; ".join(f"{m} ({n})" for m, n in r["messages"].items()) or "-"
            lines.append(
                f"| {held:,} | {engine} | {r['tries']} | {r['booked']} | "
                f"{r['per_second']:.1f} | {r['tries_per_second']:.1f} | {r['p50_ms']:.1f} ms | "
                f"{r['p95_ms']:.1f} ms | {r['double_bookings']} | {messages} |"
            )
    lines.append("")
    return lines


def run_all(sizes: list[int], quick: bool = False) -> tuple[dict, dict]:
    from benchmarks import pg as pgmod

    return pgmod.per_size(sizes, f"{DESKS} desks booking", measure, quick)


def main() -> None:
    from benchmarks.sections import arguments, command, write_section

    args = arguments(__doc__)
    by_size, loaded = run_all(args.sizes, args.quick)
    lines = section(by_size, loaded, command("desks", args.sizes, args.quick))
    print("\n".join(lines))
    if not args.no_write:
        write_section("desks", lines)


if __name__ == "__main__":
    main()
