"""The audit trail's hash chain: each entry's hash covers the entry before it.

hash = SHA-256(previous entry's hash + this entry's canonical content), the content being
id, time (UTC ISO), actor, action, entity, entity id, before and after as JSON with sorted
keys. Each entry's `seq` is its place in the chain, and the `counter` row "audit" holds
the newest place. The chain is extended in the last moment before a write transaction
commits, with the head locked (PostgreSQL: SELECT ... FOR UPDATE; SQLite: write
transactions begin IMMEDIATE, so only one desk is inside at a time), so desks writing at
once still make one line.

`verify` walks the chain in `seq` order in keyset pages, so memory stays bounded however
long the trail is.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, event, select, text
from sqlalchemy.orm import Session, sessionmaker

from app.models import AuditEvent, Counter
from app.services.changes import AUDIT_HEAD

if TYPE_CHECKING:
    from app.db import Database

HEAD_NAME = AUDIT_HEAD  # the counter row holding the id of the newest chained entry
GENESIS = ""  # the "previous hash" of the first entry
_NEW_KEY = "casedesk_audit_new"  # session.info: the entries this transaction added


def canonical(
    id: int,
    at: datetime,
    actor: str,
    action: str,
    entity: str,
    entity_id: int | None,
    before: Any,
    after: Any,
) -> bytes:
    """The entry's content as the hash sees it: one JSON text with sorted keys."""
    if at.tzinfo is None:  # read back from a raw connection: stored naive UTC
        at = at.replace(tzinfo=UTC)
    content = {
        "id": id,
        "at": at.astimezone(UTC).isoformat(),
        "actor": actor,
        "action": action,
        "entity": entity,
        "entity_id": entity_id,
        "before": before,
        "after": after,
    }
    return json.dumps(
        content, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
    ).encode()


def entry_hash(prev_hash: str, content: bytes) -> str:
    return hashlib.sha256(prev_hash.encode() + content).hexdigest()


def note_new(session: Session, event: AuditEvent) -> None:
    """Remembers an entry added to the transaction; `install` chains it just before commit."""
    session.info.setdefault(_NEW_KEY, []).append(event)


def install(factory: sessionmaker) -> None:
    """Chains each write transaction's new entries in its last moment before COMMIT.

    Every other row the transaction changes is flushed first, and only then is the head
    locked: the head is the last lock any transaction takes, so two desks can never wait on
    each other in a circle (a deadlock), and the head is held only for the commit itself.
    """

    @event.listens_for(factory, "before_commit")
    def before_commit(session: Session) -> None:
        new = session.info.pop(_NEW_KEY, None)
        if new:
            session.flush()
            # An entry undone with a savepoint left the session: it is not chained.
            kept = sorted((e for e in new if e in session), key=lambda e: e.id)
            if kept:
                _chain(session, kept)
                session.flush()

    @event.listens_for(factory, "after_soft_rollback")
    def after_rollback(session: Session, _previous: object) -> None:
        session.info.pop(_NEW_KEY, None)


def _chain(session: Session, entries: list[AuditEvent]) -> None:
    seq, prev_hash = _lock_head(session)
    for entry in entries:
        content = canonical(
            entry.id,
            entry.at,
            entry.actor,
            entry.action,
            entry.entity,
            entry.entity_id,
            entry.before,
            entry.after,
        )
        seq += 1
        entry.seq, entry.prev_hash = seq, prev_hash
        entry.hash = prev_hash = entry_hash(prev_hash, content)
    session.get(Counter, HEAD_NAME).value = seq


def _lock_head(session: Session) -> tuple[int, str]:
    """(position, hash) of the chain's newest entry, locked until the commit."""
    from app.services.cases import _dialect_insert

    # In a new database two desks may both find no head row: "insert unless there", then lock.
    insert = _dialect_insert(session)
    # Through the connection, not the ORM: the head is no record, so no desk hears of it.
    session.connection().execute(
        insert(Counter.__table__).values(name=HEAD_NAME, value=0).on_conflict_do_nothing()
    )
    counter = session.get(Counter, HEAD_NAME, with_for_update=True, populate_existing=True)
    if not counter.value:
        return 0, GENESIS
    head_hash = session.scalar(select(AuditEvent.hash).where(AuditEvent.seq == counter.value))
    return counter.value, head_hash or GENESIS


_COLUMNS = "id, seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash"


def _rows(connection: Connection, order: str, batch: int = 2000):
    """Every entry in `order` ("id" or "seq"), streamed in keyset pages: bounded memory on
    both engines, each page found through the column's index."""
    last = 0
    while True:
        rows = connection.execute(
            text(
                f"SELECT {_COLUMNS} FROM audit_event WHERE {order} > :last "
                f"ORDER BY {order} LIMIT :n"
            ),
            {"last": last, "n": batch},
        ).all()
        yield from rows
        if len(rows) < batch:
            return
        last = getattr(rows[-1], order)


def _json(value: Any) -> Any:
    """JSON columns read through text() come back as text on SQLite, parsed on PostgreSQL."""
    if isinstance(value, str):
        return json.loads(value)
    return value


def _at(value: Any) -> datetime:
    if isinstance(value, str):  # SQLite through text(): "2026-11-26 01:02:03.456789"
        return datetime.fromisoformat(value)
    return value


def _content(row: Any) -> bytes:
    return canonical(
        row.id,
        _at(row.at),
        row.actor,
        row.action,
        row.entity,
        row.entity_id,
        _json(row.before),
        _json(row.after),
    )


def chain_existing(connection: Connection) -> int:
    """Links every entry not yet chained, in id order, after the head (the 0006 migration
    chains a whole existing trail); returns the head's position."""
    head = connection.execute(
        text("SELECT value FROM counter WHERE name = :n"), {"n": HEAD_NAME}
    ).scalar()
    seq = head or 0
    prev = GENESIS
    if seq:
        prev = connection.execute(
            text("SELECT hash FROM audit_event WHERE seq = :s"), {"s": seq}
        ).scalar()
    updates: list[dict[str, Any]] = []
    for row in _rows(connection, "id"):
        if row.seq is not None:
            continue
        seq += 1
        digest = entry_hash(prev, _content(row))
        updates.append({"i": row.id, "s": seq, "p": prev, "h": digest})
        prev = digest
        if len(updates) >= 2000:
            _write_hashes(connection, updates)
    _write_hashes(connection, updates)
    if seq and head is None:  # an empty database stays empty (copy-to fills only those)
        connection.execute(
            text("INSERT INTO counter (name, value) VALUES (:n, :v)"), {"n": HEAD_NAME, "v": seq}
        )
    elif seq:
        connection.execute(
            text("UPDATE counter SET value = :v WHERE name = :n"), {"n": HEAD_NAME, "v": seq}
        )
    return seq


def _write_hashes(connection: Connection, updates: list[dict[str, Any]]) -> None:
    if updates:
        connection.execute(
            text("UPDATE audit_event SET seq = :s, prev_hash = :p, hash = :h WHERE id = :i"),
            updates,
        )
        updates.clear()


@dataclass(frozen=True)
class VerifyReport:
    """What `verify` found: `ok`, how many entries it checked, and the first fault."""

    ok: bool
    checked: int
    problem: str = ""  # one line naming the entry and what is wrong
    entry_id: int | None = None


def verify(db: Database) -> VerifyReport:
    """Walks the whole chain; stops at the first entry changed, removed or inserted."""
    with db.reading() as session:
        # One snapshot for the whole walk, so entries written meanwhile are not half seen.
        options = {} if db.is_sqlite else {"isolation_level": "REPEATABLE READ"}
        connection = session.connection(execution_options=options)
        outside = connection.execute(
            text("SELECT min(id) FROM audit_event WHERE seq IS NULL OR hash IS NULL")
        ).scalar()
        if outside is not None:
            return VerifyReport(
                False,
                0,
                f"entry {outside} was inserted out of band: it is not in the chain",
                outside,
            )
        head = connection.execute(
            text("SELECT value FROM counter WHERE name = :n"), {"n": HEAD_NAME}
        ).scalar()
        prev_hash, prev_id, checked = GENESIS, None, 0
        for row in _rows(connection, "seq"):
            problem = _check(row, checked + 1, prev_hash, prev_id)
            if problem:
                return VerifyReport(False, checked, problem, row.id)
            prev_hash, prev_id = row.hash, row.id
            checked += 1
        if (head or 0) > checked:
            where = f"after entry {prev_id}" if prev_id else "at the start"
            problem = f"the newest {head - checked} entry(ies) {where} were removed"
            return VerifyReport(False, checked, problem, prev_id)
        if head is not None and head < checked:
            return VerifyReport(
                False, checked, f"entry {prev_id} was added after the chain's end", prev_id
            )
        return VerifyReport(True, checked)


def _check(row: Any, place: int, prev_hash: str, prev_id: int | None) -> str:
    after = f"entry {prev_id}" if prev_id else "the start of the chain"
    if row.seq != place:
        return f"entry {row.id} does not follow {after}: an entry between them was removed"
    if row.prev_hash != prev_hash:
        return f"entry {row.id} does not link to {after}: it was inserted out of band"
    if entry_hash(prev_hash, _content(row)) != row.hash:
        return f"entry {row.id} was changed after it was written: its content no longer matches"
    return ""
