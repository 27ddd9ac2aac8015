from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, UTCDateTime, utcnow
from app.roles import ROLE_ADMIN, ROLE_PRACTITIONER, ROLE_RECEPTION, ROLES

__all__ = ["ROLES", "ROLE_ADMIN", "ROLE_PRACTITIONER", "ROLE_RECEPTION", "StaffAccount"]


class StaffAccount(Base):
    """A person who signs in at a desk; the audit trail names them."""

    __tablename__ = "staff_account"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_name: Mapped[str] = mapped_column(String(60))
    # Folded user name, so "Anna" and "anna" are one account.
    user_key: Mapped[str] = mapped_column(String(60), unique=True)
    role: Mapped[str] = mapped_column(String(20))
    password_hash: Mapped[str] = mapped_column(String(200))  # argon2id, with its parameters
    # A practitioner account sees and changes its own book only.
    practitioner_id: Mapped[int | None] = mapped_column(ForeignKey("practitioner.id"))
    active: Mapped[bool] = mapped_column(default=True)
    failed_sign_ins: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
