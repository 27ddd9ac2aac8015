"""Hearing of changes made at other desks (or by `casedesk` on the command line).

PostgreSQL: every write transaction sends a NOTIFY with what it changed (see
`changes.track`); a dedicated connection LISTENs. SQLite: `PRAGMA data_version`
on a connection of our own moves whenever another connection commits; the audit
rows written since then say what changed.

`watch` blocks until `stop` is set, so the caller runs it on a thread of its own.
A lost connection is reported, retried with a growing pause, and once back,
`Changes.all()` makes every view catch up on what it missed. Nothing here
imports Qt.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from app.services.access_log import ACTION as ACCESS
from app.services.changes import CHANNEL, Changes

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

POLL_SECONDS = 0.25  # SQLite: how often to look at data_version (a cheap in-memory read)
RETRY_SECONDS = (1, 2, 5, 10)

# Audit entities and the tables they stand for.
ENTITY_TABLES = {
    "patient": "patient",
    "case": "case_file",
    "appointment": "appointment",
    "outbox_message": "outbox_message",
    "practitioner": "practitioner",
    "setting": "setting",
    "time_off": "time_off",
}

OnChanges = Callable[[Changes], None]
OnState = Callable[[bool, str], None]  # (connected, what happened in plain words)


class _Reporter:
    """Says when the connection is lost and back; once (back) connected, everything is read
    again, since changes made before the watch began or while it was down were not heard."""

    def __init__(self, on_changes: OnChanges, on_state: OnState) -> None:
        self.on_changes = on_changes
        self.on_state = on_state
        self.lost = False
        self.first = True

    def failed(self) -> None:
        if not self.lost:
            self.lost = True
            self.on_state(False, "Lost the connection to the database; trying again.")

    def connected(self) -> None:
        if self.first:
            self.first = False
            self.on_state(True, "")  # connected; nothing to tell the receptionist
            self.on_changes(Changes.all(remote=True))
        elif self.lost:
            self.lost = False
            self.on_state(True, "Connected to the database again.")
            self.on_changes(Changes.all(remote=True))


def run(db: Database, stop: threading.Event, on_changes: OnChanges, on_state: OnState) -> None:
    """Reports other desks' changes until `stop` is set; survives lost connections."""
    reporter = _Reporter(on_changes, on_state)
    failures = 0
    while not stop.is_set():
        try:
            if db.is_sqlite:
                _sqlite(db, stop, on_changes, reporter)
            else:
                _postgres(db, stop, on_changes, reporter)
            return
        except Exception as exc:  # the connection failed: say so, wait, try again
            log.warning("change watch connection failed: %s", type(exc).__name__)
            reporter.failed()
            stop.wait(RETRY_SECONDS[min(failures, len(RETRY_SECONDS) - 1)])
            failures += 1


def _postgres(
    db: Database, stop: threading.Event, on_changes: OnChanges, reporter: _Reporter
) -> None:
    import psycopg

    url = db.url
    params = {
        "host": url.host,
        "port": url.port,
        "user": url.username,
        "password": url.password,
        "dbname": url.database,
        "connect_timeout": 5,
        **{k: v for k, v in url.query.items() if isinstance(v, str)},
    }
    with psycopg.connect(
        **{k: v for k, v in params.items() if v is not None}, autocommit=True
    ) as conn:
        conn.execute(f"LISTEN {CHANNEL}")
        reporter.connected()
        while not stop.is_set():
            for note in conn.notifies(timeout=0.5):
                origin, done = Changes.from_payload(note.payload)
                if origin != db.origin:
                    on_changes(done)
            # notifies() returns quietly on a dead socket only after its timeout; a cheap
            # query notices a lost server.
            conn.execute("SELECT 1")


def _sqlite(
    db: Database, stop: threading.Event, on_changes: OnChanges, reporter: _Reporter
) -> None:
    conn = sqlite3.connect(str(db.path), timeout=10, check_same_thread=False)
    try:
        version = _data_version(conn)
        last_audit = _last_audit(conn)
        commits = db.commits
        reporter.connected()
        while not stop.wait(POLL_SECONDS):
            now = _data_version(conn)
            if now == version:
                continue
            version = now
            own_commits, commits = db.commits - commits, db.commits
            rows = conn.execute(
                "SELECT id, entity, entity_id, action FROM audit_event WHERE id > ? ORDER BY id",
                (last_audit,),
            ).fetchall()
            if rows:
                last_audit = rows[-1][0]
            # A record opened at another desk changed nothing: no view reads again for it.
            changed = [r[:3] for r in rows if r[3] != ACCESS]
            theirs = [r for r in changed if not db.wrote_audit(r[0])]
            if theirs:
                on_changes(_from_audit(theirs))
            elif rows and not changed:
                continue  # only access entries
            elif not own_commits:  # a change that left no audit row (a message sent)
                on_changes(Changes(frozenset({"outbox_message"}), {}, None, remote=True))
    finally:
        conn.close()


def _data_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA data_version").fetchone()[0]


def _last_audit(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT coalesce(max(id), 0) FROM audit_event").fetchone()[0]


def _from_audit(rows: list[tuple]) -> Changes:
    tables: set[str] = set()
    ids: dict[str, set[int]] = {}
    for _id, entity, entity_id in rows:
        table = ENTITY_TABLES.get(entity)
        if table is None:
            return Changes.all(remote=True)
        tables.add(table)
        if entity_id is not None:
            ids.setdefault(table, set()).add(entity_id)
    patients = frozenset(ids.get("patient", ())) if tables <= {"patient"} else None
    return Changes(
        frozenset(tables), {t: frozenset(v) for t, v in ids.items()}, patients, remote=True
    )
