"""Each commit says what it changed; a rollback says nothing; other desks hear it."""

from __future__ import annotations

import threading
from datetime import UTC, datetime

import pytest

from app.db import Database
from app.services import cases, desk_watch, outbox, patients, settings
from app.services.changes import Changes
from app.services.errors import ValidationError
from tests.conftest import new_patient


def heard(db: Database) -> list[Changes]:
    changes: list[Changes] = []
    db.listen(changes.append)
    return changes


def test_a_booking_names_its_patient_case_and_appointment(db, book):
    changes = heard(db)
    booked = book()
    assert len(changes) == 1
    done = changes[0]
    assert done.patients == frozenset({booked.patient_id})
    assert done.ids_in("appointment") == frozenset({booked.appointment_id})
    assert done.ids_in("case_file") == frozenset({booked.case_id})
    assert done.touches_patient(booked.patient_id)
    assert not done.touches_patient(booked.patient_id + 1)
    assert not done.touches("setting", "practitioner")


def test_a_change_to_an_appointment_is_traced_to_its_patient(db, book):
    first, second = book(), book(new_patient=new_patient("Rahul", "Verma", "+91 99887 76655"))
    changes = heard(db)
    cases.close_case(db, second.case_id, cancel_future=True)
    assert changes[-1].patients == frozenset({second.patient_id})
    assert not changes[-1].touches_patient(first.patient_id)


def test_a_refused_write_announces_nothing(db, book):
    booked = book()
    changes = heard(db)
    with pytest.raises(ValidationError):
        patients.update_patient(db, booked.patient_id, new_patient(first=""))
    assert changes == []


def test_settings_changes_touch_settings_only(db):
    changes = heard(db)
    settings.set(db, "clinic.name", "Sunrise Physio")
    assert changes[-1].touches("setting")
    assert not changes[-1].touches("patient", "appointment")


def test_a_bulk_update_names_its_rows_when_the_service_does(db, book):
    booked = book(new_patient=new_patient(email="priya@example.com"))
    other = book(new_patient=new_patient("Rahul", "Verma", "+91 99887 76655"))
    changes = heard(db)
    assert outbox.claim(db, booked.message_id, "desk-1", datetime.now(UTC), everything=True)
    assert changes[-1].ids_in("outbox_message") == frozenset({booked.message_id})
    assert changes[-1].patients == frozenset({booked.patient_id})
    assert not changes[-1].touches_patient(other.patient_id)


def test_a_bulk_update_that_hits_no_row_announces_nothing(db, book):
    booked = book(new_patient=new_patient(email="priya@example.com"))
    changes = heard(db)
    assert not outbox.claim(db, booked.message_id + 99, "desk-1", datetime.now(UTC))
    assert changes == []


def test_the_wire_form_round_trips_and_unreadable_means_everything():
    sent = Changes(frozenset({"patient"}), {"patient": frozenset({7})}, frozenset({7}))
    origin, got = Changes.from_payload(sent.to_payload("desk-a"))
    assert origin == "desk-a" and got.remote
    assert got.patients == frozenset({7}) and got.ids_in("patient") == frozenset({7})
    _, broken = Changes.from_payload("{not json")
    assert broken.everything


def test_another_desk_hears_a_change_and_not_its_own(db, db_target, book):
    """Two Database objects on one clinic: two desks, each watching the other."""
    other = Database(db_target)
    try:
        heard_there: list[Changes] = []
        arrived = threading.Event()
        states: list[tuple[bool, str]] = []
        stop = threading.Event()

        def on_changes(changes: Changes) -> None:
            heard_there.append(changes)
            arrived.set()

        watcher = threading.Thread(
            target=desk_watch.run,
            args=(other, stop, on_changes, lambda ok, why: states.append((ok, why))),
        )
        watcher.start()
        try:
            assert arrived.wait(10)  # connected: everything is read once
            assert heard_there[0].everything
            arrived.clear()
            booked = book()
            assert arrived.wait(10), "the other desk never heard the booking"
            assert any(c.touches_patient(booked.patient_id) for c in heard_there[1:])
            # Its own writes are announced locally, not heard back from the watch.
            count = len(heard_there)
            meera = patients.register_patient(
                other, new_patient("Meera", "Iyer", "+91 98765 43210")
            )
            arrived.clear()
            rahul = book(new_patient=new_patient("Rahul", "Verma", "+91 99887 76655"))
            assert arrived.wait(10)
            later = heard_there[count:]
            assert any(rahul.patient_id in (c.ids_in("patient") or ()) for c in later)
            assert not any(meera.id in (c.ids_in("patient") or ()) for c in later)
        finally:
            stop.set()
            watcher.join(10)
        assert not watcher.is_alive()
        assert states == [(True, "")]  # connected once, never dropped
    finally:
        other.dispose()
