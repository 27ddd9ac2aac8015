"""Merging two cases of one patient into one, and undoing that merge.

The audit event of a merge records exactly what moved, so the undo can put it back.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, AuditEvent, Case
from app.models.case import CASE_CLOSED, CASE_MERGED, CASE_OPEN
from app.services import audit, changes
from app.services.body_sites import body_part
from app.services.cases import _case, add_body_parts, case_info, case_parts, case_snapshot
from app.services.dto import CaseInfo, MergeResult
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.permissions import Permission, require
from app.services.words import QT_TRANSLATE_NOOP, say


def merge_preview(db: Database, keep_id: int, merge_id: int) -> MergeResult:
    """What a merge would move, without doing it (audit id 0)."""
    with db.reading() as session:
        keep, other = _merge_pair(session, keep_id, merge_id)
        have = {(bp.site, bp.side) for bp in keep.body_parts}
        moved = tuple(
            session.scalars(select(Appointment.id).where(Appointment.case_id == other.id))
        )
        added = tuple(
            body_part(bp.site, bp.side).label
            for bp in other.body_parts
            if (bp.site, bp.side) not in have
        )
        return MergeResult(0, keep.id, keep.code, other.id, other.code, moved, added)


def _merge_pair(session: Session, keep_id: int, merge_id: int) -> tuple[Case, Case]:
    if keep_id == merge_id:
        raise ValidationError(
            "case", say(QT_TRANSLATE_NOOP("services", "Choose two different cases to merge."))
        )
    keep, other = _case(session, keep_id), _case(session, merge_id)
    if keep.patient_id != other.patient_id:
        raise ValidationError(
            "case",
            say(QT_TRANSLATE_NOOP("services", "Only cases of the same patient can be merged.")),
        )
    if CASE_MERGED in (keep.status, other.status):
        raise ConflictError(
            say(QT_TRANSLATE_NOOP("services", "One of these cases has already been merged."))
        )
    return keep, other


def merge_cases(db: Database, keep_id: int, merge_id: int) -> MergeResult:
    """Folds case `merge_id` into `keep_id`: its appointments and body parts move over.

    The merged case keeps its row and ID (findable, leading to the kept case);
    the audit event records exactly what moved, so `undo_merge` can put it back.
    """
    with db.writing() as session:
        require(session, Permission.BOOKINGS)
        keep, other = _merge_pair(session, keep_id, merge_id)
        keep_before, other_before = case_snapshot(keep), case_snapshot(other)
        kept_closed_on = keep.closed_on
        moved = list(session.scalars(select(Appointment.id).where(Appointment.case_id == other.id)))
        session.execute(
            update(Appointment).where(Appointment.case_id == other.id).values(case_id=keep.id)
        )
        changes.scope(session, "appointment", ids=moved, cases=[keep.id, other.id])
        added = add_body_parts(session, keep, list(case_parts(other)))
        if other.status == CASE_OPEN and keep.status == CASE_CLOSED:
            keep.status, keep.closed_on = CASE_OPEN, None
        other.status, other.merged_into_id = CASE_MERGED, keep.id
        session.flush()
        event = audit.record(
            session,
            "case.merge",
            "case",
            keep.id,
            {
                "kept": keep_before,
                "merged": other_before,
                "merged_id": other.id,
                # a merge may reopen the kept case; undo puts its closing date back
                "kept_closed_on": kept_closed_on.isoformat() if kept_closed_on else None,
            },
            {
                "kept": case_snapshot(keep),
                "merged_id": other.id,
                "moved_appointment_ids": moved,
                "added_body_parts": [[p.site, p.side] for p in added],
            },
        )
        session.flush()
        return MergeResult(
            event.id,
            keep.id,
            keep.code,
            other.id,
            other.code,
            tuple(moved),
            tuple(p.label for p in added),
        )


def undo_merge(db: Database, audit_event_id: int) -> CaseInfo:
    """Puts a merged case back as it was; returns the restored case."""
    with db.writing() as session:
        require(session, Permission.BOOKINGS)
        event = session.get(AuditEvent, audit_event_id)
        if event is None or event.action != "case.merge":
            raise NotFoundError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services", "That merge cannot be found, so it cannot be undone."
                    )
                )
            )
        other = _case(session, event.after["merged_id"])
        keep = _case(session, event.entity_id)
        if other.status != CASE_MERGED or other.merged_into_id != keep.id:
            raise ConflictError(
                say(
                    QT_TRANSLATE_NOOP("services", "Case {other} is no longer merged into {keep}."),
                    other=other.code,
                    keep=keep.code,
                )
            )
        if keep.status == CASE_MERGED:
            # B's appointments now sit in a third case; undo the later merge first.
            raise ConflictError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "Case {code} has since been merged into another case; undo that merge first.",
                    ),
                    code=keep.code,
                )
            )
        session.execute(
            update(Appointment)
            .where(Appointment.id.in_(event.after["moved_appointment_ids"]))
            .values(case_id=other.id)
        )
        changes.scope(
            session,
            "appointment",
            ids=event.after["moved_appointment_ids"],
            cases=[keep.id, other.id],
        )
        added = {tuple(p) for p in event.after["added_body_parts"]}
        keep.body_parts = [bp for bp in keep.body_parts if (bp.site, bp.side) not in added]
        keep.status = event.before["kept"]["status"]
        closed_on = event.before.get("kept_closed_on")
        if closed_on:
            keep.closed_on = date.fromisoformat(closed_on)
        elif keep.status != CASE_CLOSED:
            keep.closed_on = None
        elif keep.closed_on is None:  # merges recorded before the closing date was kept
            keep.closed_on = date.today()
        other.status = event.before["merged"]["status"]
        other.merged_into_id = None
        session.flush()
        audit.record(
            session,
            "case.unmerge",
            "case",
            other.id,
            {"merge_event_id": event.id},
            case_snapshot(other),
        )
        return case_info(session, other)


def latest_merge_event(db: Database, case_id: int) -> int | None:
    """The audit id of the newest merge into `case_id` that can still be undone."""
    with db.reading() as session:
        events = session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "case.merge", AuditEvent.entity_id == case_id)
            .order_by(AuditEvent.id.desc())
        )
        for event in events:
            other = session.get(Case, event.after["merged_id"])
            if (
                other is not None
                and other.status == CASE_MERGED
                and other.merged_into_id == case_id
            ):
                return event.id
        return None
