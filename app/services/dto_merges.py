"""What a case merge or a patient merge did (or would do), handed to the views."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.services.dto import PatientSummary


@dataclass(frozen=True)
class MergeResult:
    audit_event_id: int
    kept_case_id: int
    kept_code: str
    merged_case_id: int
    merged_code: str
    moved_appointment_ids: tuple[int, ...]
    added_body_parts: tuple[str, ...]


# The fields a patient merge shows side by side, in the order of the form.
PATIENT_MERGE_FIELDS = ("first_name", "last_name", "phone", "email", "birth_date", "sex")


@dataclass(frozen=True)
class PatientMergePreview:
    """Two records of one person side by side, and what a merge would move to the kept one."""

    kept: PatientSummary
    other: PatientSummary
    differing: tuple[str, ...]  # names from PATIENT_MERGE_FIELDS whose values differ
    cases: int
    appointments: int
    messages: int


@dataclass(frozen=True)
class PatientMergeResult:
    """A patient merge done (or undone): `merge_id` names it for the undo."""

    merge_id: int
    kept: PatientSummary
    merged: PatientSummary
    moved_case_ids: tuple[int, ...]
