"""`casedesk export fhir FILE`, run as the real program: a summary line, one-line refusals."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from app.cli import _ProgressBar
from app.services import demo_data
from tests.test_cli import casedesk, one_error_line


@pytest.fixture
def clinic(db, db_path: Path) -> Path:
    demo_data.generate(db, 20, seed=5)
    db.dispose()
    return db_path


def test_export_fhir_writes_the_bundle_and_one_summary_line(clinic, tmp_path):
    target = tmp_path / "clinic.json"
    result = casedesk("export", "fhir", str(target), database=clinic)

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # no bar off a terminal
    [line] = result.stdout.splitlines()
    assert line.startswith("Exported 20 patients, ") and str(target) in line
    bundle = Bundle.model_validate_json(target.read_text("utf-8"))
    assert bundle.type == "collection"
    kinds = {e.resource.__resource_type__ for e in bundle.entry}
    assert kinds == {"Patient", "Practitioner", "EpisodeOfCare", "Condition", "Appointment"}
    assert json.loads(target.read_text("utf-8"))["entry"][0]["resource"]["id"]


def test_export_into_a_missing_folder_exits_1_with_one_line(clinic, tmp_path):
    result = casedesk("export", "fhir", str(tmp_path / "gone" / "x.json"), database=clinic)
    assert result.returncode == 1
    assert "Cannot write" in one_error_line(result)
    assert not (tmp_path / "gone").exists()


@pytest.mark.parametrize("args", [["export"], ["export", "fhir"], ["export", "csv", "x.csv"]])
def test_export_bad_usage_exits_2(clinic, args):
    result = casedesk(*args, database=clinic)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) <= 2 and "Traceback" not in result.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_export_progress_counts_resources_on_a_terminal():
    terminal = _Terminal()
    bar = _ProgressBar(terminal, unit="resources")
    bar.show("exporting", 50, 200)
    bar.close()
    assert " 25%  50 of 200 resources" in terminal.getvalue()
