"""Importing patients from another system's CSV export (`casedesk import patients FILE`).

Each row is checked as the booking wizard checks a new patient. A patient already
registered (same folded name and phone, or same folded name and date of birth) is
skipped, so an import stopped half-way can simply be run again. Rows are written in
batches, one transaction and one audit entry per batch.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from types import SimpleNamespace

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from app.db import Database
from app.models import Patient
from app.services import audit, changes, settings
from app.services.dto import PatientDetails
from app.services.errors import ValidationError
from app.services.patient_checks import field_errors
from app.services.patient_csv import (
    FIELDS,
    CsvFile,
    check_mapping,
    date_order,
    guess_mapping,
    open_csv,
    parse_date,
    parse_sex,
)
from app.services.patients import CleanPatient, apply_details, validate_details
from app.services.permissions import Permission, require
from app.services.text import fold

BATCH_SIZE = 1000
_LOOKUP_CHUNK = 500  # names per IN (...) when looking for patients already registered
# validate_details names fields as the wizard's widgets do; the import speaks in FIELDS.
_FIELD_OF = {
    "firstName": "first_name",
    "lastName": "last_name",
    "phone": "phone",
    "email": "email",
    "birthDate": "birth_date",
    "sex": "sex",
}
_LABELS = {
    "first_name": "first name",
    "last_name": "last name",
    "phone": "phone",
    "email": "e-mail",
    "birth_date": "date of birth",
    "sex": "sex",
}

Mapping = dict[str, int | None]
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class RowProblem:
    """One bad cell of a row: the CaseDesk field, its column (index and header) and why."""

    field: str
    column: int | None
    column_name: str
    message: str


@dataclass(frozen=True)
class RefusedRow:
    line: int
    cells: tuple[str, ...]
    problems: tuple[RowProblem, ...]

    def describe(self) -> str:
        """'line 7: Mobile Phone: ... ; Date of Birth: ...' (the clinic's own column names)."""
        said = "; ".join(f"{p.column_name}: {p.message}" for p in self.problems)
        return f"line {self.line}: {said}"


@dataclass(frozen=True)
class ImportReport:
    file: str
    headers: tuple[str, ...]
    delimiter: str
    imported: int
    skipped: int
    refused: tuple[RefusedRow, ...]

    def counts(self) -> str:
        return f"imported {self.imported}, skipped {self.skipped}, refused {len(self.refused)}"


@dataclass(frozen=True)
class PreviewRow:
    line: int
    cells: tuple[str, ...]
    problems: tuple[RowProblem, ...]


@dataclass(frozen=True)
class ImportPreview:
    """The first rows of a file, checked, for the dialog to show before anything is written."""

    file: str
    encoding: str
    headers: tuple[str, ...]
    mapping: tuple[tuple[str, int | None], ...]
    rows: tuple[PreviewRow, ...]
    total_rows: int


@dataclass
class _Checked:
    line: int
    cells: list[str]
    clean: CleanPatient | None = None
    problems: list[RowProblem] = field(default_factory=list)


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index].strip() if index is not None and index < len(cells) else ""


def check_row(
    line: int,
    cells: list[str],
    mapping: Mapping,
    headers: tuple[str, ...],
    region: str,
    today: date,
) -> _Checked:
    """The row as a validated patient, or every problem of it, each named by field and column."""
    checked = _Checked(line, cells)
    found: dict[str, str] = {}
    raw_birth = _cell(cells, mapping.get("birth_date"))
    try:
        birth = parse_date(raw_birth, region)
    except ValueError:
        birth = None
        found["birth_date"] = (
            f"'{raw_birth}' is not a date; write it as {date_order(region)} or YYYY-MM-DD."
        )
    details = PatientDetails(
        first_name=_cell(cells, mapping.get("first_name")),
        last_name=_cell(cells, mapping.get("last_name")),
        phone=_cell(cells, mapping.get("phone")),
        email=_cell(cells, mapping.get("email")) or None,
        birth_date=birth,
        sex=parse_sex(_cell(cells, mapping.get("sex"))),
    )
    if not found:
        try:
            checked.clean = validate_details(details, region, today)
            return checked
        except ValidationError:
            pass
    for name, message in field_errors(details, region, today).items():
        found.setdefault(_FIELD_OF.get(name, name), message)
    for name, message in found.items():
        index = mapping.get(name)
        column = headers[index] if index is not None else _LABELS.get(name, name)
        checked.problems.append(RowProblem(name, index, column, message))
    return checked


def _region(db: Database) -> str:
    with db.reading() as session:
        return settings.read_all(session)["clinic.region"]


def _open(path: str | Path, mapping: Mapping | None) -> tuple[CsvFile, Mapping]:
    source = open_csv(path)
    mapping = dict(mapping) if mapping is not None else guess_mapping(source.headers)
    check_mapping(mapping, source.headers, source.path.name)
    return source, mapping


def preview(db: Database, path: str | Path, mapping: Mapping | None = None, limit: int = 50):
    """The header, the guessed (or given) mapping and the first `limit` rows with their problems.

    Raises ImportFileError when the file cannot be read; with a mapping lacking a name
    column the rows are still shown (the dialog lets the clinic pick the column).
    """
    source = open_csv(path)
    mapping = dict(mapping) if mapping is not None else guess_mapping(source.headers)
    region, today = _region(db), date.today()
    rows = []
    total = 0
    for line, cells in source.rows():
        total += 1
        if len(rows) < limit:
            checked = check_row(line, cells, mapping, source.headers, region, today)
            rows.append(PreviewRow(line, tuple(cells), tuple(checked.problems)))
    return ImportPreview(
        file=str(source.path),
        encoding=source.encoding,
        headers=source.headers,
        mapping=tuple((f, mapping.get(f)) for f in FIELDS),
        rows=tuple(rows),
        total_rows=total,
    )


def _registered(session: Session, names: set[str]) -> tuple[set, set]:
    """(name, phone) and (name, date of birth) pairs of patients already registered."""
    by_phone: set[tuple[str, str]] = set()
    by_birth: set[tuple[str, date]] = set()
    ordered = sorted(names)
    for start in range(0, len(ordered), _LOOKUP_CHUNK):
        chunk = ordered[start : start + _LOOKUP_CHUNK]
        rows = session.execute(
            select(Patient.name_key, Patient.phone, Patient.birth_date).where(
                Patient.name_key.in_(chunk)
            )
        )
        for name, phone, birth in rows:
            by_phone.add((name, phone))
            if birth is not None:
                by_birth.add((name, birth))
    return by_phone, by_birth


def _row(clean: CleanPatient) -> dict:
    """The patient's columns as `apply_details` sets them (one definition of the keys)."""
    row = SimpleNamespace()
    apply_details(row, clean)  # type: ignore[arg-type]
    return vars(row) | {"is_demo": False}


def _write_batch(db: Database, batch: list[_Checked], file_name: str) -> tuple[int, int]:
    """Registers the batch's new patients in one transaction; returns (imported, skipped)."""
    good = [c.clean for c in batch if c.clean is not None]
    if not good:
        return 0, 0
    new: list[dict] = []
    with db.writing() as session:
        require(session, Permission.PATIENTS)
        by_phone, by_birth = _registered(
            session, {fold(f"{c.first_name} {c.last_name}") for c in good}
        )
        for clean in good:
            name = fold(f"{clean.first_name} {clean.last_name}")
            birth_key = (name, clean.birth_date) if clean.birth_date else None
            if (name, clean.phone) in by_phone or (birth_key and birth_key in by_birth):
                continue
            new.append(_row(clean))
            by_phone.add((name, clean.phone))  # a second copy later in the file is a duplicate
            if birth_key:
                by_birth.add(birth_key)
        if new:
            # One multi-row INSERT: the unit of work costs more than the checks per row.
            # render_nulls keeps every row's columns alike (an empty e-mail would otherwise
            # split the batch into one statement per change of shape).
            add = insert(Patient).returning(Patient.id).execution_options(render_nulls=True)
            ids = list(session.scalars(add, new))
            changes.scope(session, Patient.__tablename__, ids=ids)
            after = {
                "count": len(new),
                "skipped": len(good) - len(new),
                "file": file_name,
                "lines": [batch[0].line, batch[-1].line],
            }
            audit.record(session, "patient.import", "patient", None, None, after)
    return len(new), len(good) - len(new)


def _batches(rows: Iterator, size: int) -> Iterable[list]:
    while chunk := list(islice(rows, size)):
        yield chunk


def import_patients(
    db: Database,
    path: str | Path,
    mapping: Mapping | None = None,
    *,
    batch_size: int = BATCH_SIZE,
    progress: Progress | None = None,
) -> ImportReport:
    """Registers every good row of the CSV file not already registered; reports the rest.

    `mapping` (field -> column index) overrides the one guessed from the header.
    `progress(lines_done, lines_total)` is called after each committed batch. Raises
    ImportFileError when the file cannot be read or has no name columns.
    """
    source, mapping = _open(path, mapping)
    region, today = _region(db), date.today()
    total = max(source.text.count("\n"), 1)
    imported = skipped = 0
    refused: list[RefusedRow] = []
    for chunk in _batches(source.rows(), batch_size):
        batch = [
            check_row(ln, cells, mapping, source.headers, region, today) for ln, cells in chunk
        ]
        refused.extend(
            RefusedRow(c.line, tuple(c.cells), tuple(c.problems)) for c in batch if c.problems
        )
        added, already = _write_batch(db, batch, source.path.name)
        imported, skipped = imported + added, skipped + already
        if progress is not None:
            progress(min(batch[-1].line, total), total)
    if progress is not None:
        progress(total, total)
    return ImportReport(
        str(source.path), source.headers, source.delimiter, imported, skipped, tuple(refused)
    )


def save_refused(report: ImportReport, path: str | Path) -> Path:
    """Writes the refused rows as a CSV to fix and import again: the original columns + 'error'."""
    path = Path(path)
    width = len(report.headers)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=report.delimiter)
        writer.writerow([*report.headers, "error"])
        for row in report.refused:
            cells = list(row.cells[:width]) + [""] * (width - len(row.cells))
            said = "; ".join(f"{p.column_name}: {p.message}" for p in row.problems)
            writer.writerow([*cells, f"line {row.line}: {said}"])
    return path


def refused_path(source: str | Path) -> Path:
    """Where the command line saves the refused rows: beside the file, '-refused' added."""
    source = Path(source)
    return source.with_name(f"{source.stem}-refused.csv")
