"""Automatic backups: the first start of each day and on exit, and pruning them.

Automatic backups are kept 14 daily and 12 monthly; backups made by hand, before an
upgrade and before a restore are kept.

Quitting must not keep a receptionist waiting: `integrity_check` of a million-patient
clinic takes minutes. So the exit backup follows a rule of its own (`exit_backup_plan`):
- it is skipped when a backup was already taken today and nothing was written since:
  the database's newest audit entry (id and chain hash; every write records one) is the
  one in that backup;
- otherwise it is written, and checked with `PRAGMA quick_check` when the database is
  larger than QUICK_CHECK_ABOVE. quick_check reads every page and checks the b-trees and
  records, but not that each index matches its table; the first start's daily backup,
  backups by hand and before a restore keep the full `integrity_check` (the backup before
  a schema upgrade follows the exit backup's size rule: app/db.py), and the database
  itself is quick-checked whenever it is opened.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from app.services.backups import QUICK_CHECK_ABOVE, backup, list_backups, remove_partials

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

KEEP_DAILY = 14
KEEP_MONTHLY = 12
AUTOMATIC = ("daily", "exit")


def prune(stem: str) -> list[Path]:
    """Keeps the newest automatic backup of each of the last 14 days and 12 months."""
    automatic = [b for b in list_backups(stem) if b.label in AUTOMATIC]
    keep: set[Path] = set()
    days: list[str] = []
    months: list[str] = []
    for b in automatic:  # newest first, so the first of a day or month is its newest
        day, month = b.taken.strftime("%Y-%m-%d"), b.taken.strftime("%Y-%m")
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.path)
        if month not in months and len(months) < KEEP_MONTHLY:
            months.append(month)
            keep.add(b.path)
    removed = [b.path for b in automatic if b.path not in keep]
    for path in removed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    return removed


def automatic_backup(db: Database, label: str = "daily") -> Path | None:
    """A daily backup when none was taken today; an exit backup by `exit_backup_plan`.

    Returns the backup written, or None when none was needed; then prunes.
    """
    if not db.is_sqlite or db.path is None or not db.path.exists():
        return None
    remove_partials()
    quick = False
    if label == "daily":
        today = datetime.now().date()
        if any(b.taken.date() == today for b in list_backups(db.path.stem)):
            return None
    elif label == "exit":
        plan = exit_backup_plan(db.path)
        if plan is None:
            log.info("exit backup skipped: nothing written since today's backup")
            return None
        quick = plan == "quick_check"
    made = backup(db, label=label, quick=quick)
    prune(db.path.stem)
    return made


def exit_backup_plan(path: Path) -> str | None:
    """None when today's newest backup already holds everything (no exit backup needed);
    else the check the exit backup gets: "integrity_check", or "quick_check" when large."""
    today = datetime.now().date()
    newest = next((b for b in list_backups(path.stem) if b.taken.date() == today), None)
    if newest is not None:
        head = audit_head(path)
        if head is not None and head == audit_head(newest.path):
            return None
    return "quick_check" if path.stat().st_size > QUICK_CHECK_ABOVE else "integrity_check"


def audit_head(path: Path) -> tuple | None:
    """(id, hash) of the newest audit entry of the SQLite file at `path`; None if unknown.

    One primary-key lookup, so it costs the same at any size. Every write transaction
    records an audit entry, so an unchanged head means nothing was written.
    """
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1")
            found = row.fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return None  # not a database, or older than the audit chain: back up to be safe
    return tuple(found) if found else None
