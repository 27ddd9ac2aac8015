"""The book benchmark runs end to end on a tiny database and writes its table.

Only that it works is checked here; how fast the book paints belongs to the benchmark.
"""

from __future__ import annotations

from benchmarks import book, data


def test_book_benchmark_runs_on_200_patients(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA", tmp_path / "bench")
    monkeypatch.setattr(data, "READY_MADE", {})
    monkeypatch.setattr(data, "HEAVY_CASES", 2)
    monkeypatch.setattr(data, "HEAVY_APPOINTMENTS_PER_CASE", 2)

    path, info = book.prepare(200)
    assert len(info["practitioners"]) == book.PRACTITIONERS
    result = {"patients": 200, "appointments": 0, "practitioners": 12}
    result.update(book.measure(path, info, 2))
    out = tmp_path / "BOOK.md"
    book.write_results(result, out)

    assert result["day_view"]["runs"] == 2 and result["week_view"]["runs"] == 2
    assert result["day_view"]["appointments_shown"] == book.PRACTITIONERS * book.BUSY_PER_DAY
    assert result["week_view"]["appointments_shown"] == 5 * book.BUSY_PER_DAY
    assert "Day view paint after the date changes" in out.read_text()
