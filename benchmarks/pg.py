"""PostgreSQL for the benchmarks: one server kept in benchmarks/data/postgres between runs.

The server is the test suite's throwaway server (tests/pg_server.py: initdb + pg_ctl on a
free loopback port, as the `postgres` user when run as root), except that its folder is
kept, so the benchmark databases loaded into it survive from one run to the next, and that
its commits are durable (fsync on), as a clinic's server's are.

A benchmark database holds the same clinic as the SQLite file of that size: copied with
`casedesk copy-to` when this CaseDesk has that command; otherwise filled with
`demo_data.generate` (seed 1) at no more than GENERATED_LIMIT patients, and `loaded()`
says which size it really holds.
"""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks.common import ROOT, child_env
from tests.pg_server import SUPERUSER, PgServer, PgServerError, find_bindir, free_port
from tests.pg_server import _server_user as server_user

FOLDER = ROOT / "benchmarks" / "data" / "postgres"
GENERATED_LIMIT = 100_000  # demo_data.generate on PostgreSQL runs at ~1-2k patients a second


class BenchServer(PgServer):
    """A PostgreSQL cluster in a folder that stays (stopped) after the run."""

    def __init__(self, folder: Path = FOLDER) -> None:  # noqa: D107 - no temporary folder
        self.bindir = find_bindir()
        self.run_as = server_user()
        self.folder = folder
        self.data = folder / "data"
        self.sockets = folder / "sockets"
        self.log = folder / "server.log"
        self.port = 0
        self._admin = None
        self.shared = False  # started by another benchmark still running: leave it running

    def start(self) -> BenchServer:
        if not (self.data / "PG_VERSION").exists():
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder.mkdir(parents=True)
            self._prepare_folder()
            self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, "--auth=trust",
                      "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")  # fmt: skip
        elif self._running():  # another benchmark's: share it (and leave it to that one)
            self.port = int((self.data / "postmaster.pid").read_text().splitlines()[3])
            self.shared = True
            return self
        last = ""
        for _ in range(3):
            self.port = free_port()
            try:
                self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w",
                          "-t", "60", "-o", self._options(), "start")  # fmt: skip
                return self
            except PgServerError as exc:
                last = str(exc)
        raise PgServerError(f"PostgreSQL did not start: {last}\n{self._log_tail()}")

    def stop(self) -> None:
        if self._admin is not None:
            self._admin.close()
            self._admin = None
        if not self.shared and (self.data / "postmaster.pid").exists():
            with contextlib.suppress(PgServerError):
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def _running(self) -> bool:
        try:
            self._run("pg_ctl", "-D", str(self.data), "status")
            return True
        except PgServerError:  # exit 3: not running (a stale postmaster.pid is harmless)
            return False

    def _options(self) -> str:
        # A clinic's server keeps its commits: unlike the test suite's, fsync stays on, so
        # PostgreSQL commits cost what SQLite's (synchronous=FULL) do.
        durable = "-c fsync=on -c synchronous_commit=on -c full_page_writes=on"
        return f"{super()._options()} {durable}"

    def databases(self) -> list[str]:
        import psycopg

        with psycopg.connect(self.dsn("postgres"), autocommit=True) as conn:
            return [r[0] for r in conn.execute("SELECT datname FROM pg_database")]

    def dsn(self, database: str) -> str:
        """The same database for psycopg itself (no SQLAlchemy driver prefix)."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"


@contextlib.contextmanager
def server():
    """The benchmarks' PostgreSQL server, running for the length of the block."""
    running = BenchServer().start()
    try:
        yield running
    finally:
        running.stop()


def has_copy_to() -> bool:
    """Whether this CaseDesk has `casedesk copy-to` (it is being built on another branch)."""
    done = subprocess.run(
        [sys.executable, "-m", "app", "copy-to", "--help"],
        cwd=ROOT,
        env=child_env(),
        capture_output=True,
        text=True,
    )
    return done.returncode == 0


def _name(patients: int, revision: str, how: str) -> str:
    return f"bench_{how}_{patients}_rev{revision}"


def loaded_clinic(pg: BenchServer, sqlite_path: Path, patients: int) -> tuple[str, int, str]:
    """(database name, patients it holds, how it was filled) for the clinic of that size."""
    from benchmarks.data import head

    revision = head()
    copy = has_copy_to()
    held = patients if copy else min(patients, GENERATED_LIMIT)
    how = "copy" if copy else "gen"
    name = _name(held, revision, how)
    present = pg.databases()
    for old in present:  # an older schema's copies are of no more use
        if old.startswith(f"bench_{how}_{held}_rev") and old != name:
            pg.drop_database(old)
    if name in present:
        return name, held, how
    filling = f"{name}_filling"
    pg.drop_database(filling)
    pg.execute(f"CREATE DATABASE {filling}")
    print(f"  PostgreSQL: {how} {held:,} patients into {name}", flush=True)
    if copy:
        subprocess.run(
            [sys.executable, "-m", "app", "--database", str(sqlite_path), "copy-to"]
            + [pg.url(filling)],
            cwd=ROOT,
            env=child_env(),
            check=True,
            stdout=subprocess.DEVNULL,
        )
    else:
        _generate(pg.url(filling), held)
    behind = set_sequences(pg.dsn(filling))
    if behind:
        print(f"  PostgreSQL: id sequences behind their tables after filling: {behind}")
    pg.execute(f"ALTER DATABASE {filling} RENAME TO {name}")  # only a full load gets the name
    return name, held, how


def _generate(url: str, patients: int) -> None:
    subprocess.run(
        [sys.executable, "-m", "app", "--database", url, "demo-data"]
        + ["--patients", str(patients), "--seed", "1"],
        cwd=ROOT,
        env=child_env(),
        check=True,
        stdout=subprocess.DEVNULL,
    )


def set_sequences(dsn: str) -> list[str]:
    """Moves every id sequence past its table's largest id; returns the tables that were behind.

    Rows inserted with explicit ids (demo data, a copy) do not move a sequence, and the next
    insert would then collide.
    """
    import psycopg

    behind = []
    with psycopg.connect(dsn, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND column_name = 'id'"
        ).fetchall()
        for (table,) in tables:
            sequence = conn.execute(
                "SELECT pg_get_serial_sequence(%s, 'id')", (f'"{table}"',)
            ).fetchone()[0]
            if sequence is None:
                continue
            top = conn.execute(f'SELECT max(id) FROM "{table}"').fetchone()[0]
            if top is None:
                continue
            last = conn.execute(f"SELECT last_value, is_called FROM {sequence}").fetchone()
            if last[0] < top:
                behind.append(table)
            conn.execute("SELECT setval(%s, %s)", (sequence, max(top, last[0])))
    return behind


def copy_of(pg: BenchServer, template: str) -> str:
    """A scratch database copied from `template` (for benchmarks that write); its URL."""
    name = pg.create_database(template=template)
    return pg.url(name)


def drop(pg: BenchServer, url: str) -> None:
    pg.drop_database(url.rsplit("/", 1)[1])


loaded = loaded_clinic


def per_size(sizes: list[int], label: str, measure, quick: bool) -> tuple[dict, dict]:
    """`measure(sqlite_path, pg, pg_database, quick)` at each size, PostgreSQL beside SQLite.

    A PostgreSQL database already measured at a smaller size (demo data is generated at no
    more than GENERATED_LIMIT patients) is not measured again: only SQLite is, at that size.
    """
    from benchmarks import data

    by_size, loaded, measured = {}, {}, set()
    with server() as pg:
        for size in sizes:
            path, _info = data.ensure(size)
            loaded[size] = found = loaded_clinic(pg, path, size)
            print(f"{size:,} patients: {label}", flush=True)
            again = found[0] in measured
            measured.add(found[0])
            by_size[size] = measure(path, None if again else pg, found[0], quick)
    return by_size, loaded
