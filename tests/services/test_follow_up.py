"""The suggested follow-up slot: the case's own practitioner, never on a day already booked."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from app.services import appointments, follow_up, practitioners, settings
from app.services.dto import CaseDecision
from tests.conftest import EVERY_DAY

ZONE = ZoneInfo("Asia/Kolkata")  # the clinic's default


def seen(db, appointment_id: int, at) -> None:
    appointments.change_status(db, appointment_id, "confirmed")
    appointments.mark_arrived(db, appointment_id, at)
    appointments.mark_completed(db, appointment_id, at)


def test_the_practitioner_who_last_saw_the_case_on_a_free_day(db, book, practitioner):
    assert settings.get_all(db)["clinic.timezone"] == str(ZONE)
    other = practitioners.add_practitioner(db, "Ben Okafor", EVERY_DAY, 20)
    first = book(practitioner_id=other.id)
    seen(db, first.appointment_id, first.starts_at + timedelta(minutes=1))
    # Booked since with someone else, the day after: that day is taken for the patient too.
    book(
        CaseDecision.update(first.case_id),
        patient_id=first.patient_id,
        practitioner_id=practitioner.id,
        starts_at=first.starts_at + timedelta(days=1),
    )
    now = first.starts_at + timedelta(hours=1)
    slot = follow_up.suggested_slot(db, first.case_id, now=now)
    assert slot.practitioner_id == other.id
    first_day = first.starts_at.astimezone(ZONE).date()
    assert slot.starts_at.astimezone(ZONE).date() == first_day + timedelta(days=2)
    assert slot.ends_at - slot.starts_at == timedelta(minutes=20)  # Ben's length
    assert slot.starts_at.astimezone(ZONE).hour == 8  # the first slot of that day


def test_a_case_not_seen_yet_goes_to_whom_it_was_booked_with(db, book):
    other = practitioners.add_practitioner(db, "Ben Okafor", EVERY_DAY, 30)
    booked = book(practitioner_id=other.id)
    slot = follow_up.suggested_slot(db, booked.case_id, now=booked.starts_at - timedelta(hours=30))
    assert slot.practitioner_id == other.id
    assert slot.starts_at.astimezone(ZONE).date() != booked.starts_at.astimezone(ZONE).date()


def test_only_cancelled_visits_fall_back_to_the_first_active_practitioner(db, book, practitioner):
    other = practitioners.add_practitioner(db, "Ben Okafor", EVERY_DAY, 30)
    booked = book(practitioner_id=other.id)
    appointments.cancel(db, booked.appointment_id)
    slot = follow_up.suggested_slot(db, booked.case_id, now=booked.starts_at - timedelta(hours=3))
    assert slot.practitioner_id == practitioner.id
    # A cancelled visit does not keep its day from the patient.
    assert slot.starts_at.astimezone(ZONE).date() == booked.starts_at.astimezone(ZONE).date()
