"""Brings a database to the schema this CaseDesk expects, run by the app on open.

- a new (empty) database: tables created from the models, then stamped at head;
- an older one: a timestamped backup first, then upgraded;
- one from a newer CaseDesk: refused, and left exactly as it was.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from app.migrations import HEAD
from app.services.errors import DatabaseError, DatabaseTooNewError

if TYPE_CHECKING:
    from alembic.config import Config

    from app.db import Database

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent


# Alembic is imported only when a database has to be created, stamped or upgraded (or is not
# SQLite): a database already at HEAD opens without it.


def alembic_config(connection=None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    """The newest revision as Alembic reads it from versions/ (HEAD must equal it)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _sqlite_revision(path: Path) -> tuple[bool, str | None]:
    """(has any table, stored revision), read without changing a byte of the file."""
    import sqlite3

    from app.db import read_only_connection

    if not path.exists() or path.stat().st_size == 0:
        return False, None
    try:
        conn = read_only_connection(path)
        try:
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if "alembic_version" not in tables:
                return bool(tables), None
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return True, row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if "locked" in str(exc).lower():
            raise DatabaseError("The database is locked by another program. Try again.") from exc
        raise DatabaseError(f"{path} is damaged or is not a CaseDesk database.") from exc


def _refuse_unknown(revision: str, where: str) -> None:
    if revision not in _known_revisions():
        raise DatabaseTooNewError(
            f"{where} was written by a newer CaseDesk (schema {revision}). "
            "Install the newer CaseDesk to open it; it was left untouched."
        )


def migrate(db: Database) -> None:
    """Brings `db` to the newest schema; a SQLite file already there is only read."""
    if db.path is not None:
        has_tables, revision = _sqlite_revision(db.path)
        if revision == HEAD:
            return  # the usual open: up to date, read without Alembic or SQLAlchemy
        if revision is not None:
            _refuse_unknown(revision, str(db.path))
        elif has_tables:
            raise DatabaseError(f"{db.path} holds tables but is not a CaseDesk database.")
        if revision is not None:
            from app.db import backup_sqlite

            backup_sqlite(db.path, f"before-{HEAD}")
    _migrate_connected(db)


def _migrate_connected(db: Database) -> None:
    """Creates, stamps or upgrades through Alembic on the database's own engine."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    from app.models import Base

    head = head_revision()

    with db.engine.connect() as connection:
        current = MigrationContext.configure(connection).get_current_revision()
        tables = set(connection.dialect.get_table_names(connection))
        connection.rollback()
        if current == head:
            return
        if current is not None:
            _refuse_unknown(current, db.describe())
            log.info("upgrading %s from %s to %s", db.describe(), current, head)
            _upgrade(connection)
            return
        if tables - {"alembic_version"}:
            raise DatabaseError(f"{db.describe()} holds tables but is not a CaseDesk database.")
        log.info("creating a new CaseDesk database at %s", db.describe())
        with connection.begin():
            Base.metadata.create_all(connection)
            command.stamp(alembic_config(connection), "head")


def _upgrade(connection) -> None:
    """Runs the migrations in one transaction.

    On SQLite a batch migration rebuilds a table by dropping the old one; with
    foreign keys on, that drop would cascade and delete a case's body parts. So
    the keys are off while migrating (it only takes effect outside a
    transaction) and checked before the upgrade commits.
    """
    from alembic import command

    raw = connection.connection.dbapi_connection if connection.dialect.name == "sqlite" else None
    if raw is not None:
        raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            command.upgrade(alembic_config(connection), "head")
            if raw is not None and connection.exec_driver_sql("PRAGMA foreign_key_check").first():
                raise DatabaseError(
                    "The upgrade would break links between records, so it was not applied."
                )
    finally:
        if raw is not None:
            raw.execute("PRAGMA foreign_keys=ON")
