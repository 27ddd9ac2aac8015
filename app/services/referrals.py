"""A case's referral: who referred, how many sessions were approved, until when.

A session is used by every appointment of the case that is not cancelled and not a
no-show; a clinic that charges missed visits against the referral says so with
`referral.count_missed`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case, Patient
from app.models.case import CASE_OPEN
from app.services import settings
from app.services.dto import ExpiringReferral, ReferralCheck, ReferralUsage
from app.services.errors import ValidationError
from app.services.words import QT_TRANSLATE_NOOP, Words, say, say_count, translate
from app.statuses import AppointmentStatus

MISSED = (AppointmentStatus.CANCELLED.value, AppointmentStatus.NO_SHOW.value)
MOST_SESSIONS = 200  # more than a year of weekly visits: anything above is a typing slip
LIMIT_FIELD = "referralLimit"  # the wizard shows it beside the appointment's day and slot
EXPIRING_SHOWN = 200  # the dock's list is a reminder, not a report


def check_terms(
    referral_date: date | None, approved_sessions: int | None, valid_until: date | None
) -> None:
    """Refuses approved sessions outside 1..200 and a valid-until date before the referral's."""
    if approved_sessions is not None and not 1 <= approved_sessions <= MOST_SESSIONS:
        raise ValidationError(
            "approvedSessions",
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "Approved sessions must be 1 to {most}; leave it empty for no limit.",
                ),
                most=MOST_SESSIONS,
            ),
        )
    if referral_date and valid_until and valid_until < referral_date:
        raise ValidationError(
            "referralValidUntil",
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The referral cannot run out ({until}) before it was written ({written}).",
                ),
                until=_day(valid_until),
                written=_day(referral_date),
            ),
        )


def uses_session(status: str, count_missed: bool) -> bool:
    """Whether an appointment in this status uses one of the referral's sessions."""
    return count_missed or status not in MISSED


MONTHS = (
    QT_TRANSLATE_NOOP("services", "Jan"),
    QT_TRANSLATE_NOOP("services", "Feb"),
    QT_TRANSLATE_NOOP("services", "Mar"),
    QT_TRANSLATE_NOOP("services", "Apr"),
    QT_TRANSLATE_NOOP("services", "May"),
    QT_TRANSLATE_NOOP("services", "Jun"),
    QT_TRANSLATE_NOOP("services", "Jul"),
    QT_TRANSLATE_NOOP("services", "Aug"),
    QT_TRANSLATE_NOOP("services", "Sep"),
    QT_TRANSLATE_NOOP("services", "Oct"),
    QT_TRANSLATE_NOOP("services", "Nov"),
    QT_TRANSLATE_NOOP("services", "Dec"),
)


def _day(day: date) -> Words:
    """12 Mar 2027, whatever the PC's date order; the month is said in the desk's language."""
    return say("{day} {month} {year}", day=day.day, month=say(MONTHS[day.month - 1]), year=day.year)


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


def problem(found: ReferralUsage, day: date, adding: int = 1) -> str:
    """Plain words when `adding` more sessions on `day` go past the referral; else ''.

    A move adds none: only its new day is checked against the valid-until date.
    """
    if found.expired_on(day):
        return say(
            QT_TRANSLATE_NOOP("services", "This case's referral ran out on {day}."),
            day=_day(found.valid_until),
        )
    if adding and found.approved is not None and found.used + adding > found.approved:
        return _sessions_booked(found.approved, found.used)
    return ""


def _sessions_booked(approved: int, used: int) -> Words:
    """'This case's referral allows 6 sessions and all 6 are booked.' (or '... and 7 are')."""
    if used == approved == 1:
        return say(
            QT_TRANSLATE_NOOP(
                "services", "This case's referral allows 1 session and all 1 is booked."
            )
        )
    if used == approved:
        template = translate(
            "services",
            "This case's referral allows %n session(s) and all %n are booked.",
            "",
            approved,
        )
    elif used == 1:
        template = translate(
            "services", "This case's referral allows %n session(s) and 1 is booked.", "", approved
        )
    else:
        template = translate(
            "services",
            "This case's referral allows %n session(s) and {used} are booked.",
            "",
            approved,
        )
    return say_count(template, approved, used=used)


def enforce(
    session: Session, case_id: int, day: date, config: dict[str, str], adding: int = 1
) -> None:
    """Inside a booking's or move's write: refuses it when the clinic blocks past a referral.

    With `referral.limit` = warn it does nothing: the wizard has already warned. The case row
    is locked first (PostgreSQL), so two desks cannot both book the last session.
    """
    if config["referral.limit"] != "block":
        return
    session.execute(select(Case.id).where(Case.id == case_id).with_for_update())
    count_missed = config["referral.count_missed"] == "yes"
    found = usage_for_cases(session, [case_id], count_missed=count_missed).get(case_id)
    message = problem(found, day, adding) if found is not None else ""
    if message:
        raise ValidationError(LIMIT_FIELD, message)


def check_booking(
    db: Database,
    case_id: int | None,
    day: date,
    approved_sessions: int | None = None,
    valid_until: date | None = None,
) -> ReferralCheck:
    """What booking one more session of the case on `day` does to its referral.

    For a case not saved yet (`case_id` None or 0) the terms typed in the wizard are used.
    `blocked` says the service will refuse the booking (`referral.limit` = block).
    """
    with db.reading() as session:
        config = settings.read_all(session)
        if case_id:
            found = usage_for_cases(
                session, [case_id], count_missed=config["referral.count_missed"] == "yes"
            ).get(case_id)
        else:
            found = ReferralUsage(0, None, approved_sessions, 0, valid_until)
    message = problem(found, day) if found is not None else ""
    return ReferralCheck(message, bool(message) and config["referral.limit"] == "block")


def expiring(db: Database, today: date | None = None, days: int = 14) -> list[ExpiringReferral]:
    """Open cases whose referral runs out from `today` (the clinic's, when not given) to
    `days` days on, soonest first."""
    with db.reading() as session:
        if today is None:
            zone = ZoneInfo(settings.read_all(session)["clinic.timezone"])
            today = datetime.now(UTC).astimezone(zone).date()
        rows = session.execute(
            select(Case.id, Case.code, Case.patient_id, Patient.first_name, Patient.last_name)
            .join(Patient, Patient.id == Case.patient_id)
            .where(
                # The valid-until index gives the short range; the status is checked on it.
                Case.referral_valid_until >= today,
                Case.referral_valid_until <= today + timedelta(days=days),
                Case.status == CASE_OPEN,
            )
            .order_by(Case.referral_valid_until, Case.id)
            .limit(EXPIRING_SHOWN)
        ).all()
        usages = usage_for_cases(session, [row[0] for row in rows])
    return [
        ExpiringReferral(case_id, code, patient_id, f"{first} {last}", usages[case_id])
        for case_id, code, patient_id, first, last in rows
    ]
