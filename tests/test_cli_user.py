"""`casedesk user add`: the password from CASEDESK_PASSWORD, never from the arguments."""

from __future__ import annotations

import os
import subprocess
import sys

from app.db import Database
from app.services import accounts
from tests.test_cli import ROOT, one_error_line


def run(database, *args: str, password: str | None = None):
    env = {k: v for k, v in os.environ.items() if k != "CASEDESK_PASSWORD"}
    if password is not None:
        env["CASEDESK_PASSWORD"] = password
    command = [sys.executable, "-m", "app", "--database", str(database), "user", "add", *args]
    return subprocess.run(
        command,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_user_add_makes_an_account_that_signs_in(db_path):
    done = run(db_path, "Meera", "--role", "admin", password="correct horse")
    assert done.returncode == 0, done.stderr
    assert "Added admin account Meera." in done.stdout
    db = Database(str(db_path))
    try:
        assert accounts.has_accounts(db)
        assert accounts.sign_in(db, "Meera", "correct horse").role == "admin"
    finally:
        db.dispose()


def test_user_add_without_a_password_or_terminal_says_what_to_do(db_path):
    done = run(db_path, "Meera", "--role", "admin")
    assert done.returncode == 1
    assert "CASEDESK_PASSWORD" in one_error_line(done)


def test_a_bad_role_is_bad_usage(db_path):
    done = run(db_path, "Meera", "--role", "boss", password="correct horse")
    assert done.returncode == 2
    assert "Traceback" not in done.stderr


def test_a_short_password_is_refused_in_one_line(db_path):
    done = run(db_path, "Meera", "--role", "admin", password="short")
    assert done.returncode == 1
    assert "at least 8 characters" in one_error_line(done)
