"""CSV import of patients: a Cliniko-shaped export of N rows imported with the real command line.

    python -m benchmarks.csv_import [--rows 100000] [--database TARGET]

Writes an export like Cliniko's (day-first dates, national AU mobile numbers, 1 row in
100 with a bad e-mail), runs `casedesk import patients FILE` as a fresh process into a
new SQLite database (or TARGET), then runs it again (every row skipped). Reports the
wall time and peak memory of each run. The goal: 100 000 rows in under a minute.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import subprocess
import tempfile
from pathlib import Path

from benchmarks.common import PYTHON, ROOT, child_env, now

FIRST = ("Olivia", "Jack", "Chloé", "Liam", "Ava", "Noah", "Mia", "Oliver", "Zoë", "William")
LAST = ("Nguyen", "Smith", "O'Brien", "Martin", "Wilson", "Taylor", "Brown", "Müller", "Lee")
HEADER = ["ID", "Title", "First Name", "Last Name", "Date of Birth", "Sex", "Email", "Mobile Phone"]


def write_export(path: Path, rows: int, seed: int = 1) -> Path:
    """A Cliniko-shaped export: unique mobiles, names repeating as they do in a real list."""
    pick = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(rows):
            first, last = pick.choice(FIRST), pick.choice(LAST)
            email = f"{first.lower()}.{i}@example" + ("" if i % 100 == 99 else ".com.au")
            mobile = f"04{i // 1_000_000 % 40:02d} {i // 1000 % 1000:03d} {i % 1000:03d}"
            born = f"{pick.randint(1, 28):02d}/{pick.randint(1, 12):02d}/{pick.randint(1940, 2015)}"
            sex = pick.choice(("Female", "Male", ""))
            out.writerow([10_000 + i, "", first, f"{last}{i}", born, sex, email, mobile])
    return path


def _run(args: list[str], env: dict[str, str]) -> tuple[float, int, str, str]:
    """(seconds, peak RSS in MB, last stdout line, exit status) of one CLI run."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = now()
        child = subprocess.Popen(
            [PYTHON, "-m", "app", *args], cwd=ROOT, env=env, stdout=out, stderr=err, text=True
        )
        _, status, usage = os.wait4(child.pid, 0)
        seconds = now() - started
        out.seek(0)
        lines = out.read().strip().splitlines()
    code = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss // 1024, lines[-1] if lines else "", str(code)


def measure(rows: int = 100_000, database: str | None = None) -> dict:
    with tempfile.TemporaryDirectory() as folder:
        env = child_env() | {"CASEDESK_DATA_DIR": folder}
        target = database or str(Path(folder) / "import.sqlite3")
        export = write_export(Path(folder) / "cliniko.csv", rows)
        _run(["--database", target, "config", "set", "clinic.region", "AU"], env)
        first = _run(["--database", target, "import", "patients", str(export)], env)
        again = _run(["--database", target, "import", "patients", str(export)], env)
    return {
        "rows": rows,
        "first_import_s": round(first[0], 1),
        "first_import_rows_per_s": round(rows / first[0]),
        "first_import_peak_mb": first[1],
        "first_import_said": first[2],
        "re_import_s": round(again[0], 1),
        "re_import_said": again[2],
        "exit_status": [first[3], again[3]],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--database", help="SQLAlchemy URL or file (default: a new SQLite file)")
    args = parser.parse_args()
    print(json.dumps(measure(args.rows, args.database), indent=2))


if __name__ == "__main__":
    main()
