"""Sections of benchmarks/RESULTS.md that a benchmark run alone rewrites in place.

Each section sits between `<!-- bench:NAME -->` and `<!-- /bench:NAME -->`, so
`python -m benchmarks.desks` replaces its own figures and leaves the rest as they were.
"""

from __future__ import annotations

import argparse
import os
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import ROOT

RESULTS = ROOT / "benchmarks" / "RESULTS.md"


def write_section(name: str, lines: list[str], path: Path = RESULTS) -> None:
    """Puts `lines` into RESULTS.md as section `name`, replacing an earlier one."""
    start, end = f"<!-- bench:{name} -->", f"<!-- /bench:{name} -->"
    block = "\n".join([start, *lines, end])
    text = path.read_text() if path.exists() else "# CaseDesk benchmarks\n"
    if start in text and end in text:
        before, rest = text.split(start, 1)
        after = rest.split(end, 1)[1]
        text = before + block + after
    else:
        marker = "## Reading these figures"
        if marker in text:
            before, after = text.split(marker, 1)
            text = before + block + "\n\n" + marker + after
        else:
            text = text.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(text)


def measured(command: str) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    if "benchmarks.run" in command:
        return f"Measured {when} with `make bench` (`{command}`)."
    return f"Measured {when} with `{command}` (also part of `make bench`)."


def arguments(description: str) -> argparse.Namespace:
    """--sizes (default: BENCH_SIZES, else 10000) and --quick, as every benchmark takes them."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "10000"))
    parser.add_argument("--quick", action="store_true", help="fewer repeats (smoke test)")
    parser.add_argument("--no-write", action="store_true", help="print, leave RESULTS.md")
    args = parser.parse_args()
    args.sizes = [int(n) for n in str(args.sizes).split(",")]
    os.environ.setdefault("CASEDESK_DATA_DIR", str(ROOT / "benchmarks" / "data" / "appdata"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # windows in child processes too
    return args


def command(module: str, sizes: list[int], quick: bool = False) -> str:
    text = f"python -m benchmarks.{module} --sizes {','.join(str(s) for s in sizes)}"
    return text + (" --quick" if quick else "")
