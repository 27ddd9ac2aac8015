"""`config set` on the command line: one-line headers, the password never as an argument."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from app.db import Database
from app.services import settings
from tests.test_cli import casedesk, one_error_line

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "Tr0ub4dor&3-horse"


def casedesk_with_input(database: Path, text: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--database", str(database), *args],
        cwd=ROOT,
        input=text,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def stored(database: Path, key: str) -> str:
    db = Database(str(database))
    try:
        return settings.get(db, key)
    finally:
        db.dispose()


def test_the_password_as_an_argument_is_refused_and_names_the_dash(db_path):
    result = casedesk("config", "set", "smtp.password", PASSWORD, database=db_path)
    assert result.returncode == 2
    line = one_error_line(result)
    assert "config set smtp.password -" in line
    assert PASSWORD not in result.stdout + result.stderr
    assert stored(db_path, "smtp.password") == ""


def test_the_password_is_read_from_stdin_with_a_dash(db_path):
    result = casedesk_with_input(db_path, PASSWORD + "\n", "config", "set", "smtp.password", "-")
    assert (result.returncode, result.stdout) == (0, "smtp.password = ********\n"), result.stderr
    assert PASSWORD not in result.stdout + result.stderr
    assert stored(db_path, "smtp.password") == PASSWORD


def test_the_password_can_be_cleared(db_path):
    casedesk_with_input(db_path, PASSWORD + "\n", "config", "set", "smtp.password", "-")
    result = casedesk("config", "set", "smtp.password", "", database=db_path)
    assert result.returncode == 0, result.stderr
    assert stored(db_path, "smtp.password") == ""


def test_a_line_break_in_the_clinic_name_or_subject_is_refused(db_path):
    for key, value in (
        ("clinic.name", "Sunrise\nBcc: all@example.com"),
        ("message.subject", "Visit\r\nBcc: all@example.com"),
    ):
        result = casedesk("config", "set", key, value, database=db_path)
        assert result.returncode == 1
        assert "line break" in one_error_line(result)
    assert stored(db_path, "clinic.name") == ""


def test_no_security_with_a_password_for_a_remote_server_is_refused(db_path):
    for key, value in (("smtp.host", "mail.example.com"), ("smtp.security", "none")):
        assert casedesk("config", "set", key, value, database=db_path).returncode == 0
    result = casedesk_with_input(db_path, PASSWORD + "\n", "config", "set", "smtp.password", "-")
    assert result.returncode == 1
    assert "unencrypted" in one_error_line(result)
    assert stored(db_path, "smtp.password") == ""
    assert casedesk("config", "set", "smtp.host", "localhost", database=db_path).returncode == 0
    again = casedesk_with_input(db_path, PASSWORD + "\n", "config", "set", "smtp.password", "-")
    assert again.returncode == 0, again.stderr
