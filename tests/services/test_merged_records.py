"""A record merged into another at another desk meanwhile takes no booking and no edit."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import Appointment, Case, Patient
from app.services import fhir_export, patient_merge, patients
from app.services.errors import ConflictError
from tests.conftest import new_patient
from tests.services.test_fhir_export import assert_references_resolve, exported, resources

REFUSAL = "This record was merged into Priya Sharma's; search for the patient again."


@pytest.fixture
def merged(db, book):
    """Priya Sharma kept; 'Priya Sharmaa' (a typo) merged into her: (kept id, merged id)."""
    kept = book(new_patient=new_patient())
    other = book(new_patient=new_patient(last="Sharmaa", phone="+91 99887 76655"))
    patient_merge.merge_patients(db, kept.patient_id, other.patient_id, set())
    return kept.patient_id, other.patient_id


def appointments_of(db, patient_id: int) -> int:
    with db.reading() as session:
        return session.scalar(
            select(func.count())
            .select_from(Appointment)
            .join(Case, Case.id == Appointment.case_id)
            .where(Case.patient_id == patient_id)
        )


def test_booking_into_a_merged_record_names_the_kept_one(db, book, merged):
    kept, other = merged
    before = (appointments_of(db, kept), appointments_of(db, other))
    with pytest.raises(ConflictError) as refused:
        book(patient_id=other)
    assert str(refused.value) == REFUSAL
    assert (appointments_of(db, kept), appointments_of(db, other)) == before


def test_editing_a_merged_record_names_the_kept_one(db, merged):
    _kept, other = merged
    with pytest.raises(ConflictError) as refused:
        patients.update_patient(db, other, new_patient(last="Sharma", phone="+91 99887 76655"))
    assert str(refused.value) == REFUSAL
    with db.reading() as session:
        assert session.get(Patient, other).last_name == "Sharmaa"


def test_the_fhir_export_leaves_merged_records_out(db, merged, tmp_path):
    kept, other = merged
    bundle = exported(db, tmp_path)
    assert [p["id"] for p in resources(bundle, "Patient")] == [str(kept)]
    episodes = resources(bundle, "EpisodeOfCare")
    assert len(episodes) == 2  # both cases, now the kept record's
    assert {e["patient"]["reference"] for e in episodes} == {f"Patient/{kept}"}
    assert_references_resolve(bundle)
    assert fhir_export.export_fhir(db, tmp_path / "again.json").patients == 1
