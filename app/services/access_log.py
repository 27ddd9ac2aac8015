"""Who opened which patient record: "patient.open" audit entries, written in batches.

Opening a record is a read; a write transaction per open would make every click wait for
the database's write lock (SQLite: one writer at a time across all desks). So an open is
only noted in memory, and the notes of a few seconds are written together in one
transaction, on a timer thread of their own (never the UI thread), and on close. The same
patient opened again within a batch (a re-read after another desk's change) is one entry.

Access entries change no record, so no desk refreshes on them: changes.py ignores audit
rows, and desk_watch.py skips these when it learns other desks' changes from the audit.
"""

from __future__ import annotations

import logging
import threading
import weakref
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.db import Database

log = logging.getLogger(__name__)

ACTION = "patient.open"
FLUSH_SECONDS = 3.0  # a batch is written at most this long after its first open
CLOSE_WAIT_SECONDS = 5.0


class _Batch:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.opened: dict[int, datetime] = {}  # patient id -> first open in this batch
        self.timer: threading.Timer | None = None


_batches: weakref.WeakKeyDictionary[Database, _Batch] = weakref.WeakKeyDictionary()
_batches_lock = threading.Lock()


def _batch(db: Database) -> _Batch:
    with _batches_lock:
        batch = _batches.get(db)
        if batch is None:
            batch = _batches[db] = _Batch()
        return batch


def note_open(db: Database, patient_id: int) -> None:
    """Notes that this desk opened the patient's record; no database work here.

    (Stdlib only at import: the views call `close`, and SQLAlchemy stays off their start-up.)
    """
    batch = _batch(db)
    with batch.lock:
        batch.opened.setdefault(patient_id, datetime.now(UTC))
        if batch.timer is None:
            batch.timer = threading.Timer(FLUSH_SECONDS, _flush_quietly, args=(db,))
            batch.timer.daemon = True
            batch.timer.start()


def flush(db: Database) -> int:
    """Writes the noted opens in one transaction; returns how many entries it wrote."""
    from app.services import audit

    batch = _batch(db)
    with batch.lock:
        opened, batch.opened = batch.opened, {}
        if batch.timer is not None:
            batch.timer.cancel()
            batch.timer = None
    if not opened:
        return 0
    with db.writing() as session:
        for patient_id, at in sorted(opened.items(), key=lambda item: item[1]):
            # Dated when it was opened, not when the batch was written.
            audit.record(session, ACTION, "patient", patient_id, at=at)
    return len(opened)


def _flush_quietly(db: Database) -> None:
    try:
        flush(db)
    except Exception as exc:  # the database is away: the opens are lost, the desk goes on
        log.warning("could not write %s access entries: %s", ACTION, type(exc).__name__)


def close(db: Database) -> None:
    """Writes what is still noted (at exit), on a thread of its own, waiting a bounded time."""
    batch = _batches.get(db)
    if batch is None or not batch.opened:
        return
    writer = threading.Thread(target=_flush_quietly, args=(db,), daemon=True)
    writer.start()
    writer.join(CLOSE_WAIT_SECONDS)
