"""benchmarks/in_out.py (part of `make bench`) runs end to end at a tiny size and writes its
section. How fast anything is belongs to `make bench`; here only that it works and reports."""

from __future__ import annotations

from benchmarks import data, in_out
from benchmarks.sections import write_section

PATIENTS = 40


def test_fhir_csv_and_audit_figures_come_with_their_baselines(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA", tmp_path / "bench")
    monkeypatch.setattr(data, "READY_MADE", {})
    monkeypatch.setattr(data, "HEAVY_CASES", 1)
    monkeypatch.setattr(data, "HEAVY_APPOINTMENTS_PER_CASE", 2)

    figures = in_out.measure([PATIENTS], quick=True, csv_rows=[30])

    fhir = figures["fhir"][PATIENTS]
    assert fhir["patients"] == PATIENTS + 1  # the demo patients and the heavy one
    assert fhir["runs"] == 1 and fhir["resources"] > fhir["patients"]
    assert fhir["select_rows"] > PATIENTS and fhir["ratio"] > 0
    imported = figures["csv"][30]
    assert imported["parse_rows"] == 30 and imported["exit_status"] == ["0", "0"]
    assert (
        imported["said"].startswith("imported 30,") and "skipped 30" in imported["re_import_said"]
    )
    assert imported["ratio"] > 0
    audit = figures["audit"][PATIENTS]
    assert audit["exit_status"] == 0 and audit["entries"] >= 3 * PATIENTS
    assert audit["ratio"] > 0
    assert not list((tmp_path / "bench").glob("audit-scratch*"))  # the scratch copy is gone

    out = tmp_path / "RESULTS.md"
    out.write_text("# CaseDesk benchmarks\n\n## Reading these figures\n")
    write_section("in_out", in_out.section(figures, "cmd"), out)
    text = out.read_text()
    assert "<!-- bench:in_out -->" in text and "**FHIR export**" in text
    assert f"| {PATIENTS} | 1 | {fhir['resources']:,} |" in text
    assert "| 30 | 1 |" in text and "**`audit verify`**" in text
    assert in_out.csv_sizes([10_000, 100_000, 1_000_000]) == [10_000, 100_000]
