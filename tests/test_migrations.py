"""Opening databases: new, older (backed up, upgraded), newer (refused untouched), foreign, damaged."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from app.db import Database
from app.migrations.runner import alembic_config, head_revision
from app.models import Base
from app.services import patients
from app.services.errors import DatabaseError, DatabaseTooNewError
from tests.conftest import new_patient


def revision_of(path: Path) -> str | None:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def migrate_to(target: Path | str, revision: str) -> None:
    """What an older CaseDesk left behind: the migrations up to `revision` only."""
    engine = create_engine(_url(target))
    try:
        with engine.begin() as connection:
            command.upgrade(alembic_config(connection), revision)
    finally:
        engine.dispose()


def _url(target: Path | str) -> str:
    return target if isinstance(target, str) else f"sqlite:///{target}"


def schema(target: Path | str) -> dict:
    """Tables with their columns, indexes, unique constraints and foreign keys, comparable."""
    engine = create_engine(_url(target))
    try:
        found = inspect(engine)
        result = {}
        for table in found.get_table_names():
            result[table] = {
                "columns": sorted(
                    (c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)
                ),
                "pk": found.get_pk_constraint(table)["constrained_columns"],
                "indexes": sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                    for i in found.get_indexes(table)
                ),
                "unique": sorted(
                    (u["name"], tuple(u["column_names"]))
                    for u in found.get_unique_constraints(table)
                ),
                "fks": sorted(
                    (f["name"], tuple(f["constrained_columns"]), f["referred_table"])
                    for f in found.get_foreign_keys(table)
                ),
            }
        return result
    finally:
        engine.dispose()


def stored_revision(target: Path | str) -> str | None:
    engine = create_engine(_url(target))
    try:
        with engine.connect() as connection:
            return connection.scalar(text("SELECT version_num FROM alembic_version"))
    finally:
        engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def empty_target(request: pytest.FixtureRequest, engine_kind: str, tmp_path: Path) -> Path | str:
    """An empty database on each engine: a new SQLite file, or a new PostgreSQL database."""
    if engine_kind == "sqlite":
        return tmp_path / "clinic.sqlite3"
    return request.getfixturevalue("pg_url")


def make_empty(request: pytest.FixtureRequest, engine_kind: str, path: Path) -> Path | str:
    """A second empty database on the same engine as `empty_target`."""
    if engine_kind == "sqlite":
        return path
    server = request.getfixturevalue("pg_server")
    name = server.create_database()
    request.addfinalizer(lambda: server.drop_database(name))
    return server.url(name)


def file_state(path: Path) -> tuple[bytes, bool, bool]:
    return (
        path.read_bytes(),
        Path(f"{path}-wal").exists(),
        Path(f"{path}-shm").exists(),
    )


def test_an_empty_file_is_created_and_stamped_at_head(tmp_path):
    path = tmp_path / "new.sqlite3"
    path.touch()
    db = Database(str(path))
    db.dispose()
    assert revision_of(path) == head_revision()
    assert {"patient", "case_file", "appointment", "audit_event"} <= set(schema(path))


def test_a_new_database_is_created_and_stamped_at_head_on_each_engine(empty_target):
    Database(str(empty_target)).dispose()
    assert stored_revision(empty_target) == head_revision()
    assert {"patient", "case_file", "appointment", "audit_event"} <= set(schema(empty_target))


def test_migrations_match_the_models(empty_target):
    """The equivalent of `alembic check`: upgrading to head leaves nothing to autogenerate."""
    migrate_to(empty_target, "head")
    engine = create_engine(_url(empty_target))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"compare_type": True, "target_metadata": Base.metadata}
            )
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []
    assert stored_revision(empty_target) == head_revision()


def test_created_and_migrated_databases_have_the_same_schema(
    request, engine_kind, empty_target, tmp_path
):
    created = empty_target
    migrated = make_empty(request, engine_kind, tmp_path / "migrated.sqlite3")
    Database(str(created)).dispose()
    migrate_to(migrated, "head")
    assert schema(created) == schema(migrated)


def test_an_older_database_is_backed_up_then_upgraded(tmp_path, data_dir):
    path = tmp_path / "old.sqlite3"
    migrate_to(path, "0001")
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO patient (id, first_name, last_name, phone, is_demo, created_at,"
            " updated_at, name_key, last_first_key, phone_digits, national_digits) VALUES"
            " (7, 'Old', 'Timer', '+919812345678', 0, '2024-01-02 03:04:05',"
            " '2024-01-02 03:04:05', 'old timer', 'timer old', '919812345678', '9812345678')"
        )
        conn.execute(
            "INSERT INTO practitioner (id, name, active, working_hours, appointment_minutes)"
            " VALUES (1, 'Asha Rao', 1, '{}', 30)"
        )
        conn.execute(
            "INSERT INTO case_file (id, code, patient_id, title, status, opened_on)"
            " VALUES (3, 'C-00003', 7, 'Knee pain', 'open', '2024-01-02')"
        )
        conn.execute("INSERT INTO case_body_part (case_id, site, side) VALUES (3, 'knee', 'left')")
        conn.execute(
            "INSERT INTO appointment (case_id, practitioner_id, starts_at, ends_at, status, kind,"
            " token, created_at) VALUES (3, 1, '2024-01-03 04:00:00.000000',"
            " '2024-01-03 04:30:00.000000', 'completed', 'initial', 'tok', '2024-01-02 03:04:05')"
        )
    conn.close()

    db = Database(str(path))
    try:
        record = patients.get_patient(db, 7)
        assert record.patient.full_name == "Old Timer"
        (case,) = record.cases
        assert (case.code, case.body_part_labels, len(case.appointments)) == (
            "C-00003",
            ["Left knee"],
            1,
        )
        patients.register_patient(db, new_patient())  # the upgraded schema takes new rows
        with pytest.raises(IntegrityError), db.writing() as session:  # links are enforced again
            session.execute(
                text("INSERT INTO case_body_part (case_id, site, side) VALUES (99, 'neck', '')")
            )
    finally:
        db.dispose()

    assert revision_of(path) == head_revision()
    backups = list((data_dir / "backups").glob("old-*.sqlite3"))
    assert len(backups) == 1
    assert revision_of(backups[0]) == "0001"
    copy = sqlite3.connect(backups[0])
    try:
        assert copy.execute("SELECT first_name FROM patient").fetchall() == [("Old",)]
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        copy.close()


def test_a_database_at_head_is_not_backed_up_again(tmp_path, data_dir):
    path = tmp_path / "current.sqlite3"
    Database(str(path)).dispose()
    Database(str(path)).dispose()
    assert not list((data_dir / "backups").glob("*.sqlite3"))


def test_a_newer_database_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    Database(str(path)).dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = file_state(path)

    with pytest.raises(DatabaseTooNewError) as caught:
        Database(str(path))
    message = str(caught.value)
    assert "newer CaseDesk" in message and "9999_future" in message
    assert "\n" not in message
    assert file_state(path) == before


@pytest.mark.parametrize("kind", ["random bytes", "damaged sqlite", "other program"])
def test_a_file_that_is_not_a_casedesk_database_is_refused(tmp_path, kind):
    path = tmp_path / "other.sqlite3"
    if kind == "random bytes":
        path.write_bytes(os.urandom(8192))
    elif kind == "damaged sqlite":
        path.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    else:
        conn = sqlite3.connect(path)
        with conn:
            conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
        conn.close()
    before = file_state(path)

    with pytest.raises(DatabaseError) as caught:
        Database(str(path))
    assert not isinstance(caught.value, DatabaseTooNewError)
    assert "not a CaseDesk database" in str(caught.value)
    assert file_state(path) == before


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(DatabaseError, match="folder"):
        Database(str(tmp_path))


OLD_ROWS = [
    "INSERT INTO patient (id, first_name, last_name, phone, is_demo, created_at, updated_at,"
    " name_key, last_first_key, phone_digits, national_digits) VALUES (7, 'Old', 'Timer',"
    " '+919812345678', false, '2024-01-02 03:04:05', '2024-01-02 03:04:05', 'old timer',"
    " 'timer old', '919812345678', '9812345678')",
    "INSERT INTO practitioner (id, name, active, working_hours, appointment_minutes)"
    " VALUES (1, 'Asha Rao', true, '{}', 30)",
    "INSERT INTO case_file (id, code, patient_id, title, status, opened_on)"
    " VALUES (3, 'C-00003', 7, 'Knee pain', 'open', '2024-01-02')",
    "INSERT INTO case_body_part (id, case_id, site, side) VALUES (1, 3, 'knee', 'left')",
]


def test_an_older_database_keeps_its_records_when_upgraded_on_each_engine(empty_target):
    migrate_to(empty_target, "0001")
    engine = create_engine(_url(empty_target))
    with engine.begin() as connection:
        for statement in OLD_ROWS:
            connection.execute(text(statement))
    engine.dispose()

    db = Database(str(empty_target))
    try:
        record = patients.get_patient(db, 7)
        assert record.patient.full_name == "Old Timer"
        assert [case.body_part_labels for case in record.cases] == [["Left knee"]]
        patients.register_patient(db, new_patient())  # the upgraded schema takes new rows
    finally:
        db.dispose()
    assert stored_revision(empty_target) == head_revision()


def test_a_newer_database_is_refused_and_its_revision_kept_on_each_engine(empty_target):
    Database(str(empty_target)).dispose()
    engine = create_engine(_url(empty_target))
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    engine.dispose()

    with pytest.raises(DatabaseTooNewError, match="9999_future"):
        Database(str(empty_target))
    assert stored_revision(empty_target) == "9999_future"


def test_a_database_of_another_program_is_refused_on_each_engine(empty_target):
    engine = create_engine(_url(empty_target))
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)"))
    engine.dispose()

    with pytest.raises(DatabaseError, match="not a CaseDesk database"):
        Database(str(empty_target))
    assert set(schema(empty_target)) == {"invoices"}
