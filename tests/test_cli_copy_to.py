"""`casedesk copy-to`, run as the real program: a summary line, one-line refusals, the bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from app.cli import _ProgressBar
from app.db import Database
from app.services import demo_data, settings
from tests.test_cli import casedesk, one_error_line


@pytest.fixture
def clinic(db, db_path: Path) -> Path:
    demo_data.generate(db, 20, seed=5)
    db.dispose()
    return db_path


def test_copy_to_prints_one_summary_line_and_nothing_else_off_a_terminal(clinic, tmp_path):
    target = tmp_path / "copy.sqlite3"
    result = casedesk("copy-to", str(target), database=clinic)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Copied ") and "checksums match" in lines[0]
    assert str(target) in lines[0]
    copied = Database(str(target))
    try:
        assert settings.get(copied, "clinic.region") == settings.get(
            Database(str(clinic)), "clinic.region"
        )
    finally:
        copied.dispose()


def test_copy_to_postgresql_then_again_is_refused_the_second_time(clinic, pg_url):
    first = casedesk("copy-to", pg_url, database=clinic)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("Copied ") and pg_url in first.stdout

    again = casedesk("copy-to", pg_url, database=clinic)
    assert again.returncode == 1
    assert "already holds CaseDesk records" in one_error_line(again)


def test_copy_to_a_target_with_records_exits_1_with_one_line(clinic, tmp_path):
    target = tmp_path / "busy.sqlite3"
    busy = Database(str(target))
    settings.set(busy, "clinic.name", "Another clinic")
    busy.dispose()
    before = target.read_bytes()

    result = casedesk("copy-to", str(target), database=clinic)

    assert result.returncode == 1
    assert "already holds CaseDesk records" in one_error_line(result)
    assert target.read_bytes() == before


@pytest.mark.parametrize(
    ("address", "said"),
    [
        ("postgresql+psycopg://casedesk:secret@127.0.0.1:9/casedesk", "Cannot use"),
        ("mysql://casedesk@server/casedesk", "Unsupported database kind"),
        ("postgresql+nodriver://casedesk@server/casedesk", "cannot talk to"),
        ("not a url://x", "Not a database address"),
        ("postgresql+psycopg://casedesk@server:port/casedesk", "Not a database address"),
        ("sqlite://", "not a database in memory"),
    ],
)
def test_copy_to_a_bad_address_exits_1_with_one_line(clinic, address, said):
    result = casedesk("copy-to", address, database=clinic)

    assert result.returncode == 1
    line = one_error_line(result)
    assert said in line
    assert "secret" not in line


def test_copy_to_from_a_missing_database_exits_1(tmp_path):
    result = casedesk("copy-to", str(tmp_path / "b.sqlite3"), database=tmp_path / "a.sqlite3")
    assert result.returncode == 1
    assert "no CaseDesk database" in one_error_line(result)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_redraws_one_line_on_a_terminal_only():
    terminal = _Terminal()
    bar = _ProgressBar(terminal)
    bar.show("copying", 0, 200)
    bar.show("copying", 100, 200)
    bar.show("verifying", 200, 200)
    bar.close()
    text = terminal.getvalue()
    assert text.count("\r") == 3 and text.endswith("\n") and text.count("\n") == 1
    assert " 50%  100 of 200 rows" in text and "verifying [" + "#" * 30 + "]" in text

    piped = io.StringIO()
    quiet = _ProgressBar(piped)
    quiet.show("copying", 100, 200)
    quiet.close()
    assert piped.getvalue() == ""
