"""Backups that restore: checked copies, pruning, restore and its refusals (real files)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path
from subprocess import PIPE

import pytest

from app.db import Database
from app.services import automatic_backups, backup_restore, backups, patients, settings
from app.services.errors import DatabaseError
from tests.conftest import new_patient


def file_bytes(path: Path) -> dict[str, bytes]:
    """The database and the files beside it, as they are on disk."""
    return {
        p.name: p.read_bytes() for p in sorted(path.parent.glob(f"{path.name}*")) if p.is_file()
    }


def count_patients(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM patient").fetchone()[0]
    finally:
        conn.close()


def test_backup_is_checked_and_holds_every_committed_record(db, db_path, data_dir):
    patients.register_patient(db, new_patient())
    made = backups.backup(db)
    assert made.parent == data_dir / "backups"
    assert made.name.startswith("clinic-") and made.name.endswith("-manual.sqlite3")
    assert count_patients(made) == 1
    conn = sqlite3.connect(made)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert not list(made.parent.glob("*.partial*"))


def test_backup_to_a_named_file(db, tmp_path):
    target = tmp_path / "copy.sqlite3"
    assert backups.backup(db, target) == target
    assert count_patients(target) == 0


def test_a_copy_that_fails_its_check_never_gets_the_backup_name(db, tmp_path, monkeypatch):
    monkeypatch.setattr(backups, "integrity_problem", lambda conn, quick=True: "page 3 broken")
    with pytest.raises(DatabaseError, match="integrity"):
        backups.backup(db, tmp_path / "copy.sqlite3")
    assert [p.name for p in tmp_path.glob("copy*")] == []


def test_leftover_partials_are_removed_on_the_next_start(db, data_dir):
    folder = data_dir / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "clinic-20260101-010101-daily.sqlite3.partial").write_bytes(b"")
    (folder / "clinic-20260101-010101-daily.sqlite3.partial-journal").write_bytes(b"x")
    assert automatic_backups.automatic_backup(db) is not None
    assert not list(folder.glob("*.partial*"))


def test_upgrade_backup_is_written_under_a_partial_name_first(db_path, data_dir, monkeypatch):
    """A killed upgrade backup leaves only a .partial, never an empty *-before-* file."""
    Database(str(db_path)).dispose()
    seen: list[str] = []
    real = backups.copy_checked

    def watching(source, target, **check):
        seen.append(target.name)
        partial = target.with_name(target.name + backups.PARTIAL)
        src = sqlite3.connect(source)
        src.backup(sqlite3.connect(partial))  # as far as a killed copy gets
        assert not target.exists()
        real(source, target, **check)

    monkeypatch.setattr(backups, "copy_checked", watching)
    from app.db import backup_sqlite

    made = backup_sqlite(db_path, "before-0005")
    assert seen == [made.name] and made.stat().st_size > 0


def automatic(folder: Path, when: datetime, label: str = "daily") -> Path:
    path = folder / f"clinic-{when:%Y%m%d-%H%M%S}-{label}.sqlite3"
    path.write_bytes(b"SQLite format 3\x00")
    return path


def test_pruning_keeps_14_daily_and_12_monthly(data_dir):
    folder = data_dir / "backups"
    folder.mkdir(parents=True)
    start = datetime(2026, 11, 26, 9, 0)
    made = [automatic(folder, start - timedelta(days=d)) for d in range(400)]
    exits = [automatic(folder, start - timedelta(days=d, hours=-8), "exit") for d in range(3)]
    manual = automatic(folder, start - timedelta(days=500), "manual")
    automatic_backups.prune("clinic")
    left = {b.path for b in backups.list_backups("clinic")}
    days = {p for p in left if p != manual}
    assert manual in left  # made by hand: never pruned
    assert set(exits) <= left  # the newest of each of the last days is the exit backup
    assert len({p.name[7:15] for p in days}) == 14 + 11  # 14 days, then one per older month
    assert made[20] not in left and made[-1] not in left


def test_first_start_of_the_day_backs_up_once(db):
    assert automatic_backups.automatic_backup(db, "daily") is not None
    assert automatic_backups.automatic_backup(db, "daily") is None
    assert automatic_backups.automatic_backup(db, "exit") is not None


def test_restore_puts_the_backup_back_and_keeps_the_current_one(db, db_path):
    patients.register_patient(db, new_patient())
    made = backups.backup(db)
    patients.register_patient(db, new_patient(first="Arjun", phone="+91 98123 40001"))
    db.dispose()
    kept = backup_restore.restore(str(db_path), made)
    assert count_patients(db_path) == 1
    assert count_patients(kept) == 2 and kept.name.endswith("-before-restore.sqlite3")
    reopened = Database(str(db_path))
    assert settings.get(reopened, "clinic.region") == "IN"
    reopened.dispose()


def refuse(db_path: Path, file: Path, words: str) -> None:
    before = file_bytes(db_path)
    with pytest.raises(DatabaseError, match=words):
        backup_restore.restore(str(db_path), file)
    assert file_bytes(db_path) == before
    assert not list(db_path.parent.glob("*.partial*"))


def test_restore_refuses_what_is_not_a_casedesk_database(db, db_path, tmp_path):
    db.dispose()
    text = tmp_path / "notes.sqlite3"
    text.write_text("not a database")
    refuse(db_path, text, "not a CaseDesk database")
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    refuse(db_path, other, "not a CaseDesk database")


def test_restore_refuses_a_damaged_backup(db, db_path, tmp_path):
    for i in range(200):
        patients.register_patient(db, new_patient(first=f"P{i:03d}", phone=f"+91 98123 4{i:04d}"))
    made = backups.backup(db, tmp_path / "b.sqlite3")
    db.dispose()
    damage(made)
    refuse(db_path, made, "damaged|integrity")


def test_restore_refuses_a_backup_from_a_newer_casedesk(db, db_path, tmp_path):
    made = backups.backup(db, tmp_path / "b.sqlite3")
    db.dispose()
    conn = sqlite3.connect(made)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    refuse(db_path, made, "newer CaseDesk")


def damage(path: Path, size: int = 16 * 1024) -> None:
    """16 KB of (seeded) random bytes written into the middle of the file."""
    import random

    data = random.Random(12).randbytes(size)
    middle = path.stat().st_size // 2
    with path.open("r+b") as handle:
        handle.seek(middle - size // 2)
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def test_a_copy_another_process_is_writing_is_not_cleaned_away(data_dir):
    """Two desks share a data folder: one starting up must not delete the other's copy in
    progress (it did, and the other's upgrade backup then failed)."""
    folder = data_dir / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    writer = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=PIPE)
    try:
        in_progress = folder / f"clinic-20260101-010101-daily.sqlite3.{writer.pid}.partial"
        in_progress.write_bytes(b"being written")
        gone = subprocess.Popen([sys.executable, "-c", "pass"])
        gone.wait()
        killed = folder / f"clinic-20260101-010102-daily.sqlite3.{gone.pid}.partial"
        killed.write_bytes(b"left by a killed copy")
        assert backups.remove_partials() == 1
        assert in_progress.exists() and not killed.exists()
    finally:
        writer.communicate(b"")
    assert backups.remove_partials() == 1
    assert not in_progress.exists()


def test_a_large_clinic_upgrade_backup_is_quick_checked(db_path, data_dir, monkeypatch):
    """integrity_check of a 1M-patient copy takes minutes while the desk waits to open."""
    Database(str(db_path)).dispose()
    checks: list[bool] = []
    real = backups.integrity_problem

    def noting(conn, quick=True):
        checks.append(quick)
        return real(conn, quick=quick)

    monkeypatch.setattr(backups, "integrity_problem", noting)
    from app.db import backup_sqlite

    backup_sqlite(db_path, "before-0008")
    monkeypatch.setattr(backups, "QUICK_CHECK_ABOVE", 0)  # as if the file were over 128 MB
    backup_sqlite(db_path, "before-0009")
    assert checks == [False, True]
