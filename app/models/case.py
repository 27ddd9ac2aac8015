from __future__ import annotations

from datetime import date

from sqlalchemy import Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base

CASE_OPEN = "open"
CASE_CLOSED = "closed"
CASE_MERGED = "merged"  # folded into another case; its ID still leads there


class Case(Base):
    __tablename__ = "case_file"  # "case" is an SQL keyword

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)  # "C-00001"
    patient_id: Mapped[int] = mapped_column(ForeignKey("patient.id"))
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(10), default=CASE_OPEN)
    opened_on: Mapped[date] = mapped_column(Date)
    closed_on: Mapped[date | None] = mapped_column(Date)
    referral: Mapped[str | None] = mapped_column(String(200))  # who referred: GP, insurer
    referral_date: Mapped[date | None] = mapped_column(Date)
    approved_sessions: Mapped[int | None] = mapped_column()  # None: no limit
    referral_valid_until: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str | None] = mapped_column(Text)
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("case_file.id"))

    patient: Mapped[Patient] = relationship(back_populates="cases")  # noqa: F821
    body_parts: Mapped[list[CaseBodyPart]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseBodyPart.id"
    )

    __table_args__ = (
        Index("ix_case_file_patient_status", "patient_id", "status"),
        # Case-ID search counts distinct patients over a code range without reading the table.
        Index("ix_case_file_code_patient", "code", "patient_id"),
        # The "referrals expiring soon" list reads open cases by their valid-until date.
        Index("ix_case_file_valid_until", "referral_valid_until"),
    )


class CaseBodyPart(Base):
    """One body site of a case; paired sites carry a side (left, right, both)."""

    __tablename__ = "case_body_part"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_file.id", ondelete="CASCADE"))
    site: Mapped[str] = mapped_column(String(40))  # catalogue key, e.g. "knee"
    side: Mapped[str] = mapped_column(String(5), default="")  # "", left, right, both

    case: Mapped[Case] = relationship(back_populates="body_parts")

    __table_args__ = (UniqueConstraint("case_id", "site", "side"),)


class Counter(Base):
    """Monotonic counters; case numbers come from here so they are never reused."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[int] = mapped_column(default=0)
