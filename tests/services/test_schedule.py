"""The appointment book's reads: a day for every active practitioner, a week for one."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import event

from app.services import appointments, practitioners, schedule, settings, time_off
from tests.conftest import new_patient

ZONE = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


def next_monday() -> date:
    today = datetime.now(ZONE).date()
    return today + timedelta(days=7 - today.weekday())


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), ZONE).astimezone(UTC)


def test_day_lists_active_practitioners_their_hours_and_appointments(db, book, practitioner):
    monday = next_monday()
    other = practitioners.add_practitioner(db, "Ben Okafor")  # 09-13 and 14-17 weekdays
    gone = practitioners.add_practitioner(db, "Cara Lee")
    practitioners.update_practitioner(db, gone.id, active=False)
    first = book(starts_at=at(monday, 10), new_patient=new_patient(email="p@example.com"))
    book(
        starts_at=at(monday, 9, 30),
        practitioner_id=other.id,
        new_patient=new_patient("Ravi", "Kumar", "+91 98123 00001"),
        body_parts=("Right shoulder", "Neck"),
    )
    book(starts_at=at(monday + timedelta(days=1), 10))  # another day: not in this book

    found = schedule.day(db, monday)

    assert [p.name for p in found.practitioners] == ["Asha Rao", "Ben Okafor"]
    assert found.day == monday and found.timezone == "Asia/Kolkata" and found.row_minutes == 15
    ben = [(s.starts_at, s.ends_at) for s in found.working if s.practitioner_id == other.id]
    assert ben == [(at(monday, 9), at(monday, 13)), (at(monday, 14), at(monday, 17))]
    assert [a.patient_name for a in found.appointments] == ["Ravi Kumar", "Priya Sharma"]
    ravi, priya = found.appointments
    assert ravi.body_parts == ("Right shoulder", "Neck") and ravi.practitioner_id == other.id
    assert priya.id == first.appointment_id and priya.case_code == first.case_code
    assert priya.patient_id == first.patient_id and priya.case_id == first.case_id
    assert priya.status == "reserved" and priya.message_status == "pending"
    assert priya.patient_has_email and not ravi.patient_has_email
    assert priya.link == first.link and priya.ends_at == at(monday, 10, 30)
    assert not priya.past_hold
    assert found.time_off == ()


def test_time_off_of_the_shown_practitioners_comes_with_the_day(db, practitioner):
    monday = next_monday()
    other = practitioners.add_practitioner(db, "Ben Okafor")
    time_off.add_time_off(db, practitioner.id, at(monday, 14), at(monday, 16), "Course")
    time_off.add_time_off(
        db,
        other.id,
        at(monday + timedelta(days=2), 9),
        at(monday + timedelta(days=2), 17),
        "Holiday",
    )
    found = schedule.day(db, monday)
    assert [(t.practitioner_id, t.starts_at, t.ends_at, t.reason) for t in found.time_off] == [
        (practitioner.id, at(monday, 14), at(monday, 16), "Course")
    ]
    week = schedule.week(db, other.id, monday)
    assert [t.reason for t in week.time_off] == ["Holiday"]


def test_cancelled_appointments_leave_the_book(db, book):
    monday = next_monday()
    booked = book(starts_at=at(monday, 11))
    appointments.cancel(db, booked.appointment_id)
    assert schedule.day(db, monday).appointments == ()


def test_reservations_past_their_hold_are_marked(db, book):
    monday = next_monday()
    booked = book(starts_at=at(monday, 11))
    later = datetime.now(UTC) + timedelta(hours=25)
    assert schedule.day(db, monday, now=later).appointments[0].past_hold
    settings.set(db, "reservation.hold_hours", "48")
    assert not schedule.day(db, monday, now=later).appointments[0].past_hold
    appointments.confirm(db, booked.appointment_id)
    far = datetime.now(UTC) + timedelta(days=5)
    assert not schedule.day(db, monday, now=far).appointments[0].past_hold


def test_week_holds_one_practitioners_seven_days(db, book, practitioner):
    monday = next_monday()
    for n in range(8):  # Monday to the next Monday
        book(
            starts_at=at(monday + timedelta(days=n), 10),
            new_patient=new_patient("P", f"N{n}", f"+91 98123 1000{n}"),
        )
    found = schedule.week(db, practitioner.id, monday + timedelta(days=3))
    assert found.monday == monday and found.days[-1] == monday + timedelta(days=6)
    assert [a.starts_at for a in found.appointments] == [
        at(monday + timedelta(days=n), 10) for n in range(7)
    ]
    assert len(found.working) == 7  # 08:00-20:00 every day
    assert found.practitioner.name == "Asha Rao"


def selects_for(db, day: date) -> tuple[int, int]:
    """(SELECT statements, appointments) of one day's book."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        found = schedule.day(db, day)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    return len(statements), len(found.appointments)


def test_day_reads_in_a_fixed_number_of_queries(db, book):
    monday = next_monday()
    tuesday = monday + timedelta(days=1)
    book(starts_at=at(tuesday, 9))
    for n in range(6):
        book(
            starts_at=at(monday, 9) + timedelta(minutes=30 * n),
            new_patient=new_patient("P", f"N{n}", f"+91 98123 2000{n}"),
        )
    busy, quiet = selects_for(db, monday), selects_for(db, tuesday)
    assert (busy[1], quiet[1]) == (6, 1)
    # settings, practitioners, appointments with patients, messages and sessions used, body
    # parts, time off
    assert busy[0] == quiet[0] <= 5


def test_an_appointment_from_before_midnight_still_shows(db, book):
    monday = next_monday()
    late = at(monday, 0) - timedelta(minutes=15)  # 23:45 the evening before, 30 minutes
    book(starts_at=late, override=True)  # out of hours: a walk-in
    assert [a.starts_at for a in schedule.day(db, monday).appointments] == [late]


@pytest.mark.parametrize("zone", ["Europe/London"])
def test_working_spans_follow_the_clinics_zone_across_a_clock_change(zone):
    hours = {"sun": [["09:00", "17:00"]]}
    spans = schedule.working_spans(1, hours, date(2027, 3, 28), ZoneInfo(zone))
    assert [(s.starts_at.hour, s.ends_at.hour) for s in spans] == [(8, 16)]  # BST: UTC+1
