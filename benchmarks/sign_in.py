"""A staff sign-in with argon2id: `accounts.sign_in` timed against a bare argon2 verify.

    python -m benchmarks.sign_in [--runs 30] [--database TARGET] [--quick] [--no-write]

Both are measured in the same process, interleaved (verify, sign-in, verify, ...), on the
same stored hash, so a busy machine slows both alike. A sign-in is the account's lookup,
the argon2id verify (argon2-cffi's defaults: 64 MiB, 3 passes, 4 lanes), and one write
transaction: the failure counter cleared, the last sign-in time, and a chained audit
entry. Without --database a fresh SQLite file in a temporary folder is used.
"""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from benchmarks.common import median, ms, now, percentile

USER, PASSWORD = "Meera", "a long enough password"
WARM_UP = 2


def measure(target: str, runs: int) -> dict:
    """Median and p95 (ms) of `runs` sign-ins and of as many bare verifies, and their ratio."""
    from argon2 import PasswordHasher
    from sqlalchemy import select

    from app.db import Database
    from app.models import StaffAccount
    from app.services import accounts

    db = Database(target)
    try:
        if not accounts.has_accounts(db):
            accounts.add_account(db, USER, "admin", PASSWORD)
        with db.reading() as session:
            stored = session.scalar(select(StaffAccount.password_hash).filter_by(user_name=USER))
        hasher = PasswordHasher()
        timed: dict[str, list[float]] = {k: [] for k in ("verify", "sign_in", "v_cpu", "s_cpu")}
        for turn in range(WARM_UP + runs):
            started, cpu_started = now(), time.process_time()
            hasher.verify(stored, PASSWORD)
            middle, cpu_middle = now(), time.process_time()
            accounts.sign_in(db, USER, PASSWORD)
            ended, cpu_ended = now(), time.process_time()
            accounts.sign_out(db)
            if turn >= WARM_UP:
                timed["verify"].append(middle - started)
                timed["sign_in"].append(ended - middle)
                timed["v_cpu"].append(cpu_middle - cpu_started)
                timed["s_cpu"].append(cpu_ended - cpu_middle)
    finally:
        db.dispose()
    verify, sign_in = timed["verify"], timed["sign_in"]
    figures = {
        "runs": runs,
        "verify_ms": ms(median(verify)),
        "verify_p95_ms": ms(percentile(verify, 95)),
        "sign_in_ms": ms(median(sign_in)),
        "sign_in_p95_ms": ms(percentile(sign_in, 95)),
        # CPU time of the process, every thread: steadier than wall time on a shared machine
        "verify_cpu_ms": ms(median(timed["v_cpu"])),
        "sign_in_cpu_ms": ms(median(timed["s_cpu"])),
        "hash": " ".join(stored.split("$")[1:4:2]),  # e.g. argon2id m=65536,t=3,p=4
    }
    figures["ratio"] = figures["sign_in_ms"] / figures["verify_ms"]
    figures["overhead_ms"] = figures["sign_in_ms"] - figures["verify_ms"]
    figures["cpu_ratio"] = figures["sign_in_cpu_ms"] / figures["verify_cpu_ms"]
    return figures


def section(figures: dict, command: str) -> list[str]:
    from benchmarks.sections import measured

    return [
        "**Sign-in with argon2id**",
        "",
        "| | median (wall) | p95 (wall) | median CPU time |",
        "| --- | ---: | ---: | ---: |",
        f"| bare `PasswordHasher().verify` | {figures['verify_ms']:.0f} ms "
        f"| {figures['verify_p95_ms']:.0f} ms | {figures['verify_cpu_ms']:.0f} ms |",
        f"| `accounts.sign_in` (lookup, verify, audited write) | {figures['sign_in_ms']:.0f} ms "
        f"| {figures['sign_in_p95_ms']:.0f} ms | {figures['sign_in_cpu_ms']:.0f} ms |",
        "",
        f"A sign-in takes {figures['ratio']:.2f}x a bare verify in wall time "
        f"({figures['overhead_ms']:+.1f} ms for the lookup and the audited write; "
        f"{figures['cpu_ratio']:.2f}x in CPU time). {figures['runs']} of each, interleaved, "
        f"hash parameters {figures['hash']}. " + measured(command),
    ]


def run(
    out: Path | None = None, quick: bool = False, target: str | None = None, runs: int = 30
) -> list[str]:
    """Measures (on a fresh SQLite file unless `target`); writes the section into `out`."""
    runs = 3 if quick else runs
    with tempfile.TemporaryDirectory(prefix="casedesk-sign-in-") as folder:
        figures = measure(target or str(Path(folder) / "sign-in.sqlite3"), runs)
    command = "python -m benchmarks.sign_in" + (f" --runs {runs}" if runs != 30 else "")
    lines = section(figures, command + (f" --database {target}" if target else ""))
    if out is not None:
        from benchmarks.sections import write_section

        write_section("sign_in", lines, out)
    return lines


def main() -> None:
    from benchmarks.common import ROOT
    from benchmarks.sections import RESULTS

    os.environ.setdefault("CASEDESK_DATA_DIR", str(ROOT / "benchmarks" / "data" / "appdata"))

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--database", help="a file or URL (default: a fresh SQLite file)")
    parser.add_argument("--quick", action="store_true", help="3 runs (smoke test)")
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    args = parser.parse_args()
    out = None if args.no_write else RESULTS
    print("\n".join(run(out, args.quick, args.database, args.runs)))


if __name__ == "__main__":
    main()
