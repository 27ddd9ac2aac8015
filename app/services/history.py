"""The History of one patient, case or appointment, read from the audit trail.

Entries come back as frozen rows with the change field by field (before -> after); the
History dialog words them for the receptionist. A patient's history includes its cases'
and appointments' entries, so "who moved Priya's appointment" is found on Priya, and the
entries of any record merged into it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select

from app.models import Appointment, AuditEvent, Case

if TYPE_CHECKING:
    from app.db import Database

ENTITIES = ("patient", "case", "appointment")
LIMIT = 500  # the newest entries; older ones stay in the audit trail


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class HistoryEntry:
    at: datetime
    actor: str
    action: str  # "patient.update", "appointment.move", "patient.open", ...
    entity: str
    entity_id: int | None
    changes: tuple[FieldChange, ...]


def history(db: Database, entity: str, entity_id: int, limit: int = LIMIT) -> list[HistoryEntry]:
    """Who did what and when to the record, newest first, with each changed field."""
    from app.services.patient_merge import merged_into

    if entity not in ENTITIES:
        raise ValueError(f"no history for {entity!r}")
    with db.reading() as session:
        wanted = [and_(AuditEvent.entity == entity, AuditEvent.entity_id == entity_id)]
        if entity == "patient":
            # Records merged into this one (not undone) bring their own entries along; their
            # cases are this patient's now, so the lines below find those.
            merged = merged_into(session, entity_id)
            if merged:
                wanted.append(
                    and_(AuditEvent.entity == "patient", AuditEvent.entity_id.in_(merged))
                )
            case_ids = list(session.scalars(select(Case.id).where(Case.patient_id == entity_id)))
            if case_ids:
                wanted.append(and_(AuditEvent.entity == "case", AuditEvent.entity_id.in_(case_ids)))
                booked = select(Appointment.id).where(Appointment.case_id.in_(case_ids))
                wanted.append(
                    and_(AuditEvent.entity == "appointment", AuditEvent.entity_id.in_(booked))
                )
        elif entity == "case":
            booked = select(Appointment.id).where(Appointment.case_id == entity_id)
            wanted.append(
                and_(AuditEvent.entity == "appointment", AuditEvent.entity_id.in_(booked))
            )
        rows = session.scalars(
            select(AuditEvent).where(or_(*wanted)).order_by(AuditEvent.id.desc()).limit(limit)
        )
        return [
            HistoryEntry(
                e.at, e.actor, e.action, e.entity, e.entity_id, field_changes(e.before, e.after)
            )
            for e in rows
        ]


def field_changes(before: Any, after: Any) -> tuple[FieldChange, ...]:
    """Each field whose value differs, in the order the record lists them."""
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    fields = [*old, *(k for k in new if k not in old)]
    return tuple(
        FieldChange(str(f), _plain(old.get(f)), _plain(new.get(f)))
        for f in fields
        if old.get(f) != new.get(f)
    )


def _plain(value: Any) -> str:
    """A stored value as words: lists joined with commas, nested records as key: value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    return str(value)
