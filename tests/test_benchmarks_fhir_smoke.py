"""benchmarks/fhir.py runs end to end on a tiny database (how fast belongs to the benchmark)."""

from __future__ import annotations

import json

from app.services import demo_data
from benchmarks import fhir


def test_fhir_benchmark_measures_the_real_command(db, db_path, tmp_path):
    demo_data.generate(db, 30, seed=2)
    db.dispose()
    kept = tmp_path / "bundle.json"
    figures = fhir.measure(db_path, kept)
    assert figures["patients"] == 30 and figures["peak_mb"] > 0 and figures["seconds"] > 0
    assert len(json.loads(kept.read_text("utf-8"))["entry"]) == figures["resources"]
