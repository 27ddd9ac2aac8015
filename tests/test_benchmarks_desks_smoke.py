"""The several-desk benchmarks run end to end on a tiny clinic, on SQLite and PostgreSQL.

Only that they work and report is checked here; the figures belong to `make bench`.
"""

from __future__ import annotations

import pytest

from benchmarks import data, desks, lock, seen
from benchmarks import search as search_bench
from benchmarks.sections import write_section

PATIENTS = 120


@pytest.fixture
def tiny_clinic(tmp_path, monkeypatch):
    monkeypatch.setenv("BENCH_REPEAT", "1")
    monkeypatch.setattr(data, "DATA", tmp_path / "bench")
    monkeypatch.setattr(data, "READY_MADE", {})
    monkeypatch.setattr(data, "HEAVY_CASES", 1)
    monkeypatch.setattr(data, "HEAVY_APPOINTMENTS_PER_CASE", 1)
    path, _info = data.ensure(PATIENTS)
    return path


@pytest.fixture
def pg_clinic(pg_server):
    from app.db import Database
    from app.services import demo_data

    name = pg_server.create_database()
    db = Database(pg_server.url(name))
    demo_data.generate(db, PATIENTS, 1)
    db.dispose()  # a template may have no open connection
    yield name
    pg_server.drop_database(name)


def test_several_desk_benchmarks_run_on_both_engines_and_write_their_sections(
    tiny_clinic, pg_server, pg_clinic, tmp_path
):
    loaded = {PATIENTS: (pg_clinic, PATIENTS, "gen")}
    booked = desks.measure(tiny_clinic, pg_server, pg_clinic, quick=True)
    heard = seen.measure(tiny_clinic, pg_server, pg_clinic, quick=True)
    stalls = lock.measure(tiny_clinic, pg_server, pg_clinic, quick=True)
    typed = search_bench.measure(tiny_clinic, pg_server, pg_clinic, quick=True)

    out = tmp_path / "RESULTS.md"
    out.write_text("# CaseDesk benchmarks\n\n## Reading these figures\n")
    write_section("desks", desks.section({PATIENTS: booked}, loaded, "cmd"), out)
    write_section("seen", seen.section({PATIENTS: heard}, loaded, "cmd"), out)
    write_section("lock", lock.section({PATIENTS: stalls}, loaded, "cmd"), out)
    write_section("search", search_bench.section({PATIENTS: typed}, loaded, "cmd"), out)
    write_section("desks", desks.section({PATIENTS: booked}, loaded, "again"), out)

    text = out.read_text()
    for engine in ("SQLite", "PostgreSQL"):
        assert booked[engine]["tries"] == desks.DESKS * desks.QUICK_ATTEMPTS
        assert heard[engine]["changes"] == seen.QUICK_CHANGES
        assert stalls[engine]["locked"]["booking"] == "booked"
        assert typed[engine]["timeouts"] == 0
    assert text.count("## Eight desks booking at once") == 1  # replaced, not added again
    assert "`again`" in text and text.index("## Eight desks") < text.index("## Reading")
    for heading in ("A change at desk A seen at desk B", "write lock", "Search as you type"):
        assert heading in text
