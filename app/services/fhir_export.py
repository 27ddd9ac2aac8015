"""The clinic as one FHIR R4 Bundle (`casedesk export fhir FILE`, File > Export).

A Bundle of type `collection`: a Patient per patient, a Practitioner per practitioner, an
EpisodeOfCare and a Condition per case (the body parts as SNOMED CT body sites), and an
Appointment per appointment. References are `Type/id` of resources in the same Bundle.

The file is written as the rows come: every table is read through a server-side cursor
(PostgreSQL) or a stepping SQLite cursor in batches, inside one read transaction so the
references of a desk still working never point past the snapshot, and each entry is
written and forgotten. A million patients export in the memory of one batch. The Bundle
goes to a temporary file beside FILE first, so a failed export leaves no half file.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time as clock
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Appointment, Case, CaseBodyPart, Patient, Practitioner
from app.models.case import CASE_OPEN
from app.services import settings
from app.services.body_sites import catalogue
from app.services.errors import CaseDeskError
from app.services.words import QT_TRANSLATE_NOOP, say
from app.statuses import AppointmentStatus

log = logging.getLogger(__name__)

# (stage, resources written, resources in all); stage is "exporting".
Progress = Callable[[str, int, int], None]

SNOMED = "http://snomed.info/sct"
LATERALITY = "272741003"  # SNOMED CT attribute "Laterality"
SIDE_CODES = {"left": "7771000", "right": "24028007", "both": "51440002"}
BATCH = 2000

APPOINTMENT_STATUS = {
    AppointmentStatus.RESERVED: "pending",
    AppointmentStatus.CONFIRMED: "booked",
    AppointmentStatus.ARRIVED: "arrived",
    AppointmentStatus.COMPLETED: "fulfilled",
    AppointmentStatus.CANCELLED: "cancelled",
    AppointmentStatus.NO_SHOW: "noshow",
}
_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical"


class ExportError(CaseDeskError):
    """The Bundle could not be written (folder missing, no permission, disk full)."""


def _cannot_write(target: object, error: OSError) -> str:
    return say(
        QT_TRANSLATE_NOOP("services", "Cannot write {file}: {why}"),
        file=str(target),
        why=str(error.strerror or error),
    )


@dataclass(frozen=True)
class ExportReport:
    file: Path
    patients: int
    practitioners: int
    cases: int
    appointments: int
    seconds: float

    @property
    def resources(self) -> int:
        """Entries in the Bundle: a case gives an EpisodeOfCare and a Condition."""
        return self.patients + self.practitioners + 2 * self.cases + self.appointments


def export_fhir(db: Database, file: str | Path, progress: Progress | None = None) -> ExportReport:
    """Writes every patient, practitioner, case and appointment to FILE as one FHIR Bundle.

    Raises ExportError when FILE cannot be written; FILE is then left as it was.
    """
    target = Path(file)
    started = clock.monotonic()
    with db.reading() as session, _temporary_beside(target) as out:
        _one_snapshot(session)
        counts = _count(session)
        tick = _Ticker(
            progress,
            counts["patients"]
            + counts["practitioners"]
            + counts["cases"] * 2
            + counts["appointments"],
        )
        zone = ZoneInfo(settings.read_all(session)["clinic.timezone"])
        bundle = _BundleWriter(out)
        for write_all in (_practitioners, _patients, _cases):
            for resources in write_all(session):
                tick.add(bundle.add(resources))
        for resources in _appointments(session, zone):
            tick.add(bundle.add(resources))
        bundle.close()
    report = ExportReport(target, seconds=clock.monotonic() - started, **counts)
    log.info("FHIR export: %d resources in %.1f s", report.resources, report.seconds)
    return report


def _one_snapshot(session: Session) -> None:
    """Every query of the export sees the same moment (SQLite's read transaction already does)."""
    if session.get_bind().dialect.name == "postgresql":
        session.connection(
            execution_options={"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
        )


def _count(session: Session) -> dict[str, int]:
    def rows(model, *where) -> int:
        return session.scalar(select(func.count()).select_from(model).where(*where)) or 0

    return {
        "patients": rows(Patient, Patient.merged_into_id.is_(None)),
        "practitioners": rows(Practitioner),
        "cases": rows(Case),
        "appointments": rows(Appointment),
    }


def _stream(session: Session, query) -> Iterator[Any]:
    """Rows in batches from a server-side cursor: memory holds one batch, never the table."""
    result = session.execute(query.execution_options(yield_per=BATCH))
    for batch in result.partitions():
        yield from batch


# --- resources ---------------------------------------------------------------------------


def _practitioners(session: Session) -> Iterator[list[dict]]:
    query = select(Practitioner.id, Practitioner.name, Practitioner.active).order_by(
        Practitioner.id
    )
    for row in _stream(session, query):
        yield [
            {
                "resourceType": "Practitioner",
                "id": str(row.id),
                "active": bool(row.active),
                "name": [{"text": row.name}],
            }
        ]


def _patients(session: Session) -> Iterator[list[dict]]:
    p = Patient
    # A record merged into another is left out: its cases (and so every reference to a
    # patient) moved to the kept record, which stands for the person.
    query = (
        select(p.id, p.first_name, p.last_name, p.phone, p.email, p.birth_date, p.sex)
        .where(p.merged_into_id.is_(None))
        .order_by(p.id)
    )
    for row in _stream(session, query):
        patient: dict[str, Any] = {
            "resourceType": "Patient",
            "id": str(row.id),
            "name": [{"family": row.last_name, "given": [row.first_name]}],
        }
        telecom = [{"system": "phone", "value": row.phone}] if row.phone else []
        if row.email:
            telecom.append({"system": "email", "value": row.email})
        if telecom:
            patient["telecom"] = telecom
        if row.sex in ("female", "male", "other"):
            patient["gender"] = row.sex
        if row.birth_date:
            patient["birthDate"] = _day(row.birth_date)
        yield [patient]


def _cases(session: Session) -> Iterator[list[dict]]:
    """An EpisodeOfCare and its Condition per case; body parts come joined, in case order."""
    c, part = Case, CaseBodyPart
    query = (
        select(
            c.id,
            c.code,
            c.patient_id,
            c.title,
            c.status,
            c.opened_on,
            c.closed_on,
            part.site,
            part.side,
        )  # fmt: skip
        .outerjoin(part, part.case_id == c.id)
        .order_by(c.id, part.id)
    )
    case, parts = None, []
    for row in _stream(session, query):
        if case is not None and row.id != case.id:
            yield _episode_and_condition(case, parts)
            parts = []
        case = row
        if row.site is not None:
            parts.append((row.site, row.side or ""))
    if case is not None:
        yield _episode_and_condition(case, parts)


def _episode_and_condition(case, parts: list[tuple[str, str]]) -> list[dict]:
    is_open = case.status == CASE_OPEN
    patient = {"reference": f"Patient/{case.patient_id}"}
    condition: dict[str, Any] = {
        "resourceType": "Condition",
        "id": str(case.id),
        "clinicalStatus": {
            "coding": [{"system": _CLINICAL, "code": "active" if is_open else "resolved"}]
        },
        "code": {"text": case.title},
        "subject": patient,
    }
    sites = [body_site(site, side) for site, side in parts]
    if sites:
        condition["bodySite"] = sites
    period = {"start": _day(case.opened_on)}
    if case.closed_on and not is_open:
        period["end"] = _day(case.closed_on)
    episode = {
        "resourceType": "EpisodeOfCare",
        "id": str(case.id),
        "identifier": [{"value": case.code}],
        # A merged case lives on in the case it was folded into: no longer in progress.
        "status": "active" if is_open else "finished",
        "diagnosis": [{"condition": {"reference": f"Condition/{case.id}"}}],
        "patient": patient,
        "period": period,
    }
    return [episode, condition]


def body_site(site_key: str, side: str) -> dict:
    """A CodeableConcept for one body part: the SNOMED CT body structure, its side as text.

    A paired site with a side is coded twice, as the same meaning at two levels: the
    post-coordinated expression `site:272741003=side` (laterality as the qualifier) first,
    and the plain body structure for readers that take no expressions.
    """
    site = _sites()[site_key]
    plain = {"system": SNOMED, "code": site.code, "display": site.name}
    concept: dict[str, Any] = {"text": site.label(side)}
    if site.paired and side in SIDE_CODES:
        expression = f"{site.code}:{LATERALITY}={SIDE_CODES[side]}"
        concept["coding"] = [{"system": SNOMED, "code": expression}, plain]
    else:
        concept["coding"] = [plain]
    return concept


def _appointments(session: Session, zone: tzinfo) -> Iterator[list[dict]]:
    a = Appointment
    query = (
        select(
            a.id, a.case_id, a.practitioner_id, a.starts_at, a.ends_at, a.status, Case.patient_id
        )
        .join(Case, Case.id == a.case_id)
        .order_by(a.id)
    )
    for row in _stream(session, query):
        yield [
            {
                "resourceType": "Appointment",
                "id": str(row.id),
                "status": APPOINTMENT_STATUS[AppointmentStatus(row.status)],
                "start": _instant(row.starts_at, zone),
                "end": _instant(row.ends_at, zone),
                "participant": [
                    {"actor": {"reference": f"Patient/{row.patient_id}"}, "status": "accepted"},
                    {
                        "actor": {"reference": f"Practitioner/{row.practitioner_id}"},
                        "status": "accepted",
                    },
                ],
                "supportingInformation": [{"reference": f"EpisodeOfCare/{row.case_id}"}],
            }
        ]


def _instant(moment: datetime, zone: tzinfo) -> str:
    """The clinic's wall time with its UTC offset: 2026-03-02T09:30:00+01:00."""
    if moment.tzinfo is None:  # rows read through Core keep the column type: aware UTC
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone).isoformat(timespec="seconds")


def _day(value: date) -> str:
    return value.isoformat()


def _sites() -> dict:
    return {s.key: s for s in catalogue()}


# --- writing -----------------------------------------------------------------------------


class _BundleWriter:
    """Writes `{"resourceType": "Bundle", ..., "entry": [...]}` one entry at a time."""

    def __init__(self, out: IO[str]) -> None:
        self.out, self.entries = out, 0
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        out.write(f'{{"resourceType":"Bundle","type":"collection","timestamp":"{stamp}"')

    def add(self, resources: list[dict]) -> int:
        for resource in resources:
            # FHIR allows no empty arrays: "entry" opens with the first entry.
            self.out.write(',"entry":[\n' if self.entries == 0 else ",\n")
            self.out.write(json.dumps({"resource": resource}, ensure_ascii=False))
            self.entries += 1
        return len(resources)

    def close(self) -> None:
        self.out.write("\n]}\n" if self.entries else "}\n")


class _temporary_beside:  # noqa: N801 - used as a context manager, like open()
    """A temporary file beside `target`, renamed onto it only when the block succeeds."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __enter__(self) -> IO[str]:
        try:
            handle, self.name = tempfile.mkstemp(
                prefix=f".{self.target.name}.", suffix=".part", dir=self.target.parent or "."
            )
            self.out = os.fdopen(handle, "w", encoding="utf-8")
        except OSError as exc:
            raise ExportError(_cannot_write(self.target, exc)) from exc
        return self.out

    def __exit__(self, kind, exc, tb) -> None:
        try:
            self.out.close()
            if kind is None:
                os.replace(self.name, self.target)
        except OSError as error:
            _remove(self.name)
            raise ExportError(_cannot_write(self.target, error)) from error
        if kind is not None:
            _remove(self.name)
            if issubclass(kind, OSError):  # the disk filled up or went away while writing
                raise ExportError(_cannot_write(self.target, exc)) from exc


def _remove(name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(name)


class _Ticker:
    """Calls the progress callback at most about ten times a second."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total = progress, total
        self.done, self.shown = 0, 0.0
        if progress:
            progress("exporting", 0, total)

    def add(self, written: int) -> None:
        self.done += written
        now = clock.monotonic()
        if self.progress and (now - self.shown >= 0.1 or self.done >= self.total):
            self.shown = now
            self.progress("exporting", self.done, self.total)
