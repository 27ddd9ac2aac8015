from __future__ import annotations

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base

# Monday-to-Friday, 09:00-17:00 with a lunch break: what most small clinics start with.
DEFAULT_WORKING_HOURS: dict[str, list[list[str]]] = {
    day: [["09:00", "13:00"], ["14:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")
}


class Practitioner(Base):
    __tablename__ = "practitioner"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(default=True)
    # {"mon": [["09:00", "13:00"], ["14:00", "17:00"]], ...} in the clinic's time zone.
    working_hours: Mapped[dict] = mapped_column(JSON, default=lambda: dict(DEFAULT_WORKING_HOURS))
    appointment_minutes: Mapped[int] = mapped_column(default=30)
