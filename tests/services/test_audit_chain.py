"""The audit chain: every entry linked by hashes; `verify` names the first broken entry."""

from __future__ import annotations

import sqlite3
import threading

from sqlalchemy import text

from app.services import audit, audit_chain, patients
from tests.conftest import new_patient


def register(db, n: int, prefix: str = "9812") -> None:
    for i in range(n):
        patients.register_patient(db, new_patient(phone=f"+91 {prefix}{i:06d}"))


def audit_ids(db) -> list[int]:
    with db.reading() as session:
        return list(session.scalars(text("SELECT id FROM audit_event ORDER BY id")))


def raw(db, sql: str, **params) -> None:
    """An out-of-band change: plain SQL, no service, as someone with the file could do."""
    with db.engine.begin() as connection:
        connection.execute(text(sql), params)


def test_an_untouched_chain_verifies(db):
    register(db, 3)
    report = audit_chain.verify(db)
    assert report.ok, report.problem
    assert report.checked == len(audit_ids(db)) >= 3


def test_a_changed_entry_is_named(db):
    register(db, 4)
    ids = audit_ids(db)
    raw(db, "UPDATE audit_event SET after = :a WHERE id = :i", a='{"x": 1}', i=ids[2])
    report = audit_chain.verify(db)
    assert not report.ok
    assert report.entry_id == ids[2]
    assert f"entry {ids[2]} was changed" in report.problem


def test_a_removed_entry_is_named(db):
    register(db, 4)
    ids = audit_ids(db)
    raw(db, "DELETE FROM audit_event WHERE id = :i", i=ids[1])
    report = audit_chain.verify(db)
    assert not report.ok
    assert report.entry_id == ids[2]
    assert f"does not follow entry {ids[0]}" in report.problem


def test_removing_the_newest_entry_is_named(db):
    register(db, 3)
    ids = audit_ids(db)
    raw(db, "DELETE FROM audit_event WHERE id = :i", i=ids[-1])
    report = audit_chain.verify(db)
    assert not report.ok
    assert f"after entry {ids[-2]} were removed" in report.problem


def test_an_inserted_entry_is_named(db):
    register(db, 3)
    ids = audit_ids(db)
    # Squeezed in before the newest entry, with a made-up hash, as a forger without the chain
    # would: the newest entry moves one place (and id) on.
    raw(db, "UPDATE audit_event SET id = id + 100, seq = seq + 1 WHERE id = :i", i=ids[-1])
    raw(
        db,
        "INSERT INTO audit_event (id, seq, at, actor, action, entity, entity_id, prev_hash, hash) "
        "VALUES (:i, :s, '2026-01-01 00:00:00', 'dr.mallory', 'patient.delete', 'patient', 1, "
        ":p, :h)",
        i=ids[-1],
        s=len(ids),
        p="0" * 64,
        h="1" * 64,
    )
    report = audit_chain.verify(db)
    assert not report.ok
    assert report.entry_id == ids[-1]
    assert "inserted out of band" in report.problem


def test_an_entry_added_without_a_hash_is_named(db):
    register(db, 2)
    raw(
        db,
        "INSERT INTO audit_event (at, actor, action, entity, entity_id) "
        "VALUES ('2026-01-01 00:00:00', 'dr.mallory', 'patient.delete', 'patient', 1)",
    )
    report = audit_chain.verify(db)
    assert not report.ok
    assert "inserted out of band: it is not in the chain" in report.problem


def test_two_desks_writing_at_once_keep_one_chain(db, db_target, data_dir):
    from app.db import Database

    desks = [Database(db_target), Database(db_target)]
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def work(desk, prefix: str) -> None:
        try:
            start.wait(timeout=30)
            register(desk, 8, prefix)
        except BaseException as exc:  # reported by the test below
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=(desk, f"98{n}7")) for n, desk in enumerate(desks)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    for desk in desks:
        desk.dispose()
    assert not errors
    report = audit_chain.verify(db)
    assert report.ok, report.problem
    assert report.checked >= 16


def test_the_actor_is_the_os_account_not_logname(monkeypatch):
    import getpass

    audit.current_actor.cache_clear()
    monkeypatch.setenv("LOGNAME", "dr.mallory")
    monkeypatch.setenv("USER", "dr.mallory")
    monkeypatch.setenv("USERNAME", "dr.mallory")
    assert getpass.getuser() == "dr.mallory"  # what the audit used to record
    try:
        actor = audit.current_actor()
    finally:
        audit.current_actor.cache_clear()
    assert "dr.mallory" not in actor
    assert actor.endswith("(no sign-in)")
    assert "@" in actor


def test_a_copied_chain_still_verifies(db, db_target, new_db_target):
    from app.db import Database
    from app.services.copy_clinic import copy_clinic

    register(db, 3)
    target = new_db_target()
    copy_clinic(db_target, target)
    copy = Database(target)
    try:
        report = audit_chain.verify(copy)
        assert report.ok, report.problem
        assert report.checked == len(audit_ids(db))
        register(copy, 1, "9813")  # the copy's chain goes on from the copied head
        assert audit_chain.verify(copy).ok
    finally:
        copy.dispose()


def test_existing_entries_join_the_chain_when_migrated(tmp_path):
    from app.db import Database
    from tests.test_migrations import migrate_to

    path = tmp_path / "old.sqlite3"
    migrate_to(path, "0005")
    conn = sqlite3.connect(path)
    with conn:
        for n in range(3):
            conn.execute(
                "INSERT INTO audit_event (at, actor, action, entity, entity_id, before, after) "
                "VALUES (?, 'reception', 'patient.update', "
                "'patient', 1, '{\"b\": 1}', '{\"a\": [1, 2]}')",
                (f"2026-01-0{n + 1} 09:00:00.000000",),
            )
    conn.close()
    db = Database(str(path))
    try:
        report = audit_chain.verify(db)
        assert report.ok, report.problem
        assert report.checked == 3
        register(db, 1)
        assert audit_chain.verify(db).checked == 4
        raw(db, "UPDATE audit_event SET actor = 'someone' WHERE id = 2")
        assert audit_chain.verify(db).entry_id == 2
    finally:
        db.dispose()
