"""Two desks (two processes, each with its own Database) move appointments into one slot."""

from __future__ import annotations

import multiprocessing
import os
from datetime import datetime

from app.services import moves, patients
from app.services.errors import SlotTakenError
from tests.conftest import new_patient

ROUNDS = 3
WAIT = 60  # seconds; only reached when something hangs


def desk(path, data_dir, moves_to_make, barrier, results) -> None:
    """One desk: moves its appointment into each round's slot the moment the other desk does."""
    os.environ["CASEDESK_DATA_DIR"] = data_dir
    from app.db import Database

    db = Database(path)
    try:
        for round_no, (appointment_id, start) in enumerate(moves_to_make):
            barrier.wait(timeout=WAIT)
            try:
                moves.move_appointment(db, appointment_id, datetime.fromisoformat(start))
                results.put((round_no, "moved", appointment_id))
            except SlotTakenError as exc:
                results.put((round_no, "taken", str(exc)))
            except Exception as exc:  # reported to the test, which fails on it
                results.put((round_no, "error", repr(exc)))
    finally:
        db.dispose()


def test_two_desks_moving_into_the_same_slot_exactly_one_wins(
    db, db_target, data_dir, book, slot_time
):
    rounds = []
    for round_no in range(ROUNDS):
        mine = book(new_patient=new_patient(phone=f"+91981231{round_no:04d}"))
        theirs = book(new_patient=new_patient(phone=f"+91981232{round_no:04d}"))
        rounds.append((mine.appointment_id, theirs.appointment_id, slot_time().isoformat()))
    plans = [[(a, start) for a, _b, start in rounds], [(b, start) for _a, b, start in rounds]]
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(2)
    results = context.Queue()
    desks = [
        context.Process(target=desk, args=(str(db_target), str(data_dir), plan, barrier, results))
        for plan in plans
    ]
    for process in desks:
        process.start()
    outcomes = [results.get(timeout=WAIT) for _ in range(2 * ROUNDS)]
    for process in desks:
        process.join(timeout=WAIT)
        assert process.exitcode == 0

    for round_no, (_a, _b, start) in enumerate(rounds):
        kinds = sorted(kind for r, kind, _ in outcomes if r == round_no)
        assert kinds == ["moved", "taken"], outcomes
        winner = next(detail for r, kind, detail in outcomes if r == round_no and kind == "moved")
        starts = [
            a.starts_at
            for p in patients.search_patients(db, "Sharma").ids
            for c in patients.get_patient(db, p).cases
            for a in c.appointments
        ]
        assert starts.count(datetime.fromisoformat(start)) == 1, winner
