"""What a write changed, so each view can decide for itself whether to read again.

Every write transaction is watched (see `track`): the rows it added, changed or
removed are noted by table and id, and the patients they belong to are worked
out inside the same transaction. When it commits, a `Changes` is handed to the
database's listeners (this desk's change bus) and, on PostgreSQL, sent to the
other desks with NOTIFY in that same transaction, so nobody hears of a change
that was rolled back. Nothing here imports Qt.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from app.db import Database

log = logging.getLogger(__name__)

CHANNEL = "casedesk_changes"  # the PostgreSQL NOTIFY channel every desk listens on
_PAYLOAD_LIMIT = 7_000  # NOTIFY payloads must stay under 8000 bytes

PATIENT_TABLES = frozenset(
    {"patient", "case_file", "case_body_part", "appointment", "outbox_message"}
)


@dataclass(frozen=True)
class Changes:
    """Tables and records one or more transactions changed.

    `ids[table]` holds the ids written in that table; a table in `tables` but not in
    `ids` was changed by a bulk statement (any row). `patients` are the patients whose
    record (details, cases, body parts, appointments, messages) changed; None means
    any patient may have.
    """

    tables: frozenset[str] = frozenset()
    ids: dict[str, frozenset[int]] = field(default_factory=dict)
    patients: frozenset[int] | None = frozenset()
    everything: bool = False
    remote: bool = False  # came from another desk

    @classmethod
    def all(cls, *, remote: bool = False) -> Changes:
        """Anything may have changed (a reconnect, another desk without details)."""
        return cls(everything=True, patients=None, remote=remote)

    def touches(self, *tables: str) -> bool:
        return self.everything or any(t in self.tables for t in tables)

    def touches_patient(self, patient_id: int) -> bool:
        if self.everything or self.patients is None:
            return self.everything or bool(self.tables & PATIENT_TABLES)
        return patient_id in self.patients

    def ids_in(self, table: str) -> frozenset[int] | None:
        """The ids changed in `table`; None when any row may have changed."""
        if self.everything or (table in self.tables and table not in self.ids):
            return None
        return self.ids.get(table, frozenset())

    def __bool__(self) -> bool:
        return self.everything or bool(self.tables)

    def merged(self, other: Changes) -> Changes:
        if self.everything or other.everything:
            return Changes.all(remote=self.remote or other.remote)
        ids = dict(self.ids)
        for table, more in other.ids.items():
            ids[table] = ids.get(table, frozenset()) | more
        for table in self.tables | other.tables:  # a bulk change on either side wins
            if (table in self.tables and table not in self.ids) or (
                table in other.tables and table not in other.ids
            ):
                ids.pop(table, None)
        patients = (
            None
            if self.patients is None or other.patients is None
            else self.patients | other.patients
        )
        return Changes(
            self.tables | other.tables, ids, patients, remote=self.remote or other.remote
        )

    # --- on the wire (PostgreSQL NOTIFY) -----------------------------------------------------

    def to_payload(self, origin: str) -> str:
        data: dict[str, Any] = {
            "o": origin,
            "t": sorted(self.tables),
            "i": {t: sorted(v) for t, v in self.ids.items()},
            "p": None if self.patients is None else sorted(self.patients),
        }
        text = json.dumps(data, separators=(",", ":"))
        if self.everything or len(text) > _PAYLOAD_LIMIT:  # too big to list: say which tables
            text = json.dumps({"o": origin, "t": sorted(self.tables), "i": {}, "p": None})
        return text

    @classmethod
    def from_payload(cls, text: str) -> tuple[str, Changes]:
        """(origin, changes) from a NOTIFY payload; anything unreadable means 'everything'."""
        try:
            data = json.loads(text)
            tables = frozenset(data["t"])
            ids = {t: frozenset(v) for t, v in data["i"].items()}
            patients = None if data["p"] is None else frozenset(data["p"])
            return str(data["o"]), cls(tables, ids, patients, remote=True)
        except (ValueError, KeyError, TypeError):
            return "", cls.all(remote=True)


# --- watching write transactions ----------------------------------------------------------


AUDIT_HEAD = "audit"  # app/services/audit_chain.py HEAD_NAME (imported there from here)


class _Pending:
    """What one session has written so far, until it commits or rolls back."""

    def __init__(self) -> None:
        self.ids: dict[str, set[int]] = {}
        self.bulk: set[str] = set()
        self.patients: set[int] = set()
        self.case_ids: set[int] = set()
        self.appointment_ids: set[int] = set()
        self.message_ids: set[int] = set()
        self.audit_ids: set[int] = set()
        self.scoped: set[str] = set()  # bulk-changed tables whose rows the service named

    def note(self, obj: Any) -> None:
        table = getattr(obj, "__tablename__", None)
        if table == "audit_event":
            self.audit_ids.add(obj.id)
            return
        if table == "counter" and getattr(obj, "name", None) == AUDIT_HEAD:
            return  # the audit chain's head moves with every audit entry: not a record
        if table is None:
            return
        key = getattr(obj, "id", None)
        if isinstance(key, int):
            self.ids.setdefault(table, set()).add(key)
        elif table not in self.ids:
            self.bulk.add(table)
        if table == "patient" and isinstance(key, int):
            self.patients.add(key)
        elif table == "case_file":
            self._add(self.patients, getattr(obj, "patient_id", None))
        elif table in ("case_body_part", "appointment"):
            self._add(self.case_ids, getattr(obj, "case_id", None))
        elif table == "outbox_message":
            self._add(self.appointment_ids, getattr(obj, "appointment_id", None))
            self._add(self.message_ids, key)

    @staticmethod
    def _add(into: set[int], value: Any) -> None:
        if isinstance(value, int):
            into.add(value)

    def __bool__(self) -> bool:
        return bool(self.ids or self.bulk)

    def resolve_patients(self, session: Session) -> frozenset[int] | None:
        """The patients behind the cases and appointments touched, read in the same transaction."""
        from sqlalchemy import select

        from app.models import Appointment, Case, OutboxMessage

        if (self.bulk - self.scoped) & PATIENT_TABLES:
            return None
        patients = set(self.patients)
        case_ids = set(self.case_ids)
        if self.message_ids:
            self.appointment_ids.update(
                a
                for a in session.scalars(
                    select(OutboxMessage.appointment_id).where(
                        OutboxMessage.id.in_(self.message_ids)
                    )
                )
                if a is not None
            )
        if self.appointment_ids:
            case_ids.update(
                session.scalars(
                    select(Appointment.case_id).where(Appointment.id.in_(self.appointment_ids))
                )
            )
        if case_ids:
            patients.update(session.scalars(select(Case.patient_id).where(Case.id.in_(case_ids))))
        return frozenset(patients)

    def changes(self, patients: frozenset[int] | None) -> Changes:
        tables = frozenset(self.ids) | frozenset(self.bulk)
        unnamed = self.bulk - self.scoped
        ids = {t: frozenset(v) for t, v in self.ids.items() if t not in unnamed}
        return Changes(tables, ids, patients)


def track(db: Database, factory: sessionmaker) -> None:
    """Watches every session `factory` makes, and announces each commit's changes on `db`."""
    from sqlalchemy import event, text

    def pending(session: Session) -> _Pending:
        return session.info.setdefault("casedesk_changes", _Pending())

    @event.listens_for(factory, "after_flush")
    def after_flush(session: Session, _context: Any) -> None:
        notes = pending(session)
        for obj in (*session.new, *session.dirty, *session.deleted):
            notes.note(obj)

    @event.listens_for(factory, "do_orm_execute")
    def on_execute(state: Any) -> Any:
        if not (state.is_update or state.is_delete or state.is_insert):
            return None
        mapper = state.bind_mapper
        table = getattr(getattr(mapper, "class_", None), "__tablename__", None)
        if not table or table == "audit_event":
            return None
        result = state.invoke_statement()
        if getattr(result, "rowcount", 1) != 0:  # a statement that hit no row changed nothing
            pending(state.session).bulk.add(table)
        return result

    @event.listens_for(factory, "before_commit")
    def before_commit(session: Session) -> None:
        session.flush()  # the final flush comes after this hook; its rows must be noted too
        notes = session.info.get("casedesk_changes")
        if not notes:
            return
        done = notes.changes(notes.resolve_patients(session))
        session.info["casedesk_committing"] = done
        if not db.is_sqlite:  # other desks hear of it only if this commits
            session.execute(
                text("SELECT pg_notify(:channel, :payload)"),
                {"channel": CHANNEL, "payload": done.to_payload(db.origin)},
            )

    @event.listens_for(factory, "after_commit")
    def after_commit(session: Session) -> None:
        notes = session.info.pop("casedesk_changes", None)
        done = session.info.pop("casedesk_committing", None)
        if done:
            db.announce(done, notes.audit_ids)

    @event.listens_for(factory, "after_rollback")
    def after_rollback(session: Session) -> None:
        session.info.pop("casedesk_changes", None)
        session.info.pop("casedesk_committing", None)


def scope(
    session: Session,
    table: str,
    *,
    ids: Iterable[int] = (),
    appointments: Iterable[int] = (),
    cases: Iterable[int] = (),
) -> None:
    """Names the rows a bulk UPDATE or DELETE of `table` touched in this transaction.

    Without it such a statement means "any row", and every view showing that table reads
    again; with it, only the views showing those rows (and their patients) do.
    """
    notes: _Pending = session.info.setdefault("casedesk_changes", _Pending())
    if table not in notes.bulk:  # the statement hit no row: nothing changed
        return
    notes.scoped.add(table)
    ids = set(ids)
    if ids:
        notes.ids.setdefault(table, set()).update(ids)
        if table == "outbox_message":
            notes.message_ids.update(ids)
        elif table == "appointment":
            notes.appointment_ids.update(ids)
    notes.appointment_ids.update(appointments)
    notes.case_ids.update(cases)


def merge_all(items: Iterable[Changes]) -> Changes:
    result = Changes()
    for item in items:
        result = result.merged(item)
    return result
