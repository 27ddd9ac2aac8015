"""Opening a patient record writes a "patient.open" entry, in batches, that no desk refreshes on."""

from __future__ import annotations

import threading

from sqlalchemy import select

from app.db import Database
from app.models import AuditEvent
from app.services import access_log, audit, audit_chain, desk_watch, patients
from app.services.changes import Changes
from tests.conftest import new_patient


def opens(db) -> list[tuple[int, str]]:
    with db.reading() as session:
        rows = session.execute(
            select(AuditEvent.entity_id, AuditEvent.actor)
            .where(AuditEvent.action == access_log.ACTION)
            .order_by(AuditEvent.id)
        )
        return [tuple(r) for r in rows]


def test_opening_a_record_is_written_once_per_batch(db):
    priya = patients.register_patient(db, new_patient())
    meera = patients.register_patient(db, new_patient("Meera", "Iyer", "+91 98765 43210"))
    heard: list[Changes] = []
    db.listen(heard.append)
    patients.get_patient(db, priya.id)
    patients.get_patient(db, priya.id)  # read again (another desk changed it): same batch
    patients.get_patient(db, meera.id)
    assert opens(db) == []  # nothing written on the reading thread
    assert access_log.flush(db) == 2
    actor = audit.current_actor()
    assert opens(db) == [(priya.id, actor), (meera.id, actor)]
    assert heard == []  # no view reads again for an access
    assert audit_chain.verify(db).ok


def test_another_desk_does_not_refresh_on_an_access(db, db_target):
    priya = patients.register_patient(db, new_patient())
    other = Database(db_target)
    heard: list[Changes] = []
    arrived = threading.Event()
    stop = threading.Event()

    def on_changes(changes: Changes) -> None:
        heard.append(changes)
        arrived.set()

    watcher = threading.Thread(
        target=desk_watch.run, args=(other, stop, on_changes, lambda ok, why: None)
    )
    watcher.start()
    try:
        assert arrived.wait(10)  # connected: everything is read once
        count = len(heard)
        arrived.clear()
        patients.get_patient(db, priya.id)
        access_log.flush(db)
        meera = patients.register_patient(db, new_patient("Meera", "Iyer", "+91 98765 43210"))
        assert arrived.wait(10), "the other desk never heard the new patient"
        later = heard[count:]
        assert any(meera.id in (c.ids_in("patient") or ()) for c in later)
        assert not any(priya.id in (c.ids_in("patient") or ()) for c in later)
        assert not any(c.everything for c in later)
    finally:
        stop.set()
        watcher.join(10)
        other.dispose()
