"""Backups that restore: verified copies of a SQLite clinic, and putting one back.

A backup is written under a temporary name ending in `.partial`, checked with
`PRAGMA integrity_check`, and only then renamed to its backup name, so a copy cut
short (a killed process, a full disk) never looks like a backup. Leftover `.partial`
files are removed on the next start (`remove_partials`).

The automatic backups (daily, on exit) and their pruning are in
app/services/automatic_backups.py; their names are also reachable from here.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shlex
import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.services.errors import DatabaseError
from app.services.words import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:
    from app.db import Database
    from app.services.dto import StaffIdentity

log = logging.getLogger(__name__)

PARTIAL = ".partial"
_NAME = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<n>\d+))?-(?P<label>[a-z0-9-]+)\.sqlite3$"
)


@dataclass(frozen=True)
class BackupFile:
    """One finished backup in the backups folder."""

    path: Path
    taken: datetime
    label: str
    size: int


def backup(
    db: Database, file: str | Path | None = None, label: str = "manual", quick: bool = False
) -> Path:
    """Writes a checked copy of `db` to `file` (or the backups folder) and returns its path.

    The copy is checked with `PRAGMA integrity_check`, or `quick_check` when `quick`.
    On PostgreSQL it raises `DatabaseError` naming the server's pg_dump command.
    """
    if not db.is_sqlite or db.path is None:
        raise DatabaseError(pg_dump_advice(db))
    target = Path(file).expanduser().resolve() if file else backup_name(db.path, label)
    if target == db.path.resolve():
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services", "A backup cannot be written over the database it copies."
                )
            )
        )
    if not target.parent.is_dir():
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP("services", "The folder {folder} does not exist."),
                folder=str(target.parent),
            )
        )
    copy_checked(db.path, target, quick=quick)
    log.info("backed up the database to %s", target)
    return target


def backup_name(path: Path, label: str) -> Path:
    """A new name in the backups folder: database name, time, label (never an existing file)."""
    folder = config.backup_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}-{label}.sqlite3"
    n = 1
    while target.exists() or _partial(target).exists():
        n += 1
        target = folder / f"{path.stem}-{stamp}-{n}-{label}.sqlite3"
    return target


def _partial(target: Path) -> Path:
    """The name a copy is written under: the writer's process id, so that another process
    cleaning leftovers (`remove_partials`) can tell a copy in progress from a killed one."""
    return target.with_name(f"{target.name}.{os.getpid()}{PARTIAL}")


_WRITER = re.compile(r"\.(\d+)" + re.escape(PARTIAL))


def _writer_alive(leftover: Path) -> bool:
    """Whether the process named in a partial file's name is still running.

    On Windows a file open in another process cannot be deleted, so the unlink itself
    refuses a copy in progress; there every leftover is tried.
    """
    match = _WRITER.search(leftover.name)
    if match is None or os.name == "nt":
        return False
    pid = int(match.group(1))
    if pid == os.getpid():
        return True  # a worker thread of this very process may be writing it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, under another user
        return True
    return True


def copy_checked(source: Path, target: Path, quick: bool = False) -> None:
    """SQLite backup API into `target.partial`, integrity (or quick) check, fsync, rename."""
    partial = _partial(target)
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            dest = sqlite3.connect(str(partial))
            try:
                src.backup(dest)
                # One self-contained file: no -wal beside a backup.
                dest.execute("PRAGMA journal_mode=DELETE").fetchall()
                problem = integrity_problem(dest, quick=quick)
            finally:
                dest.close()
        finally:
            src.close()
        if problem:
            raise DatabaseError(
                say(
                    QT_TRANSLATE_NOOP(
                        "services",
                        "The copy failed its integrity check ({problem}); none was kept.",
                    ),
                    problem=problem,
                )
            )
        config.make_private(partial)  # health data: readable by its owner only
        _fsync(partial)
        os.replace(partial, target)
        _fsync(target.parent)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP("services", "The database could not be copied: {why}"),
                why=str(exc),
            )
        ) from exc
    finally:
        _remove_partial(partial)


def _remove_partial(partial: Path) -> None:
    for leftover in (partial, Path(f"{partial}-journal"), Path(f"{partial}-wal")):
        with contextlib.suppress(FileNotFoundError):
            leftover.unlink()
    with contextlib.suppress(FileNotFoundError):
        Path(f"{partial}-shm").unlink()


def _fsync(path: Path) -> None:
    if os.name == "nt" and path.is_dir():
        return  # Windows cannot open a folder to flush it; NTFS logs the rename itself
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def integrity_problem(conn: sqlite3.Connection, quick: bool = True) -> str | None:
    """None when the file is sound, else SQLite's first complaint."""
    pragma = "quick_check" if quick else "integrity_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}(1)").fetchall()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    first = rows[0][0] if rows else "no answer"
    return None if first == "ok" else str(first)


def remove_partials(folder: Path | None = None) -> int:
    """Deletes what killed backups and restores left behind; returns how many.

    A copy that a running process is still writing is left alone: two desks, or a desk and
    `casedesk backup`, may share one data folder.
    """
    folders = {config.backup_dir()} if folder is None else {config.backup_dir(), folder}
    removed = 0
    for where in folders:
        for leftover in where.glob(f"*{PARTIAL}*"):
            if _writer_alive(leftover):
                continue  # another desk or command is writing it right now
            with contextlib.suppress(OSError):
                leftover.unlink()
                removed += 1
    if removed:
        log.info("removed %d unfinished backup file(s)", removed)
    return removed


def list_backups(stem: str | None = None) -> list[BackupFile]:
    """Finished backups in the backups folder, newest first (of database `stem` if given)."""
    found: list[BackupFile] = []
    for path in config.backup_dir().glob("*.sqlite3"):
        match = _NAME.match(path.name)
        if match is None or (stem is not None and match["stem"] != stem):
            continue
        taken = datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupFile(path, taken, match["label"], path.stat().st_size))
    found.sort(key=lambda b: (b.taken, b.path.name), reverse=True)
    return found


def newest_backup(path: Path) -> BackupFile | None:
    """The newest backup of the database at `path` (every kept backup passed its check)."""
    backups = list_backups(path.stem)
    return backups[0] if backups else None


def pg_dump_advice(db: Database) -> str:
    """One line: back a server database up with the server's own pg_dump."""
    url = db.url
    parts = ["pg_dump", "--format=custom"]
    if url.host:
        parts += ["--host", url.host]
    if url.port:
        parts += ["--port", str(url.port)]
    if url.username:
        parts += ["--username", url.username]
    name = url.database or "casedesk"
    parts += ["--file", f"{name}.dump", name]
    return say(
        QT_TRANSLATE_NOOP(
            "services",
            "This database is on a PostgreSQL server: back it up with the server's pg_dump: "
            "{command}",
        ),
        command=shlex.join(parts),
    )


def restore(db_target: str, file: str | Path, staff: StaffIdentity | None = None) -> Path:
    """Replaces the database at `db_target` with the backup `file`; returns where the old one went.

    `file` is checked first (a CaseDesk database, sound, not from a newer CaseDesk); when
    it is refused the current database is left byte for byte as it was. The current
    database is then backed up (or, when it is itself damaged, moved aside unchanged).
    `staff` is who asks at a desk (the window passes its signed-in staff member): only an
    administrator may restore; without one (the command line) anyone holding the file may.
    """
    if staff is not None:  # imported only then: a plain restore needs no SQLAlchemy
        from app.services.permissions import Permission, require_staff

        require_staff(staff, Permission.RESTORE)
    path = _restorable_path(db_target)
    source = Path(file).expanduser().resolve()
    if not source.is_file():
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP("services", "There is no backup file at {file}."),
                file=str(source),
            )
        )
    if source == path:
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services", "That file is the database itself, not a backup of it."
                )
            )
        )
    remove_partials(path.parent)
    incoming = path.with_name(f"{path.name}.restore.{os.getpid()}{PARTIAL}")
    try:
        _copy_backup_in(source, incoming)
        kept = _set_aside(path)
        os.replace(incoming, path)
        _fsync(path.parent)
    finally:
        _remove_partial(incoming)
    log.info("restored the database from %s; the previous one is %s", source, kept)
    return kept


def _restorable_path(db_target: str) -> Path:
    from app.db import database_url

    url = database_url(db_target)
    if url.get_backend_name() != "sqlite" or not url.database:
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "This database is on a PostgreSQL server: restore it with the server's "
                    "pg_restore.",
                )
            )
        )
    return Path(url.database).resolve()


def _copy_backup_in(source: Path, incoming: Path) -> None:
    """Copies and checks the backup beside the database; refuses what must not replace it."""
    with source.open("rb") as handle:
        if handle.read(16) != b"SQLite format 3\x00":
            raise DatabaseError(
                say(
                    QT_TRANSLATE_NOOP("services", "{file} is not a CaseDesk database."),
                    file=str(source),
                )
            )
    from app.db import read_only_connection

    try:
        src = read_only_connection(source)
        try:
            dest = sqlite3.connect(str(incoming))
            try:
                src.backup(dest)
                dest.execute("PRAGMA journal_mode=DELETE").fetchall()
                problem = integrity_problem(dest, quick=False)
                revision = _revision(dest) if problem is None else None
            finally:
                dest.close()
        finally:
            src.close()
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP("services", "{file} is damaged or is not a CaseDesk database."),
                file=str(source),
            )
        ) from exc
    if problem:
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "{file} failed its integrity check ({problem}); nothing was changed.",
                ),
                file=str(source),
                problem=problem,
            )
        )
    if revision is None:
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services", "{file} is not a CaseDesk database; nothing was changed."
                ),
                file=str(source),
            )
        )
    from app.migrations.runner import _known_revisions

    if revision not in _known_revisions():
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "{file} comes from a newer CaseDesk (schema {revision}); nothing was changed.",
                ),
                file=str(source),
                revision=revision,
            )
        )
    _fsync(incoming)


def _revision(conn: sqlite3.Connection) -> str | None:
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def _set_aside(path: Path) -> Path:
    """Backs the current database up and closes its WAL; a damaged one is moved aside as is."""
    if not path.exists() or path.stat().st_size == 0:
        return path
    try:
        kept = backup_name(path, "before-restore")
        copy_checked(path, kept)
    except DatabaseError:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        kept = path.with_name(f"{path.name}.damaged-{stamp}")
        for suffix in ("-wal", "-shm", ""):
            with contextlib.suppress(FileNotFoundError):
                os.replace(f"{path}{suffix}", f"{kept}{suffix}")
        return kept
    conn = sqlite3.connect(str(path), timeout=1)
    try:
        # Leaving WAL needs every other connection gone: a desk still open refuses here.
        mode = conn.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
    except sqlite3.OperationalError as exc:
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services",
                    "The database is open in CaseDesk at another desk; close it there and try again.",
                )
            )
        ) from exc
    finally:
        conn.close()
    if mode != "delete":
        raise DatabaseError(
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The database is open elsewhere; close it there and try again."
                )
            )
        )
    return kept


# The automatic backups live in app/services/automatic_backups.py, which uses `backup` from
# here; they are looked up on first use so `backups.automatic_backup` keeps working
# without an import cycle.
_AUTOMATIC_NAMES = {
    "AUTOMATIC",
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "QUICK_CHECK_ABOVE",
    "audit_head",
    "automatic_backup",
    "exit_backup_plan",
    "prune",
}


def __getattr__(name: str):
    if name in _AUTOMATIC_NAMES:
        from app.services import automatic_backups

        return getattr(automatic_backups, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
