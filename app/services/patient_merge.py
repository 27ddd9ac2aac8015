"""Two records of one person made one, and the merge undone exactly.

The kept record takes the fields the receptionist chose from the other one; the
other's cases move to the kept record (appointments and messages follow their
cases). The other record stays, pointing at the kept one (`merged_into_id`), so
its old spelling or phone still leads there in search. A `patient_merge` row
keeps both records' full rows as they were and the ids of the cases that moved,
which is what `undo_merge` puts back. Audit rows are never changed: the kept
record's History finds the merged record's entries through `patient_merge`.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import Date, func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case, OutboxMessage, Patient
from app.models.base import UTCDateTime, utcnow
from app.models.patient_merge import PatientMerge
from app.services import audit, settings
from app.services.dto import (
    PATIENT_MERGE_FIELDS,
    PatientDetails,
    PatientMergePreview,
    PatientMergeResult,
)
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.patients import apply_details, snapshot, summary, validate_details
from app.services.permissions import Permission, require
from app.services.words import QT_TRANSLATE_NOOP, say


def _row(patient: Patient) -> dict[str, Any]:
    """Every column of the record but its id, as JSON values (dates and times in ISO form)."""
    row = {}
    for column in Patient.__table__.columns:
        if column.key == "id":
            continue
        value = getattr(patient, column.key)
        row[column.key] = value.isoformat() if isinstance(value, date | datetime) else value
    return row


def _restore(patient: Patient, row: dict[str, Any]) -> None:
    """Puts back every column `_row` kept, `updated_at` included (set, so onupdate leaves it)."""
    for column in Patient.__table__.columns:
        if column.key == "id" or column.key not in row:
            continue
        value = row[column.key]
        if value is not None and isinstance(column.type, UTCDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Date):
            value = date.fromisoformat(value)
        setattr(patient, column.key, value)


def _patient(session: Session, patient_id: int, lock: bool = False) -> Patient:
    patient = session.get(Patient, patient_id, with_for_update=lock, populate_existing=lock)
    if patient is None:
        raise NotFoundError(
            say(
                QT_TRANSLATE_NOOP("services", "Patient record {id} no longer exists."),
                id=patient_id,
            )
        )
    return patient


def _holds_merges(session: Session, patient_id: int) -> bool:
    active = select(PatientMerge.id).where(
        PatientMerge.kept_patient_id == patient_id, PatientMerge.undone_at.is_(None)
    )
    return session.scalar(active.limit(1)) is not None


def _pair(
    session: Session, keep_id: int, other_id: int, lock: bool = False
) -> tuple[Patient, Patient]:
    """The two records, refused in plain words when they cannot be merged.

    `lock`: on PostgreSQL both rows are locked (in id order, so two desks cannot deadlock)
    before they are checked, so a merge at another desk cannot slip in between and make a chain.
    """
    if keep_id == other_id:
        raise ValidationError(
            "patient",
            say(QT_TRANSLATE_NOOP("services", "Choose two different patient records to merge.")),
        )
    for patient_id in sorted((keep_id, other_id)):
        _patient(session, patient_id, lock)
    keep, other = _patient(session, keep_id), _patient(session, other_id)
    if keep.merged_into_id is not None:
        raise ValidationError(
            "patient",
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The record to keep was itself merged into another record; "
                    "keep that one instead.",
                )
            ),
        )
    if other.merged_into_id is not None:
        raise ValidationError(
            "patient",
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The other record has already been merged into another record."
                )
            ),
        )
    # One level only: a merged record always points at a record that is not merged, so its
    # search hits lead straight there and each merge can be undone on its own.
    if _holds_merges(session, other.id):
        raise ValidationError(
            "patient",
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Other records were merged into the record to merge in: keep that record "
                    "instead, or undo those merges first.",
                )
            ),
        )
    return keep, other


def _moving(session: Session, other_id: int) -> tuple[list[int], int, int]:
    """The other record's case ids, and how many appointments and messages follow them."""
    case_ids = list(
        session.scalars(select(Case.id).where(Case.patient_id == other_id).order_by(Case.id))
    )
    if not case_ids:
        return [], 0, 0
    booked = select(Appointment.id).where(Appointment.case_id.in_(case_ids))
    appointments = session.scalar(select(func.count()).select_from(booked.subquery()))
    messages = session.scalar(
        select(func.count())
        .select_from(OutboxMessage)
        .where(OutboxMessage.appointment_id.in_(booked))
    )
    return case_ids, appointments or 0, messages or 0


def merge_preview(db: Database, keep_id: int, other_id: int) -> PatientMergePreview:
    """Both records side by side, the fields that differ, and what a merge would move."""
    with db.reading() as session:
        region = settings.read_all(session)["clinic.region"]
        keep, other = _pair(session, keep_id, other_id)
        kept, merged = summary(keep, region), summary(other, region)
        differing = tuple(f for f in PATIENT_MERGE_FIELDS if getattr(kept, f) != getattr(merged, f))
        case_ids, appointments, messages = _moving(session, other.id)
        return PatientMergePreview(kept, merged, differing, len(case_ids), appointments, messages)


def _merged_details(keep: Patient, other: Patient, take: set[str]) -> PatientDetails:
    values = {f: getattr(other if f in take else keep, f) for f in PATIENT_MERGE_FIELDS}
    return PatientDetails(**values)


def merge_patients(
    db: Database, keep_id: int, other_id: int, take_from_other: set[str] | frozenset[str]
) -> PatientMergeResult:
    """Merges record `other_id` into `keep_id` in one transaction, audited; returns the merge id.

    The kept record takes the fields named in `take_from_other` (see PATIENT_MERGE_FIELDS)
    from the other, its search keys re-derived as when a patient is edited. The other's
    cases move to the kept record; the other record points at it from then on.
    """
    take = set(take_from_other)
    unknown = take - set(PATIENT_MERGE_FIELDS)
    if unknown:
        raise ValidationError(
            "fields",
            say(
                QT_TRANSLATE_NOOP("services", "These fields cannot be taken: {fields}."),
                fields=", ".join(sorted(unknown)),
            ),
        )
    with db.writing() as session:
        require(session, Permission.PATIENTS)
        region = settings.read_all(session)["clinic.region"]
        keep, other = _pair(session, keep_id, other_id, lock=True)
        clean = validate_details(_merged_details(keep, other, take), region)
        saved = {"kept": _row(keep), "merged": _row(other)}
        kept_fields = snapshot(keep)
        cases = session.scalars(select(Case).where(Case.patient_id == other.id).order_by(Case.id))
        moved = _move_cases(session, list(cases), keep.id)
        apply_details(keep, clean)
        other.merged_into_id = keep.id
        session.flush()
        saved |= {"moved_case_ids": moved, "taken": sorted(take)}
        merge = PatientMerge(
            kept_patient_id=keep.id,
            merged_patient_id=other.id,
            merged_at=utcnow(),
            snapshot=json.dumps(saved),
        )
        session.add(merge)
        session.flush()
        _audit_pair(session, "merge", keep, other, kept_fields, moved)
        return PatientMergeResult(
            merge.id, summary(keep, region), summary(other, region), tuple(moved)
        )


def _move_cases(session: Session, cases: list[Case], patient_id: int) -> list[int]:
    """Gives the cases to `patient_id`, one audit entry each; their appointments follow."""
    for case in cases:  # one by one, so the change bus names the cases and both patients
        before = case.patient_id
        case.patient_id = patient_id
        audit.record(
            session,
            "case.patient",
            "case",
            case.id,
            {"patient_id": before},
            {"patient_id": patient_id},
        )
    session.flush()  # the cases move first: a refusal further on undoes this too
    return [case.id for case in cases]


def _audit_pair(
    session: Session, done: str, keep: Patient, other: Patient, kept_before: dict, moved: list[int]
) -> None:
    """One entry on each record: the kept one's fields before and after, the other's link."""
    merged = done == "merge"
    audit.record(
        session,
        "patient.merge" if merged else "patient.merge_undo",
        "patient",
        keep.id,
        {**kept_before, "merged_patient_id": None if merged else other.id},
        {
            **snapshot(keep),
            "merged_patient_id": other.id if merged else None,
            "moved_case_ids": moved,
        },
    )
    audit.record(
        session,
        "patient.merged" if merged else "patient.unmerged",
        "patient",
        other.id,
        {"merged_into_id": None if merged else keep.id},
        {"merged_into_id": keep.id if merged else None},
    )


def _undoable(session: Session, merge_id: int) -> PatientMerge:
    """The merge, with both records locked; refused when it cannot be undone now."""
    merge = session.get(PatientMerge, merge_id, with_for_update=True, populate_existing=True)
    if merge is None:
        raise NotFoundError(
            say(
                QT_TRANSLATE_NOOP("services", "That merge cannot be found, so it cannot be undone.")
            )
        )
    if merge.undone_at is not None:
        raise ConflictError(
            say(QT_TRANSLATE_NOOP("services", "That merge has already been undone."))
        )
    for patient_id in sorted((merge.kept_patient_id, merge.merged_patient_id)):
        _patient(session, patient_id, lock=True)  # no merge into them meanwhile
    later = select(PatientMerge.id).where(
        PatientMerge.kept_patient_id == merge.kept_patient_id,
        PatientMerge.undone_at.is_(None),
        PatientMerge.id > merge.id,
    )
    # Undoing this one would put back the kept record's fields from before the later merge.
    if session.scalar(later.limit(1)) is not None:
        raise ConflictError(
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Another record was merged into this one since; undo that merge first.",
                )
            )
        )
    return merge


def undo_merge(db: Database, merge_id: int) -> PatientMergeResult:
    """Puts both records back exactly as they were before merge `merge_id`, in one transaction.

    The moved cases go back to the other record; cases opened on the kept record since the
    merge stay there. Refused when the merge was already undone, or when a later merge into
    the same record is still in place (undo that one first).
    """
    with db.writing() as session:
        require(session, Permission.PATIENTS)
        merge = _undoable(session, merge_id)
        region = settings.read_all(session)["clinic.region"]
        keep = _patient(session, merge.kept_patient_id)
        other = _patient(session, merge.merged_patient_id)
        saved = json.loads(merge.snapshot)
        kept_fields = snapshot(keep)
        moved = list(saved["moved_case_ids"])
        cases = session.scalars(select(Case).where(Case.id.in_(moved)).order_by(Case.id))
        _move_cases(session, list(cases) if moved else [], other.id)
        _restore(keep, saved["kept"])
        _restore(other, saved["merged"])
        merge.undone_at = utcnow()
        session.flush()
        _audit_pair(session, "undo", keep, other, kept_fields, moved)
        return PatientMergeResult(
            merge.id, summary(keep, region), summary(other, region), tuple(moved)
        )


def undoable_merge(session: Session, kept_id: int) -> int:
    """The newest merge into `kept_id` not yet undone (0 when none), inside the caller's read."""
    found = session.scalar(
        select(PatientMerge.id)
        .where(PatientMerge.kept_patient_id == kept_id, PatientMerge.undone_at.is_(None))
        .order_by(PatientMerge.id.desc())
        .limit(1)
    )
    return found or 0


def merged_into(session: Session, kept_id: int) -> list[int]:
    """The records merged into `kept_id` and not undone (for its History)."""
    return list(
        session.scalars(
            select(PatientMerge.merged_patient_id).where(
                PatientMerge.kept_patient_id == kept_id, PatientMerge.undone_at.is_(None)
            )
        )
    )
