"""Copying one table's rows, ids and all, from one database connection to another.

Used by `copy_clinic`, which owns the transactions. PostgreSQL targets are filled
with COPY (a million patients' rows in a minute or two rather than many); other
targets with batched executemany inserts. Rows are streamed in primary-key
order, BATCH at a time, so memory stays bounded whatever the clinic's size.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, Table, bindparam

from app.services.table_checksum import BATCH, Checksum, TableContent, batches, stored_type

Rows = list[list]


def copy_table(
    source: Connection, target: Connection, table: Table, copied: Callable[[int], None]
) -> TableContent:
    """Copies every row of `table`; returns its count and checksum as the source gave them.

    `copied(n)` is called after each batch of n rows.
    """
    checksum = Checksum(table)
    links = _SelfReferences(table)
    write = _writer(target, table)
    for rows in batches(source, table):
        checksum.add(rows)  # before anything below changes a value
        batch = [list(row) for row in rows]
        links.hold_back(batch)
        write(batch)
        copied(len(batch))
    links.restore(target)
    return checksum.content()


def _writer(target: Connection, table: Table) -> Callable[[Rows], None]:
    """Rows go in through the driver, each value first made what its stored type binds.

    PostgreSQL takes them with COPY, SQLite with one executemany per batch; going
    round SQLAlchemy's per-row statement machinery halves the time of a large copy.
    """
    dialect = target.dialect
    processors = [
        (i, stored_type(c).dialect_impl(dialect).bind_processor(dialect))
        for i, c in enumerate(table.columns)
    ]
    processors = [(i, p) for i, p in processors if p is not None]
    quote = dialect.identifier_preparer
    columns = ", ".join(quote.quote(c.name) for c in table.columns)
    name = quote.format_table(table)
    if dialect.name == "postgresql":
        sql = f"COPY {name} ({columns}) FROM STDIN"
    else:  # SQLite: the only other engine CaseDesk opens
        sql = f"INSERT INTO {name} ({columns}) VALUES ({', '.join('?' for _ in table.columns)})"

    def write(rows: Rows) -> None:
        for row in rows:
            for i, process in processors:
                row[i] = process(row[i])
        cursor = target.connection.dbapi_connection.cursor()
        try:
            if dialect.name != "postgresql":
                cursor.executemany(sql, rows)
                return
            with cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(row)
        finally:
            cursor.close()

    return write


class _SelfReferences:
    """Links from a row to another row of its own table (a case merged into another case).

    The row linked to may come later in id order, and the database checks each link as
    the row goes in, so such links go in empty and are restored once every row is in.
    """

    def __init__(self, table: Table) -> None:
        self.table = table
        pk = list(table.primary_key.columns)
        self.pk = pk[0] if len(pk) == 1 else None
        columns = list(table.columns)
        self.held = {
            columns.index(fk.parent): []
            for fk in table.foreign_keys
            if fk.column.table is table and fk.parent.nullable and self.pk is not None
        }
        self.pk_index = columns.index(self.pk) if self.pk is not None else 0

    def hold_back(self, rows: Rows) -> None:
        for index, links in self.held.items():
            for row in rows:
                if row[index] is not None:
                    links.append({"_id": row[self.pk_index], "_to": row[index]})
                    row[index] = None

    def restore(self, target: Connection) -> None:
        columns = list(self.table.columns)
        for index, links in self.held.items():
            statement = (
                self.table.update()
                .where(self.pk == bindparam("_id"))
                .values({columns[index].key: bindparam("_to")})
            )
            for start in range(0, len(links), BATCH):
                target.execute(statement, links[start : start + BATCH])


def move_sequences_past_ids(target: Connection, tables: list[Table]) -> None:
    """PostgreSQL hands out ids from sequences that copied ids did not move.

    Without this the first booking in the new database would collide with patient 1.
    SQLite needs nothing: a new rowid is always past the largest one.
    """
    if target.dialect.name != "postgresql":
        return
    quote = target.dialect.identifier_preparer
    for table in tables:
        pk = list(table.primary_key.columns)
        if len(pk) != 1 or pk[0] is not table.autoincrement_column:
            continue
        column = pk[0].name
        target.exec_driver_sql(
            f"SELECT setval(pg_get_serial_sequence(%(table)s, %(column)s), "
            f"COALESCE(MAX({quote.quote(column)}), 0) + 1, false) FROM {quote.format_table(table)}",
            {"table": quote.format_table(table), "column": column},
        )


@contextmanager
def indexes_and_links_built_after(target: Connection, tables: list[Table]) -> Iterator[None]:
    """Loads the rows first and builds secondary indexes (and PostgreSQL's foreign keys) after.

    As pg_restore does: one index build and one check per link over the loaded rows
    cost far less than updating every index and checking every link row by row. The
    definitions are read from the database, so they come back exactly as the
    migrations made them; primary keys and unique constraints stay in place. Nothing
    commits in between, so a copy that fails rolls back to the schema it started with.
    """
    if target.dialect.name == "sqlite":
        with _sqlite_indexes_built_after(target, tables):
            yield
        return
    if target.dialect.name != "postgresql":
        yield
        return
    names = {"tables": [t.name for t in tables]}
    links = target.exec_driver_sql(
        "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
        " WHERE contype = 'f' AND conrelid::regclass::text = ANY(%(tables)s)",
        names,
    ).all()
    indexes = target.exec_driver_sql(
        "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i"
        " WHERE indrelid::regclass::text = ANY(%(tables)s)"
        " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
        names,
    ).all()
    quote = target.dialect.identifier_preparer.quote
    for table, name, _ in links:
        target.exec_driver_sql(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
    for name, _ in indexes:
        target.exec_driver_sql(f"DROP INDEX {name}")
    yield
    for _, definition in indexes:
        target.exec_driver_sql(definition)
    for table, name, definition in links:
        target.exec_driver_sql(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")


@contextmanager
def _sqlite_indexes_built_after(target: Connection, tables: list[Table]) -> Iterator[None]:
    """SQLite cannot drop a foreign key, but its secondary indexes can wait for the rows."""
    names = [t.name for t in tables]
    indexes = target.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        f" AND tbl_name IN ({', '.join('?' for _ in names)})",
        tuple(names),
    ).all()
    quote = target.dialect.identifier_preparer.quote
    for name, _ in indexes:
        target.exec_driver_sql(f"DROP INDEX {quote(name)}")
    yield
    for _, definition in indexes:
        target.exec_driver_sql(definition)
