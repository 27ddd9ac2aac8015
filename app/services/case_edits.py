"""Correcting a case: its title, referral (and its terms) and notes, and a body part added by
mistake."""

from __future__ import annotations

from app.db import Database
from app.models.case import CASE_MERGED
from app.services import audit, referrals
from app.services.cases import (
    _case,
    case_info,
    case_snapshot,
    referral_snapshot,
    validate_title,
)
from app.services.dto import CaseEdit, CaseInfo
from app.services.errors import ConflictError, ValidationError
from app.services.permissions import Permission, require
from app.services.validation import check_text
from app.services.words import QT_TRANSLATE_NOOP, say

REFERRAL_MAX = 200  # the column's length
NOTES_MAX = 5_000  # a few paragraphs; longer belongs in the clinical record


def _optional_text(value: str | None, field: str, limit: int, what: str) -> str | None:
    text = (value or "").strip()
    check_text(field, text, what, limit)
    return text or None


def _snapshot(case) -> dict:
    return {**case_snapshot(case), **referral_snapshot(case), "notes": case.notes}


def edit_case(db: Database, case_id: int, edit: CaseEdit) -> CaseInfo:
    """Saves corrections to a case in one transaction, audited with before and after.

    The case keeps its ID, appointments and history. Removing its last body part is refused:
    a case is always about at least one. A merged case is corrected through the case it joined.
    """
    title = validate_title(edit.title)
    referral = _optional_text(
        edit.referral, "referral", REFERRAL_MAX, say(QT_TRANSLATE_NOOP("services", "referral"))
    )
    notes = _optional_text(
        edit.notes, "notes", NOTES_MAX, say(QT_TRANSLATE_NOOP("services", "notes"))
    )
    referrals.check_terms(edit.referral_date, edit.approved_sessions, edit.referral_valid_until)
    remove = {(site, side) for site, side in edit.remove_body_parts}
    with db.writing() as session:
        require(session, Permission.BOOKINGS)
        case = _case(session, case_id)
        if case.status == CASE_MERGED:
            raise ConflictError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services", "Case {code} was merged; correct the case it joined."
                    ),
                    code=case.code,
                )
            )
        keep = [bp for bp in case.body_parts if (bp.site, bp.side) not in remove]
        if not keep:
            raise ValidationError(
                "bodyParts",
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "A case keeps at least one body part; the last one cannot be removed.",
                    )
                ),
            )
        before = _snapshot(case)
        case.title, case.referral, case.notes = title, referral, notes
        case.referral_date = edit.referral_date
        case.approved_sessions = edit.approved_sessions
        case.referral_valid_until = edit.referral_valid_until
        case.body_parts = keep
        session.flush()
        after = _snapshot(case)
        if after != before:
            audit.record(session, "case.edit", "case", case.id, before, after)
        return case_info(session, case)
