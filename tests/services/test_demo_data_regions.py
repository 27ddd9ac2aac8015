"""Demo data works for every region CaseDesk names a locale for."""

from __future__ import annotations

import pytest

from app.services import demo_data, patients, settings
from app.services.demo_data import LOCALES


@pytest.mark.parametrize("region", sorted(LOCALES))
def test_demo_data_for_region(db, region):
    settings.set(db, "clinic.region", region)
    summary = demo_data.generate(db, 20, seed=2)
    assert summary.patients == 20
    rows = patients.patient_rows(db, patients.search_patients(db, "", limit=20).ids)
    assert len(rows) == 20
    assert all(r.phone.startswith("+") for r in rows)
