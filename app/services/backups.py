"""Backups that restore: verified copies of a SQLite clinic, and putting one back.

A backup is written under a temporary name ending in `.partial`, checked with
`PRAGMA integrity_check`, and only then renamed to its backup name, so a copy cut
short (a killed process, a full disk) never looks like a backup. Leftover `.partial`
files are removed on the next start (`remove_partials`).

The automatic backups (daily, on exit) and their pruning are in
app/services/automatic_backups.py, restoring a backup in app/services/backup_restore.py.

Above QUICK_CHECK_ABOVE a copy made while someone waits (on exit, before a schema upgrade)
is checked with `PRAGMA quick_check`: it reads every page and checks the b-trees and
records, but not that each index matches its table, and takes seconds where
`integrity_check` takes minutes at a million patients.
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

log = logging.getLogger(__name__)

PARTIAL = ".partial"
# About 100 000 patients, where integrity_check starts to take longer than the copy.
QUICK_CHECK_ABOVE = 128 * 1024 * 1024
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
