"""`casedesk backup [FILE]` and `casedesk restore FILE`, run as the real program."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from app.db import Database
from tests.backups.test_backups import file_bytes
from tests.test_cli import casedesk, one_error_line


def region(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        row = conn.execute("SELECT value FROM setting WHERE key = 'clinic.region'").fetchone()
        return row[0] if row else "IN"
    finally:
        conn.close()


def test_backup_prints_its_path_and_restore_puts_it_back(db_path, data_dir, tmp_path):
    Database(str(db_path)).dispose()
    made = casedesk("backup", database=db_path)
    assert made.returncode == 0, made.stderr
    path = Path(made.stdout.strip())
    assert path.parent == data_dir / "backups" and path.is_file()
    named = casedesk("backup", str(tmp_path / "mine.sqlite3"), database=db_path)
    assert (named.returncode, named.stdout.strip()) == (0, str(tmp_path / "mine.sqlite3"))

    assert casedesk("config", "set", "clinic.region", "GB", database=db_path).returncode == 0
    restored = casedesk("restore", str(path), database=db_path)
    assert restored.returncode == 0, restored.stderr
    assert region(db_path) == "IN"
    kept = [p for p in (data_dir / "backups").glob("*-before-restore.sqlite3")]
    assert len(kept) == 1 and region(kept[0]) == "GB"


def test_restore_of_a_file_that_is_not_a_database_is_one_line_and_changes_nothing(
    db_path, tmp_path
):
    Database(str(db_path)).dispose()
    before = file_bytes(db_path)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"\x00" * 5000)
    result = casedesk("restore", str(junk), database=db_path)
    assert result.returncode == 1
    assert "not a CaseDesk database" in one_error_line(result)
    missing = casedesk("restore", str(tmp_path / "none.sqlite3"), database=db_path)
    assert missing.returncode == 1 and "no backup file" in one_error_line(missing)
    assert file_bytes(db_path) == before


def test_backup_on_postgresql_names_pg_dump(pg_url):
    result = casedesk("--database", pg_url, "backup")
    assert result.returncode == 1
    line = one_error_line(result)
    assert "pg_dump --format=custom" in line and "--host" in line
    password = make_url(pg_url).password
    assert not password or str(password) not in line
    assert result.stdout == ""
