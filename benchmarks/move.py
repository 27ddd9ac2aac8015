"""Moving an appointment: `python -m benchmarks.move FILE [--moves 60]`.

Works on a scratch copy of FILE (a benchmark database): adds a practitioner who works
round the clock and one booking with an e-mail, then moves it back and forth between two
free slots. Each move is the whole service call: one transaction with the overlap and
rules checks, the audit entry, the "your appointment moved" message with its calendar file.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path


def measure(source: Path, moves_count: int = 60) -> dict:
    from app.db import Database
    from app.services import booking, moves, practitioners
    from app.services.dto import BookingRequest, CaseDecision, PatientDetails

    with tempfile.TemporaryDirectory(dir=source.parent) as folder:
        copy = Path(folder) / "move.sqlite3"
        shutil.copyfile(source, copy)
        db = Database(str(copy))
        try:
            days = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
            doctor = practitioners.add_practitioner(
                db, "Move Bench", {d: [["00:00", "23:59"]] for d in days}, 30
            )
            start = (datetime.now(UTC) + timedelta(days=3)).replace(
                hour=10, minute=0, second=0, microsecond=0
            )
            request = BookingRequest(
                case_title="Knee pain",
                body_parts=("Left knee",),
                practitioner_id=doctor.id,
                starts_at=start,
                new_patient=PatientDetails("Mo", "Verma", "+91 98123 00001", "mo@example.com"),
            )
            booked = booking.book_appointment(db, request, CaseDecision.new_case())
            samples = []
            for i in range(moves_count):
                when = start + timedelta(hours=1 + i % 2)
                began = time.perf_counter()
                moves.move_appointment(db, booked.appointment_id, when, doctor.id)
                samples.append((time.perf_counter() - began) * 1000)
        finally:
            db.dispose()
    samples.sort()
    return {
        "moves": moves_count,
        "median_ms": statistics.median(samples),
        "p95_ms": samples[max(0, int(0.95 * len(samples)) - 1)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path)
    parser.add_argument("--moves", type=int, default=60)
    args = parser.parse_args()
    result = measure(args.file, args.moves)
    print(
        f"move_appointment: median {result['median_ms']:.1f} ms, "
        f"p95 {result['p95_ms']:.1f} ms over {result['moves']} moves"
    )


if __name__ == "__main__":
    main()
