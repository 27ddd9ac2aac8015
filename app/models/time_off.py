from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime


class TimeOff(Base):
    """A stretch when a practitioner takes no appointments: a holiday, a course, an afternoon."""

    __tablename__ = "time_off"

    id: Mapped[int] = mapped_column(primary_key=True)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str] = mapped_column(String(200), default="")

    # The booking check and the book read one practitioner's time off around a moment.
    __table_args__ = (Index("ix_time_off_practitioner_start", "practitioner_id", "starts_at"),)
