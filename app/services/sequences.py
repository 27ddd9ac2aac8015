"""Id sequences moved past rows that were inserted with their ids given (bulk loads, copies).

PostgreSQL hands out ids from a sequence per table, which an INSERT that names its ids never
moves: the next ordinary insert would then take an id already in use. SQLite picks max(id) + 1
itself, so there is nothing to do there.
"""

from __future__ import annotations

from sqlalchemy import Integer, func, select
from sqlalchemy.orm import Session

from app.models import Base


def reset_sequences(session: Session) -> dict[str, int]:
    """Sets each table's id sequence so the next id is past the largest stored one.

    Runs in the caller's transaction; returns {table: next id} (empty on SQLite).
    """
    if session.get_bind().dialect.name != "postgresql":
        return {}
    moved: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, Integer):
            continue
        column = key[0]
        sequence = session.scalar(select(func.pg_get_serial_sequence(table.name, column.name)))
        if sequence is None:
            continue
        next_id = (session.scalar(select(func.max(column))) or 0) + 1
        # is_called=false: the next nextval() returns next_id itself.
        session.execute(select(func.setval(sequence, next_id, False)))
        moved[table.name] = next_id
    return moved
