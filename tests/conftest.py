"""Shared fixtures: every test gets its own data folder and a real database.

`db` is a real SQLite file unless the test's `engine_kind` says "postgresql": tests/services
and tests/test_migrations.py run each test on both engines (their `engine_kind` is
parametrised); the PostgreSQL side is a fresh database on the session's throwaway server.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator  # noqa: E402
from datetime import UTC, datetime, timedelta  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from app.db import Database  # noqa: E402
from app.services import booking, practitioners  # noqa: E402
from app.services.dto import BookingRequest, CaseDecision, PatientDetails  # noqa: E402

pytest_plugins = ["tests.ui_thread_guard"]

EVERY_DAY = {d: [["08:00", "20:00"]] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Keeps every test away from the real user data folder."""
    folder = tmp_path / "data"
    monkeypatch.setenv("CASEDESK_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "clinic.sqlite3"


@pytest.fixture(scope="session")
def pg_server():
    """One PostgreSQL server for the whole run; a failure to start fails the tests using it."""
    from tests.pg_server import PgServer

    server = PgServer().start()
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> Iterator[str]:
    """A fresh, empty PostgreSQL database (no tables) for this test only."""
    name = pg_server.create_database()
    yield pg_server.url(name)
    pg_server.drop_database(name)


@pytest.fixture(scope="session")
def pg_template(pg_server) -> str:
    """A database migrated to the newest schema once; tests get copies of it (pg_migrated)."""
    name = pg_server.create_database()
    Database(pg_server.url(name)).dispose()  # no connection may stay open on a template
    return name


@pytest.fixture(scope="session")
def pg_migrated(pg_server, pg_template):
    """Hands out empty databases at the newest schema (tests/pg_server.py MigratedCopies)."""
    from tests.pg_server import MigratedCopies

    return MigratedCopies(pg_server, pg_template)


@pytest.fixture
def engine_kind() -> str:
    """Which engine `db` runs on; overridden with both engines where service behaviour is tested."""
    return "sqlite"


@pytest.fixture
def db_target(request: pytest.FixtureRequest, engine_kind: str, db_path: Path) -> Iterator[str]:
    """What another desk passes to Database() to open this test's database (a path or a URL)."""
    if engine_kind == "sqlite":
        yield str(db_path)
        return
    copies = request.getfixturevalue("pg_migrated")
    name = copies.take()
    yield copies.server.url(name)
    copies.give_back(name)


@pytest.fixture
def new_db_target(
    request: pytest.FixtureRequest, engine_kind: str, tmp_path: Path
) -> Iterator[Callable[[], str]]:
    """Makes further new databases (at the newest schema) on this test's engine, on demand."""
    made: list[str] = []

    def make() -> str:
        if engine_kind == "sqlite":
            made.append(str(tmp_path / f"clinic-{len(made) + 1}.sqlite3"))
            return made[-1]
        copies = request.getfixturevalue("pg_migrated")
        made.append(copies.take())
        return copies.server.url(made[-1])

    yield make
    if engine_kind == "postgresql":
        copies = request.getfixturevalue("pg_migrated")
        for name in made:
            copies.give_back(name)


@pytest.fixture
def db(db_target: str):
    database = Database(db_target)
    yield database
    database.dispose()


@pytest.fixture
def practitioner(db):
    return practitioners.add_practitioner(db, "Asha Rao", EVERY_DAY, 30)


@pytest.fixture
def slot_time():
    """Hands out distinct future half-hour starts: tomorrow 09:00 UTC onwards, 09:00-14:00 UTC
    each day, so every one lies inside EVERY_DAY's hours in India and in London alike (the
    booking service refuses a start outside the practitioner's working hours)."""
    base = datetime.now(UTC).replace(hour=9, minute=0, second=0, microsecond=0) + timedelta(days=1)
    counter = iter(range(10_000))

    def next_time() -> datetime:
        day, slot = divmod(next(counter), 11)
        return base + timedelta(days=day, minutes=30 * slot)

    return next_time


def new_patient(first: str = "Priya", last: str = "Sharma", phone: str = "+91 98123 45678", **kw):
    return PatientDetails(first_name=first, last_name=last, phone=phone, **kw)


@pytest.fixture
def book(db, practitioner, slot_time):
    """Books with sensible defaults; pass only what a test is about."""

    def _book(decision: CaseDecision | None = None, **fields):
        request = BookingRequest(
            case_title=fields.pop("case_title", "Knee pain"),
            body_parts=tuple(fields.pop("body_parts", ("Left knee",))),
            practitioner_id=fields.pop("practitioner_id", practitioner.id),
            starts_at=fields.pop("starts_at", None) or slot_time(),
            patient_id=fields.pop("patient_id", None),
            new_patient=fields.pop("new_patient", None),
            **fields,
        )
        if request.patient_id is None and request.new_patient is None:
            request = BookingRequest(**{**request.__dict__, "new_patient": new_patient()})
        return booking.book_appointment(db, request, decision or CaseDecision.new_case())

    return _book


# Answers come from worker threads; on a shared, loaded machine they can take longer than
# pytest-qt's default 5 s. Waiting longer costs nothing when all is well.
WAIT_MS = 20_000


@pytest.fixture
def qtbot(qtbot):
    wait_until, wait_signal, wait_signals = qtbot.waitUntil, qtbot.waitSignal, qtbot.waitSignals

    def patient_wait_until(callback, *, timeout: int = WAIT_MS):
        return wait_until(callback, timeout=timeout)

    def patient_wait_signal(signal=None, *, timeout: int = WAIT_MS, **kw):
        return wait_signal(signal, timeout=timeout, **kw)

    def patient_wait_signals(signals=None, *, timeout: int = WAIT_MS, **kw):
        return wait_signals(signals, timeout=timeout, **kw)

    qtbot.waitUntil = patient_wait_until
    qtbot.waitSignal = patient_wait_signal
    qtbot.waitSignals = patient_wait_signals
    return qtbot
