"""`casedesk audit verify`: exit 0 on an intact trail, 1 with one line naming the broken entry."""

from __future__ import annotations

import sqlite3

from app.db import Database
from app.services import patients
from tests.conftest import new_patient
from tests.test_cli import casedesk


def test_audit_verify_exit_codes(db_path):
    db = Database(str(db_path))
    for i in range(3):
        patients.register_patient(db, new_patient(phone=f"+91 98123 4{i:04d}"))
    db.dispose()

    intact = casedesk("audit", "verify", database=db_path)
    assert intact.returncode == 0, intact.stderr
    assert "intact" in intact.stdout

    conn = sqlite3.connect(db_path)
    with conn:
        conn.execute("UPDATE audit_event SET after = '{}' WHERE id = 2")
    conn.close()
    broken = casedesk("audit", "verify", database=db_path)
    assert broken.returncode == 1
    assert broken.stdout.strip().count("\n") == 0
    assert "entry 2 was changed" in broken.stdout
