"""Search around merged records: they are never listed, their hits lead to the kept record.

Merged records are few, and `patient_merge` names them, so the search's index ranges stay
as they are: the active merges are read first (an empty table when the clinic has merged
nobody, the common case), and only when some merged record matches the typed text are the
ranges asked to leave those ids out, their counts lowered, and the kept records added
after the ranges (once each, and only when the ranges do not already show them).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.models import Patient
from app.models.patient_merge import PatientMerge


@dataclass(frozen=True)
class MergedHits:
    """What the merged records change in one search: ids to leave out and kept ids to add."""

    counts: list[int]
    left_out: tuple[int, ...] = ()
    kept: tuple[int, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts) + len(self.kept)


def active_merges(session: Session) -> dict[int, int]:
    """Merged record id -> kept record id, for every merge not undone."""
    rows = session.execute(
        select(PatientMerge.merged_patient_id, PatientMerge.kept_patient_id).where(
            PatientMerge.undone_at.is_(None)
        )
    )
    return {merged: kept for merged, kept in rows}


def merged_hits(
    session: Session, arms: Sequence[Any], values: dict[str, str], counts: list[int]
) -> MergedHits:
    """`counts` (each arm's count, merged records included) corrected for merged records."""
    merges = active_merges(session)
    if not merges:
        return MergedHits(counts)
    matches = [arm.match for arm in arms]
    hit = list(
        session.scalars(
            select(Patient.id).where(Patient.id.in_(list(merges)), or_(*matches)), values
        )
    )
    if not hit:
        return MergedHits(counts)
    live = [
        count - (session.scalar(arm.count.where(arm.id_column.in_(hit)), values) or 0)
        for arm, count in zip(arms, counts, strict=True)
    ]
    kept = sorted({merges[i] for i in hit})
    shown = set(
        session.scalars(select(Patient.id).where(Patient.id.in_(kept), or_(*matches)), values)
    )
    leads = [i for i in kept if i not in shown]
    if leads:  # in the list's own order, after what the ranges show
        leads = list(
            session.scalars(
                select(Patient.id)
                .where(Patient.id.in_(leads))
                .order_by(Patient.last_first_key, Patient.id)
            )
        )
    return MergedHits(live, tuple(hit), tuple(leads))
