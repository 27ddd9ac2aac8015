"""Referral terms typed while updating a case renew its referral instead of being dropped."""

from __future__ import annotations

from datetime import date

from app.models import AuditEvent, Case
from app.services import settings
from app.services.dto import CaseDecision


def terms(db, case_id: int) -> tuple:
    with db.reading() as session:
        case = session.get(Case, case_id)
        return case.referral, case.approved_sessions, case.referral_valid_until


def test_updating_a_case_with_new_referral_terms_renews_them(db, book):
    first = book(referral="Dr Mehta", approved_sessions=1, referral_valid_until=date(2099, 1, 1))
    settings.set_many(db, {"referral.limit": "block"})
    # The one approved session is used: only the renewed referral lets this booking through.
    again = book(
        CaseDecision.update(first.case_id),
        patient_id=first.patient_id,
        approved_sessions=6,
        referral_valid_until=date(2099, 6, 30),
    )
    assert again.case_id == first.case_id
    assert terms(db, first.case_id) == ("Dr Mehta", 6, date(2099, 6, 30))
    with db.reading() as session:
        entry = (
            session.query(AuditEvent.before, AuditEvent.after)
            .filter_by(action="case.update", entity_id=first.case_id)
            .order_by(AuditEvent.id.desc())
            .first()
        )
    assert entry.before["approved_sessions"] == 1 and entry.after["approved_sessions"] == 6


def test_updating_a_case_without_referral_terms_keeps_its_referral(db, book):
    first = book(referral="Dr Mehta", approved_sessions=6)
    book(CaseDecision.update(first.case_id), patient_id=first.patient_id)
    assert terms(db, first.case_id) == ("Dr Mehta", 6, None)
