"""A damaged file is never written to: opening and `config set` refuse it, byte for byte."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from app.db import Database
from app.services import backups, patients
from app.services.errors import DamagedDatabaseError
from tests.backups.test_backups import damage, file_bytes
from tests.conftest import new_patient
from tests.test_cli import casedesk, one_error_line


def filled(db_path: Path, count: int = 300) -> Database:
    db = Database(str(db_path))
    for i in range(count):
        patients.register_patient(db, new_patient(first=f"P{i:03d}", phone=f"+91 98123 4{i:04d}"))
    return db


@pytest.fixture
def damaged(db_path: Path) -> Path:
    db = filled(db_path)
    backups.backup(db)
    db.dispose()
    damage(db_path)
    return db_path


def test_opening_a_damaged_file_names_the_newest_backup(damaged):
    newest = backups.newest_backup(damaged)
    before = file_bytes(damaged)
    with pytest.raises(DamagedDatabaseError) as caught:
        Database(str(damaged))
    assert "damaged" in str(caught.value) and str(newest.path) in str(caught.value)
    assert file_bytes(damaged) == before


def test_config_set_on_a_damaged_file_exits_1_and_writes_nothing(damaged):
    before = file_bytes(damaged)
    result = casedesk("config", "set", "clinic.region", "GB", database=damaged)
    assert result.returncode == 1
    line = one_error_line(result)
    assert "damaged" in line and "restore" in line
    assert file_bytes(damaged) == before


def test_a_damaged_file_with_its_wal_stays_byte_identical(db_path, tmp_path):
    """A crash leaves the -wal beside the file; neither may change."""
    db = filled(db_path)
    db.dispose()
    writer = sqlite3.connect(db_path)
    writer.execute("PRAGMA journal_mode=WAL")
    writer.execute("PRAGMA wal_autocheckpoint=0")
    writer.execute("UPDATE patient SET first_name = 'Changed' WHERE id < 50")
    writer.commit()
    crashed = tmp_path / "crashed.sqlite3"
    shutil.copyfile(db_path, crashed)  # copied while the writer is open: as a crash leaves it
    shutil.copyfile(f"{db_path}-wal", f"{crashed}-wal")
    writer.close()
    damage(crashed)
    before = file_bytes(crashed)
    assert "crashed.sqlite3-wal" in before
    for args in (("config", "set", "clinic.region", "GB"), ("config", "list")):
        result = casedesk(*args, database=crashed)
        assert result.returncode == 1, result.stdout
        assert "damaged" in one_error_line(result)
    after = file_bytes(crashed)
    # SQLite's -shm is a scratch index any reader rebuilds, not part of the database.
    after.pop("crashed.sqlite3-shm", None)
    assert after == before


def test_a_sound_file_is_checked_once_until_it_changes(db_path, monkeypatch):
    from app.services import file_check

    Database(str(db_path)).dispose()
    calls: list[bool] = []
    real = backups.integrity_problem
    monkeypatch.setattr(
        backups, "integrity_problem", lambda conn, quick=True: calls.append(quick) or real(conn)
    )
    Database(str(db_path)).dispose()
    assert calls == []  # unchanged since its clean close today
    with db_path.open("r+b") as handle:  # touched by something else
        handle.seek(100)
        handle.write(handle.read(4))
    with pytest.raises(DamagedDatabaseError, match="no backup"):
        monkeypatch.setattr(backups, "integrity_problem", lambda conn, quick=True: "broken")
        Database(str(db_path))
    assert file_check  # the module that keeps the mark


def test_the_window_offers_the_newest_backup_and_opens_on_it(qtbot, damaged):
    from PySide6.QtWidgets import QMessageBox

    from app.gui import offer_newest_backup

    asked: list[str] = []

    def ask(box):
        asked.append(box.objectName())
        return QMessageBox.StandardButton.Yes

    window = offer_newest_backup(str(damaged), DamagedDatabaseError("damaged"), ask=ask)
    assert window is not None
    qtbot.addWidget(window)
    assert asked == ["restoreNewestQuestion"]
    kept = [
        p
        for p in damaged.parent.glob("clinic.sqlite3.damaged-*")
        if p.suffix == ".sqlite3" or p.name[-4:].isdigit()
    ]
    assert len(kept) == 1  # the damaged file is kept as it was, not lost
    assert sqlite3.connect(damaged).execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    window.close()
    window.db.dispose()
