"""FHIR export: the benchmark database written as one FHIR R4 Bundle, timed.

    python -m benchmarks.fhir FILE [--keep OUT]

Runs `casedesk --database FILE export fhir OUT` as a fresh process and reports its wall
time, resources per second, the Bundle's size and the process's peak memory (ru_maxrss
of that process alone). The export streams, so the peak should stay near start-up's
whatever the clinic's size. OUT is a temporary file unless --keep names one.

Measured 2026-11-26 with `/usr/bin/time -v casedesk --database DB export fhir OUT` on demo
data (SQLite), on the shared 2-core machine while the full test suite ran beside it (the
export got 17-22 % of a core, so the wall times are pessimistic):

    patients   resources   Bundle    wall      peak RSS
    10 000        68 439    24 MB    18 s      54 MB
    100 000      680 466   245 MB    1:21      54.5 MB
    1 000 000  6 800 306   2.47 GB   12:06     54.7 MB
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, ROOT, child_env, now

SUMMARY = re.compile(r"Exported ([\d,]+) patients.*\(([\d,]+) FHIR resources\)")


def measure(path: Path, out: Path | None = None) -> dict:
    """Exports `path` with the real command line; the Bundle is removed unless `out` is given."""
    with tempfile.TemporaryDirectory() as folder, tempfile.TemporaryFile("w+") as said_file:
        target = out or Path(folder) / "bundle.json"
        command = [PYTHON, "-m", "app", "--database", str(path), "export", "fhir", str(target)]
        started = now()
        child = subprocess.Popen(
            command, cwd=ROOT, env=child_env(), stdout=said_file, stderr=subprocess.STDOUT
        )
        _, status, usage = os.wait4(child.pid, 0)  # this child's own peak memory
        seconds = now() - started
        code = os.waitstatus_to_exitcode(status)
        said_file.seek(0)
        said = said_file.read().strip()
        found = SUMMARY.search(said)
        if code != 0 or found is None:
            raise RuntimeError(f"export fhir failed ({code}): {said[-2000:]}")
        size = target.stat().st_size
    resources = int(found.group(2).replace(",", ""))
    return {
        "seconds": seconds,
        "patients": int(found.group(1).replace(",", "")),
        "resources": resources,
        "resources_per_s": resources / seconds,
        "bundle_mb": size / 1e6,
        "peak_mb": usage.ru_maxrss / 1024,
        "cpu_s": usage.ru_utime + usage.ru_stime,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("file", type=Path, help="the database to export (a file path)")
    parser.add_argument("--keep", type=Path, help="write the Bundle here and keep it")
    args = parser.parse_args()
    print(json.dumps(measure(args.file, args.keep)))


if __name__ == "__main__":
    main()
