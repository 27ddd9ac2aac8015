"""The follow-up slot a desk offers first: the case's own practitioner, on a day the patient
has nothing else booked."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case
from app.models import Practitioner as PractitionerRow
from app.models.appointment import ARRIVED, CANCELLED, COMPLETED, NO_SHOW
from app.services.booking import _clinic_zone, _day_slots
from app.services.dto import Slot
from app.services.errors import NotFoundError
from app.services.words import QT_TRANSLATE_NOOP, say

# The patient was seen: the practitioner of such a visit knows the case best.
SEEN = (COMPLETED, ARRIVED)


def case_practitioner(session: Session, case_id: int) -> PractitionerRow | None:
    """Who last saw the case; else whom it was last booked with; else the first active one.

    An inactive practitioner is passed over: they take no appointments.
    """
    for statuses in (SEEN, None):
        query = (
            select(PractitionerRow)
            .join(Appointment, Appointment.practitioner_id == PractitionerRow.id)
            .where(
                Appointment.case_id == case_id,
                Appointment.status.notin_((CANCELLED, NO_SHOW)),
                PractitionerRow.active.is_(True),
            )
            .order_by(Appointment.starts_at.desc())
            .limit(1)
        )
        if statuses is not None:
            query = query.where(Appointment.status.in_(statuses))
        found = session.scalars(query).first()
        if found is not None:
            return found
    return session.scalars(
        select(PractitionerRow).where(PractitionerRow.active.is_(True)).order_by(PractitionerRow.id)
    ).first()


def _booked_days(session: Session, patient_id: int, since: datetime, zone) -> set[date]:
    """Clinic days on which the patient already has a visit (any case) from `since` on."""
    starts = session.scalars(
        select(Appointment.starts_at)
        .join(Case, Case.id == Appointment.case_id)
        .where(
            Case.patient_id == patient_id,
            Appointment.status != CANCELLED,
            Appointment.starts_at >= since,
        )
    )
    return {start.astimezone(zone).date() for start in starts}


def suggested_slot(
    db: Database, case_id: int, now: datetime | None = None, days_ahead: int = 90
) -> Slot | None:
    """The first free slot for a follow-up of the case, from now on.

    With the practitioner who last saw the case (see `case_practitioner`), and not on a day
    the patient already has an appointment, so nobody is asked to come twice in one day.
    None when nothing is free within `days_ahead` days.
    """
    now = now or datetime.now(UTC)
    with db.reading() as session:
        case = session.get(Case, case_id)
        if case is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("services", "Case {id} no longer exists."), id=case_id)
            )
        practitioner = case_practitioner(session, case_id)
        if practitioner is None:
            return None
        zone = _clinic_zone(session)
        today = now.astimezone(zone).date()
        busy = _booked_days(session, case.patient_id, now - timedelta(days=1), zone)
        for offset in range(days_ahead):
            day = today + timedelta(days=offset)
            if day in busy:
                continue
            for slot in _day_slots(
                session, practitioner, day, practitioner.appointment_minutes, zone
            ):
                if slot.starts_at >= now:
                    return slot
    return None
