from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import Appointment, AuditEvent, Case, OutboxMessage, Patient
from app.services import booking, patients
from app.services.dto import CaseDecision
from app.services.errors import SlotTakenError, ValidationError
from tests.conftest import new_patient


def count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def test_new_patient_gets_a_new_case(db, book):
    result = book(case_title="Knee pain after fall", body_parts=["Left knee"])
    assert result.created_case
    assert result.case_code == "C-00001"
    record = patients.get_patient(db, result.patient_id)
    assert [c.code for c in record.cases] == ["C-00001"]
    assert record.cases[0].body_part_labels == ["Left knee"]
    assert record.cases[0].appointments[0].status == "reserved"
    assert result.token in result.link


def test_update_case_unites_body_parts_and_keeps_the_id(db, book):
    first = book(body_parts=["Left knee"])
    choices = booking.open_cases(db, first.patient_id, ["Right knee", "Lower back"])
    assert choices.suggested_case_id == first.case_id
    second = book(
        CaseDecision.update(first.case_id),
        patient_id=first.patient_id,
        case_title="ignored on update",
        body_parts=["Right knee", "Lower back", "Left knee"],
    )
    assert (second.case_code, second.case_title) == (first.case_code, "Knee pain")
    case = patients.get_patient(db, first.patient_id).cases[0]
    assert sorted(case.body_part_labels) == ["Left knee", "Lower back", "Right knee"]
    assert len(case.appointments) == 2


def test_separate_case_gets_a_new_id(db, book):
    first = book()
    second = book(patient_id=first.patient_id, case_title="Neck pain", body_parts=["Neck"])
    assert second.created_case and second.case_code == "C-00002"
    assert [c.code for c in patients.get_patient(db, first.patient_id).cases] == [
        "C-00002",
        "C-00001",
    ]


def test_suggestion_prefers_largest_body_part_overlap(db, book):
    knee = book(body_parts=["Left knee"])
    neck = book(patient_id=knee.patient_id, case_title="Neck", body_parts=["Neck", "Upper back"])
    assert booking.open_cases(db, knee.patient_id, ["Right knee"]).suggested_case_id == knee.case_id
    assert booking.open_cases(db, knee.patient_id, ["Neck"]).suggested_case_id == neck.case_id


def test_overlapping_booking_is_refused_and_nothing_is_written(db, book, slot_time):
    start = slot_time()
    book(starts_at=start)
    before = [count(db, m) for m in (Patient, Case, Appointment, AuditEvent)]
    with pytest.raises(SlotTakenError, match="already has an appointment"):
        book(starts_at=start, new_patient=new_patient("Ravi", "Kumar", "+91 98123 00000"))
    assert [count(db, m) for m in (Patient, Case, Appointment, AuditEvent)] == before


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"new_patient": new_patient(phone="12")}, "phone"),
        ({"case_title": "   "}, "caseTitle"),
        ({"body_parts": []}, "bodyParts"),
        ({"body_parts": ["Knee"]}, "bodyParts"),
        ({"practitioner_id": 999}, "practitioner"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(db, book, fields, field):
    before = [count(db, m) for m in (Patient, Case, Appointment, AuditEvent)]
    with pytest.raises(ValidationError) as caught:
        book(**fields)
    assert caught.value.field == field
    assert str(caught.value)
    assert [count(db, m) for m in (Patient, Case, Appointment, AuditEvent)] == before
    assert before[:3] == [0, 0, 0]


def test_message_is_queued_only_with_an_email(db, book):
    book()
    assert count(db, OutboxMessage) == 0
    result = book(
        new_patient=new_patient("Anita", "Desai", "+91 98123 11111", email="anita@example.com")
    )
    with db.reading() as session:
        message = session.scalars(select(OutboxMessage)).one()
        assert message.id == result.message_id
        assert message.recipient == "anita@example.com"
        assert result.case_code in message.body and result.link in message.body


def test_free_slots_skip_booked_times(db, practitioner, book):
    first = booking.first_free_slot(db, practitioner.id)
    book(starts_at=first.starts_at)
    day = first.starts_at.date()
    free = booking.free_slots(db, practitioner.id, day)
    assert first.starts_at not in [s.starts_at for s in free]
    assert booking.first_free_slot(db, practitioner.id).starts_at != first.starts_at


def test_body_parts_travel_as_site_and_side_keys(db, book):
    booked = book(body_parts=(("knee", "right"), ("lower_back", "")))
    assert booked.body_parts == ("Right knee", "Lower back")


@pytest.mark.parametrize(
    ("keys", "words"),
    [
        ((("knee", ""),), "Say which side"),
        ((("neck", "left"),), "has no side"),
        ((("elbowz", "left"),), "not a body part"),
    ],
)
def test_a_wrong_key_is_refused_in_plain_words(db, book, keys, words):
    with pytest.raises(ValidationError, match=words):
        book(body_parts=keys)
