"""`make bench`: every benchmark at every size, written to benchmarks/RESULTS.md.

    python -m benchmarks.run [--sizes 10000,100000,1000000] [--quick] [--out FILE]

Each figure is a median over repeated runs, each in a fresh process where it
matters (start-up, memory). --quick is for the smoke test: fewer repeats.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import copy_to, data
from benchmarks.common import ROOT, machine, median, percentile, run_child
from benchmarks.report import write_results

STARTUP_RUNS = 7


def startup(path: Path, runs: int) -> dict:
    app, bare, rows = [], [], []
    for _ in range(runs):  # interleaved, so both see the same machine state
        bare.append(run_child("benchmarks.gui", "startup", "bare", "-", repr(time.time())))
        result = run_child("benchmarks.gui", "startup", "app", str(path), repr(time.time()))
        app.append(result["painted_ms"])
        rows.append(result["rows_ms"])
    return {
        "app_ms": median(app),
        "bare_ms": median([b["painted_ms"] for b in bare]),
        "rows_ms": median(rows),
    }


def memory(path: Path) -> dict:
    return {
        kind: run_child("benchmarks.gui", "memory", kind, str(path))
        for kind in ("bare", "app", "naive")
    }


def search_texts(path: Path) -> dict:
    from app.db import Database
    from benchmarks.queries import search_texts as texts

    db = Database(str(path))
    try:
        return texts(db)
    finally:
        db.dispose()


def bench_size(patients: int, quick: bool) -> dict:
    path, info = data.ensure(patients)
    sidecar = path.with_suffix(".json")
    print(f"{patients:,} patients: services", flush=True)
    bookings = "5" if quick else "1000"
    services = run_child("benchmarks.queries", str(path), str(sidecar), bookings)
    print(f"{patients:,} patients: window", flush=True)
    texts = search_texts(path)
    if quick:
        texts = {kind: items[:1] for kind, items in texts.items()}
    window = run_child("benchmarks.gui", "interact", str(path), str(sidecar), json.dumps(texts))
    print(f"{patients:,} patients: start-up and memory", flush=True)
    started = startup(path, 1 if quick else STARTUP_RUNS)
    latencies = typed_latencies(window)
    print(f"{patients:,} patients: copy-to PostgreSQL", flush=True)
    copied = copy_to.measure(path)
    return {
        "patients": patients,
        "services": services,
        "window": window,
        "typed": {"p50": median(latencies), "p95": percentile(latencies, 95)},
        "startup": started,
        "memory": memory(path),
        "copy_to": copied,
    }


def typed_latencies(window: dict) -> list[float]:
    return [s for item in window["search"].values() for s in item["samples"]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--out", type=Path, default=ROOT / "benchmarks" / "RESULTS.md")
    args = parser.parse_args()
    os.environ.setdefault("CASEDESK_DATA_DIR", str(data.DATA / "appdata"))
    if args.quick:
        os.environ["BENCH_REPEAT"] = "1"
    results = [bench_size(int(n), args.quick) for n in args.sizes.split(",")]
    raw = args.out.with_suffix(".json")
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    raw.write_text(json.dumps({"date": when, "machine": machine(), "results": results}, indent=1))
    write_results(args.out, when, machine(), results)
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
