"""`casedesk import patients FILE`, run as a real program against a Cliniko-shaped export."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from sqlalchemy import func, select

from app.db import Database
from app.models import Patient
from tests.test_cli import casedesk, one_error_line

DATA = Path(__file__).resolve().parent / "data"


def patient_count(db_path: Path) -> int:
    db = Database(str(db_path))
    try:
        with db.reading() as session:
            return session.scalar(select(func.count()).select_from(Patient))
    finally:
        db.dispose()


def test_import_names_refused_rows_and_prints_the_counts_last(db_path, tmp_path):
    export = tmp_path / "cliniko.csv"
    shutil.copy(DATA / "cliniko_patients.csv", export)
    assert casedesk("config", "set", "clinic.region", "AU", database=db_path).returncode == 0

    result = casedesk("import", "patients", str(export), database=db_path)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "imported 4, skipped 1, refused 3"
    errors = result.stderr.splitlines()
    assert errors[0].startswith("line 5: Email: ")
    assert errors[1].startswith("line 6: Date of Birth: ")
    assert errors[2].startswith("line 7: Mobile Phone: ")
    assert "\r" not in result.stderr  # no progress bar when stderr is not a terminal
    with (tmp_path / "cliniko-refused.csv").open(encoding="utf-8-sig", newline="") as f:
        saved = list(csv.reader(f))
    assert saved[0][-1] == "error" and len(saved) == 4
    assert patient_count(db_path) == 4

    again = casedesk("import", "patients", str(export), database=db_path)
    assert again.stdout.splitlines()[-1] == "imported 0, skipped 5, refused 3"
    assert patient_count(db_path) == 4


def test_a_file_that_cannot_be_read_exits_1_with_one_line(db_path, tmp_path):
    missing = casedesk("import", "patients", str(tmp_path / "nope.csv"), database=db_path)
    assert missing.returncode == 1
    assert "no file" in one_error_line(missing)

    nameless = tmp_path / "nameless.csv"
    nameless.write_text("Phone,Email\n0412 345 678,a@example.com\n")
    result = casedesk("import", "patients", str(nameless), database=db_path)
    assert result.returncode == 1
    assert "first name" in one_error_line(result)
    assert result.stdout == ""


def test_import_without_a_file_is_bad_usage(db_path):
    assert casedesk("import", "patients", database=db_path).returncode == 2


def test_a_progress_bar_is_drawn_when_stderr_is_a_terminal(db_path, tmp_path):
    import os
    import pty
    import subprocess
    import sys

    from tests.test_cli import ROOT

    export = tmp_path / "big.csv"
    rows = [f"Pat{i},Bar,+61 4{i:08d}" for i in range(1500)]
    export.write_text("First Name,Last Name,Phone\n" + "\n".join(rows) + "\n")
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "app",
                "--database",
                str(db_path),
                "import",
                "patients",
                str(export),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=follower,
            text=True,
            timeout=120,
            check=False,
        )
        os.close(follower)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closes once everything was read
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert result.stdout.splitlines()[-1] == "imported 1500, skipped 0, refused 0"
    assert b"\rimport" in drawn and b"100%" in drawn
