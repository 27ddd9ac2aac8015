"""What quitting costs: the exit backup of a large clinic, with each way of checking it.

    python -m benchmarks.exit_backup [--end-to-end] DATABASE [DATABASE ...]

For each (SQLite) file: the copy alone (SQLite backup API), `PRAGMA integrity_check`
and `PRAGMA quick_check` of that copy, and the decision whether an exit backup is
needed at all (`automatic_backups.exit_backup_plan`: two audit-head lookups). The database is
only read; the copies go to a temporary folder beside it and are removed.

--end-to-end also runs the real `automatic_backups.automatic_backup` on a scratch copy, in a
backups folder of its own: the day's first backup, an exit with nothing written since
(skipped), then one setting changed and the exit backup again.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
from pathlib import Path

from benchmarks.common import now


def measure(path: Path) -> dict:
    from app.services import automatic_backups, backups

    path = path.resolve()
    with tempfile.TemporaryDirectory(dir=path.parent) as folder:
        copy = Path(folder) / "copy.sqlite3"
        started = now()
        src = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        dest = sqlite3.connect(copy)
        src.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE").fetchall()
        src.close()
        copied = now() - started
        timings = {}
        for quick in (True, False):
            started = now()
            problem = backups.integrity_problem(dest, quick=quick)
            timings["quick_check" if quick else "integrity_check"] = now() - started
            assert problem is None, problem
        dest.close()
        started = now()
        head = automatic_backups.audit_head(path), automatic_backups.audit_head(copy)
        decided = now() - started
    return {
        "file": str(path),
        "mb": round(path.stat().st_size / 1e6),
        "patients": _patients(path),
        "copy_s": round(copied, 1),
        "integrity_check_s": round(timings["integrity_check"], 1),
        "quick_check_s": round(timings["quick_check"], 1),
        "skip_decision_ms": round(decided * 1000, 1),
        "same_head": head[0] == head[1],
    }


def end_to_end(path: Path) -> dict:
    """Seconds of the daily backup and of the exit backup without and after a write."""
    import os

    from app.db import Database
    from app.services import automatic_backups, settings
    from benchmarks.data import scratch_copy

    path = path.resolve()
    scratch = scratch_copy(path, "exit-scratch.sqlite3")
    timings: dict = {}
    try:
        with tempfile.TemporaryDirectory(dir=path.parent) as folder:
            os.environ["CASEDESK_DATA_DIR"] = folder
            db = Database(str(scratch))
            try:
                for name, label in (("daily", "daily"), ("exit_unchanged", "exit")):
                    started = now()
                    made = automatic_backups.automatic_backup(db, label)
                    timings[f"{name}_s"] = round(now() - started, 2)
                    timings[f"{name}_made"] = made is not None
                settings.set_many(db, {"clinic.name": "Benchmark Physio"})
                timings["exit_plan_after_write"] = automatic_backups.exit_backup_plan(scratch)
                started = now()
                made = automatic_backups.automatic_backup(db, "exit")
                timings["exit_after_write_s"] = round(now() - started, 2)
                timings["exit_after_write_made"] = made is not None
            finally:
                db.dispose()
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
    return {"file": str(path), **timings}


def _patients(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM patient").fetchone()[0]
    finally:
        conn.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("databases", nargs="+", type=Path)
    parser.add_argument("--end-to-end", action="store_true", help="the real service, timed")
    args = parser.parse_args()
    for path in args.databases:
        found = end_to_end(path) if args.end_to_end else measure(path)
        print(json.dumps(found), flush=True)


if __name__ == "__main__":
    main()
