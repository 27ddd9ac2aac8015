"""Several desks on one clinic: each window sees the others' bookings without being asked."""

from __future__ import annotations

import pytest

from app.services import patients
from tests.conftest import new_patient
from tests.views.conftest import list_names, select_patient


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_kind(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture
def desk(open_window, db):
    """Opens a reception window on the test's clinic (as another desk would)."""
    return open_window


def test_two_windows_see_each_others_bookings_unaided(qtbot, desk, book):
    front, back = desk(), desk()
    booked = book(new_patient=new_patient("Meera", "Iyer", "+91 98765 43210"))
    # A third desk (the test's own database object) booked: both windows list her.
    qtbot.waitUntil(lambda: list_names(front) == ["Meera Iyer"])
    qtbot.waitUntil(lambda: list_names(back) == ["Meera Iyer"])
    select_patient(qtbot, back, booked.patient_id)
    assert len(back.record.cases) == 1

    # The front desk changes her; the back desk's open record follows by itself.
    patients.register_patient(front.db, new_patient("Rahul", "Verma", "+91 99887 76655"))
    qtbot.waitUntil(lambda: sorted(list_names(back)) == ["Meera Iyer", "Rahul Verma"])
    book(patient_id=booked.patient_id, case_title="Neck pain", body_parts=("Neck",))
    qtbot.waitUntil(lambda: len(back.record.cases) == 2)


@pytest.mark.parametrize("engine_kind", ["postgresql"])  # SQLite is a local file: nothing to lose
def test_a_lost_connection_is_said_and_caught_up(qtbot, desk, book, pg_server):
    window = desk()
    qtbot.waitUntil(lambda: window.bus.watching)
    pg_server.execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        f"WHERE datname = '{window.db.url.database}' AND pid <> pg_backend_pid()"
    )
    qtbot.waitUntil(lambda: "Lost the connection" in window.notice.message(), timeout=10_000)
    booked = book(new_patient=new_patient("Meera", "Iyer", "+91 98765 43210"))
    qtbot.waitUntil(lambda: "again" in window.notice.message(), timeout=15_000)
    qtbot.waitUntil(lambda: list_names(window) == ["Meera Iyer"])
    select_patient(qtbot, window, booked.patient_id)
