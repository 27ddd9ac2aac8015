"""copy-to: a whole clinic copied into an empty database, verified, the source untouched."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import UTC, datetime, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, inspect, select, text, update

from app.db import Database
from app.models import Appointment, AuditEvent, Case, Patient, Practitioner
from app.services import booking, case_merges, demo_data, settings
from app.services.copy_clinic import clinic_tables, copy_clinic
from app.services.dto import BookingRequest, CaseDecision
from app.services.errors import ConflictError, DatabaseError
from app.services.table_checksum import (
    Checksum,
    TableContent,
    batches,
    canonical,
    table_content,
)
from tests.conftest import new_patient


@pytest.fixture
def engine_kind() -> str:
    """The source: a SQLite clinic, as one desk keeps it (tests/services runs both otherwise)."""
    return "sqlite"


@pytest.fixture
def clinic(db, db_target: str, book) -> str:
    """A closed clinic with demo patients, real bookings, a merge, settings and audit."""
    demo_data.generate(db, 60, seed=3)
    settings.set(db, "clinic.name", "Physiothérapie Zürich")
    later = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0)
    later += timedelta(days=300)  # past every demo appointment
    first = book(
        new_patient=new_patient(email="priya@example.com"), case_title="Knee pain", starts_at=later
    )
    second = book(
        patient_id=first.patient_id,
        case_title="Back pain",
        body_parts=("Lower back",),
        starts_at=later + timedelta(hours=1),
    )
    # The older case folded into the newer one: a link to a row further on in id order.
    case_merges.merge_cases(db, keep_id=second.case_id, merge_id=first.case_id)
    db.dispose()
    return db_target


@pytest.fixture
def new_file(tmp_path: Path) -> str:
    """A new file in a folder that exists (a clinic is never created in a missing folder)."""
    (tmp_path / "copy").mkdir()
    return str(tmp_path / "copy" / "clinic.sqlite3")


@pytest.fixture(params=["sqlite", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty target: a new SQLite file, or an empty database on the test PostgreSQL server."""
    if request.param == "postgresql":
        return request.getfixturevalue("pg_url")
    return str(tmp_path / "target.sqlite3")


def contents(where: str) -> dict[str, TableContent]:
    db = Database(where)
    try:
        with db.engine.connect() as conn:
            return {t.name: table_content(conn, t) for t in clinic_tables()}
    finally:
        db.dispose()


def fingerprint(path: Path) -> tuple[str, int, list[str]]:
    """The file's bytes, its modification time and whatever lies beside it."""
    siblings = sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns, siblings


def codes(where: str) -> list[tuple[int, str, int | None]]:
    db = Database(where)
    try:
        with db.reading() as session:
            rows = session.execute(
                select(Case.id, Case.code, Case.merged_into_id).order_by(Case.id)
            )
            return [tuple(r) for r in rows]
    finally:
        db.dispose()


def state(where: str) -> object:
    """Everything a refused copy must leave as it was, read without migrating anything."""
    if "://" not in where:
        return fingerprint(Path(where))
    engine = create_engine(where)
    try:
        with engine.connect() as conn:
            names = set(inspect(conn).get_table_names())
            tables = [t for t in clinic_tables() if t.name in names]
            return sorted(names), [table_content(conn, t) for t in tables]
    finally:
        engine.dispose()


def test_copy_holds_the_same_rows_and_checksums_in_every_table(clinic, target):
    report = copy_clinic(clinic, target)

    source, copied = contents(clinic), contents(target)
    assert copied == source
    assert {t.table: t for t in report.tables} == source
    assert source["patient"].rows == 61 and source["audit_event"].rows >= 5
    assert all(source[name].rows for name in ("case_body_part", "outbox_message", "counter"))
    assert codes(target) == codes(clinic)
    assert any(merged for _, _, merged in codes(target))  # the forward link survived


def test_a_clinic_goes_to_postgresql_and_back_into_a_file_unchanged(clinic, pg_url, new_file):
    copy_clinic(clinic, pg_url)
    copy_clinic(pg_url, new_file)  # a PostgreSQL source is read in one read-only snapshot
    assert contents(new_file) == contents(pg_url) == contents(clinic)
    assert codes(new_file) == codes(clinic)


def test_every_table_of_the_source_is_copied(clinic, target):
    conn = sqlite3.connect(clinic)
    try:
        names = {
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            if r[0] != "alembic_version" and not r[0].startswith("sqlite_")
        }
    finally:
        conn.close()

    report = copy_clinic(clinic, target)

    assert {t.table for t in report.tables} == names


def test_source_is_left_byte_for_byte_as_it_was(clinic, target):
    before = fingerprint(Path(clinic))
    copy_clinic(clinic, target)
    assert fingerprint(Path(clinic)) == before


def test_a_booking_in_the_copy_gets_fresh_ids_and_the_next_case_id(clinic, target):
    copy_clinic(clinic, target)
    db = Database(target)
    try:
        with db.reading() as session:
            last = {
                model: session.scalar(select(func.max(model.id)))
                for model in (Patient, Case, Appointment, AuditEvent)
            }
            last_code = session.scalar(select(func.max(Case.code)))
            practitioner = session.scalar(
                select(Practitioner.id).where(Practitioner.name == "Asha Rao")
            )
        starts = datetime.now(UTC).replace(minute=0, second=0, microsecond=0) + timedelta(days=400)
        request = BookingRequest(
            case_title="Neck pain",
            body_parts=("Neck",),
            practitioner_id=practitioner,
            starts_at=starts.replace(hour=10),
            new_patient=new_patient("Ravi", "Menon", "+91 98123 40000"),
        )
        result = booking.book_appointment(db, request, CaseDecision.new_case())
        with db.reading() as session:
            newest_event = session.scalar(select(func.max(AuditEvent.id)))
    finally:
        db.dispose()

    assert result.patient_id == last[Patient] + 1
    assert result.case_id == last[Case] + 1
    assert result.appointment_id == last[Appointment] + 1
    assert newest_event > last[AuditEvent]
    assert result.case_code == f"C-{int(last_code[2:]) + 1:05d}"


def test_target_holding_records_is_refused_and_left_as_it_was(clinic, target):
    other = Database(target)
    settings.set(other, "clinic.name", "Another clinic")
    other.dispose()
    before = state(target)

    with pytest.raises(ConflictError, match="already holds CaseDesk records"):
        copy_clinic(clinic, target)

    assert state(target) == before


def test_target_holding_other_tables_is_refused_and_left_as_it_was(clinic, target):
    engine = create_engine(target if "://" in target else f"sqlite:///{target}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
        conn.execute(text("INSERT INTO invoices (id) VALUES (7)"))
    engine.dispose()
    before = state(target)

    with pytest.raises(DatabaseError, match="not a CaseDesk database"):
        copy_clinic(clinic, target)

    assert state(target) == before


def test_an_empty_migrated_target_is_accepted(clinic, target):
    Database(target).dispose()  # e.g. the window was opened on it once, nothing entered
    report = copy_clinic(clinic, target)
    assert report.rows == sum(t.rows for t in contents(clinic).values())


def test_missing_source_is_refused_and_creates_nothing(tmp_path, new_file):
    with pytest.raises(DatabaseError, match="no CaseDesk database"):
        copy_clinic(str(tmp_path / "nowhere.sqlite3"), new_file)
    assert not Path(new_file).exists()
    assert not (tmp_path / "nowhere.sqlite3").exists()


def test_copying_a_database_onto_itself_is_refused(clinic):
    with pytest.raises(ConflictError, match="same database"):
        copy_clinic(clinic, f"sqlite:///{clinic}")


def test_source_at_an_older_schema_is_refused_untouched(clinic, new_file):
    conn = sqlite3.connect(clinic)
    conn.execute("UPDATE alembic_version SET version_num = '0002'")
    conn.commit()
    conn.close()
    before = fingerprint(Path(clinic))

    with pytest.raises(DatabaseError, match="schema 0002"):
        copy_clinic(clinic, new_file)

    assert fingerprint(Path(clinic)) == before
    assert not Path(new_file).exists()


def test_progress_runs_through_every_row_twice(clinic, new_file):
    seen: list[tuple[str, int, int]] = []
    report = copy_clinic(clinic, new_file, lambda *step: seen.append(step))
    assert seen[0] == ("copying", 0, report.rows)
    assert ("copying", report.rows, report.rows) in seen
    assert seen[-1] == ("verifying", report.rows, report.rows)


def test_checksum_changes_when_one_value_changes(clinic, target):
    copy_clinic(clinic, target)
    db = Database(target)
    try:
        with db.writing() as session:
            session.execute(update(AuditEvent).where(AuditEvent.id == 1).values(actor="someone"))
    finally:
        db.dispose()

    source, copied = contents(clinic), contents(target)
    assert copied["audit_event"].rows == source["audit_event"].rows
    assert copied["audit_event"].checksum != source["audit_event"].checksum
    assert copied["patient"] == source["patient"]


def test_canonical_values_agree_across_engines():
    aware = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)
    assert canonical(aware) == canonical(aware.replace(tzinfo=None)) == "2026-03-01T09:30:00"
    assert canonical(aware.astimezone(timezone(timedelta(hours=5, minutes=30)))) == canonical(aware)
    assert canonical(Decimal("12.50")) == canonical(Decimal("12.5"))
    assert canonical({"b": 1, "a": [2]}) == canonical({"a": [2], "b": 1})
    assert canonical(True) is True and canonical(memoryview(b"\x01")) == "01"


def test_checksum_does_not_depend_on_how_rows_are_batched(clinic):
    db = Database(clinic)
    try:
        with db.engine.connect() as conn:
            table = Patient.__table__
            rows = [row for batch in batches(conn, table, size=7) for row in batch]
    finally:
        db.dispose()
    whole, split = Checksum(table), Checksum(table)
    whole.add(rows)
    for start in range(0, len(rows), 11):
        split.add(rows[start : start + 11])
    assert whole.content() == split.content()
    assert whole.content().rows == 61


def schema(where: str) -> dict[str, object]:
    """Every table's indexes, unique constraints and foreign keys, by name and columns."""
    db = Database(where)
    try:
        look = inspect(db.engine)
        return {
            t.name: (
                sorted(
                    (i["name"], tuple(i["column_names"]), bool(i["unique"]))
                    for i in look.get_indexes(t.name)
                ),
                sorted(
                    (u["name"], tuple(u["column_names"]))
                    for u in look.get_unique_constraints(t.name)
                ),
                sorted(
                    (f["name"], tuple(f["constrained_columns"]), f["referred_table"])
                    for f in look.get_foreign_keys(t.name)
                ),
            )
            for t in clinic_tables()
        }
    finally:
        db.dispose()


def test_the_copy_keeps_every_index_and_link_of_a_new_database(clinic, target, request, tmp_path):
    copy_clinic(clinic, target)

    if "://" in target:
        server = request.getfixturevalue("pg_server")
        name = server.create_database()
        try:
            fresh = schema(server.url(name))
        finally:
            server.drop_database(name)
    else:
        fresh = schema(str(tmp_path / "fresh.sqlite3"))
    copied = schema(target)
    assert copied == fresh
    assert copied["appointment"][0] and copied["appointment"][2]  # something to compare
