"""The day list a practitioner takes to the treatment room: File > Print day.

It is the appointment book's day (schedule.day: appointments, cases, patients and body
parts in its own fixed number of queries, cancelled visits already left out) with each
case's referral sessions left beside it, read in two more queries, whatever the day holds.
"""

from __future__ import annotations

from datetime import date

from app.db import Database
from app.services import schedule, settings
from app.services.dto import DayList, DayListPage, DayListRow
from app.services.errors import NotFoundError
from app.services.referrals import usage_for_cases


def day_list(db: Database, day: date, practitioner_id: int | None = None) -> DayList:
    """The clinic's `day` for one practitioner, or a page for every active one (None).

    Rows are in time order; cancelled appointments are not on the list.
    """
    book = schedule.day(db, day)
    people = [p for p in book.practitioners if practitioner_id in (None, p.id)]
    if practitioner_id is not None and not people:
        raise NotFoundError(f"Practitioner {practitioner_id} is not in the book any more.")
    shown = {p.id for p in people}
    entries = [e for e in book.appointments if e.practitioner_id in shown]
    with db.reading() as session:
        clinic_name = settings.read_all(session)["clinic.name"]
        usage = usage_for_cases(session, {e.case_id for e in entries})
    pages = []
    for person in people:
        rows = tuple(
            DayListRow(
                starts_at=e.starts_at,
                patient_name=e.patient_name,
                case_code=e.case_code,
                body_parts=e.body_parts,
                status=e.status,
                sessions_left=usage[e.case_id].left if e.case_id in usage else None,
            )
            for e in entries
            if e.practitioner_id == person.id
        )
        pages.append(DayListPage(person.id, person.name, rows))
    return DayList(clinic_name, day, book.timezone, tuple(pages))
