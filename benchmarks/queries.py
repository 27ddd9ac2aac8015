"""Service-level timings: a search against its raw SQL floor, opening a patient, booking.

The floor of a search is the very SQL the service sent (caught on the engine),
run again straight through the sqlite3 module on the same file: what is left
above it is the cost of SQLAlchemy, sessions and Python.

Run alone: python -m benchmarks.queries DB.sqlite3 INFO.json
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import event

from benchmarks.common import median, ms, now, percentile, report

REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))
FLOOR_SKIP = ("BEGIN", "ROLLBACK", "COMMIT", "PRAGMA")


def search_texts(db) -> dict[str, list[str]]:
    """What receptionists type, by kind, taken from the data so every size has hits."""
    from sqlalchemy import select

    from app.models import Case, Patient

    with db.reading() as session:
        middle = session.scalar(select(func_max(Patient.id))) // 2
        patient = session.get(Patient, middle)
        code = session.scalar(select(Case.code).where(Case.patient_id == middle).limit(1))
        last, first = patient.last_name.lower(), patient.first_name.lower()
        national = patient.national_digits
    return {
        "name": ["s", "a", last[:3], last, f"{first} {last[:2]}", "zz"],
        "phone": [national[:3], national[:6], national, "91" + national[:4]],
        "case ID": [code, code[:-1], code[:5]],
    }


def func_max(column):
    from sqlalchemy import func

    return func.max(column)


class StatementLog:
    """The SELECTs an engine sends while `capturing` is on, with their parameters."""

    def __init__(self, engine) -> None:
        self.capturing = False
        self.statements: list[tuple[str, tuple]] = []
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, parameters, _context, _many) -> None:
        if self.capturing and not statement.lstrip().upper().startswith(FLOOR_SKIP):
            kept = dict(parameters) if isinstance(parameters, dict) else tuple(parameters or ())
            self.statements.append((statement, kept))


def floor(path: Path, statements: list[tuple[str, tuple]]) -> list[float]:
    """Times the captured statements on a plain sqlite3 connection."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        for sql, params in statements:  # warm the page cache as the service run was
            conn.execute(sql, params).fetchall()
        times = []
        for _ in range(REPEAT):
            started = now()
            for sql, params in statements:
                conn.execute(sql, params).fetchall()
            times.append(ms(now() - started))
        return times
    finally:
        conn.close()


def time_searches(db, floor_of) -> dict:
    """Each typed search through `search_patients`, against `floor_of(statements it sent)`."""
    from app.services import patients

    log = StatementLog(db.engine)
    results = {}
    for kind, texts in search_texts(db).items():
        for text in texts:
            patients.search_patients(db, text)  # warm
            service = []
            for _ in range(REPEAT):
                started = now()
                patients.search_patients(db, text)
                service.append(ms(now() - started))
            log.statements.clear()
            log.capturing = True
            page = patients.search_patients(db, text)
            log.capturing = False
            raw = floor_of(log.statements)
            started = now()
            patients.patient_rows(db, page.ids[:50])
            rows = ms(now() - started)
            results[f"{kind}: {text!r}"] = {
                "kind": kind,
                "matches": page.total,
                "service_ms": median(service),
                "service_p95_ms": percentile(service, 95),
                "floor_ms": median(raw),
                "rows_ms": rows,
            }
    return results


def time_open_patient(db, patient_id: int) -> dict:
    from app.services import patients

    patients.get_patient(db, patient_id)
    times = []
    for _ in range(REPEAT):
        started = now()
        record = patients.get_patient(db, patient_id)
        times.append(ms(now() - started))
    appointments = sum(len(c.appointments) for c in record.cases)
    return {"cases": len(record.cases), "appointments": appointments, "ms": median(times)}


def time_bookings(db, info: dict, count: int) -> dict:
    """One booking for a new patient with e-mail (the whole transaction), `count` times."""
    from app.services import booking
    from app.services.dto import BookingRequest, CaseDecision, PatientDetails

    start = datetime.fromisoformat(info["next_slot"]) + timedelta(days=400)
    times = []
    began = now()
    for n in range(count):
        request = BookingRequest(
            case_title="Knee pain after fall",
            body_parts=("Left knee",),
            practitioner_id=info["practitioner_id"],
            starts_at=start + timedelta(minutes=30 * n),
            new_patient=PatientDetails(
                "Anil", f"Kapoor{n}", f"+91 81{n:08d}"[:16], f"anil{n}@example.com"
            ),
        )
        started = now()
        booking.book_appointment(db, request, CaseDecision.new_case())
        times.append(ms(now() - started))
    total = ms(now() - began)
    return {
        "one_ms": median(times),
        "p95_ms": percentile(times, 95),
        "count": count,
        "all_ms": total,
    }


def main(path: Path, info: dict, bookings: int) -> dict:
    from app.db import Database
    from benchmarks.data import scratch_copy

    db = Database(str(path))
    try:
        result = {
            "search": time_searches(db, lambda statements: floor(path, statements)),
            "open_patient": time_open_patient(db, info["heavy_patient_id"]),
        }
    finally:
        db.dispose()
    scratch = scratch_copy(path)
    db = Database(str(scratch))
    try:
        result["booking"] = time_bookings(db, info, bookings)
    finally:
        db.dispose()
        scratch.unlink(missing_ok=True)
    return result


if __name__ == "__main__":
    target, sidecar = Path(sys.argv[1]).resolve(), Path(sys.argv[2])
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    report(main(target, json.loads(sidecar.read_text()), count))
