"""Benchmark databases: N demo patients, kept in benchmarks/data/ between runs.

Each file is named after its size and the schema head revision, so a schema
change makes new files (and the old ones are removed). A file is filled with
`casedesk demo-data` and then given two extra patients through the services:
one with 50 cases and 500 appointments (the heavy patient to open) and one
practitioner with every hour free, for booking.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from benchmarks.common import ROOT, child_env

DATA = ROOT / "benchmarks" / "data"
SEED = 1
HEAVY_CASES = 50
HEAVY_APPOINTMENTS_PER_CASE = 10
ALL_DAY = {d: [["00:00", "23:30"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
# Where a million-patient file made with seed 1 may already exist (it takes minutes to make).
READY_MADE = {1_000_000: [Path("/tmp/million.sqlite3")]}


def head() -> str:
    from app.migrations.runner import head_revision

    return head_revision()


def _paths(patients: int, revision: str) -> tuple[Path, Path]:
    stem = DATA / f"patients-{patients}-rev{revision}"
    return stem.with_suffix(".sqlite3"), stem.with_suffix(".json")


def _remove_stale(patients: int, revision: str) -> None:
    keep = _paths(patients, revision)[0].stem
    for old in DATA.glob(f"patients-{patients}-rev*"):
        if old.name.split(".")[0] != keep:
            old.unlink()


def _revision_and_count(path: Path) -> tuple[str | None, int, int]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        total = conn.execute("SELECT count(*) FROM patient").fetchone()[0]
        real = conn.execute("SELECT count(*) FROM patient WHERE NOT is_demo").fetchone()[0]
        return revision, total, real
    except sqlite3.DatabaseError:
        return None, 0, 0
    finally:
        conn.close()


def _copy_ready_made(patients: int, revision: str, target: Path) -> bool:
    for source in READY_MADE.get(patients, []):
        if not source.exists():
            continue
        found, total, real = _revision_and_count(source)
        if found is None or total != patients or real:
            continue
        # An older schema is fine: opening the copy below migrates it, as the app would.
        print(f"  copying {source} ({patients:,} demo patients, schema {found})", flush=True)
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
            src.close()
        return True
    return False


def _generate(patients: int, target: Path) -> None:
    print(f"  casedesk demo-data --patients {patients} --seed {SEED}", flush=True)
    subprocess.run(
        [sys.executable, "-m", "app", "--database", str(target), "demo-data"]
        + ["--patients", str(patients), "--seed", str(SEED)],
        cwd=ROOT,
        env=child_env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def _add_heavy_patient(target: Path) -> dict:
    """The patient with 50 cases and 500 appointments, and a practitioner free all day."""
    from app.db import Database
    from app.services import booking, practitioners
    from app.services.dto import BookingRequest, CaseDecision, PatientDetails

    db = Database(str(target))
    try:
        doctor = practitioners.add_practitioner(db, "Meera Iyer", ALL_DAY, 30)
        start = datetime(2030, 1, 7, 0, 0, tzinfo=UTC)
        details = PatientDetails("Devika", "Raghunathan", "+91 81234 00000", "devika.r@example.com")
        patient_id, slot = None, 0
        for c in range(HEAVY_CASES):
            case_id = None
            for _ in range(HEAVY_APPOINTMENTS_PER_CASE):
                request = BookingRequest(
                    case_title=f"Follow-up course {c + 1}",
                    body_parts=("Left knee",) if c % 2 else ("Lower back",),
                    practitioner_id=doctor.id,
                    starts_at=start + timedelta(minutes=30 * slot),
                    patient_id=patient_id,
                    new_patient=None if patient_id else details,
                    override=True,  # round the clock, for the size of the record, not realism
                )
                decision = CaseDecision.update(case_id) if case_id else CaseDecision.new_case()
                result = booking.book_appointment(db, request, decision)
                patient_id, case_id, slot = result.patient_id, result.case_id, slot + 1
        return {
            "heavy_patient_id": patient_id,
            "practitioner_id": doctor.id,
            "next_slot": (start + timedelta(minutes=30 * slot)).isoformat(),
        }
    finally:
        db.dispose()


def ensure(patients: int) -> tuple[Path, dict]:
    """The benchmark database of `patients` demo patients, made when missing or outdated."""
    DATA.mkdir(parents=True, exist_ok=True)
    revision = head()
    _remove_stale(patients, revision)
    target, sidecar = _paths(patients, revision)
    if target.exists() and sidecar.exists():
        return target, json.loads(sidecar.read_text())
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    print(f"Making the {patients:,}-patient benchmark database {target.name}", flush=True)
    if not _copy_ready_made(patients, revision, target):
        _generate(patients, target)
    info = {"patients": patients, "revision": revision, **_add_heavy_patient(target)}
    shutil.rmtree(DATA / "appdata" / "backups", ignore_errors=True)  # taken before migrating
    sidecar.write_text(json.dumps(info, indent=2))
    return target, info


def scratch_copy(source: Path, name: str = "scratch.sqlite3") -> Path:
    """A throw-away copy for benchmarks that write (bookings), so the kept file stays as made."""
    # Beside its source: that folder exists (benchmarks/data is not in a fresh clone).
    target = source.parent / name
    for leftover in (target, Path(f"{target}-wal"), Path(f"{target}-shm")):
        leftover.unlink(missing_ok=True)
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target


if __name__ == "__main__":
    os.environ.setdefault("CASEDESK_DATA_DIR", str(DATA / "appdata"))
    for size in [int(a) for a in sys.argv[1:]] or [10_000]:
        print(ensure(size))
