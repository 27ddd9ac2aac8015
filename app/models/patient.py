from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, UTCDateTime, utcnow


class Patient(Base):
    __tablename__ = "patient"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100))
    phone: Mapped[str] = mapped_column(String(20))  # E.164
    email: Mapped[str | None] = mapped_column(String(254))
    birth_date: Mapped[date | None] = mapped_column(Date)
    sex: Mapped[str | None] = mapped_column(String(10))  # female, male, other
    is_demo: Mapped[bool] = mapped_column(default=False)
    # Set when this record was merged into another; its search hits lead there.
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("patient.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)

    # Folded copies for search: lower case, accents removed (see services.text).
    # "first last" and "last first", so a prefix of either order is one index range.
    name_key: Mapped[str] = mapped_column(String(210))
    last_first_key: Mapped[str] = mapped_column(String(210))
    # Digits of the E.164 number without "+", and of the national number.
    phone_digits: Mapped[str] = mapped_column(String(20))
    national_digits: Mapped[str] = mapped_column(String(20), index=True)

    cases: Mapped[list[Case]] = relationship(back_populates="patient")  # noqa: F821

    # Each search range carries the column its exclusion test needs, so counting
    # and paging stay inside the index (see services.patients._search_arms).
    __table_args__ = (
        Index("ix_patient_sort", "last_first_key", "id"),
        Index("ix_patient_name", "name_key", "last_first_key"),
        Index("ix_patient_phone", "phone_digits", "national_digits"),
    )
