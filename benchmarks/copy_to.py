"""copy-to: the benchmark database copied into a fresh PostgreSQL database, timed.

    python -m benchmarks.copy_to FILE [--url URL]

Runs `casedesk --database FILE copy-to URL` as a fresh process, as a clinic's IT
person would, and reports its wall time, rows per second and peak memory (ru_maxrss
of that process alone). The copy includes reading every row back from PostgreSQL
and checking counts and checksums before it commits. Without --url a throwaway
PostgreSQL server is started (tests/pg_server.py: initdb + pg_ctl on a loopback
port, as the `postgres` user when run as root) with a new empty database.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import re
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

from benchmarks.common import PYTHON, ROOT, child_env, now

SUMMARY = re.compile(r"Copied ([\d,]+) rows in (\d+) tables")


@contextlib.contextmanager
def empty_database(url: str | None) -> Iterator[str]:
    """`url` as given, or a new database on a PostgreSQL server started for this run."""
    if url:
        yield url
        return
    from tests.pg_server import PgServer

    server = PgServer().start()
    try:
        yield server.url(server.create_database())
    finally:
        server.stop()


def measure(path: Path, url: str | None = None) -> dict:
    """Copies `path` into an empty PostgreSQL database with the real command line."""
    with empty_database(url) as target, tempfile.TemporaryFile("w+") as out:
        command = [PYTHON, "-m", "app", "--database", str(path), "copy-to", target]
        started = now()
        child = subprocess.Popen(
            command, cwd=ROOT, env=child_env(), stdout=out, stderr=subprocess.STDOUT, text=True
        )
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
        seconds = now() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        said = out.read().strip()
    found = SUMMARY.search(said)
    if child.returncode != 0 or found is None:
        raise RuntimeError(f"copy-to failed ({child.returncode}): {said[-2000:]}")
    rows = int(found.group(1).replace(",", ""))
    return {
        "seconds": seconds,
        "rows": rows,
        "tables": int(found.group(2)),
        "rows_per_s": rows / seconds,
        "peak_mb": usage.ru_maxrss / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,  # the copying process; the server's is apart
        "verified": "checksums match" in said,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path, help="the SQLite database to copy")
    parser.add_argument("--url", help="an empty PostgreSQL database (default: a throwaway one)")
    args = parser.parse_args()
    print(json.dumps(measure(args.file, args.url)))


if __name__ == "__main__":
    main()
