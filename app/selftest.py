"""`casedesk --self-test`: a fresh database, the window offscreen, one booking. Exit 0 if healthy."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path


def _say(text: str) -> None:
    if sys.stdout is not None:
        print(text, flush=True)


def run_self_test() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.main import create_main_window
    from app.services import booking, patients, practitioners
    from app.services.dto import BookingRequest, CaseDecision, PatientDetails

    with tempfile.TemporaryDirectory(prefix="casedesk-selftest-") as folder:
        database = str(Path(folder) / "selftest.sqlite3")
        app = QApplication.instance() or QApplication([])
        window = create_main_window(database)
        db = window.db
        try:
            practitioner = practitioners.add_practitioner(db, "Self Test")
            slot = booking.first_free_slot(db, practitioner.id)
            if slot is None:
                raise RuntimeError("no free slot found")
            result = booking.book_appointment(
                db,
                BookingRequest(
                    case_title="Self-test",
                    body_parts=("Left knee",),
                    practitioner_id=practitioner.id,
                    starts_at=slot.starts_at,
                    new_patient=PatientDetails("Self", "Test", "+919812345678"),
                ),
                CaseDecision.new_case(),
            )
            found = patients.search_patients(db, result.case_code)
            if found.ids != (result.patient_id,):
                raise RuntimeError("the booked patient cannot be found by case ID")
            app.processEvents()
        finally:
            window.close()
            window.deleteLater()
            app.processEvents()
            db.dispose()
    _say(f"self-test passed: booked {result.case_code} at {result.starts_at:%Y-%m-%d %H:%M} UTC")
    return 0
