"""What keeps start-up quick: constants that spare an import, checked against their source."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import tomllib
from pathlib import Path

import app
from app.db import Database
from app.migrations import HEAD
from app.migrations.runner import head_revision

ROOT = Path(__file__).resolve().parent.parent


def test_head_constant_is_alembics_newest_revision() -> None:
    assert head_revision() == HEAD, (
        "app/migrations/__init__.py HEAD must name the newest revision in versions/"
    )


def test_version_constant_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert app.__version__ == project["version"]


def _run(code: str, data_dir: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, CASEDESK_DATA_DIR=str(data_dir), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_opening_a_database_at_head_imports_neither_alembic_nor_sqlalchemy(
    tmp_path: Path, data_dir
) -> None:
    path = tmp_path / "clinic.sqlite3"
    Database(str(path)).dispose()  # created and stamped: this one needs Alembic
    before = path.read_bytes()
    done = _run(
        f"""
        import sys
        from app.db import Database
        db = Database({str(path)!r})
        print("alembic" in sys.modules, "sqlalchemy" in sys.modules)
        print(db.describe())
        """,
        data_dir,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["False False", str(path)]
    assert path.read_bytes() == before  # only looked at
    assert not any((data_dir / "backups").glob("*"))  # nothing to back up before an upgrade


def test_the_first_session_makes_the_engine(tmp_path: Path) -> None:
    path = tmp_path / "clinic.sqlite3"
    Database(str(path)).dispose()
    db = Database(str(path))
    try:
        with db.reading() as session:
            tables = {
                row[0]
                for row in session.connection().exec_driver_sql(
                    "SELECT name FROM sqlite_master WHERE type='table'"
                )
            }
        assert "patient" in tables
        assert db.engine.url.database == str(path)
        with db.engine.connect() as connection:
            journal = connection.exec_driver_sql("PRAGMA journal_mode").scalar()
        assert journal == "wal"  # the engine's own pragmas still apply
    finally:
        db.dispose()


def test_the_window_reads_the_clinic_settings_once_it_has_painted(qtbot, db_path) -> None:
    from app.main import create_main_window
    from app.services import settings

    db = Database(str(db_path))
    settings.set(db, "clinic.name", "Sunrise Physio")
    db.dispose()
    window = create_main_window(str(db_path))
    qtbot.addWidget(window)
    assert window.windowTitle() == "CaseDesk"  # nothing read yet while it is being built
    window.show()
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Sunrise Physio"))
    window.close()
    window.db.dispose()


def test_the_window_modules_load_without_sqlalchemy(tmp_path: Path) -> None:
    """What the window imports before its first paint must not pull in SQLAlchemy (~0.5 s):
    the services load on the runner's workers when the first read needs them."""
    code = """
        import sys
        import app.views.main_window
        import app.main
        print(sorted(m for m in ("sqlalchemy", "alembic") if m in sys.modules))
        """
    env = dict(os.environ, CASEDESK_DATA_DIR=str(tmp_path / "data"), QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
