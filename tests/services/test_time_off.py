"""Time off: added, listed and removed with an audit trail; free slots leave it out."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.models import AuditEvent, TimeOff
from app.services import booking, practitioners, time_off
from app.services.errors import NotFoundError, ValidationError
from tests.conftest import EVERY_DAY

INDIA = ZoneInfo("Asia/Kolkata")  # the clinic's default zone


def tomorrow_at(hour: int, minute: int = 0, days: int = 1) -> datetime:
    day = datetime.now(INDIA).date() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), INDIA)


def count(db, model) -> int:
    with db.reading() as session:
        return session.scalar(select(func.count()).select_from(model))


def actions(db) -> list[str]:
    with db.reading() as session:
        return list(session.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_time_off_is_added_listed_and_removed_with_an_audit_trail(db, practitioner):
    other = practitioners.add_practitioner(db, "Ben Cole", EVERY_DAY, 30)
    course = time_off.add_time_off(
        db, practitioner.id, tomorrow_at(9), tomorrow_at(13), "  Manual  therapy course "
    )
    holiday = time_off.add_time_off(db, other.id, tomorrow_at(0, days=3), tomorrow_at(0, days=5))
    assert course.reason == "Manual therapy course" and holiday.reason == ""
    assert course.starts_at == tomorrow_at(9).astimezone(UTC)

    week = (tomorrow_at(0, days=0), tomorrow_at(0, days=8))
    assert time_off.list_time_off(db, practitioner.id, *week) == [course]
    assert time_off.time_off_between(db, *week) == [course, holiday]
    # Only stretches that overlap the range: the day after the course sees nothing of it.
    assert time_off.time_off_between(db, tomorrow_at(13), tomorrow_at(0, days=3)) == []

    time_off.remove_time_off(db, course.id)
    assert time_off.time_off_between(db, *week) == [holiday]
    assert actions(db)[-3:] == ["time_off.add", "time_off.add", "time_off.remove"]
    with pytest.raises(NotFoundError):
        time_off.remove_time_off(db, course.id)


@pytest.mark.parametrize(
    ("start", "end", "reason", "field"),
    [
        (tomorrow_at(13), tomorrow_at(9), "", "endsAt"),
        (tomorrow_at(9), tomorrow_at(9), "", "endsAt"),
        (tomorrow_at(9), tomorrow_at(13), "x" * 201, "reason"),
        (tomorrow_at(9), tomorrow_at(13), "Course\x00", "reason"),
        (datetime(2030, 1, 1, 9), tomorrow_at(13), "", "startsAt"),
        (tomorrow_at(9), datetime(9999, 12, 31, 23, 59, tzinfo=UTC), "", "endsAt"),
    ],
    ids=[
        "end-before-start",
        "no-length",
        "reason-too-long",
        "reason-with-nul",
        "no-zone",
        "year-9999",
    ],
)
def test_bad_time_off_is_refused_and_nothing_is_written(
    db, practitioner, start, end, reason, field
):
    before = (count(db, TimeOff), count(db, AuditEvent))
    with pytest.raises(ValidationError) as caught:
        time_off.add_time_off(db, practitioner.id, start, end, reason)
    assert caught.value.field == field
    assert (count(db, TimeOff), count(db, AuditEvent)) == before


def test_time_off_for_a_practitioner_who_does_not_exist_is_refused(db):
    with pytest.raises(ValidationError, match="practitioner"):
        time_off.add_time_off(db, 999, tomorrow_at(9), tomorrow_at(13))


def test_free_slots_and_the_first_free_slot_leave_time_off_out(db, practitioner):
    day = tomorrow_at(0).date()
    before = booking.free_slots(db, practitioner.id, day)
    time_off.add_time_off(db, practitioner.id, tomorrow_at(8), tomorrow_at(12, 15), "Dentist")
    after = booking.free_slots(db, practitioner.id, day)
    away = (tomorrow_at(8).astimezone(UTC), tomorrow_at(12, 15).astimezone(UTC))
    assert not [s for s in after if s.starts_at < away[1] and s.ends_at > away[0]]
    # 12:00-12:30 touches the time off and goes; the slots after it stay.
    assert [s for s in before if s.starts_at >= tomorrow_at(12, 30)] == [
        s for s in after if s.starts_at >= tomorrow_at(12, 30)
    ]
    assert after[0].starts_at == tomorrow_at(12, 30).astimezone(UTC)

    # Away all of tomorrow: the first free slot is the morning after.
    time_off.add_time_off(db, practitioner.id, tomorrow_at(0), tomorrow_at(0, days=2))
    first = booking.first_free_slot(db, practitioner.id, now=tomorrow_at(0).astimezone(UTC))
    assert first.starts_at == tomorrow_at(8, days=2).astimezone(UTC)
