"""The FHIR R4 export: a Bundle the fhir.resources R4B models accept, whose references resolve."""

from __future__ import annotations

import json
import tracemalloc
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from sqlalchemy import update

from app.models import Appointment, Case
from app.services import demo_data, fhir_export, settings
from app.services.errors import CaseDeskError
from app.statuses import AppointmentStatus

SNOMED = "http://snomed.info/sct"


def exported(db, tmp_path: Path) -> dict:
    target = tmp_path / "clinic.fhir.json"
    fhir_export.export_fhir(db, target)
    text = target.read_text(encoding="utf-8")
    Bundle.model_validate_json(text)  # the R4B models: types, cardinalities, invariants
    return json.loads(text)


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def references(node) -> list[str]:
    """Every `reference` anywhere in a resource."""
    if isinstance(node, dict):
        found = [node["reference"]] if isinstance(node.get("reference"), str) else []
        return found + [r for value in node.values() for r in references(value)]
    if isinstance(node, list):
        return [r for item in node for r in references(item)]
    return []


def assert_references_resolve(bundle: dict) -> None:
    """The contract's rule: `Type/id` of an entry's resource, or an entry's fullUrl."""
    entries = bundle.get("entry", [])
    known = {f"{e['resource']['resourceType']}/{e['resource']['id']}" for e in entries}
    known |= {e["fullUrl"] for e in entries if "fullUrl" in e}
    assert len(known) >= len(entries)  # no two entries share an identity
    dangling = [r for e in entries for r in references(e["resource"]) if r not in known]
    assert dangling == []


def test_every_record_becomes_a_resource_and_every_reference_resolves(db, tmp_path):
    demo_data.generate(db, 40, seed=3)
    bundle = exported(db, tmp_path)
    assert bundle["resourceType"] == "Bundle" and bundle["type"] == "collection"
    counts = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    summary = fhir_export.export_fhir(db, tmp_path / "again.json")
    assert counts == {
        "Patient": summary.patients,
        "Practitioner": summary.practitioners,
        "EpisodeOfCare": summary.cases,
        "Condition": summary.cases,
        "Appointment": summary.appointments,
    }
    assert summary.patients == 40 and summary.appointments > 0
    assert_references_resolve(bundle)


def test_episode_carries_case_id_status_patient_and_condition(db, book, tmp_path):
    first = book(body_parts=("Left knee", "Neck"))
    second = book(
        patient_id=first.patient_id, case_title="Shoulder", body_parts=("Both shoulders",)
    )
    with db.writing() as session:
        session.execute(update(Case).where(Case.id == second.case_id).values(status="closed"))
    bundle = exported(db, tmp_path)
    episodes = {e["id"]: e for e in resources(bundle, "EpisodeOfCare")}
    open_episode, closed_episode = episodes[str(first.case_id)], episodes[str(second.case_id)]
    assert open_episode["identifier"][0]["value"] == first.case_code
    assert open_episode["status"] == "active" and closed_episode["status"] == "finished"
    assert open_episode["patient"] == {"reference": f"Patient/{first.patient_id}"}
    condition = open_episode["diagnosis"][0]["condition"]["reference"]
    assert condition == f"Condition/{first.case_id}"
    assert_references_resolve(bundle)


def test_body_sites_are_snomed_with_side_in_text_and_laterality_qualifier(db, book, tmp_path):
    made = book(body_parts=("Left knee", "Right wrist", "Both shoulders", "Neck"))
    bundle = exported(db, tmp_path)
    condition = next(c for c in resources(bundle, "Condition") if c["id"] == str(made.case_id))
    sites = {site["text"]: site["coding"] for site in condition["bodySite"]}
    assert set(sites) == {"Left knee", "Right wrist", "Both shoulders", "Neck"}
    assert all(c["system"] == SNOMED for codings in sites.values() for c in codings)
    assert [c["code"] for c in sites["Left knee"]] == ["72696002:272741003=7771000", "72696002"]
    assert [c["code"] for c in sites["Right wrist"]] == ["74670003:272741003=24028007", "74670003"]
    assert sites["Both shoulders"][0]["code"] == "16982005:272741003=51440002"
    assert [c["code"] for c in sites["Neck"]] == ["45048000"]  # unpaired: no laterality


@pytest.mark.parametrize(
    ("status", "fhir_status"),
    [
        (AppointmentStatus.RESERVED, "pending"),
        (AppointmentStatus.CONFIRMED, "booked"),
        (AppointmentStatus.ARRIVED, "arrived"),
        (AppointmentStatus.COMPLETED, "fulfilled"),
        (AppointmentStatus.CANCELLED, "cancelled"),
        (AppointmentStatus.NO_SHOW, "noshow"),
    ],
)
def test_appointment_status_times_and_participants(db, book, tmp_path, status, fhir_status):
    made = book()
    with db.writing() as session:
        session.execute(
            update(Appointment).where(Appointment.id == made.appointment_id).values(status=status)
        )
    bundle = exported(db, tmp_path)
    [appointment] = resources(bundle, "Appointment")
    assert appointment["status"] == fhir_status
    actors = [p["actor"]["reference"] for p in appointment["participant"]]
    assert actors[0] == f"Patient/{made.patient_id}" and actors[1].startswith("Practitioner/")
    assert appointment["supportingInformation"] == [{"reference": f"EpisodeOfCare/{made.case_id}"}]
    assert_references_resolve(bundle)


def test_times_carry_the_clinic_zone_offset(db, book, tmp_path):
    settings.set(db, "clinic.timezone", "Asia/Kolkata")
    made = book(starts_at=datetime(2031, 1, 7, 4, 0, tzinfo=UTC))  # 09:30 in India
    [appointment] = resources(exported(db, tmp_path), "Appointment")
    assert appointment["start"] == "2031-01-07T09:30:00+05:30"
    assert datetime.fromisoformat(appointment["start"]) == datetime(2031, 1, 7, 4, 0, tzinfo=UTC)
    assert appointment["id"] == str(made.appointment_id)


def test_an_empty_clinic_is_a_valid_empty_bundle(db, tmp_path):
    bundle = exported(db, tmp_path)
    assert "entry" not in bundle  # FHIR allows no empty arrays


def test_progress_reaches_every_resource(db, tmp_path):
    demo_data.generate(db, 15, seed=5)
    seen: list[tuple[str, int, int]] = []
    report = fhir_export.export_fhir(db, tmp_path / "out.json", lambda *args: seen.append(args))
    assert seen[0][1] == 0 and seen[-1][1] == seen[-1][2] == report.resources


def test_an_unwritable_file_is_refused_and_leaves_nothing(db, tmp_path):
    missing = tmp_path / "no such folder" / "out.json"
    with pytest.raises(CaseDeskError, match="no such folder"):
        fhir_export.export_fhir(db, missing)
    assert not missing.parent.exists()


def test_a_failed_export_keeps_the_old_file(db, tmp_path, monkeypatch):
    target = tmp_path / "out.json"
    target.write_text("old")
    demo_data.generate(db, 3, seed=1)

    def broken(*_):
        raise RuntimeError("boom")

    monkeypatch.setattr(fhir_export, "_episode_and_condition", broken)
    with pytest.raises(RuntimeError):
        fhir_export.export_fhir(db, target)
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def _peak_bytes(db, tmp_path: Path) -> int:
    tracemalloc.start()
    try:
        fhir_export.export_fhir(db, tmp_path / "peak.json")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("engine_kind", ["sqlite", "postgresql"])
def test_memory_stays_flat_from_1k_to_10k_patients(db, tmp_path, engine_kind, monkeypatch):
    # Batches small enough that 1k patients already fill them: the batch is the bound, so
    # what grows with the clinic is what this test is about.
    monkeypatch.setattr(fhir_export, "BATCH", 200)
    demo_data.generate(db, 1_000, seed=7)
    fhir_export.export_fhir(db, tmp_path / "warm.json")  # imports and caches out of the way
    small = _peak_bytes(db, tmp_path)
    demo_data.generate(db, 9_000, seed=8)
    fhir_export.export_fhir(db, tmp_path / "warm.json")  # what adding patients left to settle
    large = _peak_bytes(db, tmp_path)
    # Ten times the rows; a list of entries would grow tenfold. A batch is the bound.
    assert large < small * 1.25, (small, large)
