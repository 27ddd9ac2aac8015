"""The data folder, the log file, and keeping the SMTP password out of both logs and listings."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app import config
from app.models import AuditEvent
from app.services import settings

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Tr0ub4dor&3-horse"


def test_data_dir_honours_the_environment(data_dir):
    assert config.data_dir() == data_dir
    assert data_dir.is_dir()
    assert Path(config.default_database()).parent == data_dir
    assert Path(config.demo_database()) == data_dir / "demo.sqlite3"
    assert config.default_database() != config.demo_database()
    assert config.backup_dir() == data_dir / "backups"
    assert config.log_file().parent == data_dir / "logs"


@pytest.fixture
def file_log():
    """The app's log handler on this test's data folder, removed again afterwards."""
    root = logging.getLogger()
    saved = [h for h in root.handlers if getattr(h, "_casedesk", False)]
    level = root.level
    for handler in saved:
        root.removeHandler(handler)
    path = config.setup_logging()
    yield path
    for handler in [h for h in root.handlers if getattr(h, "_casedesk", False)]:
        root.removeHandler(handler)
        handler.close()
    for handler in saved:
        root.addHandler(handler)
    root.setLevel(level)


def test_setup_logging_follows_a_moved_data_folder(tmp_path, monkeypatch, file_log):
    logging.getLogger("casedesk.test").info("first folder")
    moved = tmp_path / "moved"
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(moved))
    second = config.setup_logging()
    logging.getLogger("casedesk.test").info("second folder")
    assert second == moved / "logs" / "casedesk.log"
    assert "second folder" in second.read_text(encoding="utf-8")
    assert "second folder" not in file_log.read_text(encoding="utf-8")


def test_the_password_never_reaches_the_log(db, file_log):
    settings.set(db, "smtp.password", PASSWORD)
    log = logging.getLogger("casedesk.test")
    log.warning("login with %s failed", PASSWORD)
    log.warning(f"login with {PASSWORD} failed")
    log.warning(RuntimeError(f"server said: bad password {PASSWORD}"))
    try:
        raise RuntimeError(f"535 authentication failed for {PASSWORD}")
    except RuntimeError:
        log.exception("sending failed")
    text = file_log.read_text(encoding="utf-8")
    assert text.count("********") >= 3
    # an exception's own text stays out of the log (it can carry patients' details too)
    assert "RuntimeError (details withheld from the log)" in text and "Traceback" in text
    assert "RuntimeError: 535" not in text
    assert PASSWORD not in text
    with db.reading() as session:
        audited = session.scalars(select(AuditEvent).where(AuditEvent.action == "setting.set"))
        assert PASSWORD not in repr([(e.before, e.after) for e in audited])


def casedesk(database: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--database", str(database), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_the_command_line_logs_in_the_data_folder_and_hides_the_password(data_dir, db_path):
    result = subprocess.run(
        [sys.executable, "-m", "app", "--database", str(db_path), "config", "set"]
        + ["smtp.password", "-"],
        cwd=ROOT,
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stdout) == (0, "smtp.password = ********\n")
    listed = casedesk(db_path, "config", "list")
    assert listed.returncode == 0
    assert "smtp.password = ********" in listed.stdout.splitlines()
    got = casedesk(db_path, "config", "get", "smtp.password")
    assert got.stdout == "********\n"
    bad = casedesk(
        db_path, "config", "set", "smtp.port", PASSWORD
    )  # a password typed in the wrong key
    assert bad.returncode == 1

    log_file = data_dir / "logs" / "casedesk.log"
    assert log_file.is_file()
    everything = [result, listed, got]
    assert all(PASSWORD not in r.stdout + r.stderr for r in everything)
    assert PASSWORD not in log_file.read_text(encoding="utf-8")
