"""`make bench`: every benchmark at every size, written to benchmarks/RESULTS.md.

    python -m benchmarks.run [--sizes 10000,100000,1000000] [--quick] [--out FILE]

Each figure is a median over repeated runs, each in a fresh process where it
matters (start-up, memory). --quick is for the smoke test: fewer repeats.
After the single-desk figures come the several-desk ones, on SQLite and on a
PostgreSQL server kept in benchmarks/data/postgres (benchmarks.desks, .seen,
.lock, .search; each can also be run alone). Last, data in and out: the FHIR
export and `audit verify` at each size and the CSV import of 100 000 rows and of
the smaller sizes, each beside a baseline (benchmarks.in_out, also run alone).
"""

from __future__ import annotations

import argparse
import json
import os
from datetime import UTC, datetime
from pathlib import Path

from benchmarks import copy_to, data, sign_in
from benchmarks import startup as startup_bench
from benchmarks.common import ROOT, machine, median, percentile, run_child
from benchmarks.report import write_results

STARTUP_RUNS = startup_bench.RUNS


def startup(path: Path, runs: int) -> dict:
    """Fresh processes with a warmed bytecode cache, the bare window interleaved."""
    return startup_bench.startup(path, runs)


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


def several_desks(results: list[dict], quick: bool) -> dict:
    """The several-desk benchmarks at each size, on SQLite and PostgreSQL."""
    from benchmarks import desks, lock, seen
    from benchmarks import pg as pgmod
    from benchmarks import search as search_bench

    out: dict = {"loaded": {}, "desks": {}, "seen": {}, "lock": {}, "search": {}}
    with pgmod.server() as pg:
        for r in results:
            size = r["patients"]
            path, _info = data.ensure(size)
            name, held, how = out["loaded"][size] = pgmod.loaded(pg, path, size)
            print(f"{size:,} patients: several desks (PostgreSQL holds {held:,})", flush=True)
            out["desks"][size] = desks.measure(path, pg, name, quick)
            out["seen"][size] = seen.measure(path, pg, name, quick)
            out["lock"][size] = lock.measure(path, pg, name, quick)
            out["search"][size] = {
                "SQLite": {  # the main run's own window and query figures
                    "window": r["window"]["search"],
                    "p50": r["typed"]["p50"],
                    "p95": r["typed"]["p95"],
                    "timeouts": sum(v["timeouts"] for v in r["window"]["search"].values()),
                    "queries": r["services"]["search"],
                },
                "PostgreSQL": search_bench.engine_figures(pg.url(name), quick),
            }
    return out


def write_sections(
    out: Path, results: list[dict], desks_figures: dict, command: str, moved: dict | None = None
) -> None:
    from benchmarks import desks, in_out, lock, seen
    from benchmarks import search as search_bench
    from benchmarks.sections import write_section

    loaded = desks_figures["loaded"]
    startups = {r["patients"]: r["startup"] for r in results}
    write_section("startup", startup_bench.section(startups, command), out)
    write_section("search", search_bench.section(desks_figures["search"], loaded, command), out)
    write_section("desks", desks.section(desks_figures["desks"], loaded, command), out)
    write_section("lock", lock.section(desks_figures["lock"], loaded, command), out)
    write_section("seen", seen.section(desks_figures["seen"], loaded, command), out)
    if moved is not None:
        write_section("in_out", in_out.section(moved, command), out)


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
    desks_figures = several_desks(results, args.quick)
    from benchmarks import in_out

    moved = in_out.measure([r["patients"] for r in results], args.quick)
    raw = args.out.with_suffix(".json")
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    saved = {
        "date": when,
        "machine": machine(),
        "results": results,
        "several_desks": desks_figures,
        "in_out": moved,
    }
    raw.write_text(json.dumps(saved, indent=1, default=str))
    write_results(args.out, when, machine(), results, desks_figures)
    command = f"python -m benchmarks.run --sizes {args.sizes}" + (" --quick" if args.quick else "")
    write_sections(args.out, results, desks_figures, command, moved)
    print("sign-in with argon2id", flush=True)
    sign_in.run(args.out, args.quick)  # needs no benchmark database: a fresh file of its own
    print(f"Wrote {args.out}")


if __name__ == "__main__":
    main()
