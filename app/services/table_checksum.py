"""Reading a table in primary-key order and a checksum of its content.

The checksum is computed the same way from a SQLite and a PostgreSQL database,
so two databases holding the same records give the same figures. `copy-to` uses
it to prove a copy; anything else that must compare two databases can too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from sqlalchemy import Column, Connection, String, Table, TypeDecorator, select, type_coerce

# Rows per round trip: large enough that per-statement costs vanish, small enough that a
# million-patient clinic is read in bounded memory.
BATCH = 5_000


@dataclass(frozen=True)
class TableContent:
    """How many rows a table holds and a SHA-256 checksum of them."""

    table: str
    rows: int
    checksum: str


def batches(conn: Connection, table: Table, size: int = BATCH) -> Iterator[Sequence]:
    """The table's rows in primary-key order, `size` at a time (server-side on PostgreSQL)."""
    # Text keys sort in code-point order on both engines: SQLite's default collation does,
    # and PostgreSQL's "C" collation does (its default follows the server's locale).
    postgres = conn.dialect.name == "postgresql"
    order = [
        c.collate("C") if postgres and isinstance(c.type, String) else c
        for c in table.primary_key.columns
    ]
    columns = [type_coerce(c, stored_type(c)).label(c.name) for c in table.columns]
    query = select(*columns).order_by(*order).execution_options(stream_results=True, yield_per=size)
    result = conn.execute(query)
    yield from result.partitions()


def stored_type(column: Column):
    """The column's type as the database keeps it, without the model's own conversion.

    A TypeDecorator (UTCDateTime: naive UTC stored, aware handed out) is bypassed, so
    rows are read, copied and compared exactly as stored, and a million timestamps are
    not turned aware and back on their way through.
    """
    kind = column.type
    return kind.impl_instance if isinstance(kind, TypeDecorator) else kind


def table_content(conn: Connection, table: Table) -> TableContent:
    """Counts and checksums one table as `conn` reads it."""
    checksum = Checksum(table)
    for rows in batches(conn, table):
        checksum.add(rows)
    return checksum.content()


class Checksum:
    """SHA-256 over a canonical JSON encoding of the rows, fed in primary-key order.

    Both engines are read through the same column types (see `batches`), so a value
    arrives as the same Python type from either; what can still differ (an aware or a
    naive datetime, a decimal's trailing zeros, JSON key order) gets one spelling here.
    """

    def __init__(self, table: Table) -> None:
        self.table = table.name
        self.rows = 0
        self._digest = hashlib.sha256()
        self._special = [i for i, c in enumerate(table.columns) if not _plain(stored_type(c))]

    def add(self, rows: Sequence) -> None:
        """Feeds the next rows; the result does not depend on how rows are split into calls."""
        if not rows:
            return
        values = [list(row) for row in rows]
        for i in self._special:
            for row in values:
                if row[i] is not None:
                    row[i] = canonical(row[i])
        # One JSON array of all rows, streamed: "[row,row,...]" without its brackets.
        text = json.dumps(values, ensure_ascii=False, separators=(",", ":"))[1:-1]
        self._digest.update(("," + text if self.rows else text).encode())
        self.rows += len(rows)

    def content(self) -> TableContent:
        return TableContent(self.table, self.rows, self._digest.hexdigest())


def _plain(column_type) -> bool:
    """Types whose values JSON spells the same whichever engine they came from."""
    try:
        return column_type.python_type in (str, int, bool)
    except NotImplementedError:
        return False


def canonical(value: Any) -> Any:
    """One engine-independent spelling of a column value (JSON-serialisable)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:  # how the models store time: naive UTC
            return value.isoformat()
        if value.tzinfo is not UTC:
            value = value.astimezone(UTC)
        return value.isoformat()[:-6]  # without "+00:00", as the naive UTC above
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value.normalize())
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bool | int | str):
        return value
    return str(value)
