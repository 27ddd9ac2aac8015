"""Start-up: process start to the window's first paint, and to the first patients painted.

    python -m benchmarks.startup [--sizes 10000,100000] [--quick]

Each run is a fresh process (`python -m benchmarks.gui startup ...`), the CaseDesk
window and a bare QMainWindow + QTableView interleaved so both see the same machine.
Both run with a bytecode cache, as an installed CaseDesk has: PYTHONPYCACHEPREFIX
points at a temporary folder (PYTHONDONTWRITEBYTECODE, which this machine sets, is
removed), filled by one run of each before the measured ones.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from benchmarks.common import median, run_child

RUNS = 7


def startup(path: Path | str, runs: int = RUNS) -> dict:
    """Medians of `runs` fresh processes each of the window and the bare window."""
    with tempfile.TemporaryDirectory(prefix="casedesk-pycache-") as cache:
        env = {"PYTHONPYCACHEPREFIX": cache, "PYTHONDONTWRITEBYTECODE": None}

        def once(kind: str, target: str) -> dict:
            return run_child("benchmarks.gui", "startup", kind, target, repr(time.time()), env=env)

        once("bare", "-")  # compiles and caches the bytecode of everything imported
        once("app", str(path))
        app, bare, rows = [], [], []
        for _ in range(runs):
            bare.append(once("bare", "-")["painted_ms"])
            result = once("app", str(path))
            app.append(result["painted_ms"])
            rows.append(result["rows_ms"])
    return {
        "app_ms": median(app),
        "bare_ms": median(bare),
        "rows_ms": median(rows),
        "ratio": median(app) / median(bare),
        "runs": runs,
        "bytecode_cache": True,
    }


def section(by_size: dict[int, dict], command: str) -> list[str]:
    from benchmarks.sections import measured

    lines = [
        "## Start-up with bytecode caches",
        "",
        measured(command),
        "",
        "Process start to first paint, median of fresh processes, the CaseDesk window and a "
        "bare QMainWindow + QTableView started the same way and interleaved, both with a warmed "
        "bytecode cache (PYTHONPYCACHEPREFIX). Patients listed = process start to the first "
        "rows of `patientList` painted. Goals: first paint within 2x the bare window; patients "
        "listed within 1 s.",
        "",
        "| patients | runs | CaseDesk first paint | bare window | ratio (goal ≤ 2x) | "
        "patients listed (goal ≤ 1000 ms) |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for size, s in by_size.items():
        met = "met" if s["ratio"] <= 2 else "**not met**"
        listed = "met" if s["rows_ms"] <= 1000 else "**not met**"
        lines.append(
            f"| {size:,} | {s['runs']} | {s['app_ms']:.0f} ms | {s['bare_ms']:.0f} ms | "
            f"{s['ratio']:.1f}x ({met}) | {s['rows_ms']:.0f} ms ({listed}) |"
        )
    lines.append("")
    return lines


def main() -> None:
    from benchmarks import data
    from benchmarks.sections import arguments, command, write_section

    args = arguments(__doc__)
    by_size = {}
    for size in args.sizes:
        path, _info = data.ensure(size)
        print(f"{size:,} patients: start-up", flush=True)
        by_size[size] = startup(path, 1 if args.quick else RUNS)
    lines = section(by_size, command("startup", args.sizes, args.quick))
    print("\n".join(lines))
    if not args.no_write:
        write_section("startup", lines)


if __name__ == "__main__":
    main()
