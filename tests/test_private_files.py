"""Private files: the data folder 0700; the database, its -wal/-shm and the logs 0600."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app import config
from app.db import Database
from app.services import settings

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    os.name == "nt", reason="Windows: the per-user AppData folder is private already"
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask_022():
    """The usual umask, which makes new files readable by everyone on the computer."""
    before = os.umask(0o022)
    yield
    os.umask(before)


@pytest.fixture
def file_log():
    root = logging.getLogger()
    saved = [h for h in root.handlers if getattr(h, "_casedesk", False)]
    for handler in saved:
        root.removeHandler(handler)
    yield config.setup_logging
    for handler in [h for h in root.handlers if getattr(h, "_casedesk", False)]:
        root.removeHandler(handler)
        handler.close()
    for handler in saved:
        root.addHandler(handler)


def database_files(path: Path) -> list[Path]:
    return [path, Path(f"{path}-wal"), Path(f"{path}-shm")]


def test_a_new_data_folder_and_its_files_are_private_under_umask_022(
    tmp_path, monkeypatch, umask_022, file_log
):
    folder = tmp_path / "new" / "CaseDesk"
    monkeypatch.setenv(config.DATA_DIR_ENV, str(folder))
    db = Database(config.default_database())
    settings.set(db, "clinic.name", "Sunrise Physio")  # a write: the -wal file is in use
    log = file_log()
    logging.getLogger("casedesk.test").warning("written")

    assert mode(folder) == 0o700
    assert mode(config.backup_dir()) == 0o700 and mode(config.log_dir()) == 0o700
    files = database_files(Path(config.default_database()))
    assert all(f.exists() for f in files)
    assert {f.name: mode(f) for f in files} == {f.name: 0o600 for f in files}
    assert mode(log) == 0o600
    db.dispose()


def make_open_database(path: Path) -> sqlite3.Connection:
    """A WAL database left 0644 by an older CaseDesk, still open (so -wal and -shm exist)."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("INSERT INTO t VALUES (1)")
    connection.commit()
    for file in database_files(path):
        os.chmod(file, 0o644)
    return connection


def test_files_already_there_are_tightened_when_opened(data_dir, umask_022, file_log):
    (data_dir / "logs").mkdir(parents=True)
    os.chmod(data_dir, 0o755)
    log = data_dir / "logs" / "casedesk.log"
    log.write_text("old lines\n", encoding="utf-8")
    os.chmod(log, 0o644)
    path = data_dir / config.DATABASE_FILE
    older = make_open_database(path)
    Database(config.default_database(), migrate=False)  # as the app opens it
    assert mode(data_dir) == 0o700
    file_log()
    assert [mode(f) for f in database_files(path)] == [0o600] * 3
    assert mode(log) == 0o600
    older.close()


def test_a_database_in_another_folder_is_tightened_but_not_that_folder(tmp_path, umask_022):
    elsewhere = tmp_path / "shared-folder"
    elsewhere.mkdir(mode=0o755)
    os.chmod(elsewhere, 0o755)
    path = elsewhere / "clinic.sqlite3"
    older = make_open_database(path)
    Database(str(path), migrate=False)
    assert [mode(f) for f in database_files(path)] == [0o600] * 3
    assert mode(elsewhere) == 0o755  # the user's own folder is theirs to decide
    older.close()


def test_the_command_line_keeps_new_files_private_under_umask_022(tmp_path):
    folder = tmp_path / "data"
    env = {**os.environ, config.DATA_DIR_ENV: str(folder)}
    result = subprocess.run(
        [sys.executable, "-m", "app", "config", "set", "clinic.name", "Sunrise Physio"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        preexec_fn=lambda: os.umask(0o022),  # noqa: PLW1509 - the child's umask only
    )
    assert result.returncode == 0, result.stderr
    created = [folder, *folder.rglob("*")]
    assert {str(p): mode(p) for p in created} == {
        str(p): 0o700 if p.is_dir() else 0o600 for p in created
    }
    assert (folder / config.DATABASE_FILE).exists() and (folder / "logs" / "casedesk.log").exists()
