"""Patient merge: what moves, what the kept record takes, search, undo, and refusals."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select, text

from app.models import Appointment, AuditEvent, Case, OutboxMessage, Patient
from app.models.patient_merge import PatientMerge
from app.services import accounts, audit_chain, history, patient_merge, patients
from app.services.errors import ConflictError, NotAllowedError, ValidationError
from tests.conftest import new_patient

DUMPED = (Patient, Case, Appointment, OutboxMessage)


def dump(db) -> dict[str, list[tuple]]:
    """Every row of the tables a merge touches, every column, in id order."""
    with db.reading() as session:
        return {
            model.__tablename__: [
                tuple(row) for row in session.execute(select(model.__table__).order_by("id"))
            ]
            for model in DUMPED
        }


@pytest.fixture
def two_records(db, book):
    """The same person twice: 'Priya Sharma' with one case, and 'Priya Sharmaa' (a typo,
    another phone and an e-mail) with two cases, their appointments and messages."""
    first = book(new_patient=new_patient(birth_date=date(1990, 5, 1)))
    second = book(
        new_patient=new_patient(
            last="Sharmaa", phone="+91 99887 76655", email="priya@example.com", sex="female"
        )
    )
    book(patient_id=second.patient_id, case_title="Back pain", body_parts=("Lower back",))
    return first.patient_id, second.patient_id


def case_owners(db, *patient_ids: int) -> dict[int, int]:
    with db.reading() as session:
        return {
            p: len(list(session.scalars(select(Case.id).where(Case.patient_id == p))))
            for p in patient_ids
        }


def test_preview_shows_both_records_and_what_moves(db, two_records):
    keep, other = two_records
    preview = patient_merge.merge_preview(db, keep, other)
    assert preview.kept.id == keep and preview.other.id == other
    assert set(preview.differing) == {"last_name", "phone", "email", "birth_date", "sex"}
    assert (preview.cases, preview.appointments, preview.messages) == (2, 2, 2)


def test_merge_moves_cases_and_takes_the_chosen_fields(db, two_records):
    keep, other = two_records
    before = dump(db)
    result = patient_merge.merge_patients(db, keep, other, {"email", "sex"})
    assert result.merge_id and len(result.moved_case_ids) == 2
    assert case_owners(db, keep, other) == {keep: 3, other: 0}
    with db.reading() as session:
        kept, merged = session.get(Patient, keep), session.get(Patient, other)
        assert (kept.email, kept.sex, kept.last_name) == ("priya@example.com", "female", "Sharma")
        assert kept.birth_date == date(1990, 5, 1)  # not taken: stays
        assert merged.merged_into_id == keep
        # appointments and messages did not change: they follow their cases
        moved_appointments = session.scalars(
            select(Appointment.id).join(Case).where(Case.patient_id == keep)
        ).all()
    after = dump(db)
    assert after["appointment"] == before["appointment"]
    assert after["outbox_message"] == before["outbox_message"]
    assert len(moved_appointments) == 3


def test_taking_the_phone_rederives_the_search_keys(db, two_records):
    keep, other = two_records
    patient_merge.merge_patients(db, keep, other, {"phone", "last_name"})
    with db.reading() as session:
        kept = session.get(Patient, keep)
        assert kept.phone == "+919988776655"
        assert (kept.phone_digits, kept.national_digits) == ("919988776655", "9988776655")
        assert kept.last_first_key == "sharmaa priya"
    assert patients.search_patients(db, "99887").ids == (keep,)


def test_merged_record_is_not_listed_and_its_old_name_leads_to_the_kept_one(db, two_records):
    keep, other = two_records
    assert set(patients.search_patients(db, "").ids) == {keep, other}
    patient_merge.merge_patients(db, keep, other, set())
    everyone = patients.search_patients(db, "")
    assert everyone.ids == (keep,) and everyone.total == 1
    old_name = patients.search_patients(db, "Sharmaa")
    assert old_name.ids == (keep,) and old_name.total == 1
    assert patients.search_patients(db, "99887 766").ids == (keep,)  # its old phone
    # both match "sharma": the kept record is shown once
    both = patients.search_patients(db, "sharma")
    assert both.ids == (keep,) and both.total == 1
    assert patients.search_patients(db, "priya sharmaa").ids == (keep,)


def test_search_pages_stay_whole_around_merged_records(db, book):
    ids = [
        book(new_patient=new_patient(last=f"Rao{i}", phone=f"+91 98000 000{i:02d}")).patient_id
        for i in range(6)
    ]
    patient_merge.merge_patients(db, ids[0], ids[3], set())
    first = patients.search_patients(db, "rao", 0, 3)
    second = patients.search_patients(db, "rao", 3, 3)
    assert first.total == second.total == 5
    assert first.ids + second.ids == (ids[0], ids[1], ids[2], ids[4], ids[5])


def test_duplicate_warning_does_not_offer_merged_records(db, two_records):
    keep, other = two_records
    typo = new_patient(last="Sharmaa", phone="+91 99887 76655")
    assert [p.id for p in patients.find_duplicates(db, typo)] == [other]
    patient_merge.merge_patients(db, keep, other, set())
    assert patients.find_duplicates(db, typo) == []


def test_undo_restores_both_records_exactly(db, two_records, book):
    keep, other = two_records
    before = dump(db)
    result = patient_merge.merge_patients(db, keep, other, {"phone", "email", "last_name"})
    assert dump(db) != before
    undone = patient_merge.undo_merge(db, result.merge_id)
    assert undone.merge_id == result.merge_id
    assert dump(db) == before
    with db.reading() as session:
        assert session.get(PatientMerge, result.merge_id).undone_at is not None
    assert set(patients.search_patients(db, "").ids) == {keep, other}


def test_a_case_opened_on_the_kept_record_after_the_merge_stays_there(db, two_records, book):
    keep, other = two_records
    result = patient_merge.merge_patients(db, keep, other, set())
    later = book(patient_id=keep, case_title="Shoulder", body_parts=("Left shoulder",))
    patient_merge.undo_merge(db, result.merge_id)
    assert case_owners(db, keep, other) == {keep: 2, other: 2}
    with db.reading() as session:
        assert session.get(Case, later.case_id).patient_id == keep


def test_undo_twice_is_refused(db, two_records):
    keep, other = two_records
    result = patient_merge.merge_patients(db, keep, other, set())
    patient_merge.undo_merge(db, result.merge_id)
    with pytest.raises(ConflictError, match="already been undone"):
        patient_merge.undo_merge(db, result.merge_id)


def test_refusals_in_plain_words_and_nothing_written(db, two_records, book, refused):
    keep, other = two_records
    third = book(new_patient=new_patient(first="Ravi", phone="+91 97000 11122")).patient_id
    refused("patient", patient_merge.merge_patients, db, keep, keep, set())
    refused("fields", patient_merge.merge_patients, db, keep, other, {"password"})
    patient_merge.merge_patients(db, keep, other, set())
    error = refused("patient", patient_merge.merge_patients, db, third, other, set())
    assert "already been merged" in error.message
    error = refused("patient", patient_merge.merge_patients, db, other, third, set())
    assert "itself merged" in error.message
    # `keep` holds a merged record: merging it into `third` would make a chain
    error = refused("patient", patient_merge.merge_patients, db, third, keep, set())
    assert "undo those merges first" in error.message


def test_a_failure_midway_leaves_nothing_changed(db, two_records):
    """A real constraint refuses the kept record's new phone after the cases have moved."""
    keep, other = two_records
    with db.writing() as session:  # one record per national number, from here on
        session.execute(text("CREATE UNIQUE INDEX ix_test_one_phone ON patient (national_digits)"))
    try:
        before = dump(db)
        with db.reading() as session:
            audit_count = len(session.scalars(select(AuditEvent.id)).all())
        with pytest.raises(Exception) as caught:  # noqa: PT011 - whatever the engine says
            patient_merge.merge_patients(db, keep, other, {"phone"})
        assert not isinstance(caught.value, ValidationError)
        assert dump(db) == before
        with db.reading() as session:
            assert len(session.scalars(select(AuditEvent.id)).all()) == audit_count
            assert session.scalars(select(PatientMerge.id)).all() == []
        assert audit_chain.verify(db).ok
    finally:
        with db.writing() as session:
            session.execute(text("DROP INDEX ix_test_one_phone"))


def test_audit_chain_verifies_after_merge_and_undo(db, two_records):
    keep, other = two_records
    result = patient_merge.merge_patients(db, keep, other, {"email"})
    assert audit_chain.verify(db).ok
    patient_merge.undo_merge(db, result.merge_id)
    report = audit_chain.verify(db)
    assert report.ok, report.problem


def test_kept_history_shows_the_merged_records_entries_until_undone(db, two_records):
    keep, other = two_records
    result = patient_merge.merge_patients(db, keep, other, set())
    entries = history.history(db, "patient", keep)
    assert any(e.entity_id == other and e.action == "patient.register" for e in entries)
    assert any(e.action == "patient.merge" for e in entries)
    patient_merge.undo_merge(db, result.merge_id)
    entries = history.history(db, "patient", keep)
    assert not any(e.entity == "patient" and e.entity_id == other for e in entries)


def test_the_kept_record_offers_its_merge_for_undo(db, two_records):
    keep, other = two_records
    assert patients.get_patient(db, keep).undoable_merge_id == 0
    result = patient_merge.merge_patients(db, keep, other, set())
    assert patients.get_patient(db, keep).undoable_merge_id == result.merge_id
    patient_merge.undo_merge(db, result.merge_id)
    assert patients.get_patient(db, keep).undoable_merge_id == 0


def test_an_earlier_merge_waits_for_the_later_one_to_be_undone(db, two_records, book):
    keep, other = two_records
    third = book(new_patient=new_patient(first="Pria", phone="+91 97000 11122")).patient_id
    first = patient_merge.merge_patients(db, keep, other, {"email"})
    second = patient_merge.merge_patients(db, keep, third, {"first_name"})
    with pytest.raises(ConflictError, match="undo that merge first"):
        patient_merge.undo_merge(db, first.merge_id)
    patient_merge.undo_merge(db, second.merge_id)
    patient_merge.undo_merge(db, first.merge_id)
    assert set(patients.search_patients(db, "").ids) == {keep, other, third}


def test_merge_and_undo_tell_the_views_of_both_patients(db, two_records):
    keep, other = two_records
    heard = []
    stop = db.listen(heard.append)
    try:
        result = patient_merge.merge_patients(db, keep, other, set())
        patient_merge.undo_merge(db, result.merge_id)
    finally:
        stop()
    assert len(heard) == 2
    for changes in heard:
        assert changes.touches_patient(keep) and changes.touches_patient(other)
        assert changes.patients == {keep, other}  # named, not "any patient may have changed"
        assert changes.touches("case_file")


def test_a_moved_case_id_finds_the_kept_record(db, two_records):
    keep, other = two_records
    with db.reading() as session:
        code = session.scalar(select(Case.code).where(Case.patient_id == other).limit(1))
    patient_merge.merge_patients(db, keep, other, set())
    assert patients.search_patients(db, code).ids == (keep,)
    assert patients.search_patients(db, code.removeprefix("C-")).ids == (keep,)


def test_a_practitioner_account_cannot_merge_or_undo(db, two_records, practitioner):
    keep, other = two_records
    accounts.add_account(db, "Meera", "admin", "correct horse")
    accounts.sign_in(db, "Meera", "correct horse")
    accounts.add_account(db, "Asha", "practitioner", "correct horse", practitioner.id)
    result = patient_merge.merge_patients(db, keep, other, set())
    accounts.sign_out(db)
    accounts.sign_in(db, "Asha", "correct horse")
    with pytest.raises(NotAllowedError):
        patient_merge.undo_merge(db, result.merge_id)
    with pytest.raises(NotAllowedError):
        patient_merge.merge_patients(db, other, keep, set())
