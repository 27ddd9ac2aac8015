"""The command line, run as a real program (`python -m app`) against files in a temporary folder."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select

from app.db import Database
from app.models import Patient
from app.services import patients, settings
from tests.conftest import new_patient

ROOT = Path(__file__).resolve().parent.parent


def casedesk(*args: str, database: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Runs the program; CASEDESK_DATA_DIR comes from the autouse `data_dir` fixture."""
    command = [sys.executable, "-m", "app"]
    if database is not None:
        command += ["--database", str(database)]
    return subprocess.run(
        [*command, *args], cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )


def one_error_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert lines[0].startswith("casedesk: ")
    return lines[0]


def test_config_list_get_and_set(db_path):
    listed = casedesk("config", "list", database=db_path)
    assert listed.returncode == 0, listed.stderr
    keys = [line.split(" = ", 1)[0] for line in listed.stdout.splitlines()]
    assert keys == list(settings.KEYS)
    assert "clinic.region = IN" in listed.stdout.splitlines()

    changed = casedesk("config", "set", "clinic.region", "gb", database=db_path)
    assert (changed.returncode, changed.stdout) == (0, "clinic.region = GB\n")
    got = casedesk("config", "get", "clinic.region", database=db_path)
    assert (got.returncode, got.stdout) == (0, "GB\n")


def test_bad_config_set_is_one_line_and_changes_nothing(db_path):
    result = casedesk("config", "set", "smtp.port", "seventy", database=db_path)
    assert result.returncode == 1
    assert "port" in one_error_line(result)
    assert result.stdout == ""
    db = Database(str(db_path))
    try:
        assert settings.get(db, "smtp.port") == "587"
    finally:
        db.dispose()


@pytest.mark.parametrize("args", [("get", "clinic.colour"), ("set", "clinic.colour", "blue")])
def test_unknown_key_exits_1(db_path, args):
    result = casedesk("config", *args, database=db_path)
    assert result.returncode == 1
    assert "clinic.colour" in one_error_line(result)


@pytest.mark.parametrize(
    "args",
    [
        ("config",),
        ("config", "frobnicate"),
        ("config", "set", "clinic.name"),
        ("demo-data",),
        ("demo-data", "--patients", "many"),
        ("--demo", "--database", "x.sqlite3"),
        ("--no-such-option",),
    ],
)
def test_bad_usage_exits_2(args):
    result = casedesk(*args)
    assert result.returncode == 2
    one_error_line(result)


def test_demo_data_is_deterministic_for_a_seed(tmp_path):
    names = []
    for name in ("one.sqlite3", "two.sqlite3"):
        result = casedesk("demo-data", "--patients", "200", "--seed", "3", database=tmp_path / name)
        assert result.returncode == 0, result.stderr
        assert "Added 200 patients" in result.stdout
        conn = sqlite3.connect(tmp_path / name)
        try:
            names.append(
                conn.execute("SELECT first_name, last_name FROM patient ORDER BY id").fetchall()
            )
        finally:
            conn.close()
    assert len(names[0]) == 200
    assert names[0] == names[1]
    assert len(set(names[0])) > 150  # varied, not one name repeated


def test_demo_data_refuses_a_database_with_real_patients(db, db_path):
    patients.register_patient(db, new_patient())
    result = casedesk("demo-data", "--patients", "5", database=db_path)
    assert result.returncode == 1
    assert "real patients" in one_error_line(result)
    with db.reading() as session:
        assert list(session.scalars(select(Patient.first_name))) == ["Priya"]


def test_self_test_exits_0():
    result = casedesk("--self-test")
    assert result.returncode == 0, result.stderr
    assert "self-test passed" in result.stdout


def test_a_newer_database_is_one_line_without_traceback(tmp_path):
    path = tmp_path / "future.sqlite3"
    Database(str(path)).dispose()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.close()
    before = path.read_bytes()
    result = casedesk("config", "list", database=path)
    assert result.returncode == 1
    assert "newer CaseDesk" in one_error_line(result)
    assert result.stdout == ""
    assert path.read_bytes() == before


def test_a_damaged_file_is_one_line(tmp_path):
    path = tmp_path / "damaged.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    result = casedesk("config", "list", database=path)
    assert result.returncode == 1
    assert "not a CaseDesk database" in one_error_line(result)


def test_a_port_that_is_not_a_number_is_one_line():
    done = casedesk("--database", "postgresql+psycopg://desk@server:abc/casedesk", "config", "list")
    assert done.returncode == 1
    assert "Not a database address" in one_error_line(done)
