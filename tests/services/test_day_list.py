"""The printed day list: the book's day per practitioner, with referral sessions left."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from app.models import Case
from app.services import appointments, practitioners, settings
from app.services.day_list import day_list
from app.services.dto import CaseDecision
from app.services.errors import NotFoundError
from tests.conftest import new_patient

ZONE = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


def next_monday() -> date:
    today = datetime.now(ZONE).date()
    return today + timedelta(days=7 - today.weekday())


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)


def test_rows_in_time_order_cancelled_left_out_and_sessions_left(db, book, practitioner):
    monday = next_monday()
    settings.set_many(db, {"clinic.name": "Riverside Physio"})
    other = practitioners.add_practitioner(db, "Ben Okafor")
    late = book(starts_at=at(monday, 11), new_patient=new_patient("Zoe", "Late", "+91 98123 00002"))
    early = book(starts_at=at(monday, 9), body_parts=("Right shoulder", "Neck"))
    again = book(
        CaseDecision.update(early.case_id),
        patient_id=early.patient_id,
        starts_at=at(monday, 10),
        body_parts=("Neck",),
    )
    gone = book(starts_at=at(monday, 12), new_patient=new_patient("Cy", "Gone", "+91 98123 00003"))
    appointments.cancel(db, gone.appointment_id)
    book(
        starts_at=at(monday, 9, 30),
        practitioner_id=other.id,
        new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"),
    )
    book(starts_at=at(monday + timedelta(days=1), 9))  # another day
    with db.writing() as session:
        session.get(Case, early.case_id).approved_sessions = 6

    found = day_list(db, monday)

    assert found.clinic_name == "Riverside Physio" and found.day == monday
    assert found.timezone == "Asia/Kolkata"
    assert [p.practitioner_name for p in found.pages] == ["Asha Rao", "Ben Okafor"]
    asha, ben = found.pages
    assert [r.starts_at for r in asha.rows] == [at(monday, 9), at(monday, 10), at(monday, 11)]
    assert [r.patient_name for r in asha.rows] == ["Priya Sharma", "Priya Sharma", "Zoe Late"]
    first = asha.rows[0]
    assert first.case_code == early.case_code and first.body_parts == ("Right shoulder", "Neck")
    assert first.status == "reserved"
    # 6 approved, two visits booked on the case: 4 left; no referral limit: no number.
    assert [r.sessions_left for r in asha.rows] == [4, 4, None]
    assert asha.rows[2].case_code == late.case_code
    assert again.case_code == early.case_code
    assert [r.patient_name for r in ben.rows] == ["Ravi Kumar"]


def test_one_practitioner_and_an_empty_day(db, book, practitioner):
    monday = next_monday()
    other = practitioners.add_practitioner(db, "Ben Okafor")
    book(starts_at=at(monday, 9))
    only = day_list(db, monday, other.id)
    assert [(p.practitioner_name, p.rows) for p in only.pages] == [("Ben Okafor", ())]
    with pytest.raises(NotFoundError):
        day_list(db, monday, other.id + 100)


def test_reads_in_a_fixed_number_of_queries(db, book):
    monday = next_monday()
    tuesday = monday + timedelta(days=1)
    book(starts_at=at(tuesday, 9))
    for n in range(6):
        book(
            starts_at=at(monday, 9) + timedelta(minutes=30 * n),
            new_patient=new_patient("P", f"N{n}", f"+91 98123 2000{n}"),
        )

    def selects(day: date) -> int:
        statements: list[str] = []

        def count(_conn, _cursor, statement, *_args) -> None:
            if statement.lstrip().upper().startswith("SELECT"):
                statements.append(statement)

        event.listen(db.engine, "before_cursor_execute", count)
        try:
            day_list(db, day)
        finally:
            event.remove(db.engine, "before_cursor_execute", count)
        return len(statements)

    assert selects(monday) == selects(tuesday) <= 10
