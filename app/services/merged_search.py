"""Search around merged records: they are never listed, their hits lead to the kept record.

Merged records are few, and `patient_merge` names them, so the search's index ranges stay
as they are. The first count of a search also asks whether any merge stands (ANY_MERGE:
a look at a small table inside the same statement, so a clinic that has merged nobody
pays no extra round trip). Only then is it asked which merged records match the typed
text; when some do, the ranges leave merged records out, their counts are lowered, and
the kept records follow the ranges (once each, and only those the ranges do not show).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session

from app.models import Patient
from app.models.patient_merge import PatientMerge

# The records merged into another and not undone: a small table, read inside each statement
# (never as a list of ids sent from Python, which would cost more than the search itself).
MERGED_IDS = select(PatientMerge.merged_patient_id).where(PatientMerge.undone_at.is_(None))
ANY_MERGE = exists().where(PatientMerge.undone_at.is_(None)).label("any_merge")


@dataclass(frozen=True)
class MergedHits:
    """What the merged records change in one search: whether to leave them out of the
    ranges, each range's count without them, and the kept records to add after the ranges."""

    counts: list[int]
    left_out: bool = False
    kept: tuple[int, ...] = ()

    @property
    def total(self) -> int:
        return sum(self.counts) + len(self.kept)


def merged_hits(
    session: Session, arms: Sequence[Any], values: dict[str, str], counts: list[int]
) -> MergedHits:
    """`counts` (each arm's count, merged records included) corrected for merged records.

    Each arm has `match` (its condition on one patient row), `count_merged` (its count of
    merged records only) and `ids_live` (its ids without merged records).
    """
    matches = or_(*(arm.match for arm in arms))
    kept = set(
        session.scalars(
            select(Patient.merged_into_id).where(Patient.id.in_(MERGED_IDS), matches), values
        )
    )
    if not kept:
        return MergedHits(counts)
    live = [
        count - (session.scalar(arm.count_merged, values) or 0)
        for arm, count in zip(arms, counts, strict=True)
    ]
    # A kept record the ranges show anyway is not added a second time.
    leads = select(Patient.id).where(Patient.id.in_(kept), ~matches)
    ordered = session.scalars(leads.order_by(Patient.last_first_key, Patient.id), values)
    return MergedHits(live, True, tuple(ordered))
