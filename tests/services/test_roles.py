"""Each role, checked by the services: every write path for every role, refused or allowed.

reception: patients, bookings, messages, statuses; practitioner: statuses in their own book
only; admin: everything; nobody signed in (no accounts, or the command line): everything.
A refused call raises NotAllowedError and leaves every table as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path

import pytest

from app.db import Database
from app.services import (
    accounts,
    appointments,
    backup_restore,
    backups,
    case_edits,
    case_merges,
    cases,
    clinic_setup,
    moves,
    outbox,
    patient_import,
    patients,
    practitioners,
    reservations,
    settings,
    time_off,
)
from app.services.copy_clinic import clinic_tables
from app.services.dto import (
    BookingResult,
    CaseDecision,
    CaseEdit,
    PractitionerChange,
    StaffIdentity,
)
from app.services.errors import DatabaseError, NotAllowedError
from app.services.table_checksum import table_content
from tests.conftest import EVERY_DAY, new_patient

PASSWORD = "correct horse"


@dataclass(frozen=True)
class Clinic:
    """Two practitioners' books, an appointment in each, a second case to merge, time off."""

    own: BookingResult  # in the book of the practitioner account's practitioner
    theirs: BookingResult  # in another practitioner's book
    second_case: BookingResult  # the same patient as `own`, a separate case
    other_practitioner_id: int
    time_off_id: int
    csv: Path
    tmp: Path
    merge_event_id: int = 0  # set by _merged
    backup: Path | None = None  # set by _backed_up


@pytest.fixture
def clinic(db, practitioner, book, tmp_path) -> Clinic:
    other = practitioners.add_practitioner(db, "Ben Thomas", EVERY_DAY, 30)
    own = book(new_patient=new_patient(email="priya@example.com"))
    theirs = book(
        practitioner_id=other.id, new_patient=new_patient("Arjun", "Mehta", "+91 98123 40001")
    )
    second = book(patient_id=own.patient_id, case_title="Back pain", body_parts=("Lower back",))
    start = own.starts_at + timedelta(days=20)
    off = time_off.add_time_off(db, practitioner.id, start, start + timedelta(hours=2), "Course")
    csv = tmp_path / "patients.csv"
    csv.write_text("first_name,last_name,phone\nKavya,Iyer,+91 98123 40003\n", encoding="utf-8")
    return Clinic(own, theirs, second, other.id, off.id, csv, tmp_path)


def _backed_up(db: Database, c: Clinic) -> Clinic:
    return replace(c, backup=backups.backup(db) if db.is_sqlite else c.tmp / "none.sqlite3")


def _restore(db: Database, c: Clinic) -> object:
    staff = db.signed_in
    if not db.is_sqlite:  # passes the role check, then names the server's own tool
        with pytest.raises(DatabaseError, match="pg_restore"):
            backup_restore.restore(db.url.render_as_string(hide_password=False), c.backup, staff)
        return "pg_restore"
    db.dispose()  # as the window does: it lets go of the database first
    return backup_restore.restore(str(db.path), c.backup, staff)


def _merged(db: Database, c: Clinic) -> Clinic:
    merged = case_merges.merge_cases(db, c.own.case_id, c.second_case.case_id)
    return replace(c, merge_event_id=merged.audit_event_id)


def _closed(db: Database, c: Clinic) -> Clinic:
    cases.close_case(db, c.second_case.case_id, cancel_future=True)
    return c


# What the clinic must have done first (nobody signed in) for a call to make sense.
PREPARE = {"reopen case": _closed, "undo merge": _merged, "restore": _backed_up}

# What each call needs; "status-own" and "status-theirs" are the STATUSES permission in the
# practitioner account's own book and in another practitioner's.
Call = Callable[[Database, Clinic], object]
CALLS: dict[str, tuple[str, Call]] = {
    "register patient": (
        "patients",
        lambda db, c: patients.register_patient(
            db, new_patient("Kavya", "Iyer", "+91 98123 40002")
        ),
    ),
    "edit patient": (
        "patients",
        lambda db, c: patients.update_patient(db, c.own.patient_id, new_patient("Priyanka")),
    ),
    "import patients": ("patients", lambda db, c: patient_import.import_patients(db, c.csv)),
    "book": (
        "bookings",
        lambda db, c: _book_follow_up(db, c),
    ),
    "move": (
        "bookings",
        lambda db, c: moves.move_appointment(
            db, c.own.appointment_id, c.own.starts_at + timedelta(days=1)
        ),
    ),
    "cancel": ("bookings", lambda db, c: reservations.cancel(db, c.own.appointment_id)),
    "cancel appointment only": (
        "bookings",
        lambda db, c: appointments.cancel(db, c.own.appointment_id),
    ),
    "edit case": (
        "bookings",
        lambda db, c: case_edits.edit_case(db, c.own.case_id, CaseEdit("Knee pain, left")),
    ),
    "close case": (
        "bookings",
        lambda db, c: cases.close_case(db, c.own.case_id, cancel_future=True),
    ),
    "reopen case": ("bookings", lambda db, c: cases.reopen_case(db, c.second_case.case_id)),
    "merge cases": (
        "bookings",
        lambda db, c: case_merges.merge_cases(db, c.own.case_id, c.second_case.case_id),
    ),
    "undo merge": ("bookings", lambda db, c: case_merges.undo_merge(db, c.merge_event_id)),
    "retry message": ("messages", lambda db, c: outbox.retry_now(db, c.own.message_id)),
    "cancel message": ("messages", lambda db, c: outbox.cancel(db, c.own.message_id)),
    "stop an appointment's messages": (
        "messages",
        lambda db, c: outbox.cancel_for_appointment(db, c.own.appointment_id),
    ),
    "resend link": ("messages", lambda db, c: reservations.resend_link(db, c.own.appointment_id)),
    "confirm own": ("status-own", lambda db, c: reservations.confirm(db, c.own.appointment_id)),
    "arrived own": (
        "status-own",
        lambda db, c: appointments.mark_arrived(db, c.own.appointment_id, c.own.starts_at),
    ),
    "no-show own": (
        "status-own",
        lambda db, c: appointments.mark_no_show(db, c.own.appointment_id, c.own.starts_at),
    ),
    "confirm theirs": (
        "status-theirs",
        lambda db, c: appointments.confirm(db, c.theirs.appointment_id),
    ),
    "arrived theirs": (
        "status-theirs",
        lambda db, c: appointments.mark_arrived(db, c.theirs.appointment_id, c.theirs.starts_at),
    ),
    "clinic settings": (
        "settings",
        lambda db, c: settings.set_many(db, {"clinic.name": "Harbour Physio"}),
    ),
    "mail settings": ("settings", lambda db, c: settings.set(db, "smtp.host", "mail.example.com")),
    "first launch set-up": (
        "settings",
        lambda db, c: clinic_setup.save_setup(
            db,
            {"clinic.name": "Harbour Physio"},
            PractitionerChange(None, "Kiran Das", EVERY_DAY),
        ),
    ),
    "add practitioner": (
        "settings",
        lambda db, c: practitioners.add_practitioner(db, "Kiran Das", EVERY_DAY, 30),
    ),
    "change practitioner": (
        "settings",
        lambda db, c: practitioners.update_practitioner(
            db, c.other_practitioner_id, appointment_minutes=45
        ),
    ),
    "add time off": (
        "settings",
        lambda db, c: time_off.add_time_off(
            db,
            c.other_practitioner_id,
            c.own.starts_at + timedelta(days=21),
            c.own.starts_at + timedelta(days=21, hours=1),
        ),
    ),
    "remove time off": ("settings", lambda db, c: time_off.remove_time_off(db, c.time_off_id)),
    "add account": (
        "accounts",
        lambda db, c: accounts.add_account(db, "Sneha", "admin", PASSWORD),
    ),
    "restore": ("restore", _restore),
}


def _book_follow_up(db: Database, c: Clinic) -> BookingResult:
    from app.services import booking
    from app.services.dto import BookingRequest

    request = BookingRequest(
        case_title="Knee pain",
        body_parts=("Left knee",),
        practitioner_id=c.other_practitioner_id,
        starts_at=c.theirs.starts_at + timedelta(hours=1),
        patient_id=c.own.patient_id,
    )
    return booking.book_appointment(db, request, CaseDecision.update(c.own.case_id))


EVERYTHING = {"patients", "bookings", "messages", "status-own", "status-theirs"}
EVERYTHING |= {"settings", "accounts", "restore"}
ALLOWED = {
    "reception": {"patients", "bookings", "messages", "status-own", "status-theirs"},
    "practitioner": {"status-own"},
    "admin": EVERYTHING,
    None: EVERYTHING,  # nobody signed in: a database without accounts, or the command line
}


def staff_for(role: str | None, practitioner_id: int) -> StaffIdentity | None:
    if role is None:
        return None
    return StaffIdentity(
        90, f"{role} desk", role, practitioner_id if role == "practitioner" else None
    )


def every_table(db: Database) -> dict:
    """Each table's row count and checksum: any insert, update or delete changes it."""
    with db.engine.connect() as conn:
        return {t.name: table_content(conn, t) for t in clinic_tables()}


def database_files(db: Database) -> set[str]:
    """The files beside a SQLite database (a restore would first add a backup there)."""
    if not db.is_sqlite:
        return set()
    found = {str(p.relative_to(db.path.parent)) for p in db.path.parent.rglob("*")}
    # Letting go of the database (dispose) notes a clean close under checks/: not a restore.
    return {name for name in found if "checks" not in Path(name).parts}


def assert_refused(db: Database, clinic: Clinic, call: str) -> None:
    permission, action = CALLS[call]
    before, files = every_table(db), database_files(db)
    with pytest.raises(NotAllowedError) as refused:
        action(db, clinic)
    assert str(refused.value) and "Traceback" not in str(refused.value)
    assert every_table(db) == before
    assert database_files(db) == files


def assert_done(db: Database, clinic: Clinic, call: str) -> None:
    permission, action = CALLS[call]
    before = every_table(db)
    done = action(db, clinic)
    if permission == "restore":
        assert done  # where the database as it was went (on PostgreSQL: pg_restore advice)
    else:
        assert every_table(db) != before  # it did its work, audited


# One representative call per permission, for the table of roles.
REPRESENTATIVE = {
    "patients": "edit patient",
    "bookings": "book",
    "messages": "retry message",
    "status-own": "arrived own",
    "status-theirs": "confirm theirs",
    "settings": "clinic settings",
    "accounts": "add account",
    "restore": "restore",
}


@pytest.mark.parametrize("role", ["reception", "practitioner", "admin", None])
@pytest.mark.parametrize("permission", list(REPRESENTATIVE))
def test_each_role_may_do_only_its_own_work(db, clinic, practitioner, role, permission):
    call = REPRESENTATIVE[permission]
    if call in PREPARE:
        clinic = PREPARE[call](db, clinic)
    db.signed_in = staff_for(role, practitioner.id)
    if permission in ALLOWED[role]:
        assert_done(db, clinic, REPRESENTATIVE[permission])
    else:
        assert_refused(db, clinic, REPRESENTATIVE[permission])


@pytest.mark.parametrize("call", list(CALLS))
def test_every_write_path_checks_the_role(db, clinic, practitioner, call):
    """Refused for the roles without its permission (nothing written), then done by an admin."""
    permission, _ = CALLS[call]
    if call in PREPARE:
        clinic = PREPARE[call](db, clinic)
    refused = [role for role in ("practitioner", "reception") if permission not in ALLOWED[role]]
    for role in refused:
        db.signed_in = staff_for(role, practitioner.id)
        assert_refused(db, clinic, call)
    db.signed_in = staff_for("admin", practitioner.id)
    assert_done(db, clinic, call)


def test_the_tables_name_every_permission():
    assert {permission for permission, _ in CALLS.values()} == EVERYTHING == set(REPRESENTATIVE)
    assert all(REPRESENTATIVE[p] in CALLS for p in REPRESENTATIVE)


def test_a_practitioner_is_told_the_book_is_not_theirs(db, clinic, practitioner):
    db.signed_in = staff_for("practitioner", practitioner.id)
    with pytest.raises(NotAllowedError, match="their own book"):
        appointments.confirm(db, clinic.theirs.appointment_id)
    with pytest.raises(NotAllowedError, match="reception or admin"):
        patients.update_patient(db, clinic.own.patient_id, new_patient("Priyanka"))


def test_a_signed_in_receptionist_books_but_cannot_change_settings(db, clinic, practitioner):
    """Through real accounts and sign-in: the roles follow the account, the audit names it."""
    accounts.add_account(db, "Meera", "admin", PASSWORD)
    accounts.sign_in(db, "Meera", PASSWORD)
    accounts.add_account(db, "Ravi", "reception", PASSWORD)
    accounts.sign_out(db)
    accounts.sign_in(db, "Ravi", PASSWORD)
    _book_follow_up(db, clinic)
    before = every_table(db)
    with pytest.raises(NotAllowedError, match="administrator"):
        settings.set_many(db, {"clinic.name": "Harbour Physio"})
    with pytest.raises(NotAllowedError, match="administrator"):
        practitioners.add_practitioner(db, "Kiran Das", EVERY_DAY, 30)
    assert every_table(db) == before
    assert settings.get(db, "clinic.name") == ""
