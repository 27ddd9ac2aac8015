from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow
from app.statuses import AppointmentStatus

RESERVED = AppointmentStatus.RESERVED
CONFIRMED = AppointmentStatus.CONFIRMED
ARRIVED = AppointmentStatus.ARRIVED
COMPLETED = AppointmentStatus.COMPLETED
CANCELLED = AppointmentStatus.CANCELLED
NO_SHOW = AppointmentStatus.NO_SHOW
STATUSES = tuple(AppointmentStatus)

INITIAL_ASSESSMENT = "initial"
FOLLOW_UP = "follow_up"
KINDS = (INITIAL_ASSESSMENT, FOLLOW_UP)


class Appointment(Base):
    __tablename__ = "appointment"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id"), index=True)
    practitioner_id: Mapped[int] = mapped_column(ForeignKey("practitioner.id"))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(12), default=RESERVED)
    kind: Mapped[str] = mapped_column(String(12), default=INITIAL_ASSESSMENT)
    notes: Mapped[str | None] = mapped_column(Text)
    token: Mapped[str] = mapped_column(String(64), unique=True)  # the patient's link
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # The .ics SEQUENCE: grows with each move, so calendar apps update the patient's event.
    calendar_sequence: Mapped[int] = mapped_column(default=0, server_default="0")

    __table_args__ = (
        Index("ix_appointment_practitioner_start", "practitioner_id", "starts_at"),
        # Reservations to follow up: the few reserved ones, soonest first, without a table scan.
        Index("ix_appointment_status_start", "status", "starts_at"),
    )
