"""A case's referral terms: entered at booking and in Edit case, warned or blocked past them."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from app.models import Appointment, AuditEvent, Case
from app.services import cases, moves, referrals, schedule, settings
from app.services.case_edits import edit_case
from app.services.dto import CaseDecision, CaseEdit
from app.services.errors import ValidationError


def terms(approved=None, until=None, written=None, referrer="Dr Mehta") -> dict:
    return {
        "referral": referrer,
        "referral_date": written,
        "approved_sessions": approved,
        "referral_valid_until": until,
    }


def follow_up(book, first, **fields):
    return book(CaseDecision.update(first.case_id), patient_id=first.patient_id, **fields)


def test_a_new_case_keeps_its_referral_terms_and_shows_its_usage(db, book):
    written, until = date.today(), date.today() + timedelta(days=90)
    first = book(**terms(6, until, written))
    follow_up(book, first)
    info = cases.get_case(db, first.case_id)
    assert (info.referral, info.referral_date) == ("Dr Mehta", written)
    usage = info.referral_usage
    assert (usage.approved, usage.used, usage.left, usage.valid_until) == (6, 2, 4, until)
    with db.reading() as session:
        opened = session.scalars(select(AuditEvent).where(AuditEvent.action == "case.open")).one()
        assert opened.after["approved_sessions"] == 6
        assert opened.after["referral_valid_until"] == until.isoformat()


@pytest.mark.parametrize("approved", [0, 201])
def test_approved_sessions_must_be_one_to_two_hundred(refused, book, approved):
    error = refused("approvedSessions", book, **terms(approved))
    assert "1 to 200" in error.message


def test_valid_until_before_the_referral_date_is_refused(refused, book):
    error = refused("referralValidUntil", book, **terms(6, date(2027, 3, 1), date(2027, 3, 12)))
    assert "cannot run out" in error.message


def test_warn_lets_a_booking_past_the_sessions_through(db, book):
    first = book(**terms(approved=1))
    day = date.today() + timedelta(days=30)
    check = referrals.check_booking(db, first.case_id, day)
    assert check.message == "This case's referral allows 1 session and all 1 is booked."
    assert not check.blocked
    follow_up(book, first)  # the clinic only warns
    assert cases.get_case(db, first.case_id).referral_usage.used == 2


def test_block_refuses_a_follow_up_past_the_sessions_and_writes_nothing(db, book, refused):
    first = book(**terms(approved=2))
    follow_up(book, first)
    settings.set_many(db, {"referral.limit": "block"})
    day = date.today() + timedelta(days=30)
    check = referrals.check_booking(db, first.case_id, day)
    assert check.blocked
    error = refused("referralLimit", follow_up, book, first)
    assert error.message == "This case's referral allows 2 sessions and all 2 are booked."


def test_cancelled_visits_free_a_session_again(db, book):
    first = book(**terms(approved=1))
    settings.set_many(db, {"referral.limit": "block"})
    assert referrals.check_booking(db, first.case_id, date.today() + timedelta(days=2)).blocked
    with db.writing() as session:
        session.get(Appointment, first.appointment_id).status = "cancelled"
    follow_up(book, first)  # the cancelled visit used nothing


def test_block_refuses_a_booking_after_valid_until(db, book, slot_time):
    starts = slot_time() + timedelta(days=20)
    until = starts.date() - timedelta(days=1)
    first = book(**terms(approved=6, until=until))
    settings.set_many(db, {"referral.limit": "block"})
    with pytest.raises(ValidationError) as caught:
        follow_up(book, first, starts_at=starts)
    assert caught.value.message == f"This case's referral ran out on {until.day} {until:%b %Y}."
    assert cases.get_case(db, first.case_id).referral_usage.used == 1


def test_a_new_case_booked_past_its_own_valid_until_is_refused_when_blocking(db, book, slot_time):
    settings.set_many(db, {"referral.limit": "block"})
    starts = slot_time() + timedelta(days=5)
    with pytest.raises(ValidationError) as caught:
        book(starts_at=starts, **terms(until=starts.date() - timedelta(days=1)))
    assert caught.value.field == "referralLimit"
    check = referrals.check_booking(db, None, starts.date(), None, starts.date() - timedelta(1))
    assert check.blocked and "ran out" in check.message


def test_a_move_past_valid_until_is_refused_when_blocking(db, book, slot_time):
    starts = slot_time()
    first = book(starts_at=starts, **terms(until=starts.date() + timedelta(days=3)))
    later = starts + timedelta(days=7)
    settings.set_many(db, {"referral.limit": "block"})
    with pytest.raises(ValidationError) as caught:
        moves.move_appointment(db, first.appointment_id, later)
    assert "ran out" in caught.value.message
    settings.set_many(db, {"referral.limit": "warn"})
    assert moves.move_appointment(db, first.appointment_id, later).new_starts_at == later


def test_edit_case_saves_the_terms_audited_and_checks_them(db, book):
    booked = book()
    edit = CaseEdit("Knee pain", "Dr Rao", None, (), date(2027, 1, 5), 8, date(2027, 4, 5))
    saved = edit_case(db, booked.case_id, edit)
    assert saved.referral_date == date(2027, 1, 5)
    assert (saved.referral_usage.approved, saved.referral_usage.valid_until) == (
        8,
        date(2027, 4, 5),
    )
    with db.reading() as session:
        event = session.scalars(select(AuditEvent).where(AuditEvent.action == "case.edit")).one()
        assert (event.before["approved_sessions"], event.after["approved_sessions"]) == (None, 8)
    with pytest.raises(ValidationError) as caught:
        edit_case(db, booked.case_id, CaseEdit("Knee pain", approved_sessions=500))
    assert caught.value.field == "approvedSessions"


def test_expiring_lists_open_cases_within_fourteen_days(db, book):
    today = date.today()
    soon = book(**terms(6, today + timedelta(days=10)))
    later = book(**terms(6, today + timedelta(days=20)), patient_id=soon.patient_id)
    closed = book(**terms(6, today + timedelta(days=3)), patient_id=soon.patient_id)
    with db.writing() as session:
        case = session.get(Case, closed.case_id)
        case.status, case.closed_on = "closed", today
    found = referrals.expiring(db, today)
    assert [f.case_code for f in found] == [soon.case_code]
    assert found[0].patient_name == "Priya Sharma"
    assert (found[0].usage.used, found[0].usage.approved) == (1, 6)
    assert later.case_code not in {f.case_code for f in referrals.expiring(db, today)}


def test_the_day_book_carries_each_case_usage(db, book, slot_time):
    starts = slot_time()
    first = book(starts_at=starts, **terms(6, starts.date() + timedelta(days=30)))
    entry = schedule.day(db, starts.date()).appointments[0]
    assert entry.case_id == first.case_id
    assert (entry.referral.used, entry.referral.approved) == (1, 6)
