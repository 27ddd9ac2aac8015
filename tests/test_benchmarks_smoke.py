"""The benchmark scripts run end to end on a tiny database and write a results table.

Only that they work is checked here; how fast anything is belongs to `make bench`.
"""

from __future__ import annotations

from benchmarks import data, run
from benchmarks.report import write_results


def test_benchmarks_run_on_200_patients_and_write_every_section(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA", tmp_path / "bench")
    monkeypatch.setattr(data, "READY_MADE", {})
    monkeypatch.setattr(data, "HEAVY_CASES", 3)
    monkeypatch.setattr(data, "HEAVY_APPOINTMENTS_PER_CASE", 2)
    monkeypatch.setenv("BENCH_REPEAT", "1")

    result = run.bench_size(200, quick=True)
    out = tmp_path / "RESULTS.md"
    write_results(out, "today", {"CPU": "test"}, [result])

    text = out.read_text()
    assert result["services"]["open_patient"]["appointments"] == 6
    assert result["window"]["scroll"]["reached_bottom"]
    assert result["window"]["scroll"]["rows_reached"] == 201  # demo patients and the heavy one
    assert all(item["timeouts"] == 0 for item in result["window"]["search"].values())
    assert result["memory"]["naive"]["list_rows"] is None
    for heading in ("## Goals at 200 patients", "**Start-up**", "**Search as you type**"):
        assert heading in text
    assert "5 bookings in a row" in text
    assert result["copy_to"]["verified"] and result["copy_to"]["rows"] > 200
    assert "`casedesk copy-to` into a fresh PostgreSQL database" in text
    assert (tmp_path / "bench" / f"patients-200-rev{data.head()}.json").exists()
