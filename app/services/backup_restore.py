"""Restoring a backup: checked first, then put in place of the clinic's SQLite file.

The current database is backed up first (or, when it is itself damaged, moved aside
unchanged), so a restore can always be undone by restoring that file.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.backups import (
    PARTIAL,
    _fsync,
    _remove_partial,
    backup_name,
    copy_checked,
    integrity_problem,
    remove_partials,
)
from app.services.errors import DatabaseError
from app.services.words import QT_TRANSLATE_NOOP, say

if TYPE_CHECKING:
    from app.services.dto import StaffIdentity

log = logging.getLogger(__name__)


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
