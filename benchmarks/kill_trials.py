"""kill -9 during backups, bookings and upgrades: what a killed CaseDesk leaves behind.

`python -m benchmarks.kill_trials --trials 200` runs the trials in turn (backup, booking,
upgrade, ...), each on a fresh copy of a small clinic, killing the process at a random
moment, then checks, as the next start would see it:
- confirmed bookings lost (a booking the child reported as committed is missing);
- integrity errors (`PRAGMA integrity_check` of the database, and of every backup);
- half transactions (an appointment without its audit entry or the other way round, broken
  links, or a schema half upgraded);
- stray backup files (a file with a backup's name that is empty or fails its check, or a
  `.partial` left after the next start's clean-up).
All four must be 0. tests/backups/test_kill_trials.py runs a short version in `make test`.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

KINDS = ("backup", "booking", "upgrade")
EVERY_DAY = {d: [["00:00", "23:59"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
OLD_REVISION = "0003"


@dataclass
class Figures:
    trials: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)
    confirmed_bookings: int = 0
    confirmed_bookings_lost: int = 0
    integrity_errors: int = 0
    half_transactions: int = 0
    stray_backup_files: int = 0
    partials_cleaned: int = 0
    upgrades: dict[str, int] = field(default_factory=dict)  # killed before / after the commit
    problems: list[str] = field(default_factory=list)

    def failures(self) -> int:
        return (
            self.confirmed_bookings_lost
            + self.integrity_errors
            + self.half_transactions
            + self.stray_backup_files
        )


def make_seeds(folder: Path, patients: int = 1500) -> dict:
    """A small clinic at HEAD and the same clinic at an older schema (for upgrades)."""
    os.environ["CASEDESK_DATA_DIR"] = str(folder / "seed-data")
    from app.db import Database
    from app.services import demo_data, practitioners

    head = folder / "seed.sqlite3"
    db = Database(str(head))
    demo_data.generate(db, patients, 7)
    practitioners.add_practitioner(db, "Kill Trial", EVERY_DAY, 30)
    db.dispose()
    old = folder / "seed-old.sqlite3"
    shutil.copyfile(head, old)
    _downgrade(old)
    conn = sqlite3.connect(head)
    seeded = conn.execute("SELECT coalesce(max(id), 0) FROM appointment").fetchone()[0]
    conn.close()
    return {"head": head, "old": old, "seeded": seeded}


def _downgrade(path: Path) -> None:
    from alembic import command
    from sqlalchemy import create_engine

    from app.migrations.runner import alembic_config

    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
        with connection.begin():
            command.downgrade(alembic_config(connection), OLD_REVISION)
    engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()


def child(kind: str, path: str) -> None:
    """Runs in the killed process: works until killed, reporting each committed booking."""
    from app.db import Database

    if kind == "upgrade":
        print("ready", flush=True)
        Database(path).dispose()  # backup before the upgrade, then the upgrade
        print("done", flush=True)
        return
    db = Database(path)
    if kind == "backup":
        from app.services import backups

        print("ready", flush=True)
        while True:
            backups.backup(db, label="daily")
    _book_forever(db)


def _book_forever(db) -> None:
    from app.services import booking
    from app.services.dto import BookingRequest, CaseDecision, PatientDetails

    conn = sqlite3.connect(db.path)
    trial_id = conn.execute("SELECT id FROM practitioner WHERE name = 'Kill Trial'").fetchone()[0]
    conn.close()
    start = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=60)
    print("ready", flush=True)
    for n in range(100_000):
        request = BookingRequest(
            case_title="Knee pain",
            body_parts=("Left knee",),
            practitioner_id=trial_id,
            starts_at=start + timedelta(minutes=30 * n),
            new_patient=PatientDetails(
                first_name=f"Trial{n}", last_name="Patient", phone=f"+91 98{n:08d}"
            ),
        )
        result = booking.book_appointment(db, request, CaseDecision.new_case())
        print(f"booked {result.appointment_id}", flush=True)


def trial(kind: str, seeds: dict, work: Path, rng: random.Random) -> tuple[list, dict]:
    """One kill: returns (confirmed appointment ids, what the child printed)."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    path = work / "clinic.sqlite3"
    shutil.copyfile(seeds["old" if kind == "upgrade" else "head"], path)
    env = {**os.environ, "CASEDESK_DATA_DIR": str(work / "data")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "benchmarks.kill_trials", "--child", kind, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert proc.stdout is not None
    proc.stdout.readline()  # "ready": the work has begun
    delays = {"backup": (0.0, 0.8), "booking": (0.05, 1.0), "upgrade": (0.0, 0.6)}
    time.sleep(rng.uniform(*delays[kind]))
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate()
    confirmed = [int(line.split()[1]) for line in out.splitlines() if line.startswith("booked ")]
    return confirmed, {"path": path, "data": work / "data", "seeded": seeds["seeded"]}


def check(kind: str, confirmed: list[int], where: dict, figures: Figures) -> None:
    """What the next start finds."""
    os.environ["CASEDESK_DATA_DIR"] = str(where["data"])
    from app.services import backups

    path: Path = where["path"]
    figures.partials_cleaned += backups.remove_partials(path.parent)
    stray = list(path.parent.rglob("*.partial*"))
    # Everything left in the backups folder must be a finished backup that passes its check.
    stray += [
        candidate
        for candidate in (where["data"] / "backups").glob("*")
        if not (candidate.name.endswith(".sqlite3") and _sound(candidate))
    ]
    figures.stray_backup_files += len(stray)
    figures.problems += [f"{kind}: stray {p.name}" for p in stray]
    conn = sqlite3.connect(path)
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            figures.integrity_errors += 1
            figures.problems.append(f"{kind}: integrity")
            return
        half = _half_transactions(conn, where["seeded"])
        figures.half_transactions += half
        if half:
            figures.problems.append(f"{kind}: {half} half transaction(s)")
        ids = {r[0] for r in conn.execute("SELECT id FROM appointment")}
        if kind == "upgrade":
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
            outcome = "upgraded" if revision != OLD_REVISION else "left at the old schema"
            figures.upgrades[outcome] = figures.upgrades.get(outcome, 0) + 1
    finally:
        conn.close()
    lost = [i for i in confirmed if i not in ids]
    figures.confirmed_bookings += len(confirmed)
    figures.confirmed_bookings_lost += len(lost)


def _sound(path: Path) -> bool:
    if path.stat().st_size == 0:
        return False
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return False


def _half_transactions(conn: sqlite3.Connection, seeded: int) -> int:
    """Bookings since the seed (whose demo rows have no audit) each with their audit entry."""
    half = len(conn.execute("PRAGMA foreign_key_check").fetchall())
    half += conn.execute(
        "SELECT count(*) FROM appointment a WHERE a.id > ? AND NOT EXISTS (SELECT 1 FROM "
        "audit_event e WHERE e.entity = 'appointment' AND e.entity_id = a.id "
        "AND e.action = 'appointment.reserve')",
        (seeded,),
    ).fetchone()[0]
    half += conn.execute(
        "SELECT count(*) FROM audit_event e WHERE e.action = 'appointment.reserve' "
        "AND NOT EXISTS (SELECT 1 FROM appointment a WHERE a.id = e.entity_id)"
    ).fetchone()[0]
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    columns = {r[1] for r in conn.execute("PRAGMA table_info(appointment)")}
    from app.migrations import HEAD

    upgraded = "time_off" in tables and "calendar_sequence" in columns
    if (revision == HEAD) != upgraded or revision not in (HEAD, OLD_REVISION):
        half += 1  # a schema half upgraded, or stamped without its changes
    return half


def run(trials: int, seed: int = 1, keep: Path | None = None) -> Figures:
    rng = random.Random(seed)
    folder = Path(keep or tempfile.mkdtemp(prefix="casedesk-kill-"))
    folder.mkdir(parents=True, exist_ok=True)
    seeds = make_seeds(folder)
    figures = Figures()
    for n in range(trials):
        kind = KINDS[n % len(KINDS)]
        confirmed, where = trial(kind, seeds, folder / "trial", rng)
        check(kind, confirmed, where, figures)
        figures.trials += 1
        figures.by_kind[kind] = figures.by_kind.get(kind, 0) + 1
    if keep is None:
        shutil.rmtree(folder, ignore_errors=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", nargs=2, metavar=("KIND", "DATABASE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        child(*args.child)
        return 0
    started = time.monotonic()
    figures = run(args.trials, args.seed)
    report = {**asdict(figures), "seconds": round(time.monotonic() - started, 1)}
    report["problems"] = figures.problems[:20]
    print(json.dumps(report, indent=2))
    return 1 if figures.failures() else 0


if __name__ == "__main__":
    sys.exit(main())
