"""A case's referral: who referred, how many sessions were approved, until when.

A session is used by every appointment of the case that is not cancelled and not a
no-show; a clinic that charges missed visits against the referral says so with
`referral.count_missed`.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case
from app.services import settings
from app.services.dto import ReferralUsage
from app.statuses import AppointmentStatus

MISSED = (AppointmentStatus.CANCELLED.value, AppointmentStatus.NO_SHOW.value)


def counts_missed(session: Session) -> bool:
    return settings.read_all(session)["referral.count_missed"] == "yes"


def usage_for_cases(
    session: Session, case_ids: Iterable[int], *, count_missed: bool | None = None
) -> dict[int, ReferralUsage]:
    """The referral usage of each case, in two queries whatever the number of cases."""
    ids = sorted(set(case_ids))
    if not ids:
        return {}
    if count_missed is None:
        count_missed = counts_missed(session)
    counted = select(Appointment.case_id, func.count()).where(Appointment.case_id.in_(ids))
    if not count_missed:
        counted = counted.where(Appointment.status.not_in(MISSED))
    used = dict(session.execute(counted.group_by(Appointment.case_id)).all())
    rows = session.execute(
        select(Case.id, Case.referral, Case.approved_sessions, Case.referral_valid_until).where(
            Case.id.in_(ids)
        )
    )
    return {
        case_id: ReferralUsage(case_id, referrer, approved, used.get(case_id, 0), valid_until)
        for case_id, referrer, approved, valid_until in rows
    }


def usage(db: Database, case_id: int) -> ReferralUsage | None:
    """One case's referral usage; None when there is no such case."""
    with db.reading() as session:
        return usage_for_cases(session, [case_id]).get(case_id)
