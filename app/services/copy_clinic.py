"""Copying a whole clinic into an empty database (`casedesk copy-to`).

This is how a clinic moves from one desk on SQLite to several desks on PostgreSQL
(or to a new SQLite file). Every table of the models is copied in dependency
order with its ids, so case IDs, links between records and the audit trail stay
as they were. The source is only read, inside one snapshot; the target is filled
in one transaction that commits only after every table was read back and matched
the source row for row (count and SHA-256 checksum). A failed copy leaves the
target with empty tables, never half a clinic.

No audit entry is written for the copy: afterwards both databases must hold the
same rows, and an extra entry in the target would make them differ. The log
says when and where a clinic was copied.
"""

from __future__ import annotations

import logging
import time as clock
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, create_engine, func, select
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL

from app.db import Database, database_url, read_only_connection
from app.migrations import HEAD
from app.models import Base
from app.services.errors import CaseDeskError, ConflictError, DatabaseError
from app.services.table_checksum import Checksum, TableContent, batches
from app.services.table_copy import (
    copy_table,
    indexes_and_links_built_after,
    move_sequences_past_ids,
)

log = logging.getLogger(__name__)

# (stage, rows done, rows in all): stage is "copying" or "verifying".
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    tables: tuple[TableContent, ...]  # as both sides read them
    seconds: float

    @property
    def rows(self) -> int:
        return sum(t.rows for t in self.tables)


class CopyMismatchError(DatabaseError):
    """The target read back differently from the source; nothing was kept."""


def clinic_tables() -> list[Table]:
    """Every table of the models, each after the tables it refers to."""
    return list(Base.metadata.sorted_tables)


def copy_clinic(source: str, target: str, progress: Progress | None = None) -> CopyReport:
    """Copies every record of `source` into `target` and verifies the copy.

    `target` (a file path or an SQLAlchemy URL) is created and migrated first; it
    must hold no CaseDesk records, else ConflictError and it is left as it was.
    `source` is never written to. Raises DatabaseError when either database cannot
    be used or the copy does not read back the same (then the target keeps no rows).
    """
    started = clock.monotonic()
    source_url, target_url = _address(source), _address(target)
    if _same_database(source_url, target_url):
        raise ConflictError("The source and the target are the same database.")
    reader = _open_source(source_url)
    try:
        _refuse_target_with_records(target_url)
        created_file = _sqlite_file(target_url)
        created_file = created_file if created_file and not created_file.exists() else None
        try:
            tables = _copy_into(reader, target, progress)
        except BaseException:
            _remove_new_file(created_file)
            raise
    finally:
        reader.dispose()
    report = CopyReport(
        source=_describe(source_url),
        target=_describe(target_url),
        tables=tables,
        seconds=clock.monotonic() - started,
    )
    log.info("copied %s rows from %s to %s", report.rows, report.source, report.target)
    return report


def _copy_into(reader: Engine, target: str, progress: Progress | None) -> tuple[TableContent, ...]:
    with _engine_errors(_describe(_address(target))):
        db = Database(target)
    try:
        with _source_snapshot(reader) as source, db.writing() as session:
            write = session.connection()
            tables = clinic_tables()
            holding = _tables_with_rows(write, tables)
            if holding:  # filled by another desk since we looked
                raise _holds_records(_describe(db.url), holding)
            total = sum(source.scalar(select(func.count()).select_from(t)) for t in tables)
            tick = _Ticker(progress, total)
            with indexes_and_links_built_after(write, tables):
                copied = [copy_table(source, write, t, tick.add) for t in tables]
            move_sequences_past_ids(write, tables)
            _verify(write, copied, _Ticker(progress, total, "verifying"))
            if write.dialect.name in ("sqlite", "postgresql"):
                write.exec_driver_sql("ANALYZE")  # a fresh planner view of the bulk-loaded rows
        return tuple(copied)
    finally:
        db.dispose()


# --- the source: read only, one snapshot ---------------------------------------------------


def _open_source(url: URL) -> Engine:
    """An engine that cannot change the source, checked to be a CaseDesk database at HEAD."""
    path = _sqlite_file(url)
    name = _describe(url)
    if path is not None:
        if not path.is_file() or path.stat().st_size == 0:
            raise DatabaseError(f"There is no CaseDesk database at {path}.")
        engine = create_engine(
            "sqlite+pysqlite://", creator=lambda: _read_only_sqlite(path), hide_parameters=True
        )
    else:
        engine = _engine(url)
    with _engine_errors(name), engine.connect() as conn:
        tables = set(conn.dialect.get_table_names(conn))
        if "alembic_version" not in tables:
            engine.dispose()
            raise DatabaseError(f"{name} is not a CaseDesk database.")
        revision = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    if revision != HEAD:
        engine.dispose()
        raise DatabaseError(
            f"{name} is at schema {revision}, this CaseDesk copies schema {HEAD}. Open it "
            "once with this CaseDesk (which upgrades it), then copy it."
        )
    return engine


def _read_only_sqlite(path: Path):
    conn = read_only_connection(path)
    conn.isolation_level = None  # transactions are begun explicitly, see _source_snapshot
    return conn


@contextmanager
def _source_snapshot(engine: Engine) -> Iterator[Connection]:
    """One read transaction over every table, so a desk still working sees a consistent copy."""
    with _engine_errors("the source database"):
        conn = engine.connect()
    try:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("BEGIN")
            try:
                yield conn
            finally:
                conn.exec_driver_sql("ROLLBACK")
        else:
            snapshot = conn.execution_options(
                isolation_level="REPEATABLE READ", postgresql_readonly=True
            )
            with snapshot.begin():
                yield snapshot
    finally:
        conn.close()


# --- the target: empty, then filled ------------------------------------------------------------


def _refuse_target_with_records(url: URL) -> None:
    """Looks at the target before anything (even a migration) may change it."""
    path = _sqlite_file(url)
    name = _describe(url)
    if path is not None:
        if not path.exists() or path.is_dir() or path.stat().st_size == 0:
            return  # nothing there yet; a folder is refused when the database opens
        try:
            engine = create_engine(
                "sqlite+pysqlite://",
                creator=lambda: read_only_connection(path),
                hide_parameters=True,
            )
        except sa_exc.SQLAlchemyError as exc:
            raise DatabaseError(f"{path} cannot be read: {_first_line(exc)}") from exc
    else:
        engine = _engine(url)
    try:
        with _engine_errors(name), engine.connect() as conn:
            present = set(conn.dialect.get_table_names(conn))
            holding = _tables_with_rows(conn, [t for t in clinic_tables() if t.name in present])
    finally:
        engine.dispose()
    if holding:
        raise _holds_records(name, holding)


def _tables_with_rows(conn: Connection, tables: Iterable[Table]) -> list[str]:
    return [t.name for t in tables if conn.execute(select(1).select_from(t).limit(1)).first()]


def _holds_records(name: str, tables: list[str]) -> ConflictError:
    return ConflictError(
        f"{name} already holds CaseDesk records ({', '.join(tables)}); copy-to fills only "
        "an empty database, so nothing was changed."
    )


def _verify(write: Connection, copied: list[TableContent], tick: _Ticker) -> None:
    """Reads every table back from the target and compares it with what the source gave."""
    tables = {t.name: t for t in clinic_tables()}
    for expected in copied:
        checksum = Checksum(tables[expected.table])
        for rows in batches(write, tables[expected.table]):
            checksum.add(rows)
            tick.add(len(rows))
        found = checksum.content()
        if found != expected:
            log.error(
                "copy mismatch in %s: %s rows read back, %s copied", *_counts(found, expected)
            )
            raise CopyMismatchError(
                f"The copy of table {expected.table} does not match the source "
                f"({found.rows} rows read back, {expected.rows} copied); nothing was kept."
            )


def _counts(found: TableContent, expected: TableContent) -> tuple[str, int, int]:
    return found.table, found.rows, expected.rows


# --- progress, addresses and errors ------------------------------------------------------


class _Ticker:
    """Calls the progress callback at most about ten times a second."""

    def __init__(self, progress: Progress | None, total: int, stage: str = "copying") -> None:
        self.progress, self.total, self.stage = progress, total, stage
        self.done, self.shown = 0, 0.0
        if progress:
            progress(stage, 0, total)

    def add(self, rows: int) -> None:
        self.done += rows
        now = clock.monotonic()
        if self.progress and (now - self.shown >= 0.1 or self.done >= self.total):
            self.shown = now
            self.progress(self.stage, self.done, self.total)


def _address(target: str) -> URL:
    try:
        url = database_url(target)
    except ValueError as exc:  # e.g. a port that is not a number
        raise DatabaseError(f"Not a database address: {target} ({exc})") from exc
    if url.get_backend_name() == "sqlite" and _sqlite_file(url) is None:
        raise DatabaseError("copy-to needs a database file or a server, not a database in memory.")
    return url


def _sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database).expanduser().resolve()


def _same_database(a: URL, b: URL) -> bool:
    path_a, path_b = _sqlite_file(a), _sqlite_file(b)
    if path_a is not None or path_b is not None:
        return path_a == path_b
    keys = ("host", "port", "database")
    return [getattr(a, k) for k in keys] == [getattr(b, k) for k in keys]


def _describe(url: URL) -> str:
    path = _sqlite_file(url)
    return str(path) if path is not None else url.render_as_string(hide_password=True)


def _engine(url: URL) -> Engine:
    """An engine for looking at a server database; a server that does not answer fails fast."""
    try:
        return create_engine(url, connect_args={"connect_timeout": 10}, hide_parameters=True)
    except (ImportError, sa_exc.NoSuchModuleError) as exc:
        raise DatabaseError(
            f"This CaseDesk cannot talk to {url.drivername} databases ({_first_line(exc)})."
        ) from exc
    except sa_exc.ArgumentError as exc:
        raise DatabaseError(f"Not a database address: {_describe(url)}") from exc


@contextmanager
def _engine_errors(name: str) -> Iterator[None]:
    """A database that cannot be reached or read becomes one plain DatabaseError."""
    try:
        yield
    except CaseDeskError:
        raise
    except (ImportError, sa_exc.NoSuchModuleError) as exc:
        raise DatabaseError(f"This CaseDesk cannot open {name} ({_first_line(exc)}).") from exc
    except sa_exc.DBAPIError as exc:
        reason = _first_line(exc.orig if exc.orig is not None else exc)
        raise DatabaseError(f"Cannot use {name}: {reason}") from exc


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else exc.__class__.__name__


def _remove_new_file(path: Path | None) -> None:
    """A SQLite file this copy created is removed again when the copy fails."""
    if path is None:
        return
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        leftover.unlink(missing_ok=True)
