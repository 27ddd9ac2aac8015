"""The booking service's rules for a start: past, working hours and breaks, time off, clock
changes, absurd dates, and the audited walk-in override (each on SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from app.models import Appointment, AuditEvent, Case, OutboxMessage, Patient
from app.services import booking, practitioners, settings, time_off
from app.services.clinic_time import local_label
from app.services.errors import ValidationError
from tests.conftest import new_patient

LONDON = ZoneInfo("Europe/London")
WEEKDAYS = {
    d: [["09:00", "13:00"], ["14:00", "17:00"]] for d in ("mon", "tue", "wed", "thu", "fri")
}
# Open through the night the clocks change (Sundays 00:00-04:00) and on weekdays.
NIGHTS = {**WEEKDAYS, "sun": [["00:00", "04:00"]]}


def rows(db) -> list[int]:
    with db.reading() as session:
        return [
            session.scalar(select(func.count()).select_from(m))
            for m in (Patient, Case, Appointment, AuditEvent, OutboxMessage)
        ]


def next_weekday(weekday: int, weeks: int = 1) -> date:
    """A date in the clinic's future with that weekday (0 = Monday)."""
    today = datetime.now(LONDON).date()
    return today + timedelta(days=(weekday - today.weekday()) % 7 + 7 * weeks)


def last_sunday(month: int) -> date:
    """The next last Sunday of March or October (when Europe/London's clocks change)."""
    year = datetime.now(UTC).year
    while True:
        day = date(year, month, 31)
        day -= timedelta(days=(day.weekday() - 6) % 7)
        if day > datetime.now(UTC).date() + timedelta(days=1):
            return day
        year += 1


def at(day: date, hour: int, minute: int = 0, fold: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), LONDON).replace(fold=fold)


@pytest.fixture
def london(db):
    settings.set(db, "clinic.timezone", "Europe/London")


@pytest.fixture
def weekdays(db, london):
    return practitioners.add_practitioner(db, "Meera Iyer", WEEKDAYS, 30)


@pytest.fixture
def nights(db, london):
    return practitioners.add_practitioner(db, "Owen Night", NIGHTS, 30)


def refused(book, db, match: str, **fields) -> ValidationError:
    before = rows(db)
    with pytest.raises(ValidationError, match=match) as caught:
        book(**fields)
    assert caught.value.field == "startsAt"
    assert rows(db) == before, "a refused booking writes nothing"
    return caught.value


def test_a_start_in_the_past_is_refused(db, book):
    an_hour_ago = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
    refused(book, db, "already passed", starts_at=an_hour_ago)


def test_a_day_the_practitioner_does_not_work_is_refused(db, book, weekdays):
    sunday_3am = at(next_weekday(6), 3)
    refused(book, db, "does not work on Sundays", practitioner_id=weekdays.id, starts_at=sunday_3am)


def test_a_start_in_the_break_between_spans_is_refused(db, book, weekdays):
    lunch = at(next_weekday(0), 13, 30)
    error = refused(book, db, "break", practitioner_id=weekdays.id, starts_at=lunch)
    assert "13:00-14:00" in error.message


def test_an_appointment_running_past_the_end_of_the_day_is_refused(db, book, weekdays):
    late = at(next_weekday(0), 16, 45)
    refused(book, db, "outside those hours", practitioner_id=weekdays.id, starts_at=late)


def test_a_start_inside_working_hours_is_booked(db, book, weekdays):
    result = book(practitioner_id=weekdays.id, starts_at=at(next_weekday(0), 16, 30))
    assert result.ends_at.astimezone(LONDON).time() == time(17, 0)


def test_a_start_in_time_off_is_refused_and_right_after_it_is_booked(db, book, weekdays):
    monday = next_weekday(0)
    time_off.add_time_off(db, weekdays.id, at(monday, 10), at(monday, 12), "Course")
    error = refused(book, db, "is away", practitioner_id=weekdays.id, starts_at=at(monday, 11))
    assert "(Course)" in error.message
    # An appointment that would run into the time off is refused too.
    refused(book, db, "is away", practitioner_id=weekdays.id, starts_at=at(monday, 9, 45))
    assert book(practitioner_id=weekdays.id, starts_at=at(monday, 9, 30)).appointment_id
    assert book(practitioner_id=weekdays.id, starts_at=at(monday, 12)).appointment_id


def test_a_local_time_that_does_not_exist_is_refused_even_as_a_walk_in(db, book, nights):
    spring = last_sunday(3)
    never = datetime.combine(spring, time(1, 30), LONDON)  # the clocks jump 01:00 -> 02:00
    for override in (False, True):
        error = refused(
            book,
            db,
            "does not exist",
            practitioner_id=nights.id,
            starts_at=never,
            override=override,
        )
        assert "01:30" in error.message and "Europe/London" in error.message
    # 02:30 that morning is real, and is booked at 01:30 UTC.
    booked = book(
        practitioner_id=nights.id, starts_at=datetime.combine(spring, time(2, 30), LONDON)
    )
    assert booked.starts_at == datetime.combine(spring, time(1, 30), UTC)


def test_the_repeated_autumn_hour_shows_its_utc_offset(db, book, nights):
    autumn = last_sunday(10)
    first, second = at(autumn, 1, 30, fold=0), at(autumn, 1, 30, fold=1)
    assert first.astimezone(UTC) + timedelta(hours=1) == second.astimezone(UTC)
    assert local_label(first, LONDON) == "01:30 (UTC+01:00)"
    assert local_label(second, LONDON) == "01:30 (UTC+00:00)"
    assert local_label(at(autumn, 3, 30), LONDON) == "03:30"

    labels = [local_label(s.starts_at, LONDON) for s in booking.free_slots(db, nights.id, autumn)]
    assert len(labels) == len(set(labels)), "two slots of that night look the same"
    assert {"01:30 (UTC+01:00)", "01:30 (UTC+00:00)"} <= set(labels)

    patient = new_patient("Anita", "Desai", "+91 98123 11111", email="anita@example.com")
    booked = book(practitioner_id=nights.id, starts_at=second, new_patient=patient)
    with db.reading() as session:
        message = session.get(OutboxMessage, booked.message_id)
        assert "01:30 (UTC+00:00)" in message.subject and "01:30 (UTC+00:00)" in message.body


def test_an_ordinary_time_in_a_message_has_no_offset(db, book, weekdays):
    patient = new_patient("Anita", "Desai", "+91 98123 11111", email="anita@example.com")
    booked = book(
        practitioner_id=weekdays.id, starts_at=at(next_weekday(1), 10), new_patient=patient
    )
    with db.reading() as session:
        assert " at 10:00 with " in session.get(OutboxMessage, booked.message_id).body


@pytest.mark.parametrize(
    "absurd",
    [
        datetime(1, 1, 1, tzinfo=ZoneInfo("Asia/Kolkata")),
        datetime(1, 1, 1, 0, 30, tzinfo=LONDON),
        datetime(9999, 12, 31, 23, 45, tzinfo=UTC),
        datetime(9999, 12, 31, 23, 59, tzinfo=ZoneInfo("America/New_York")),
        datetime(1999, 12, 31, 23, 0, tzinfo=UTC),
    ],
    ids=["year-1-india", "year-1-london", "year-9999-utc", "year-9999-new-york", "1999"],
)
@pytest.mark.parametrize("override", [False, True], ids=["booked", "walk-in"])
def test_absurd_dates_are_refused_in_plain_words(db, book, absurd, override):
    error = refused(book, db, "not a date the clinic can book", starts_at=absurd, override=override)
    assert "check the year" in error.message


def test_a_time_without_a_zone_is_refused(db, book):
    refused(book, db, "no time zone", starts_at=datetime(2030, 1, 2, 10, 0))


def _override_events(db, appointment_id: int) -> list[dict]:
    with db.reading() as session:
        return list(
            session.scalars(
                select(AuditEvent.after).where(
                    AuditEvent.action == "appointment.override",
                    AuditEvent.entity_id == appointment_id,
                )
            )
        )


def test_a_late_entry_and_an_out_of_hours_walk_in_are_booked_and_audited(db, book, weekdays):
    earlier_today = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    late = book(starts_at=earlier_today, override=True)
    sunday_night = book(
        practitioner_id=weekdays.id, starts_at=at(next_weekday(6), 22), override=True
    )
    for result in (late, sunday_night):
        events = _override_events(db, result.appointment_id)
        assert len(events) == 1
        assert events[0]["starts_at"] == result.starts_at.isoformat()


def test_an_ordinary_booking_records_no_override(db, book):
    assert _override_events(db, book().appointment_id) == []


def test_an_override_does_not_skip_the_overlap_check(db, book):
    from app.services.errors import SlotTakenError

    earlier = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=3)
    book(starts_at=earlier, override=True)
    with pytest.raises(SlotTakenError):
        book(
            starts_at=earlier,
            override=True,
            new_patient=new_patient("Ravi", "Kumar", "+91 98123 00000"),
        )


@pytest.mark.parametrize("day", [date(1, 1, 1), date(9999, 12, 31)], ids=["year-1", "year-9999"])
def test_free_slots_of_an_absurd_day_are_refused_in_plain_words(db, practitioner, day):
    with pytest.raises(ValidationError, match="not a date the clinic can book") as caught:
        booking.free_slots(db, practitioner.id, day)
    assert caught.value.field == "date"
    with pytest.raises(ValidationError):
        booking.first_free_slot(db, practitioner.id, now=datetime.combine(day, time(0), UTC))
