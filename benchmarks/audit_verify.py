"""`casedesk audit verify` on a large trail: tops up a demo database's audit entries, then
times the verify command.

    python -m benchmarks.audit_verify DATABASE [--per-patient 3]

Demo data writes one audit entry per run, so entries (a registration, an update with
before/after and an access per patient) are added with plain INSERTs and chained as the
0006 migration chains existing rows; the verify that follows is the real command.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time

from sqlalchemy import text

from app.db import Database
from app.services import audit, audit_chain


def top_up(db: Database, per_patient: int) -> int:
    with db.reading() as session:
        ids = list(session.scalars(text("SELECT id FROM patient ORDER BY id")))
    actor = audit.current_actor()
    before = json.dumps({"phone": "+919812345678", "email": None})
    after = json.dumps({"phone": "+919812345679", "email": "p@example.com"})
    rows = [
        {"at": f"2026-11-{1 + n % 25:02d} 09:00:00.000000", "p": pid, "b": before, "a": after}
        for pid in ids
        for n in range(per_patient)
    ]
    with db.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO audit_event (at, actor, action, entity, entity_id, before, after) "
                f"VALUES (:at, '{actor}', 'patient.update', 'patient', :p, :b, :a)"
            ),
            rows,
        )
        return audit_chain.chain_existing(connection)


def measure(database: str, per_patient: int = 3) -> dict:
    """Tops up `database` (it is changed: pass a scratch copy) and times `audit verify` once."""
    db = Database(database)
    started = time.monotonic()
    last = top_up(db, per_patient)
    topped_up = time.monotonic() - started
    db.dispose()
    return {"entries": last, "top_up_s": topped_up, **verify(database)}


def verify(database: str) -> dict:
    """The real `casedesk audit verify`, timed as a fresh process."""
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "app", "--database", database, "audit", "verify"],
        check=False,
        capture_output=True,
        text=True,
    )
    return {
        "verify_s": time.monotonic() - started,
        "exit_status": done.returncode,
        "said": (done.stdout.strip().splitlines() or [""])[-1],
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("database")
    parser.add_argument("--per-patient", type=int, default=3)
    parser.add_argument("--json", action="store_true", help="one JSON line (benchmarks.in_out)")
    args = parser.parse_args()
    found = measure(args.database, args.per_patient)
    if args.json:
        print(json.dumps(found))
        return 0
    print(f"audit entries up to id {found['entries']:,}, added in {found['top_up_s']:.1f} s")
    print(found["said"])
    print(f"audit verify: exit {found['exit_status']} in {found['verify_s']:.1f} s (wall)")
    return found["exit_status"]


if __name__ == "__main__":
    raise SystemExit(main())
