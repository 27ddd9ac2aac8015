"""Is a SQLite clinic file sound? `PRAGMA quick_check` before anything writes to it.

quick_check reads the whole file: ~2 s at 100k patients, ~20 s at 1M. So it runs when
the file may have been damaged: on the first open of each day, and whenever the file
is not as the last clean close (or last passing check) left it: after a crash, a
killed process, a power cut, or anything else writing to it. The mark that records
this lives in the data folder, never beside or inside the database.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import time
from datetime import date
from pathlib import Path

from app import config
from app.services.errors import DamagedDatabaseError

log = logging.getLogger(__name__)


def check_sound(path: Path) -> None:
    """Raises `DamagedDatabaseError` (naming the newest backup) when `path` fails quick_check.

    Only reads: the file, and its -wal, are left byte for byte as they were.
    """
    if _unchanged_since_mark(path):
        return
    from app.db import read_only_connection
    from app.services.backups import integrity_problem

    started = time.monotonic()
    try:
        conn = read_only_connection(path)
        try:
            problem = integrity_problem(conn, quick=True)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower():
            return  # another desk is writing right now; its own open checked the file
        problem = str(exc)
    log.info("quick_check of the database took %.2f s", time.monotonic() - started)
    if problem:
        log.error("the database failed its quick check: %s", problem)
        raise DamagedDatabaseError(damaged_message(path))
    _write_mark(path)


def damaged_message(path: Path) -> str:
    """One plain message: the file is damaged, nothing was written, the newest backup."""
    from app.services.backups import newest_backup

    newest = newest_backup(path)
    offer = (
        f"The newest good backup is {newest.path} ({newest.taken:%Y-%m-%d %H:%M}); "
        f"restore it with: casedesk restore {newest.path}"
        if newest
        else "There is no backup of it in the backups folder."
    )
    return f"{path} is damaged or is not a CaseDesk database, so nothing was written to it. {offer}"


def closed_cleanly(path: Path) -> None:
    """Records the file as this desk left it (called after the last connection closed)."""
    try:
        if path.exists() and path.stat().st_size > 0:
            _write_mark(path)
    except OSError:
        log.warning("could not record the database's clean close")


def _state(path: Path) -> dict[str, object]:
    stat = path.stat()
    wal = Path(f"{path}-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "wal": wal_size}


def _mark_file(path: Path) -> Path:
    key = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]
    return config.data_dir() / "checks" / f"{key}.json"


def _unchanged_since_mark(path: Path) -> bool:
    try:
        mark = json.loads(_mark_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return mark.get("day") == date.today().isoformat() and mark.get("state") == _state(path)


def _write_mark(path: Path) -> None:
    mark = _mark_file(path)
    mark.parent.mkdir(parents=True, exist_ok=True)
    data = {"day": date.today().isoformat(), "state": _state(path)}
    mark.write_text(json.dumps(data), encoding="utf-8")
