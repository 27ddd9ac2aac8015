"""The appointment book: day view and week view paint times at a benchmark database size.

    python -m benchmarks.book --patients 100000 [--repeat 30]

The benchmark database (benchmarks/data.ensure) is copied to book-N-revR.sqlite3 and
given a clinic's two years: 12 active practitioners and about 3 appointments per
patient, plus one busy week in which each practitioner has 30 appointments a day
(12 x 30 on each weekday). Then, through the real main window (offscreen, 1920x1080):

- day: the date in `scheduleDate` changes between two busy days; the time until the
  book paints the new day (read on a worker, model filled, view painted);
- week: one practitioner's busy week, switching between two practitioners;
- baseline: in the same run, a bare QTableView over a QStandardItemModel of the same
  size (12 x 48 cells, 360 texts) reset and painted: what any Qt table costs here.

Median and p95 in milliseconds, and the median's ratio to the baseline's.
"""

from __future__ import annotations

import argparse
import random
import secrets
import sqlite3
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from benchmarks.common import median, ms, now, percentile, report

PRACTITIONERS = 12
PER_PATIENT = 3
BUSY_PER_DAY = 30
BUSY_MINUTES = 20  # 30 visits of 20 minutes: 08:00 to 18:00
DAY_TARGET_MS, WEEK_TARGET_MS = 100, 150  # the goals


def _sqlite_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def busy_monday(zone: ZoneInfo) -> date:
    """A Monday three weeks ahead: clear of the demo data's own bookings near today."""
    today = datetime.now(zone).date()
    return today - timedelta(days=today.weekday()) + timedelta(weeks=3)


def _add_practitioners(path: Path) -> tuple[list[int], ZoneInfo]:
    """Twelve active practitioners (the demo data has fewer at this size), and the zone."""
    from app.db import Database
    from app.services import practitioners, settings

    db = Database(str(path))
    try:
        have = [p.id for p in practitioners.list_practitioners(db)]
        for n in range(len(have), PRACTITIONERS):
            have.append(practitioners.add_practitioner(db, f"Practitioner {n + 1}").id)
        for extra in have[PRACTITIONERS:]:  # a million patients bring more: the clinic has 12
            practitioners.update_practitioner(db, extra, active=False)
        return have[:PRACTITIONERS], ZoneInfo(settings.get(db, "clinic.timezone"))
    finally:
        db.dispose()


def _stamp_format(conn: sqlite3.Connection) -> str:
    sample = conn.execute("SELECT starts_at FROM appointment LIMIT 1").fetchone()
    return sample[0] if sample else ""


def prepare(patients: int) -> tuple[Path, dict]:
    """The book benchmark's own copy of the benchmark database, made once per size."""
    from benchmarks.data import ensure, scratch_copy

    source, _info = ensure(patients)
    target = source.parent / f"book-{source.stem}.sqlite3"
    sidecar = target.with_suffix(".txt")
    if target.exists() and sidecar.exists():
        ids, zone_key, monday = sidecar.read_text().split("\n")[:3]
        return target, {
            "practitioners": [int(i) for i in ids.split(",")],
            "zone": zone_key,
            "monday": date.fromisoformat(monday),
        }
    made = scratch_copy(source, target.name)
    ids, zone = _add_practitioners(made)
    monday = busy_monday(zone)
    _fill_appointments(made, patients, ids, zone, monday)
    sidecar.write_text(f"{','.join(map(str, ids))}\n{zone.key}\n{monday.isoformat()}\n")
    return made, {"practitioners": ids, "zone": zone.key, "monday": monday}


def _fill_appointments(
    path: Path, patients: int, ids: list[int], zone: ZoneInfo, monday: date
) -> None:
    """Tops the appointments up to ~3 per patient over two years, and fills the busy week."""
    rnd = random.Random(7)
    conn = sqlite3.connect(path)
    try:
        have = conn.execute("SELECT count(*) FROM appointment").fetchone()[0]
        cases = [r[0] for r in conn.execute("SELECT id FROM case_file")]
        wanted = max(0, PER_PATIENT * patients - have)
        first = datetime.combine(monday - timedelta(days=365), time(0), zone)
        busy = {monday + timedelta(days=n) for n in range(7)}
        now = datetime.now(UTC)
        rows = []

        def add(case_id: int, practitioner: int, start: datetime, minutes: int) -> None:
            rows.append(
                (
                    case_id,
                    practitioner,
                    _sqlite_time(start),
                    _sqlite_time(start + timedelta(minutes=minutes)),
                    "completed" if start < now else "reserved",
                    "follow_up",
                    secrets.token_urlsafe(24),
                    _sqlite_time(start - timedelta(days=7)),
                )
            )

        while len(rows) < wanted:
            day = first.date() + timedelta(days=rnd.randrange(730))
            if day in busy or day.weekday() >= 5:
                continue
            slot = time(9 + rnd.randrange(8), rnd.choice((0, 30)))
            start = datetime.combine(day, slot, zone)
            add(rnd.choice(cases), rnd.choice(ids), start, 30)
        for n in range(5):
            day = monday + timedelta(days=n)
            for practitioner in ids:
                for k in range(BUSY_PER_DAY):
                    start = datetime.combine(day, time(8), zone) + timedelta(
                        minutes=BUSY_MINUTES * k
                    )
                    add(rnd.choice(cases), practitioner, start, BUSY_MINUTES)
        conn.executemany(
            "INSERT INTO appointment (case_id, practitioner_id, starts_at, ends_at, status, kind,"
            " token, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
        conn.commit()
        conn.execute("ANALYZE")
    finally:
        conn.close()


# --- timings through the window ------------------------------------------------------------


def _paint_after(app, widget, change, shown) -> float | None:
    """Seconds from `change()` to the first paint of `widget` at which `shown()` holds."""
    from benchmarks.gui import PaintWatch, wait_until

    watch = PaintWatch([widget.viewport()], shown)
    started = now()
    change()
    if not wait_until(app, lambda: watch.at is not None, 10.0):
        return None
    widget.viewport().removeEventFilter(watch)
    return watch.at - started


def _summary(values: list[float]) -> dict:
    return {
        "median_ms": round(ms(median(values)), 1),
        "p95_ms": round(ms(percentile(values, 95)), 1),
        "runs": len(values),
    }


def _baseline(app, repeat: int) -> list[float]:
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    view = QTableView()
    view.resize(1500, 900)
    view.show()
    model = QStandardItemModel(48, PRACTITIONERS)
    view.setModel(model)
    times = []
    for n in range(repeat):

        def change(n: int = n) -> None:
            model.beginResetModel()
            for r in range(48):
                for c in range(PRACTITIONERS):
                    text = f"Patient {n} {r}\nC-{r:05d} · Left knee" if r < BUSY_PER_DAY else ""
                    model.setItem(r, c, QStandardItem(text))
            model.endResetModel()

        took = _paint_after(app, view, change, lambda: True)
        if took is not None:
            times.append(took)
    view.close()
    return times


def measure(path: Path, info: dict, repeat: int) -> dict:
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QApplication

    from app.main import create_main_window
    from benchmarks.gui import wait_until

    app = QApplication.instance() or QApplication(sys.argv[:1])
    baseline = _baseline(app, repeat)
    window = create_main_window(str(path))
    window.resize(1920, 1080)
    window.show()
    panel = window.book
    panel.tabs.setCurrentWidget(panel)
    wait_until(app, lambda: panel.book is not None and not window.runner.busy("book"))
    monday: date = info["monday"]
    days = (monday + timedelta(days=1), monday + timedelta(days=2))
    panel.date.setDate(QDate(days[1].year, days[1].month, days[1].day))
    wait_until(app, lambda: panel.book.day == days[1] and not window.runner.busy("book"))

    day_times = []
    for n in range(repeat):
        day = days[n % 2]
        took = _paint_after(
            app,
            panel.view,
            lambda day=day: panel.date.setDate(QDate(day.year, day.month, day.day)),
            lambda day=day: getattr(panel.book, "day", None) == day and panel.model.blocks != [],
        )
        if took is not None:
            day_times.append(took)
    shown_blocks = len(panel.model.blocks)

    panel.week_button.setChecked(True)
    wait_until(app, lambda: hasattr(panel.book, "practitioner") and not window.runner.busy("book"))
    week_times = []
    for n in range(repeat):
        index = n % 2 + 1
        pid = panel.practitioner.itemData(index)

        def change(index: int = index) -> None:
            panel.practitioner.setCurrentIndex(index)
            panel.reload()

        took = _paint_after(
            app,
            panel.view,
            change,
            lambda pid=pid: getattr(getattr(panel.book, "practitioner", None), "id", 0) == pid,
        )
        if took is not None:
            week_times.append(took)
    week_blocks = len(panel.model.blocks)
    window.close()
    window.db.dispose()
    base = median(baseline)
    day, week = _summary(day_times), _summary(week_times)
    day["ratio_to_baseline"] = round(median(day_times) / base, 1) if base else None
    week["ratio_to_baseline"] = round(median(week_times) / base, 1) if base else None
    day["appointments_shown"], week["appointments_shown"] = shown_blocks, week_blocks
    day["target_ms"], week["target_ms"] = DAY_TARGET_MS, WEEK_TARGET_MS
    return {"baseline": _summary(baseline), "day_view": day, "week_view": week}


def main(argv: list[str] | None = None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--patients", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args(argv)
    path, info = prepare(args.patients)
    conn = sqlite3.connect(path)
    counts = {
        "patients": args.patients,
        "appointments": conn.execute("SELECT count(*) FROM appointment").fetchone()[0],
        "practitioners": conn.execute("SELECT count(*) FROM practitioner WHERE active").fetchone()[
            0
        ],
    }
    conn.close()
    result = {**counts, **measure(path, info, args.repeat)}
    write_results(result)
    report(result)
    return result


def write_results(result: dict, out: Path | None = None) -> None:
    """benchmarks/BOOK.md (or `out`): the figures of the last run, beside RESULTS.md."""
    from benchmarks.common import ROOT

    lines = [
        "# Appointment book benchmark (`python -m benchmarks.book`)",
        "",
        f"{result['patients']:,} patients, {result['appointments']:,} appointments, "
        f"{result['practitioners']} active practitioners; offscreen, 1920x1080.",
        "",
        "| measure | median ms | p95 ms | runs | x baseline | goal ms |",
        "|---|---|---|---|---|---|",
    ]
    for name, key in (
        ("Day view paint after the date changes", "day_view"),
        ("Week view paint", "week_view"),
        ("Baseline: bare QTableView reset and paint", "baseline"),
    ):
        row = result[key]
        lines.append(
            f"| {name} | {row['median_ms']} | {row['p95_ms']} | {row['runs']} | "
            f"{row.get('ratio_to_baseline', 1.0)} | {row.get('target_ms', '')} |"
        )
    lines += [
        "",
        f"Day view: {result['day_view']['appointments_shown']} appointments shown; "
        f"week view: {result['week_view']['appointments_shown']}.",
        "",
    ]
    (out or ROOT / "benchmarks" / "BOOK.md").write_text("\n".join(lines), encoding="utf-8")


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    main()
