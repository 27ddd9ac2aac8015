"""Counting a referral's sessions: cancelled and no-show visits are free unless the clinic says."""

from __future__ import annotations

from datetime import date

from app.models import Appointment, Case
from app.services import referrals, settings
from app.services.dto import CaseDecision
from app.statuses import AppointmentStatus


def book_visits(book, db, statuses: list[str]) -> int:
    """One case with a visit per status (set directly: the status rules are not the subject)."""
    first = book()
    ids = [first.appointment_id]
    for _ in statuses[1:]:
        again = book(CaseDecision.update(first.case_id), patient_id=first.patient_id)
        ids.append(again.appointment_id)
    with db.writing() as session:
        for appointment_id, status in zip(ids, statuses, strict=True):
            session.get(Appointment, appointment_id).status = status
    return first.case_id


def test_cancelled_and_no_show_do_not_use_a_session(db, book):
    case_id = book_visits(book, db, statuses=["reserved", "completed", "cancelled", "no_show"])
    with db.writing() as session:
        case = session.get(Case, case_id)
        case.approved_sessions = 6
        case.referral_valid_until = date(2027, 3, 12)
    got = referrals.usage(db, case_id)
    assert (got.approved, got.used, got.left) == (6, 2, 4)
    assert got.valid_until == date(2027, 3, 12)
    assert got.expired_on(date(2027, 3, 13)) and not got.expired_on(date(2027, 3, 12))


def test_a_clinic_that_counts_missed_visits(db, book):
    case_id = book_visits(book, db, statuses=["completed", "cancelled", "no_show"])
    settings.set_many(db, {"referral.count_missed": "yes"})
    assert referrals.usage(db, case_id).used == 3


def test_a_case_without_a_referral_is_not_limited(db, book):
    case_id = book_visits(book, db, statuses=["completed"])
    got = referrals.usage(db, case_id)
    assert not got.limited and got.left is None
    with db.reading() as session:
        statuses = {a.status for a in session.query(Appointment).filter_by(case_id=case_id)}
    assert statuses == {AppointmentStatus.COMPLETED.value}
