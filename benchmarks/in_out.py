"""Data in and out at size: the FHIR export, the CSV import and `audit verify`, each beside
a baseline measured in the same run on the same data.

    python -m benchmarks.in_out [--sizes 10000,100000,1000000] [--quick] [--no-write]

- FHIR export (`casedesk export fhir`, a fresh process) at each size, against a plain
  SELECT of the rows it exports (patient, practitioner, case_file, case_body_part,
  appointment) through sqlite3.
- CSV import (`casedesk import patients`, a fresh process, into a new database) of
  100 000 rows and of each smaller size asked for, against parsing the same file alone
  with CaseDesk's own reader (app.services.patient_csv).
- `audit verify` (a fresh process) at each size on a scratch copy topped up with 3 audit
  entries per patient (benchmarks.audit_verify), against a plain SELECT of the entries.

Each figure is the median of RUNS runs (1 at a million patients, where one FHIR export
takes minutes; 1 with --quick). Part of `make bench`; writes the `in_out` section of
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import sqlite3
import tempfile
from pathlib import Path

from benchmarks import audit_verify, csv_import, data, fhir
from benchmarks.common import median, now, run_child

RUNS = 3
CSV_ROWS = 100_000
EXPORTED = ("patient", "practitioner", "case_file", "case_body_part", "appointment")


def runs_at(size: int, quick: bool) -> int:
    return 1 if quick or size >= 1_000_000 else RUNS


def select_all(path: Path, tables: tuple[str, ...]) -> tuple[int, float]:
    """(rows, seconds) of reading every row of `tables` with plain sqlite3: the floor."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        started, rows = now(), 0
        for table in tables:
            for _row in conn.execute(f"SELECT * FROM {table}"):  # noqa: S608 - fixed names
                rows += 1
        return rows, now() - started
    finally:
        conn.close()


def fhir_figures(path: Path, runs: int) -> dict:
    exports = [fhir.measure(path) for _ in range(runs)]
    floors = [select_all(path, EXPORTED) for _ in range(runs)]
    seconds = median([e["seconds"] for e in exports])
    floor = median([s for _rows, s in floors])
    return {
        "runs": runs,
        "patients": exports[0]["patients"],
        "resources": exports[0]["resources"],
        "seconds": seconds,
        "resources_per_s": exports[0]["resources"] / seconds,
        "peak_mb": median([e["peak_mb"] for e in exports]),
        "bundle_mb": exports[0]["bundle_mb"],
        "select_rows": floors[0][0],
        "select_s": floor,
        "select_rows_per_s": floors[0][0] / floor if floor else float("nan"),
        "ratio": seconds / floor if floor else float("nan"),
    }


def parse_only(path: Path) -> tuple[int, float]:
    """(rows, seconds) of reading the export with CaseDesk's CSV reader, nothing checked."""
    from app.services.patient_csv import open_csv

    started = now()
    rows = sum(1 for _ in open_csv(path).rows())
    return rows, now() - started


def csv_figures(rows: int, runs: int) -> dict:
    imports = [csv_import.measure(rows) for _ in range(runs)]
    with tempfile.TemporaryDirectory() as folder:
        export = csv_import.write_export(Path(folder) / "cliniko.csv", rows)
        parses = [parse_only(export) for _ in range(runs)]
    seconds = median([i["first_import_s"] for i in imports])
    parse = median([s for _n, s in parses])
    return {
        "runs": runs,
        "rows": rows,
        "seconds": seconds,
        "rows_per_s": rows / seconds,
        "peak_mb": median([i["first_import_peak_mb"] for i in imports]),
        "said": imports[0]["first_import_said"],
        "re_import_s": median([i["re_import_s"] for i in imports]),
        "re_import_said": imports[0]["re_import_said"],
        "exit_status": imports[0]["exit_status"],
        "parse_rows": parses[0][0],
        "parse_s": parse,
        "ratio": seconds / parse if parse else float("nan"),
    }


def audit_figures(path: Path, runs: int, per_patient: int = 3) -> dict:
    scratch = data.scratch_copy(path, "audit-scratch.sqlite3")
    try:
        # In a child: the top-up holds every new entry in memory, and a process forked
        # from a large parent reports the parent's pages as its own peak (the imports').
        top = run_child("benchmarks.audit_verify", str(scratch), f"--per-patient={per_patient}",
                        "--json", timeout=3600)  # fmt: skip
        verifies = [top["verify_s"]]
        verifies += [audit_verify.verify(str(scratch))["verify_s"] for _ in range(runs - 1)]
        floors = [select_all(scratch, ("audit_event",)) for _ in range(runs)]
    finally:
        for leftover in (scratch, Path(f"{scratch}-wal"), Path(f"{scratch}-shm")):
            leftover.unlink(missing_ok=True)
    seconds, floor = median(verifies), median([s for _n, s in floors])
    return {
        "runs": runs,
        "entries": floors[0][0],
        "top_up_s": top["top_up_s"],
        "seconds": seconds,
        "said": top["said"],
        "exit_status": top["exit_status"],
        "select_s": floor,
        "ratio": seconds / floor if floor else float("nan"),
    }


def csv_sizes(sizes: list[int]) -> list[int]:
    """100 000 rows, and each asked-for size below it (a quick run: the smallest size only)."""
    return sorted({s for s in sizes if s < CSV_ROWS} | {CSV_ROWS})


def measure(sizes: list[int], quick: bool = False, csv_rows: list[int] | None = None) -> dict:
    """Every figure of this section, by kind and size."""
    out: dict = {"fhir": {}, "csv": {}, "audit": {}}
    for size in sizes:
        path, _info = data.ensure(size)
        print(f"{size:,} patients: FHIR export", flush=True)
        out["fhir"][size] = fhir_figures(path, runs_at(size, quick))
        print(f"{size:,} patients: audit verify", flush=True)
        out["audit"][size] = audit_figures(path, runs_at(size, quick))
    for rows in csv_rows or csv_sizes(sizes):
        print(f"{rows:,} rows: CSV import", flush=True)
        out["csv"][rows] = csv_figures(rows, runs_at(rows, quick))
    return out


def _f(value: float, digits: int = 1) -> str:
    return "n/a" if value != value else f"{value:,.{digits}f}"


def section(figures: dict, command: str) -> list[str]:
    from benchmarks.sections import measured

    lines = [
        "## Data in and out: FHIR export, CSV import, audit verify",
        "",
        measured(command),
        "",
        "Each command runs as a fresh process (its start-up, ~1-2 s, included); the baseline "
        "is measured in the same run on the same data, in the benchmark's own process. "
        "Medians of the runs shown.",
        "",
        "**FHIR export** (`casedesk export fhir`) against a plain SELECT of the rows it exports",
        "",
        "| patients | runs | resources | export | resources/s | peak RSS | Bundle "
        "| SELECT rows | SELECT | rows/s | export / SELECT |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for size, f in figures["fhir"].items():
        lines.append(
            f"| {int(size):,} | {f['runs']} | {f['resources']:,} | {_f(f['seconds'])} s | "
            f"{_f(f['resources_per_s'], 0)} | {_f(f['peak_mb'])} MB | {_f(f['bundle_mb'])} MB | "
            f"{f['select_rows']:,} | {_f(f['select_s'], 2)} s | "
            f"{_f(f['select_rows_per_s'], 0)} | {_f(f['ratio'])}x |"
        )
    lines += [
        "",
        "**CSV import** (`casedesk import patients`, a Cliniko-shaped export into a new "
        "database; goal: 100 000 rows in under a minute) against parsing the file alone",
        "",
        "| rows | runs | import | rows/s | peak RSS | first run said | import again (all skipped) "
        "| parse alone | import / parse | goal |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for rows, f in figures["csv"].items():
        goal = "" if int(rows) != CSV_ROWS else "met" if f["seconds"] < 60 else "**not met**"
        lines.append(
            f"| {int(rows):,} | {f['runs']} | {_f(f['seconds'])} s | {_f(f['rows_per_s'], 0)} | "
            f"{f['peak_mb']:,} MB | {f['said']} | {_f(f['re_import_s'])} s | "
            f"{_f(f['parse_s'], 2)} s | {_f(f['ratio'])}x | {goal} |"
        )
    lines += [
        "",
        "**`audit verify`** on a scratch copy with 3 audit entries per patient added "
        "(benchmarks/audit_verify.py) against a plain SELECT of the entries",
        "",
        "| patients | runs | entries | verify | first run said | SELECT | verify / SELECT |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for size, f in figures["audit"].items():
        lines.append(
            f"| {int(size):,} | {f['runs']} | {f['entries']:,} | {_f(f['seconds'])} s | "
            f"{f['said']} | {_f(f['select_s'], 2)} s | {_f(f['ratio'])}x |"
        )
    lines.append("")
    return lines


def main() -> None:
    from benchmarks.sections import arguments, command, write_section

    args = arguments(__doc__)
    figures = measure(args.sizes, args.quick)
    lines = section(figures, command("in_out", args.sizes, args.quick))
    print("\n".join(lines))
    if not args.no_write:
        write_section("in_out", lines)


if __name__ == "__main__":
    main()
