"""Cases: new versus update versus separate, case IDs, close/reopen, merge and undo."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from app.models import Appointment, AuditEvent, Case, CaseBodyPart, Patient
from app.services import case_merges, cases, patients
from app.services.dto import CaseDecision
from app.services.errors import ConflictError, NotFoundError, ValidationError
from tests.conftest import new_patient

CASE_ID = re.compile(r"^C-\d{5,}$")


def all_codes(db) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(Case.code).order_by(Case.id)))


def body_parts_of(db, case_id: int) -> list[tuple[str, str]]:
    with db.reading() as session:
        return sorted(
            session.execute(
                select(CaseBodyPart.site, CaseBodyPart.side).where(CaseBodyPart.case_id == case_id)
            ).all()
        )


def appointments_of(db, case_id: int) -> list[int]:
    with db.reading() as session:
        return sorted(session.scalars(select(Appointment.id).where(Appointment.case_id == case_id)))


def row_counts(db) -> list[int]:
    with db.reading() as session:
        return [
            session.scalar(select(func.count()).select_from(m))
            for m in (Patient, Case, CaseBodyPart, Appointment, AuditEvent)
        ]


def test_update_keeps_id_and_title_and_unites_body_parts(db, book):
    first = book(case_title="Knee pain after fall", body_parts=["Left knee", "Neck"])
    second = book(
        CaseDecision.update(first.case_id),
        patient_id=first.patient_id,
        case_title="A different title",
        body_parts=["Neck", "Right shoulder"],
    )
    assert not second.created_case
    assert (second.case_id, second.case_code) == (first.case_id, first.case_code)
    assert second.case_title == "Knee pain after fall"
    assert body_parts_of(db, first.case_id) == [
        ("knee", "left"),
        ("neck", ""),
        ("shoulder", "right"),
    ]
    assert appointments_of(db, first.case_id) == [first.appointment_id, second.appointment_id]
    assert all_codes(db) == [first.case_code]


def test_separate_case_gets_a_new_unique_id(db, book):
    first = book(body_parts=["Left knee"])
    second = book(patient_id=first.patient_id, case_title="Knee again", body_parts=["Left knee"])
    assert second.created_case
    assert second.case_id != first.case_id
    assert second.case_code != first.case_code
    codes = all_codes(db)
    assert len(codes) == len(set(codes)) == 2
    assert all(CASE_ID.match(code) for code in codes)
    assert body_parts_of(db, first.case_id) == [("knee", "left")]


def test_case_ids_are_never_reused(db, book):
    a = book(body_parts=["Left knee"])
    b = book(patient_id=a.patient_id, case_title="Back", body_parts=["Lower back"])
    cases.close_case(db, a.case_id, cancel_future=True)
    assert cases.reopen_case(db, a.case_id).code == a.case_code
    merge = case_merges.merge_cases(db, a.case_id, b.case_id)
    case_merges.undo_merge(db, merge.audit_event_id)
    again = case_merges.merge_cases(db, a.case_id, b.case_id)
    case_merges.undo_merge(db, again.audit_event_id)
    c = book(patient_id=a.patient_id, case_title="Neck", body_parts=["Neck"])
    assert (a.case_code, b.case_code, c.case_code) == ("C-00001", "C-00002", "C-00003")
    codes = all_codes(db)
    assert len(codes) == len(set(codes)) == 3
    assert all(CASE_ID.match(code) for code in codes)


def test_merge_moves_appointments_and_body_parts_and_keeps_b_findable(db, book):
    a = book(body_parts=["Left knee"])
    b = book(patient_id=a.patient_id, case_title="Back", body_parts=["Lower back", "Left knee"])
    b2 = book(CaseDecision.update(b.case_id), patient_id=a.patient_id, body_parts=["Lower back"])
    counts = row_counts(db)
    preview = case_merges.merge_preview(db, a.case_id, b.case_id)
    assert row_counts(db) == counts  # a preview writes nothing
    result = case_merges.merge_cases(db, a.case_id, b.case_id)

    assert set(result.moved_appointment_ids) == {b.appointment_id, b2.appointment_id}
    assert preview.moved_appointment_ids == result.moved_appointment_ids
    assert preview.added_body_parts == result.added_body_parts == ("Lower back",)
    assert appointments_of(db, a.case_id) == sorted(
        [a.appointment_id, b.appointment_id, b2.appointment_id]
    )
    assert appointments_of(db, b.case_id) == []
    assert body_parts_of(db, a.case_id) == [("knee", "left"), ("lower_back", "")]

    found = cases.find_case(db, b.case_code.lower())
    assert (found.id, found.code) == (a.case_id, a.case_code)
    assert found.merged_codes == (b.case_code,)
    assert patients.search_patients(db, b.case_code).ids == (a.patient_id,)
    record = patients.get_patient(db, a.patient_id)
    assert [c.code for c in record.cases] == [a.case_code]
    assert record.cases[0].merged_codes == (b.case_code,)
    assert case_merges.latest_merge_event(db, a.case_id) == result.audit_event_id


def test_undo_merge_restores_both_cases_exactly(db, book):
    a = book(body_parts=["Left knee", "Neck"])
    b = book(patient_id=a.patient_id, case_title="Back", body_parts=["Lower back", "Neck"])
    cases.close_case(db, a.case_id, cancel_future=True)
    with db.writing() as session:  # closed long ago, so "today" cannot hide a lost date
        session.get(Case, a.case_id).closed_on = date(2020, 1, 31)
    before_a, before_b = cases.get_case(db, a.case_id), cases.get_case(db, b.case_id)
    parts_a, parts_b = body_parts_of(db, a.case_id), body_parts_of(db, b.case_id)

    merge = case_merges.merge_cases(db, a.case_id, b.case_id)
    assert cases.get_case(db, a.case_id).status == "open"  # it now holds open work
    restored = case_merges.undo_merge(db, merge.audit_event_id)

    assert restored.id == b.case_id
    assert cases.get_case(db, a.case_id) == before_a
    assert cases.get_case(db, b.case_id) == before_b
    assert body_parts_of(db, a.case_id) == parts_a
    assert body_parts_of(db, b.case_id) == parts_b
    assert appointments_of(db, b.case_id) == [b.appointment_id]
    assert cases.find_case(db, b.case_code).id == b.case_id
    assert case_merges.latest_merge_event(db, a.case_id) is None
    with pytest.raises(ConflictError):
        case_merges.undo_merge(db, merge.audit_event_id)


def test_undo_merge_then_book_again_takes_the_next_number(db, book):
    a = book()
    b = book(patient_id=a.patient_id, case_title="Neck", body_parts=["Neck"])
    case_merges.undo_merge(db, case_merges.merge_cases(db, a.case_id, b.case_id).audit_event_id)
    c = book(patient_id=a.patient_id, case_title="Shoulder", body_parts=["Left shoulder"])
    assert c.case_code == "C-00003"


def test_refusals_write_nothing(db, book):
    a = book()
    b = book(patient_id=a.patient_id, case_title="Neck", body_parts=["Neck"])
    other = book(new_patient=new_patient("Ravi", "Kumar", "+91 98123 00000"))
    before = row_counts(db)

    with pytest.raises(ValidationError) as across:
        case_merges.merge_cases(db, a.case_id, other.case_id)
    assert across.value.field == "case"
    with pytest.raises(ValidationError):
        case_merges.merge_cases(db, a.case_id, a.case_id)
    with pytest.raises(NotFoundError):
        case_merges.merge_cases(db, a.case_id, 9999)
    with pytest.raises(NotFoundError):
        case_merges.undo_merge(db, 1)  # an audit event, but not a merge
    with pytest.raises(ConflictError):
        cases.reopen_case(db, a.case_id)  # it is open
    with pytest.raises(NotFoundError):
        cases.find_case(db, "C-99999")
    assert row_counts(db) == before

    cases.close_case(db, b.case_id, cancel_future=True)
    before = row_counts(db)
    with pytest.raises(ConflictError):
        cases.close_case(db, b.case_id)
    with pytest.raises(ConflictError, match=b.case_code):
        book(CaseDecision.update(b.case_id), patient_id=a.patient_id, body_parts=["Neck"])
    with pytest.raises(ConflictError):
        book(CaseDecision.update(other.case_id), patient_id=a.patient_id)
    assert row_counts(db) == before

    case_merges.merge_cases(db, a.case_id, b.case_id)
    before = row_counts(db)
    with pytest.raises(ConflictError):
        case_merges.merge_cases(db, a.case_id, b.case_id)  # already merged
    with pytest.raises(ConflictError):
        book(CaseDecision.update(b.case_id), patient_id=a.patient_id)
    assert row_counts(db) == before


def test_undo_is_refused_once_the_kept_case_was_merged_on(db, book):
    a = book()
    b = book(patient_id=a.patient_id, case_title="Neck", body_parts=["Neck"])
    c = book(patient_id=a.patient_id, case_title="Back", body_parts=["Lower back"])
    first = case_merges.merge_cases(db, a.case_id, b.case_id)
    second = case_merges.merge_cases(db, c.case_id, a.case_id)
    before = row_counts(db)
    with pytest.raises(ConflictError):
        case_merges.undo_merge(db, first.audit_event_id)
    assert row_counts(db) == before
    assert cases.find_case(db, b.case_code).id == c.case_id  # B -> A -> C
    case_merges.undo_merge(db, second.audit_event_id)
    case_merges.undo_merge(db, first.audit_event_id)
    assert appointments_of(db, b.case_id) == [b.appointment_id]
    assert appointments_of(db, a.case_id) == [a.appointment_id]
    assert appointments_of(db, c.case_id) == [c.appointment_id]
    assert body_parts_of(db, c.case_id) == [("lower_back", "")]


def test_close_and_reopen_are_audited(db, book):
    a = book()
    start = row_counts(db)[-1]
    closed = cases.close_case(db, a.case_id, now=a.starts_at + timedelta(hours=1))  # visit done
    assert (closed.status, closed.closed_on is not None) == ("closed", True)
    reopened = cases.reopen_case(db, a.case_id)
    assert (reopened.status, reopened.closed_on, reopened.code) == ("open", None, a.case_code)
    with db.reading() as session:
        actions = list(session.scalars(select(AuditEvent.action).where(AuditEvent.id > start)))
    assert actions == ["case.close", "case.reopen"]
