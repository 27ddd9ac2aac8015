"""Moving an appointment: one transaction, same id, case and link, audited, the patient told."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from app.models import AuditEvent
from app.services import appointments, moves, outbox, patients, practitioners, settings
from app.services.errors import SlotTakenError, ValidationError
from tests.conftest import EVERY_DAY, new_patient
from tests.mail_server import MailServer


@pytest.fixture
def server():
    running = MailServer().start()
    yield running
    running.stop()


def appointment_of(db, patient_id: int, appointment_id: int):
    record = patients.get_patient(db, patient_id)
    found = [a for c in record.cases for a in c.appointments if a.id == appointment_id]
    assert len(found) == 1
    return found[0]


def audit_rows(db, action: str, appointment_id: int) -> list[tuple[dict, dict]]:
    """(before, after) of each audit row of `action` about the appointment."""
    with db.reading() as session:
        rows = session.execute(
            select(AuditEvent.before, AuditEvent.after).where(
                AuditEvent.action == action, AuditEvent.entity_id == appointment_id
            )
        ).all()
        return [(before, after) for before, after in rows]


def calendar_event(message):
    parts = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return Calendar.from_ical(parts[0].get_payload(decode=True)).walk("VEVENT")[0]


def test_a_move_keeps_id_case_and_link(db, book, slot_time):
    booked = book()
    later = booked.starts_at + timedelta(days=1)
    moved = moves.move_appointment(db, booked.appointment_id, later)
    assert (moved.appointment_id, moved.case_id) == (booked.appointment_id, booked.case_id)
    assert (moved.old_starts_at, moved.new_starts_at) == (booked.starts_at, later)
    assert moved.new_ends_at - moved.new_starts_at == booked.ends_at - booked.starts_at
    shown = appointment_of(db, booked.patient_id, booked.appointment_id)
    assert shown.starts_at == later and shown.case_id == booked.case_id
    assert shown.token == booked.token and shown.link == booked.link


def test_a_taken_time_is_refused_and_nothing_changes(db, book):
    first, second = book(), book()
    with pytest.raises(SlotTakenError):
        moves.move_appointment(db, first.appointment_id, second.starts_at + timedelta(minutes=10))
    assert appointment_of(db, first.patient_id, first.appointment_id).starts_at == first.starts_at
    assert audit_rows(db, "appointment.move", first.appointment_id) == []


def test_a_move_may_overlap_its_own_old_time(db, book):
    booked = book()
    moved = moves.move_appointment(
        db, booked.appointment_id, booked.starts_at + timedelta(minutes=15)
    )
    assert moved.new_starts_at == booked.starts_at + timedelta(minutes=15)


def test_a_cancelled_slot_is_free_to_move_into(db, book):
    first, second = book(), book()
    appointments.cancel(db, second.appointment_id)
    moved = moves.move_appointment(db, first.appointment_id, second.starts_at)
    assert moved.new_starts_at == second.starts_at


def test_the_move_is_audited_with_before_and_after(db, book):
    booked = book()
    later = booked.starts_at + timedelta(hours=2)
    moves.move_appointment(db, booked.appointment_id, later)
    ((before, after),) = audit_rows(db, "appointment.move", booked.appointment_id)
    assert before["starts_at"] == booked.starts_at.isoformat()
    assert after["starts_at"] == later.isoformat()
    assert (before["calendar_sequence"], after["calendar_sequence"]) == (0, 1)


def test_a_move_to_another_practitioner(db, book):
    other = practitioners.add_practitioner(db, "Ben Okafor", EVERY_DAY, 30)
    booked = book()
    moved = moves.move_appointment(db, booked.appointment_id, booked.starts_at, other.id)
    assert moved.new_practitioner_id == other.id != moved.old_practitioner_id
    shown = appointment_of(db, booked.patient_id, booked.appointment_id)
    assert shown.practitioner_id == other.id


@pytest.mark.parametrize("status", ["cancelled", "no_show", "completed"])
def test_an_appointment_that_is_over_cannot_be_moved(db, book, status):
    booked = book()
    appointments.change_status(db, booked.appointment_id, "confirmed")
    now = booked.starts_at + timedelta(minutes=1)
    if status == "completed":
        appointments.mark_arrived(db, booked.appointment_id, now)
    appointments.change_status(db, booked.appointment_id, status, now)
    with pytest.raises(ValidationError) as refused:
        moves.move_appointment(db, booked.appointment_id, booked.starts_at + timedelta(days=1))
    assert refused.value.field == "status" and "cannot be moved" in refused.value.message


def test_a_naive_time_or_the_same_time_is_refused(db, book):
    booked = book()
    with pytest.raises(ValidationError):
        moves.move_appointment(db, booked.appointment_id, booked.starts_at.replace(tzinfo=None))
    with pytest.raises(ValidationError):
        moves.move_appointment(db, booked.appointment_id, booked.starts_at)


def test_no_message_without_an_email_address(db, book):
    booked = book()
    moved = moves.move_appointment(db, booked.appointment_id, booked.starts_at + timedelta(1))
    assert moved.message_id is None


def test_the_waiting_message_about_the_old_time_is_stopped(db, book):
    booked = book(new_patient=new_patient(email="anita@example.com"))
    moved = moves.move_appointment(db, booked.appointment_id, booked.starts_at + timedelta(1))
    old = outbox.get_message(db, booked.message_id)
    assert old.status == "cancelled" and "moved" in old.last_error
    assert outbox.get_message(db, moved.message_id).status == "pending"


def test_the_patient_gets_the_move_with_a_calendar_update(db, server, book):
    server.configure(db, **{"clinic.timezone": "Europe/London"})
    booked = book(new_patient=new_patient("Anita", "Desai", email="anita@example.com"))
    assert outbox.send_due(db).sent == 1  # the booking's message, with SEQUENCE 0
    later = booked.starts_at + timedelta(days=1, hours=1)
    moved = moves.move_appointment(db, booked.appointment_id, later)
    assert outbox.send_due(db).sent == 1
    first, second = server.inbox.messages()
    assert server.inbox.recipients() == ["anita@example.com"] * 2
    assert "moved" in second["Subject"]
    assert "Hello Anita" in second.get_body(("plain",)).get_content()
    booked_event, moved_event = calendar_event(first), calendar_event(second)
    assert str(moved_event["UID"]) == str(booked_event["UID"])
    assert str(moved_event["UID"]) == f"appointment-{booked.appointment_id}@casedesk"
    assert int(booked_event["SEQUENCE"]) == 0
    assert int(moved_event["SEQUENCE"]) == int(booked_event["SEQUENCE"]) + 1
    assert moved_event.decoded("DTSTART") == later == moved.new_starts_at
    assert moved_event.decoded("DTEND") == moved.new_ends_at


def test_each_move_raises_the_sequence_again(db, server, book):
    server.configure(db)
    booked = book(new_patient=new_patient(email="anita@example.com"))
    moves.move_appointment(db, booked.appointment_id, booked.starts_at + timedelta(days=1))
    moves.move_appointment(db, booked.appointment_id, booked.starts_at + timedelta(days=2))
    assert outbox.send_due(db).sent == 1  # only the newest: the others were stopped
    assert int(calendar_event(server.inbox.messages()[0])["SEQUENCE"]) == 2


def test_the_scheduling_rules_apply_to_a_move(db, book):
    booked = book()
    zone = ZoneInfo(settings.get_all(db)["clinic.timezone"])
    night = datetime.combine(booked.starts_at.astimezone(zone).date(), time(3), zone)
    with pytest.raises(ValidationError) as out_of_hours:
        moves.move_appointment(db, booked.appointment_id, night + timedelta(days=1))
    assert out_of_hours.value.field == "startsAt"
    with pytest.raises(ValidationError) as past:
        moves.move_appointment(db, booked.appointment_id, datetime.now(UTC) - timedelta(days=1))
    assert past.value.field == "startsAt"
    assert audit_rows(db, "appointment.move", booked.appointment_id) == []


def test_an_override_lets_an_out_of_hours_move_through_and_is_audited(db, book):
    booked = book()
    zone = ZoneInfo(settings.get_all(db)["clinic.timezone"])
    night = datetime.combine(booked.starts_at.astimezone(zone).date(), time(3), zone)
    moved = moves.move_appointment(db, booked.appointment_id, night, override=True)
    assert moved.new_starts_at == night.astimezone(UTC)
    ((_before, after),) = audit_rows(db, "appointment.move", booked.appointment_id)
    assert after["override"] is True
    assert len(audit_rows(db, "appointment.override", booked.appointment_id)) == 1


def test_a_wall_time_the_clocks_skip_is_refused_even_with_the_override(db, book):
    settings.set_many(db, {"clinic.timezone": "Europe/London"})
    booked = book()
    skipped = datetime(2027, 3, 28, 1, 30, tzinfo=ZoneInfo("Europe/London"))
    with pytest.raises(ValidationError) as refused:
        moves.move_appointment(db, booked.appointment_id, skipped, override=True)
    assert "does not exist" in refused.value.message
