"""Two desks (two processes, each with its own Database) race for the same slots."""

from __future__ import annotations

import multiprocessing
import os
from datetime import datetime

from sqlalchemy import func, select

from app.models import Appointment, Patient
from app.services import booking
from app.services.dto import BookingRequest, CaseDecision, PatientDetails
from app.services.errors import SlotTakenError

ROUNDS = 4
WAIT = 60  # seconds; only reached when something hangs


def desk(path, data_dir, practitioner_id, starts, phone_base, barrier, results) -> None:
    """One desk: opens the database, then books each slot the moment the other desk does."""
    os.environ["CASEDESK_DATA_DIR"] = data_dir
    from app.db import Database

    db = Database(path)
    try:
        for round_no, start in enumerate(starts):
            request = BookingRequest(
                case_title="Race",
                body_parts=("Neck",),
                practitioner_id=practitioner_id,
                starts_at=datetime.fromisoformat(start),
                new_patient=PatientDetails(
                    "Desk", str(phone_base), f"+9198123{phone_base + round_no}"
                ),
            )
            barrier.wait(timeout=WAIT)
            try:
                result = booking.book_appointment(db, request, CaseDecision.new_case())
                results.put((round_no, "booked", result.appointment_id))
            except SlotTakenError as exc:
                results.put((round_no, "taken", str(exc)))
            except Exception as exc:  # reported to the test, which fails on it
                results.put((round_no, "error", repr(exc)))
    finally:
        db.dispose()


def test_two_processes_booking_the_same_slot_exactly_one_wins(
    db, db_target, data_dir, practitioner, slot_time
):
    starts = [slot_time().isoformat() for _ in range(ROUNDS)]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    desks = [
        context.Process(
            target=desk,
            args=(str(db_target), str(data_dir), practitioner.id, starts, base, barrier, results),
        )
        for base in (10000, 20000)
    ]
    for process in desks:
        process.start()
    outcomes = [results.get(timeout=WAIT) for _ in range(2 * ROUNDS)]
    for process in desks:
        process.join(timeout=WAIT)
        assert process.exitcode == 0

    for round_no in range(ROUNDS):
        kinds = sorted(kind for r, kind, _ in outcomes if r == round_no)
        assert kinds == ["booked", "taken"], outcomes
    messages = {detail for _, kind, detail in outcomes if kind == "taken"}
    assert all("already has an appointment" in m for m in messages)
    with db.reading() as session:
        booked = session.scalar(select(func.count()).select_from(Appointment))
        registered = session.scalar(select(func.count()).select_from(Patient))
    assert booked == ROUNDS
    assert registered == ROUNDS  # the losing desk's new patient was rolled back too
