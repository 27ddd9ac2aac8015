"""Two desks on one database at the same moment: the first case numbers, the same body part."""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.models import CaseBodyPart
from app.services import booking, practitioners
from app.services.dto import BookingRequest, CaseDecision
from tests.conftest import EVERY_DAY, new_patient
from tests.services.desks import at_once

ROUNDS = 4


def _new_patient_request(practitioner_id: int, starts_at, phone: str) -> BookingRequest:
    return BookingRequest(
        case_title="Knee pain",
        body_parts=("Left knee",),
        practitioner_id=practitioner_id,
        starts_at=starts_at,
        new_patient=new_patient(phone=phone),
    )


def _booker(request: BookingRequest, decision: CaseDecision):
    return lambda database: booking.book_appointment(database, request, decision)


def test_desks_opening_the_first_cases_of_a_new_database_together_both_succeed(
    new_db_target, slot_time
):
    for round_no in range(ROUNDS):
        target = new_db_target()
        setup = Database(target)
        ids = [practitioners.add_practitioner(setup, f"Desk {n}", EVERY_DAY, 30).id for n in (1, 2)]
        setup.dispose()
        start = slot_time()
        jobs = [
            _booker(
                _new_patient_request(pid, start, f"+91 98123 4{round_no}{n}00"),
                CaseDecision.new_case(),
            )
            for n, pid in enumerate(ids)
        ]
        outcomes = at_once(target, *jobs)
        assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
        assert sorted(o.case_code for o in outcomes) == ["C-00001", "C-00002"]


def test_desks_adding_the_same_body_part_to_one_case_together_add_it_once(
    db, db_target, book, practitioner, slot_time
):
    first = book(body_parts=["Left knee"])
    # Two practitioners, so the desks do not queue behind one practitioner's lock.
    other = practitioners.add_practitioner(db, "Ravi Menon", EVERY_DAY, 30)
    for part in ("Neck", "Right knee", "Lower back", "Left shoulder")[:ROUNDS]:
        start = slot_time()
        jobs = [
            _booker(
                BookingRequest(
                    case_title="Knee pain",
                    body_parts=(part,),
                    practitioner_id=pid,
                    starts_at=start,
                    patient_id=first.patient_id,
                ),
                CaseDecision.update(first.case_id),
            )
            for pid in (practitioner.id, other.id)
        ]
        outcomes = at_once(db_target, *jobs)
        assert not [o for o in outcomes if isinstance(o, BaseException)], outcomes
        assert all(part in o.body_parts for o in outcomes)
    with db.reading() as session:
        stored = session.execute(
            select(CaseBodyPart.site, CaseBodyPart.side).where(
                CaseBodyPart.case_id == first.case_id
            )
        ).all()
    assert len(stored) == len(set(stored)) == 1 + ROUNDS
