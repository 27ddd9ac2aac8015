"""Where CaseDesk keeps its data, and how it logs.

Everything a clinic would back up lives in one data folder: the database, the
demo database, backups and logs. `CASEDESK_DATA_DIR` moves all of it, which is
also how tests keep away from a real user's folder.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs

from app import APP_NAME

DATA_DIR_ENV = "CASEDESK_DATA_DIR"
DATABASE_FILE = "casedesk.sqlite3"
DEMO_DATABASE_FILE = "demo.sqlite3"


def data_dir() -> Path:
    """The data folder: `CASEDESK_DATA_DIR` when set, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    """Logs sit inside the data folder when it is moved, else in the platform's log folder."""
    if os.environ.get(DATA_DIR_ENV):
        path = data_dir() / "logs"
    else:
        path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database() -> str:
    return str(data_dir() / DATABASE_FILE)


def demo_database() -> str:
    return str(data_dir() / DEMO_DATABASE_FILE)


def log_file() -> Path:
    return log_dir() / "casedesk.log"


class _SecretFilter(logging.Filter):
    """Keeps the SMTP password out of the log, whatever a library prints."""

    def filter(self, record: logging.LogRecord) -> bool:
        from app.services.secrets import redact

        # Render the message first: a password can hide in any argument or in an
        # exception given as the message, not only in plain strings.
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def setup_logging(verbose: bool = False) -> Path:
    """Rotating log file in the log folder; warnings also on stderr when there is one."""
    path = log_file()
    root = logging.getLogger()
    for existing in [h for h in root.handlers if getattr(h, "_casedesk", False)]:
        if existing.baseFilename == os.path.abspath(path):
            return path
        # the data folder moved (CASEDESK_DATA_DIR changed): log where it is now
        root.removeHandler(existing)
        existing.close()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_SecretFilter())
    handler._casedesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    if sys.stderr is not None and verbose:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    return path
