"""Random sequences of front-desk work against a real database and a plain model of the rules.

Runs on SQLite and on PostgreSQL, each example on a new database.

The model knows which bookings must be refused (a practitioner's overlapping
slot) and what every case must hold afterwards; after each step the database
is checked against the model and against the invariants: no overlapping
appointments, every live case has a body part, case IDs unique and never
reused, and every change audited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from app.db import Database
from app.models import Appointment, AuditEvent, Case, CaseBodyPart, Patient
from app.services import appointments, booking, case_merges, cases, patients, practitioners
from app.services.body_sites import parse_labels
from app.services.dto import BookingRequest, CaseDecision, PatientDetails
from app.services.errors import SlotTakenError
from tests.conftest import EVERY_DAY

CASE_ID = re.compile(r"^C-\d{5,}$")
LABELS = ["Left knee", "Right knee", "Neck", "Lower back", "Left shoulder", "Both ankles"]
BASE = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(days=2)
STARTS = [BASE + timedelta(minutes=30 * i) for i in range(6)]  # few slots, so clashes happen

body_parts = st.lists(st.sampled_from(LABELS), min_size=1, max_size=3)


@dataclass
class CaseModel:
    patient: int
    code: str
    status: str = "open"
    parts: set[tuple[str, str]] = field(default_factory=set)
    appointments: set[int] = field(default_factory=set)


@dataclass
class Booked:
    practitioner: int
    start: datetime
    end: datetime
    cancelled: bool = False


@dataclass
class Merge:
    event: int
    keep: int
    other: int
    moved: set[int]
    added: set[tuple[str, str]]
    keep_status: str
    other_status: str


def sites(labels: list[str]) -> set[tuple[str, str]]:
    return {(p.site, p.side) for p in parse_labels(labels)}


class FrontDesk(RuleBasedStateMachine):
    new_target: Callable[[], str]  # set by the test: makes a new database on its engine

    def __init__(self) -> None:
        super().__init__()
        self.db = Database(type(self).new_target())
        self.practitioners = [
            practitioners.add_practitioner(self.db, name, EVERY_DAY, 30).id
            for name in ("Asha Rao", "Tom Berg")
        ]
        self.patients: list[int] = []
        self.cases: dict[int, CaseModel] = {}
        self.booked: dict[int, Booked] = {}
        self.merges: list[Merge] = []
        self.codes_given: set[str] = set()
        self.phones = iter(range(10_000, 99_999))
        self.audited = self.audit_count()

    def teardown(self) -> None:
        self.db.dispose()

    # -- helpers ---------------------------------------------------------------

    def audit_count(self) -> int:
        with self.db.reading() as session:
            return session.scalar(select(func.count()).select_from(AuditEvent))

    def wrote(self) -> None:
        """A successful change must leave at least one new audit row."""
        now = self.audit_count()
        assert now > self.audited
        self.audited = now

    def wrote_nothing(self) -> None:
        assert self.audit_count() == self.audited

    def details(self) -> PatientDetails:
        return PatientDetails(
            "Test", f"Patient{len(self.patients)}", f"+91 98123 {next(self.phones)}"
        )

    def clashes(self, practitioner: int, start: datetime, end: datetime) -> bool:
        return any(
            b.practitioner == practitioner and not b.cancelled and b.start < end and b.end > start
            for b in self.booked.values()
        )

    def live_cases(self, status: str | None = None) -> list[int]:
        return sorted(
            cid
            for cid, c in self.cases.items()
            if c.status != "merged" and (status is None or c.status == status)
        )

    def book(self, data, decision: CaseDecision, patient_id: int | None, labels: list[str]):
        practitioner = data.draw(st.sampled_from(self.practitioners))
        start = data.draw(st.sampled_from(STARTS))
        minutes = data.draw(st.sampled_from([30, 60]))
        end = start + timedelta(minutes=minutes)
        request = BookingRequest(
            case_title="Pain",
            body_parts=tuple(labels),
            practitioner_id=practitioner,
            starts_at=start,
            minutes=minutes,
            patient_id=patient_id,
            new_patient=None if patient_id else self.details(),
        )
        if self.clashes(practitioner, start, end):
            try:
                booking.book_appointment(self.db, request, decision)
            except SlotTakenError:
                self.wrote_nothing()
                return None
            raise AssertionError("an overlapping booking was accepted")
        result = booking.book_appointment(self.db, request, decision)
        self.wrote()
        self.booked[result.appointment_id] = Booked(practitioner, start, end)
        if result.created_case:
            assert result.case_code not in self.codes_given
            self.codes_given.add(result.case_code)
            self.cases[result.case_id] = CaseModel(result.patient_id, result.case_code)
        if not patient_id:
            self.patients.append(result.patient_id)
        case = self.cases[result.case_id]
        case.parts |= sites(labels)
        case.appointments.add(result.appointment_id)
        return result

    # -- rules -----------------------------------------------------------------

    @initialize(data=st.data())
    def a_patient_with_two_cases(self, data) -> None:
        """Starts with something to merge, so short runs still reach merge and undo."""
        first = self.book(data, CaseDecision.new_case(), None, ["Left knee"])
        if first is not None:
            self.book(data, CaseDecision.new_case(), first.patient_id, ["Neck", "Left knee"])

    @rule()
    def register(self) -> None:
        self.patients.append(patients.register_patient(self.db, self.details()).id)
        self.wrote()

    @rule(data=st.data(), labels=body_parts)
    def book_new_patient(self, data, labels) -> None:
        self.book(data, CaseDecision.new_case(), None, labels)

    @precondition(lambda self: self.patients)
    @rule(data=st.data(), labels=body_parts)
    def book_new_case(self, data, labels) -> None:
        patient = data.draw(st.sampled_from(self.patients))
        result = self.book(data, CaseDecision.new_case(), patient, labels)
        assert result is None or result.created_case

    @precondition(lambda self: self.live_cases("open"))
    @rule(data=st.data(), labels=body_parts)
    def book_update_case(self, data, labels) -> None:
        case_id = data.draw(st.sampled_from(self.live_cases("open")))
        case = self.cases[case_id]
        result = self.book(data, CaseDecision.update(case_id), case.patient, labels)
        if result is not None:
            assert (result.case_id, result.case_code) == (case_id, case.code)

    @precondition(lambda self: self.live_cases("open"))
    @rule(data=st.data(), labels=body_parts)
    def book_separate_case(self, data, labels) -> None:
        patient = self.cases[data.draw(st.sampled_from(self.live_cases("open")))].patient
        before = {c for c in self.live_cases() if self.cases[c].patient == patient}
        result = self.book(data, CaseDecision.new_case(), patient, labels)
        if result is not None:
            assert result.case_id not in before

    @precondition(lambda self: self.live_cases("open"))
    @rule(data=st.data())
    def close(self, data) -> None:
        case_id = data.draw(st.sampled_from(self.live_cases("open")))
        cases.close_case(self.db, case_id, cancel_future=True)
        self.wrote()
        self.cases[case_id].status = "closed"
        for appointment in self.cases[case_id].appointments:  # all are still to come
            self.booked[appointment].cancelled = True

    @precondition(lambda self: any(not b.cancelled for b in self.booked.values()))
    @rule(data=st.data())
    def cancel(self, data) -> None:
        live = sorted(a for a, b in self.booked.items() if not b.cancelled)
        appointment = data.draw(st.sampled_from(live))
        appointments.cancel(self.db, appointment)
        self.wrote()
        self.booked[appointment].cancelled = True

    def merge_pairs(self) -> list[tuple[int, int]]:
        live = self.live_cases()
        return [
            (a, b)
            for a in live
            for b in live
            if a != b and self.cases[a].patient == self.cases[b].patient
        ]

    @precondition(lambda self: self.merge_pairs())
    @rule(data=st.data())
    def merge(self, data) -> None:
        keep_id, other_id = data.draw(st.sampled_from(self.merge_pairs()))
        keep, other = self.cases[keep_id], self.cases[other_id]
        result = case_merges.merge_cases(self.db, keep_id, other_id)
        self.wrote()
        added = other.parts - keep.parts
        assert set(result.moved_appointment_ids) == other.appointments
        self.merges.append(
            Merge(
                result.audit_event_id,
                keep_id,
                other_id,
                set(other.appointments),
                added,
                keep.status,
                other.status,
            )
        )
        keep.parts |= added
        keep.appointments |= other.appointments
        other.appointments = set()
        if other.status == "open":
            keep.status = "open"
        other.status = "merged"

    def undoable(self) -> list[Merge]:
        return [
            m
            for m in self.merges
            if self.cases[m.other].status == "merged" and self.cases[m.keep].status != "merged"
        ]

    @precondition(lambda self: self.undoable())
    @rule(data=st.data())
    def undo_merge(self, data) -> None:
        merge = data.draw(st.sampled_from(self.undoable()))
        keep, other = self.cases[merge.keep], self.cases[merge.other]
        restored = case_merges.undo_merge(self.db, merge.event)
        self.wrote()
        assert restored.id == merge.other
        self.merges.remove(merge)
        keep.parts -= merge.added
        keep.appointments -= merge.moved
        other.appointments = set(merge.moved)
        keep.status, other.status = merge.keep_status, merge.other_status

    # -- invariants ------------------------------------------------------------

    @invariant()
    def no_overlapping_appointments(self) -> None:
        a, b = aliased(Appointment), aliased(Appointment)
        with self.db.reading() as session:
            clashes = session.scalar(
                select(func.count())
                .select_from(a)
                .join(b, (a.practitioner_id == b.practitioner_id) & (a.id < b.id))
                .where(
                    a.status != "cancelled",
                    b.status != "cancelled",
                    a.starts_at < b.ends_at,
                    a.ends_at > b.starts_at,
                )
            )
        assert clashes == 0

    @invariant()
    def cases_match_the_model(self) -> None:
        with self.db.reading() as session:
            rows = {
                case_id: (code, status, patient_id)
                for case_id, code, status, patient_id in session.execute(
                    select(Case.id, Case.code, Case.status, Case.patient_id)
                )
            }
            parts: dict[int, set] = {}
            for case_id, site, side in session.execute(
                select(CaseBodyPart.case_id, CaseBodyPart.site, CaseBodyPart.side)
            ):
                parts.setdefault(case_id, set()).add((site, side))
            held: dict[int, set] = {}
            for appointment_id, case_id in session.execute(
                select(Appointment.id, Appointment.case_id)
            ):
                held.setdefault(case_id, set()).add(appointment_id)
            per_patient = dict(
                session.execute(
                    select(Case.patient_id, func.count())
                    .where(Case.status != "merged")
                    .group_by(Case.patient_id)
                ).all()
            )
            patient_count = session.scalar(select(func.count()).select_from(Patient))
        codes = [code for code, _, _ in rows.values()]
        assert len(codes) == len(set(codes)) and all(CASE_ID.match(c) for c in codes)
        assert set(codes) == self.codes_given
        assert set(rows) == set(self.cases)
        for case_id, model in self.cases.items():
            assert rows[case_id] == (model.code, model.status, model.patient)
            assert held.get(case_id, set()) == model.appointments
            if model.status != "merged":
                assert parts.get(case_id), f"{model.code} has no body part"
                assert parts[case_id] == model.parts
        expected = {}
        for model in self.cases.values():
            if model.status != "merged":
                expected[model.patient] = expected.get(model.patient, 0) + 1
        assert per_patient == expected
        assert patient_count == len(self.patients)


def test_front_desk_rules(new_db_target, engine_kind) -> None:
    FrontDesk.new_target = staticmethod(new_db_target)
    run_state_machine_as_test(
        FrontDesk,
        settings=settings(
            # SQLite explores the rules; fewer runs on PostgreSQL check the same rules hold there
            # (each example is a new database, ~0.2 s to make there).
            max_examples=25 if engine_kind == "sqlite" else 12,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
