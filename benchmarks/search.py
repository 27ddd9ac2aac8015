"""Search as you type through the real window on SQLite and on PostgreSQL, and the
PostgreSQL query against its SQL floor.

    python -m benchmarks.search [--sizes 10000,100000,1000000] [--quick]

Window: `benchmarks.gui search` (the same keystroke-to-rows-painted measurement as the
main run: a receptionist's pace of 110 ms a key, the last key timed until the
matching rows are painted) in a fresh process per engine. Query: `search_patients`
alone against its floor, the very SQL it sent (caught on the engine) run again
straight through psycopg (sqlite3 for SQLite) on the same database.
"""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.common import median, percentile, run_child

FLOOR_REPEAT = 15


def texts_of(target: str, quick: bool) -> dict[str, list[str]]:
    from app.db import Database
    from benchmarks.queries import search_texts

    db = Database(target)
    try:
        texts = search_texts(db)
    finally:
        db.dispose()
    return {k: v[:1] for k, v in texts.items()} if quick else texts


def pg_floor(dsn: str, statements: list[tuple[str, object]]) -> list[float]:
    """Times the captured statements on a plain psycopg connection."""
    import psycopg

    from benchmarks.common import ms, now

    with psycopg.connect(dsn, autocommit=True) as conn:
        for sql, params in statements:  # warm, as the service run was
            conn.execute(sql, params).fetchall()
        times = []
        for _ in range(FLOOR_REPEAT):
            started = now()
            for sql, params in statements:
                conn.execute(sql, params).fetchall()
            times.append(ms(now() - started))
        return times


def query_vs_floor(target: str, dsn: str | None) -> dict:
    from app.db import Database
    from benchmarks.queries import floor, time_searches

    db = Database(target)
    try:
        if dsn is None:
            return time_searches(db, lambda st: floor(Path(target), st))
        return time_searches(db, lambda st: pg_floor(dsn, st))
    finally:
        db.dispose()


def engine_figures(target: str, quick: bool) -> dict:
    """Window and query figures on one database (a SQLite path or a PostgreSQL URL)."""
    dsn = target.replace("postgresql+psycopg://", "postgresql://") if "://" in target else None
    texts = texts_of(target, quick)
    window = run_child("benchmarks.gui", "search", target, json.dumps(texts))
    samples = [s for item in window.values() for s in item["samples"]]
    return {
        "window": window,
        "p50": median(samples),
        "p95": percentile(samples, 95),
        "timeouts": sum(item["timeouts"] for item in window.values()),
        "queries": query_vs_floor(target, dsn),
    }


def measure(sqlite_path: Path, pg=None, pg_name: str | None = None, quick=False) -> dict:
    result = {"SQLite": engine_figures(str(sqlite_path), quick)}
    if pg is not None:
        result["PostgreSQL"] = engine_figures(pg.url(pg_name), quick)
    return result


def _worst_ratio(queries: dict, min_floor: float) -> str:
    ratios = [
        q["service_ms"] / q["floor_ms"] for q in queries.values() if q["floor_ms"] >= min_floor
    ]
    return f"{max(ratios):.1f}x" if ratios else "n/a (no floor that long)"


def section(by_size: dict[int, dict], loaded: dict[int, tuple], command: str) -> list[str]:
    from benchmarks.sections import measured

    lines = [
        "## Search as you type on SQLite and PostgreSQL",
        "",
        measured(command),
        "",
        "Last keystroke in `patientSearch` to the matching rows painted in `patientList`, "
        "through the real window (typing at 110 ms a key; every text of the main run's table "
        "above, 5 times each). Query = `search_patients` alone; floor = the same SQL sent "
        "straight through the driver (psycopg / sqlite3). Goals at 1M: SQLite p95 ≤ 50 ms; "
        "PostgreSQL p95 ≤ 100 ms and the query within 2x its floor.",
        "",
        "| patients | engine | window p50 | window p95 | timeouts | worst query / floor "
        "(floors ≥ 1 ms) | worst query / floor (all) | slowest query |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for size, engines in by_size.items():
        for engine, r in engines.items():
            held = size if engine == "SQLite" else loaded[size][1]
            slowest_key = max(r["queries"], key=lambda k: r["queries"][k]["service_ms"])
            slowest = r["queries"][slowest_key]
            lines.append(
                f"| {held:,} | {engine} | {r['p50']:.1f} ms | **{r['p95']:.1f} ms** | "
                f"{r['timeouts']} | {_worst_ratio(r['queries'], 1.0)} | "
                f"{_worst_ratio(r['queries'], 0.0)} | {slowest_key}: "
                f"{slowest['service_ms']:.1f} ms (floor {slowest['floor_ms']:.1f} ms) |"
            )
    lines += ["", "Per typed text on PostgreSQL:", ""]
    lines += [
        "| patients | typed | matches | window p50 | window p95 | query | SQL floor | query / floor |",
        "| --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for size, engines in by_size.items():
        r = engines.get("PostgreSQL")
        if r is None:
            continue
        for key, q in r["queries"].items():
            samples = r["window"].get(key, {}).get("samples", [])
            p50, p95 = (
                (f"{median(samples):.1f} ms", f"{percentile(samples, 95):.1f} ms")
                if samples
                else ("-", "-")  # --quick types one text of each kind
            )
            lines.append(
                f"| {loaded[size][1]:,} | {key} | {q['matches']:,} | {p50} | {p95} | "
                f"{q['service_ms']:.2f} ms | "
                f"{q['floor_ms']:.2f} ms | {q['service_ms'] / q['floor_ms']:.1f}x |"
            )
    lines.append("")
    return lines


def run_all(sizes: list[int], quick: bool = False) -> tuple[dict, dict]:
    from benchmarks import pg as pgmod

    return pgmod.per_size(sizes, "search as you type on both engines", measure, quick)


def main() -> None:
    from benchmarks.sections import arguments, command, write_section

    args = arguments(__doc__)
    by_size, loaded = run_all(args.sizes, args.quick)
    lines = section(by_size, loaded, command("search", args.sizes, args.quick))
    print("\n".join(lines))
    if not args.no_write:
        write_section("search", lines)


if __name__ == "__main__":
    main()
