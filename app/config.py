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
import traceback
from pathlib import Path

import platformdirs

from app import APP_NAME

DATA_DIR_ENV = "CASEDESK_DATA_DIR"
DATABASE_FILE = "casedesk.sqlite3"
DEMO_DATABASE_FILE = "demo.sqlite3"


# Health records: only the clinic's own user account may read the files. On Windows the
# per-user AppData folder is private already and chmod only sets the read-only flag.
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
POSIX = os.name != "nt"


def make_private(path: Path, mode: int = PRIVATE_FILE) -> None:
    """Narrows an existing file or folder of ours to its owner (nothing on Windows)."""
    if not POSIX:
        return
    try:
        if (path.stat().st_mode & 0o777) != mode:
            os.chmod(path, mode)
    except FileNotFoundError:
        pass  # a -wal or -shm file that SQLite has not made (or has removed)
    except PermissionError:  # another account's file: still usable, so say so and go on
        logging.getLogger(__name__).warning("cannot make %s private (not its owner)", path)


def private_umask() -> None:
    """Files this process creates from now on are its owner's alone (POSIX)."""
    if POSIX:
        os.umask(0o077)


def private_dir(path: Path) -> Path:
    """Creates the folder (0700) when missing and narrows it when it is not."""
    path.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    make_private(path, PRIVATE_DIR)
    return path


def data_dir() -> Path:
    """The data folder: `CASEDESK_DATA_DIR` when set, else the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        path = Path(override).expanduser()
    else:
        path = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    return private_dir(path)


def log_dir() -> Path:
    """Logs sit inside the data folder when it is moved, else in the platform's log folder."""
    if os.environ.get(DATA_DIR_ENV):
        path = data_dir() / "logs"
    else:
        path = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    return private_dir(path)


def backup_dir() -> Path:
    return private_dir(data_dir() / "backups")


def default_database() -> str:
    return str(data_dir() / DATABASE_FILE)


def demo_database() -> str:
    return str(data_dir() / DEMO_DATABASE_FILE)


def log_file() -> Path:
    return log_dir() / "casedesk.log"


def withheld_traceback(error: BaseException) -> str:
    """A traceback with every exception's text left out: only where, and of which type.

    An exception's text can carry patients' details: a database error its SQL
    parameters or a constraint's values, a mail error the refused address.
    """
    chain: list[BaseException] = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    parts = []
    for link in reversed(chain):
        kind = type(link)
        parts.append(
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_tb(link.__traceback__))
            + f"{kind.__module__}.{kind.__qualname__} (details withheld from the log)\n"
        )
    return "The above exception caused:\n".join(parts).rstrip("\n")


class _PrivacyFilter(logging.Filter):
    """Keeps the SMTP password and exceptions' texts out of the log, whatever a library does."""

    def filter(self, record: logging.LogRecord) -> bool:
        from app.services.secrets import redact

        # Render the message first: a password can hide in any argument or in an
        # exception given as the message, not only in plain strings.
        record.msg = redact(record.getMessage())
        record.args = None
        if record.exc_info and record.exc_info[1] is not None:
            record.exc_text = withheld_traceback(record.exc_info[1])
            record.exc_info = None
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


class _PrivateFileHandler(logging.handlers.RotatingFileHandler):
    """The log file and its rotated copies are 0600, whatever the umask."""

    def _open(self):
        stream = super()._open()
        make_private(Path(self.baseFilename))
        return stream

    def doRollover(self) -> None:  # noqa: N802 - logging's name
        super().doRollover()
        for number in range(1, self.backupCount + 1):
            make_private(Path(f"{self.baseFilename}.{number}"))


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
    handler = _PrivateFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(_PrivacyFilter())
    handler._casedesk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    # SQLAlchemy's INFO logs every statement with its parameters (patients' details).
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    if sys.stderr is not None and verbose:
        console = logging.StreamHandler(sys.stderr)
        console.setLevel(logging.WARNING)
        root.addHandler(console)
    return path
