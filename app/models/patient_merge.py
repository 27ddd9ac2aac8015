from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow


class PatientMerge(Base):
    """Two records of one person folded into one, kept so the merge can be undone exactly."""

    __tablename__ = "patient_merge"

    id: Mapped[int] = mapped_column(primary_key=True)
    kept_patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    merged_patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    merged_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    undone_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # JSON: both records' fields before the merge and the ids of every row that moved.
    snapshot: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_patient_merge_kept", "kept_patient_id"),
        Index("ix_patient_merge_merged", "merged_patient_id"),
    )
