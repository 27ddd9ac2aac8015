"""The database: engine, SQLite pragmas, sessions and migrations.

A `Database` is what every service receives. Reads run in ordinary (deferred)
transactions so the window never waits on a writer; writes begin with
`BEGIN IMMEDIATE` so two desks that race for a slot are serialised before
either of them checks it.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from app import config
from app.services.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL, Engine
    from sqlalchemy.orm import Session

    from app.services.changes import Changes

# SQLAlchemy is imported when the first session or the engine is needed, not when a
# database opens: importing it costs ~200 ms, which the window need not wait for before
# it first paints. Opening a SQLite file at the newest schema only reads it with sqlite3.

log = logging.getLogger(__name__)


def database_url(target: str) -> URL:
    """A file path or an SQLAlchemy URL, as the command line accepts it."""
    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    if "://" in target:
        try:
            url = make_url(target)
        except (ArgumentError, ValueError) as exc:  # ValueError: a port that is not a number
            raise DatabaseError(f"Not a database address: {target}") from exc
        if url.get_backend_name() not in ("sqlite", "postgresql"):
            raise DatabaseError(f"Unsupported database kind '{url.get_backend_name()}'.")
        return url
    return URL.create("sqlite+pysqlite", database=str(_file_path(target)))


def _file_path(target: str) -> Path:
    return Path(target).expanduser().resolve()


def _sqlite_path(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def make_private(path: Path) -> None:
    """The database file and its -wal and -shm companions: 0600 (not the folder they are in)."""
    for name in (str(path), f"{path}-wal", f"{path}-shm"):
        config.make_private(Path(name))


def _install_sqlite_pragmas(engine: Engine, path: Path | None) -> None:
    from sqlalchemy import event

    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection, _record) -> None:
        # Let SQLAlchemy, not pysqlite, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=FULL")
        cursor.execute("PRAGMA busy_timeout=10000")
        cursor.close()
        if path is not None:  # the connection may just have made the file, -wal or -shm
            make_private(path)

    @event.listens_for(engine, "begin")
    def on_begin(connection) -> None:
        mode = connection.get_execution_options().get("sqlite_begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")


class Database:
    """One clinic database, opened and migrated."""

    def __init__(self, target: str, *, migrate: bool = True) -> None:
        self._url: URL | None = None
        if "://" in target:
            self._url = database_url(target)
            self.path = _sqlite_path(self._url)
            self.is_sqlite = self._url.get_backend_name() == "sqlite"
        else:  # a plain file: no SQLAlchemy needed to know where it is
            self.path = _file_path(target)
            self.is_sqlite = True
        if self.is_sqlite and self.path is not None:
            _check_sqlite_file(self.path)
            make_private(self.path)  # a file made before files were kept private
        self._engine: Engine | None = None
        self._lock = threading.Lock()  # the first session may be asked for on any thread
        # Who hears of committed changes (this desk's change bus), and this desk's name
        # on the wire, so it can ignore its own NOTIFYs.
        self.origin = uuid.uuid4().hex[:12]
        self._listeners: list[Callable[[Changes], None]] = []
        self._own_audit: set[int] = set()
        self.commits = 0  # committed write transactions, for telling own changes from others'
        # The staff member signed in at this desk (a StaffIdentity), None before a sign-in and
        # on a database without accounts. Every session carries it for the audit trail and
        # the role checks (app/services/permissions.py).
        self.signed_in = None
        if migrate:
            from app.migrations import runner

            runner.migrate(self)
            if self.is_sqlite and self.path is not None:
                make_private(self.path)  # migrating may have made the file with sqlite3

    @property
    def url(self) -> URL:
        if self._url is None:
            self._url = database_url(str(self.path))
        return self._url

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine, made (and SQLAlchemy imported) on first use."""
        if self._engine is None:
            with self._lock:
                if self._engine is None:
                    self._connect()
        return self._engine

    def _connect(self) -> None:
        from sqlalchemy import create_engine
        from sqlalchemy.orm import sessionmaker

        # No statement logging, and errors never quote the patients' details they carried.
        engine = create_engine(
            self.url, pool_pre_ping=not self.is_sqlite, echo=False, hide_parameters=True
        )
        if self.is_sqlite:
            _install_sqlite_pragmas(engine, self.path)
            writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        else:
            writer = engine
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(writer, expire_on_commit=False)
        from app.services import audit_chain, changes

        changes.track(self, self._write)
        audit_chain.install(self._write)
        self._engine = engine  # last: other threads see it only once the sessions exist

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A read-only session; nothing it does is committed."""
        self.engine  # noqa: B018 - made on first use
        with _translate_errors(), self._read() as session:
            session.info["staff"] = self.signed_in
            try:
                yield session
            finally:
                session.rollback()

    @contextmanager
    def writing(self) -> Iterator[Session]:
        """One write transaction: commits when the block ends, rolls back on any error."""
        self.engine  # noqa: B018 - made on first use
        with _translate_errors(), self._write() as session, session.begin():
            session.info["staff"] = self.signed_in
            yield session

    def listen(self, listener: Callable[[Changes], None]) -> Callable[[], None]:
        """Calls `listener(changes)` after each write commits, on the writing thread.

        Returns a function that stops listening.
        """
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def announce(self, done: Changes, audit_ids: set[int]) -> None:
        """A write committed: tell the listeners (called by the change tracking)."""
        self.commits += 1
        if self.is_sqlite:  # only the SQLite watcher asks (and so forgets) them
            self._own_audit.update(audit_ids)
        for listener in list(self._listeners):
            try:
                listener(done)
            except Exception:  # a listener's fault must not undo or hide a committed write
                log.exception("a change listener failed")

    def wrote_audit(self, audit_id: int) -> bool:
        """Whether this desk wrote that audit row (forgotten once asked: each is asked once)."""
        if audit_id in self._own_audit:
            self._own_audit.discard(audit_id)
            return True
        return False

    def dispose(self) -> None:
        if self._engine is not None:
            from app.services import access_log

            # Records opened in the last seconds are written now, not by a timer that would
            # otherwise fire after the close.
            access_log.close(self)
            self._engine.dispose()
        if self.is_sqlite and self.path is not None:
            from app.services import file_check

            file_check.closed_cleanly(self.path)  # next open may skip the quick check

    def describe(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)


@contextmanager
def _translate_errors() -> Iterator[None]:
    from sqlalchemy.exc import DBAPIError

    try:
        yield
    except DBAPIError as exc:
        message = str(exc.orig).lower() if exc.orig is not None else str(exc).lower()
        if "locked" in message or "busy" in message:
            raise DatabaseError(
                "The database is busy in another program or desk. Try again in a moment."
            ) from exc
        if "not a database" in message or "malformed" in message:
            raise DatabaseError("The database file is damaged or is not a CaseDesk file.") from exc
        if exc.connection_invalidated or "connect" in message:
            raise DatabaseError(f"Cannot reach the database: {exc.orig}") from exc
        raise


def _check_sqlite_file(path: Path) -> None:
    """Refuse a file that is not SQLite before anything (even a pragma) writes to it."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder, not a database file.")
    if not path.exists() or path.stat().st_size == 0:
        # Only the data folder is ours to make: a mistyped --database path must not
        # quietly become new folders and an empty clinic.
        if not path.parent.is_dir():
            if path.parent.resolve() != config.data_dir().resolve():
                raise DatabaseError(
                    f"The folder {path.parent} does not exist, so there is no database at "
                    f"{path}; check the path (a new clinic is only created in a folder that "
                    "exists)."
                )
            path.parent.mkdir(parents=True, exist_ok=True)
        return
    with path.open("rb") as handle:
        header = handle.read(16)
    if header != b"SQLite format 3\x00":
        raise DatabaseError(f"{path} is not a CaseDesk database (damaged or another kind of file).")
    from app.services import file_check

    file_check.check_sound(path)


def read_only_connection(path: Path) -> sqlite3.Connection:
    """A connection that cannot change the file, for looking before migrating.

    Even `mode=ro` creates the -wal and -shm files of a WAL database when no
    other desk has it open. Without a -wal file nobody is writing, so the file
    can be read as immutable, which creates nothing beside it.
    """
    options = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    return sqlite3.connect(f"{path.as_uri()}?{options}", uri=True)


def backup_sqlite(path: Path, label: str) -> Path:
    """A checked copy in the backups folder (`.partial` until it passed its check).

    Taken before an upgrade, while the desk waits to open: above QUICK_CHECK_ABOVE the copy is
    checked with quick_check (seconds) rather than integrity_check (minutes at 1M patients).
    """
    from app.services import backups

    target = backups.backup_name(path, label)
    backups.copy_checked(path, target, quick=path.stat().st_size > backups.QUICK_CHECK_ABOVE)
    log.info("backed up %s to %s", path, target)
    return target


def table_names(engine: Engine) -> set[str]:
    from sqlalchemy import inspect

    return set(inspect(engine).get_table_names())
