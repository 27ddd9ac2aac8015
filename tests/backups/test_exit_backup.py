"""The exit backup's rule: skipped when nothing was written since today's backup, and
checked with quick_check (not the minutes-long integrity_check) when the database is large."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from app.services import automatic_backups, backups, patients
from tests.conftest import new_patient


@pytest.fixture
def checks(monkeypatch) -> list[bool]:
    """The `quick` flag of every check a backup's copy went through."""
    seen: list[bool] = []
    real = backups.integrity_problem

    def spying(conn, quick=True):
        seen.append(quick)
        return real(conn, quick=quick)

    monkeypatch.setattr(backups, "integrity_problem", spying)
    return seen


def test_no_exit_backup_when_nothing_was_written_since_todays(db, checks):
    patients.register_patient(db, new_patient())
    daily = automatic_backups.automatic_backup(db, "daily")
    assert daily is not None
    assert automatic_backups.automatic_backup(db, "exit") is None
    assert [b.path for b in backups.list_backups(db.path.stem)] == [daily]
    assert checks == [False]  # the daily backup: the full integrity_check


def test_an_exit_backup_after_a_write(db, checks):
    automatic_backups.automatic_backup(db, "daily")
    patients.register_patient(db, new_patient())
    made = automatic_backups.automatic_backup(db, "exit")
    assert made is not None and made.name.endswith("-exit.sqlite3")
    assert automatic_backups.audit_head(made) == automatic_backups.audit_head(db.path) is not None
    assert checks == [False, False]  # a small clinic: integrity_check on exit too


def test_an_exit_backup_when_todays_is_missing(db, data_dir):
    patients.register_patient(db, new_patient())
    folder = data_dir / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    yesterday = datetime.now() - timedelta(days=1)
    old = folder / f"{db.path.stem}-{yesterday:%Y%m%d-%H%M%S}-daily.sqlite3"
    old.write_bytes(db.path.read_bytes())  # the same records, but not today's backup
    assert automatic_backups.automatic_backup(db, "exit") is not None


def test_a_large_clinic_is_quick_checked_on_exit_and_fully_checked_daily(db, checks, monkeypatch):
    monkeypatch.setattr(automatic_backups, "QUICK_CHECK_ABOVE", 0)  # every file counts as large
    patients.register_patient(db, new_patient())
    assert automatic_backups.exit_backup_plan(db.path) == "quick_check"
    automatic_backups.automatic_backup(db, "daily")
    patients.register_patient(db, new_patient(first="Arjun", phone="+91 98123 40001"))
    automatic_backups.automatic_backup(db, "exit")
    assert checks == [False, True]


def test_a_backup_that_cannot_be_read_does_not_excuse_the_exit_backup(db, data_dir):
    patients.register_patient(db, new_patient())
    folder = data_dir / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    fake = folder / f"{db.path.stem}-{datetime.now():%Y%m%d-%H%M%S}-daily.sqlite3"
    fake.write_bytes(b"SQLite format 3\x00")  # named like today's backup, holds nothing
    assert automatic_backups.audit_head(fake) is None
    assert automatic_backups.exit_backup_plan(db.path) == "integrity_check"
