"""Correcting a case: one audited transaction; a case keeps at least one body part."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import AuditEvent
from app.services import case_merges, cases
from app.services.case_edits import edit_case
from app.services.dto import CaseEdit
from app.services.errors import ConflictError, ValidationError
from tests.services.test_cases import row_counts


def test_title_referral_notes_and_a_mistaken_body_part_are_corrected(db, book):
    booked = book(case_title="Knee pian", body_parts=["Left knee", "Right shoulder"])
    edit = CaseEdit(
        title="  Knee pain  after fall ",
        referral="Dr Mehta",
        notes="Fell on the stairs.",
        remove_body_parts=(("shoulder", "right"),),
    )
    saved = edit_case(db, booked.case_id, edit)
    assert (saved.code, saved.title) == (booked.case_code, "Knee pain after fall")
    assert (saved.referral, saved.notes) == ("Dr Mehta", "Fell on the stairs.")
    assert [(p.site, p.side) for p in saved.body_parts] == [("knee", "left")]
    assert cases.get_case(db, booked.case_id) == saved
    with db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "case.edit")).one()
        assert event.entity_id == booked.case_id
        assert (
            event.before["title"] == "Knee pian" and event.after["title"] == "Knee pain after fall"
        )
        assert event.before["body_parts"] == ["Left knee", "Right shoulder"]
        assert event.after["body_parts"] == ["Left knee"]
        assert (event.before["referral"], event.after["referral"]) == (None, "Dr Mehta")
        assert event.after["notes"] == "Fell on the stairs."


def test_removing_the_last_body_part_is_refused_and_nothing_is_written(db, book):
    booked = book(body_parts=["Left knee"])
    before = row_counts(db)
    with pytest.raises(ValidationError) as refused:
        edit_case(db, booked.case_id, CaseEdit("New title", remove_body_parts=(("knee", "left"),)))
    assert refused.value.field == "bodyParts" and "at least one body part" in refused.value.message
    assert row_counts(db) == before
    assert cases.get_case(db, booked.case_id).title == "Knee pain"  # the title was not saved


def test_bad_fields_are_refused_by_name(db, book):
    booked = book()
    with pytest.raises(ValidationError) as empty_title:
        edit_case(db, booked.case_id, CaseEdit("   "))
    assert empty_title.value.field == "caseTitle"
    with pytest.raises(ValidationError) as long_referral:
        edit_case(db, booked.case_id, CaseEdit("Knee", referral="x" * 201))
    assert long_referral.value.field == "referral"


def test_nothing_changed_writes_no_audit_row(db, book):
    booked = book()
    before = row_counts(db)
    edit_case(db, booked.case_id, CaseEdit("Knee pain"))
    assert row_counts(db) == before


def test_a_merged_case_is_corrected_through_the_case_it_joined(db, book):
    first = book()
    second = book(patient_id=first.patient_id, case_title="Neck", body_parts=["Neck"])
    case_merges.merge_cases(db, first.case_id, second.case_id)
    with pytest.raises(ConflictError):
        edit_case(db, second.case_id, CaseEdit("Neck pain"))


def test_a_nul_character_in_the_notes_is_refused_on_every_engine(db, book):
    booked = book()
    with pytest.raises(ValidationError) as refused:
        edit_case(db, booked.case_id, CaseEdit(title="Knee pain", notes="Fell\x00 down"))
    assert refused.value.field == "notes" and "NUL" in refused.value.message
    assert cases.get_case(db, booked.case_id).notes is None  # nothing was saved
