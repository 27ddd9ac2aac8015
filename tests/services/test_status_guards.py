"""Arrived, Completed and No-show wait for the appointment's day; closing a case asks about the
appointments still to come."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from app.services import appointments, cases, outbox, settings
from app.services.errors import ConflictError, ValidationError
from tests.conftest import new_patient

# 00:30 on 2 Jan 2030 in India is still 1 Jan in UTC (19:00).
JAN_2_IN_INDIA = datetime(2030, 1, 1, 19, 0, tzinfo=UTC)
# 00:30 in India is outside the practitioner's hours: these tests are about the clinic's day,
# so they book it out of hours.


@pytest.mark.parametrize("status", ["arrived", "no_show"])
def test_day_marks_are_refused_before_the_clinics_day(db, book, status):
    settings.set(db, "clinic.timezone", "Asia/Kolkata")
    booked = book(starts_at=JAN_2_IN_INDIA, override=True)
    evening_of_jan_1 = JAN_2_IN_INDIA - timedelta(hours=1)  # 23:30 in India, same UTC day
    with pytest.raises(ValidationError) as refused:
        appointments.change_status(db, booked.appointment_id, status, now=evening_of_jan_1)
    assert "before that day" in refused.value.message and "Wed 02 Jan 2030" in refused.value.message
    assert cases.get_case(db, booked.case_id).appointments[0].status == "reserved"
    after_midnight = JAN_2_IN_INDIA - timedelta(minutes=10)
    assert appointments.change_status(db, booked.appointment_id, status, now=after_midnight)


def test_completed_is_refused_before_the_day_too(db, book):
    booked = book(starts_at=JAN_2_IN_INDIA, override=True)
    appointments.mark_arrived(db, booked.appointment_id, now=JAN_2_IN_INDIA)
    with pytest.raises(ValidationError):
        appointments.mark_completed(
            db, booked.appointment_id, now=JAN_2_IN_INDIA - timedelta(days=3)
        )
    assert appointments.mark_completed(db, booked.appointment_id, now=JAN_2_IN_INDIA) == "completed"


def test_confirm_and_cancel_are_allowed_any_day(db, book):
    booked = book(starts_at=JAN_2_IN_INDIA, override=True)
    long_before = JAN_2_IN_INDIA - timedelta(days=30)
    assert appointments.change_status(db, booked.appointment_id, "confirmed", now=long_before)
    assert appointments.change_status(db, booked.appointment_id, "cancelled", now=long_before)


def test_closing_a_case_with_appointments_to_come_is_refused_unless_told(db, book):
    patient = new_patient(email="priya@example.com")
    booked = book(new_patient=patient)
    with pytest.raises(ConflictError) as refused:
        cases.close_case(db, booked.case_id)
    assert "still has 1 appointment to come;" in str(refused.value)
    assert cases.get_case(db, booked.case_id).status == "open"

    closed = cases.close_case(db, booked.case_id, cancel_future=True)
    assert closed.status == "closed"
    assert [a.status for a in closed.appointments] == ["cancelled"]
    assert outbox.get_message(db, booked.message_id).status == "cancelled"


def test_a_case_whose_appointments_are_past_closes_without_asking(db, book):
    booked = book()
    after_the_visit = booked.starts_at + timedelta(hours=2)
    closed = cases.close_case(db, booked.case_id, now=after_the_visit)
    assert closed.status == "closed" and closed.appointments[0].status == "reserved"
