"""A throwaway PostgreSQL server for the test suite: initdb + pg_ctl on a free loopback port.

The binaries come from Debian's `postgresql` package (/usr/lib/postgresql/N/bin; the Makefile
installs it when missing). PostgreSQL refuses to run as root, so when the tests run as root
(as CI does) the server runs as the `postgres` system user (or CASEDESK_PG_USER), which owns
the data folder and the socket folder. Nothing is kept: the folder is removed on stop.

Anything that goes wrong raises `PgServerError`: a PostgreSQL test must fail, not be skipped.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shlex
import shutil
import socket
import subprocess
import tempfile
import uuid
from pathlib import Path

SUPERUSER = "casedesk"
# Durability is worth nothing for a database thrown away after the run; these make it fast.
SETTINGS = {
    "listen_addresses": "127.0.0.1",
    "fsync": "off",
    "synchronous_commit": "off",
    "full_page_writes": "off",
    "max_connections": "200",
    "log_min_messages": "warning",
}
START_ATTEMPTS = 3  # a free port can be taken by someone else between finding and binding it


class PgServerError(RuntimeError):
    """The test PostgreSQL server could not be found, created or started."""


def find_bindir() -> Path:
    """The newest /usr/lib/postgresql/*/bin holding initdb and pg_ctl (or CASEDESK_PG_BINDIR)."""
    override = os.environ.get("CASEDESK_PG_BINDIR")
    candidates = [override] if override else glob.glob("/usr/lib/postgresql/*/bin")

    def version(path: str) -> float:
        try:
            return float(Path(path).parent.name)
        except ValueError:
            return 0.0

    for bindir in sorted(candidates, key=version, reverse=True):
        if all(os.access(Path(bindir) / tool, os.X_OK) for tool in ("initdb", "pg_ctl")):
            return Path(bindir)
    raise PgServerError(
        "PostgreSQL's initdb/pg_ctl were not found under /usr/lib/postgresql/*/bin. "
        "Run `make test` as root on Debian/Ubuntu to install the `postgresql` package, "
        "or install it yourself (apt-get install postgresql)."
    )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class PgServer:
    """One PostgreSQL cluster in a temporary folder, started and stopped by the test session."""

    def __init__(self) -> None:
        self.bindir = find_bindir()
        self.run_as = _server_user()
        self.folder = Path(tempfile.mkdtemp(prefix="casedesk-pg-"))
        self.data = self.folder / "data"
        self.sockets = self.folder / "sockets"
        self.log = self.folder / "server.log"
        self.port = 0
        self._admin = None
        self._watcher: subprocess.Popen | None = None

    # -- life cycle -----------------------------------------------------------------------

    def start(self) -> PgServer:
        try:
            self._prepare_folder()
            self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")  # fmt: skip
            last_error = ""
            for _ in range(START_ATTEMPTS):
                self.port = free_port()
                try:
                    self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
                              "-t", "60", "-o", self._options(), "start")  # fmt: skip
                    self._watch()
                    return self
                except PgServerError as exc:
                    last_error = str(exc)
            raise PgServerError(f"PostgreSQL did not start: {last_error}\n{self._log_tail()}")
        except BaseException:
            self.stop()
            raise

    def stop(self) -> None:
        if self._watcher is not None:
            self._watcher.kill()
            self._watcher.wait()
            self._watcher = None
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(PgServerError):  # already gone; the folder goes anyway
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- databases ------------------------------------------------------------------------

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def create_database(self, template: str | None = None) -> str:
        """A new database with a unique name (a copy of `template` if given); returns its name."""
        name = f"t_{uuid.uuid4().hex[:16]}"
        # FILE_COPY copies the few megabytes of a small template faster than WAL_LOG.
        clause = f" TEMPLATE {template} STRATEGY FILE_COPY" if template else ""
        self.execute(f"CREATE DATABASE {name}{clause}")
        return name

    def drop_database(self, name: str) -> None:
        # FORCE: a test that failed half-way may leave a connection behind.
        self.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def execute(self, sql: str) -> None:
        """Runs one statement on the maintenance database, outside any transaction."""
        import psycopg

        if self._admin is None:
            self._admin = psycopg.connect(
                host="127.0.0.1", port=self.port, user=SUPERUSER, dbname="postgres", autocommit=True
            )
        self._admin.execute(sql)

    # -- helpers --------------------------------------------------------------------------

    def _watch(self) -> None:
        """Stops the server and removes its folder if this test run dies without doing it
        (killed by a timeout, say), so no server outlives the run that started it."""
        stop = [str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"]
        if self.run_as is not None:
            stop = _as_user(self.run_as.pw_name, stop)
        script = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 1; done; "
            f"{shlex.join(stop)}; rm -rf {shlex.quote(str(self.folder))}"
        )
        self._watcher = subprocess.Popen(
            ["sh", "-c", script],
            start_new_session=True,  # a signal to the test run's process group spares it
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def _options(self) -> str:
        settings = {
            **SETTINGS,
            "port": str(self.port),
            "unix_socket_directories": str(self.sockets),
        }
        return " ".join(f"-c {key}={value}" for key, value in settings.items())

    def _prepare_folder(self) -> None:
        self.sockets.mkdir()
        if self.run_as is not None:
            # The server user must own its data and socket folders (initdb creates data).
            for path in (self.folder, self.sockets):
                shutil.chown(path, user=self.run_as.pw_uid, group=self.run_as.pw_gid)

    def _run(self, tool: str, *args: str) -> None:
        command = [str(self.bindir / tool), *args]
        if self.run_as is not None:
            command = _as_user(self.run_as.pw_name, command)
        result = subprocess.run(
            command, capture_output=True, text=True, timeout=120, cwd=self.folder, check=False
        )
        if result.returncode != 0:
            raise PgServerError(
                f"{tool} failed ({result.returncode}): {result.stderr.strip() or result.stdout}"
            )

    def _log_tail(self) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return ""


def _server_user() -> pwd.struct_passwd | None:
    """The user the server runs as: None (ourselves) unless we are root."""
    if os.geteuid() != 0:
        return None
    name = os.environ.get("CASEDESK_PG_USER", "postgres")
    try:
        return pwd.getpwnam(name)
    except KeyError:
        raise PgServerError(
            f"Running as root, PostgreSQL needs a non-root user to run as; '{name}' does not "
            "exist (the `postgresql` package creates `postgres`; or set CASEDESK_PG_USER)."
        ) from None


def _as_user(user: str, command: list[str]) -> list[str]:
    if shutil.which("runuser"):
        return ["runuser", "-u", user, "--", *command]
    return ["su", user, "-s", "/bin/sh", "-c", shlex.join(command)]


# What a test may have changed besides rows; a database whose shape differs is not reused.
_SHAPE = """
SELECT (SELECT string_agg(relname || ':' || relkind::text, ',' ORDER BY relname)
          FROM pg_class WHERE relnamespace = 'public'::regnamespace),
       (SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal),
       (SELECT count(*) FROM pg_proc WHERE pronamespace = 'public'::regnamespace),
       (SELECT string_agg(version_num, ',') FROM alembic_version)
"""
_TABLES = """
SELECT string_agg(quote_ident(tablename), ', ') FROM pg_tables
 WHERE schemaname = 'public' AND tablename <> 'alembic_version'
"""
_OTHERS = """
SELECT pg_terminate_backend(pid) FROM pg_stat_activity
 WHERE datname = current_database() AND pid <> pg_backend_pid()
"""


class MigratedCopies:
    """Databases at the newest schema, one per test: a used one emptied again, or a new copy.

    Copying the template costs ~0.15 s a test and dropping it more; emptying a used
    database (TRUNCATE ... RESTART IDENTITY) costs a third of that. A database whose
    schema a test changed, or that cannot be emptied, is dropped instead.
    """

    def __init__(self, server: PgServer, template: str) -> None:
        self.server, self.template = server, template
        self.spare: list[str] = []
        with self._connect(template) as connection:
            self.shape = connection.execute(_SHAPE).fetchone()

    def take(self) -> str:
        return self.spare.pop() if self.spare else self.server.create_database(self.template)

    def give_back(self, name: str) -> None:
        import psycopg

        try:
            with self._connect(name) as connection:
                connection.execute(_OTHERS)  # a desk a failed test left connected
                if connection.execute(_SHAPE).fetchone() == self.shape:
                    connection.execute("SET lock_timeout = '5s'")
                    connection.execute(f"TRUNCATE {connection.execute(_TABLES).fetchone()[0]}"
                                       " RESTART IDENTITY")  # fmt: skip
                    self.spare.append(name)
                    return
        except psycopg.Error:
            pass  # dropped below
        self.server.drop_database(name)

    def _connect(self, name: str):
        import psycopg

        return psycopg.connect(
            host="127.0.0.1", port=self.server.port, user=SUPERUSER, dbname=name, autocommit=True
        )
