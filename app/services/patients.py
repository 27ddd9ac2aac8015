"""Patients: register, edit, look up, and search at a million rows."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

import phonenumbers
from sqlalchemy import Select, and_, bindparam, distinct, exists, func, or_, select, true
from sqlalchemy.orm import Session, aliased

from app.db import Database
from app.models import Case, Patient
from app.models.case import CASE_OPEN
from app.services import access_log, audit, settings
from app.services.dto import PatientDetails, PatientRecord, PatientSummary, SearchPage
from app.services.errors import ConflictError, NotFoundError, ValidationError
from app.services.merged_search import ANY_MERGE, MERGED_IDS, MergedHits, merged_hits
from app.services.patient_details import (  # noqa: F401 - also known as patients.*
    SEXES,
    CleanPatient,
    apply_details,
    parse_phone,
    validate_details,
)
from app.services.permissions import Permission, require
from app.services.text import digits, fold, prefix_upper_bound
from app.services.words import QT_TRANSLATE_NOOP, say

CASE_CODE = re.compile(r"^c\s*-?\s*\d*$", re.IGNORECASE)
CASE_DIGITS = 5  # C-00001: the width cases.next_case_code pads to


# Parsing and formatting a number is most of the cost of a page of rows (~60 us each), and
# typing a name re-reads the same rows on every keystroke; the result depends only on the input.
@lru_cache(maxsize=20_000)
def format_phone(e164: str, region: str) -> str:
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    kind = (
        phonenumbers.PhoneNumberFormat.NATIONAL
        if phonenumbers.region_code_for_number(number) == region
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    )
    return phonenumbers.format_number(number, kind)


def snapshot(patient: Patient) -> dict:
    return {
        "first_name": patient.first_name,
        "last_name": patient.last_name,
        "phone": patient.phone,
        "email": patient.email,
        "birth_date": patient.birth_date.isoformat() if patient.birth_date else None,
        "sex": patient.sex,
    }


def summary(patient: Patient, region: str, open_cases: int = 0) -> PatientSummary:
    return PatientSummary(
        id=patient.id,
        first_name=patient.first_name,
        last_name=patient.last_name,
        phone=patient.phone,
        phone_display=format_phone(patient.phone, region),
        email=patient.email,
        birth_date=patient.birth_date,
        sex=patient.sex,
        open_cases=open_cases,
    )


def add_patient(session: Session, details: PatientDetails, region: str) -> Patient:
    """Registers a patient inside the caller's transaction (used by booking too)."""
    clean = validate_details(details, region)
    patient = Patient()
    apply_details(patient, clean)
    session.add(patient)
    session.flush()
    audit.record(session, "patient.register", "patient", patient.id, None, snapshot(patient))
    return patient


def register_patient(db: Database, details: PatientDetails) -> PatientSummary:
    """Validates and registers a new patient; returns it as a summary."""
    with db.writing() as session:
        require(session, Permission.PATIENTS)
        region = settings.read_all(session)["clinic.region"]
        patient = add_patient(session, details, region)
        return summary(patient, region)


def update_patient(db: Database, patient_id: int, details: PatientDetails) -> PatientSummary:
    """Validates and saves new details for an existing patient, audited with before and after."""
    with db.writing() as session:
        require(session, Permission.PATIENTS)
        region = settings.read_all(session)["clinic.region"]
        # Locked (on PostgreSQL) so a merge at another desk cannot slip in between.
        patient = session.get(Patient, patient_id, with_for_update=True, populate_existing=True)
        if patient is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("services", "Patient {id} no longer exists."), id=patient_id)
            )
        refuse_merged(session, patient)
        clean = validate_details(details, region)
        before = snapshot(patient)
        apply_details(patient, clean)
        audit.record(session, "patient.update", "patient", patient.id, before, snapshot(patient))
        return summary(patient, region, _open_case_counts(session, [patient.id]).get(patient.id, 0))


def refuse_merged(session: Session, patient: Patient) -> None:
    """Refuses a change to a record another desk has merged into another one meanwhile,
    naming the record kept (its cases are there now)."""
    if patient.merged_into_id is None:
        return
    kept = session.get(Patient, patient.merged_into_id)
    for _ in range(20):  # the kept record may itself have been merged since
        if kept is None or kept.merged_into_id is None:
            break
        kept = session.get(Patient, kept.merged_into_id)
    name = f"{kept.first_name} {kept.last_name}" if kept is not None else ""
    raise ConflictError(
        say(
            QT_TRANSLATE_NOOP(
                "services", "This record was merged into {name}'s; search for the patient again."
            ),
            name=name,
        )
    )


def _open_case_counts(session: Session, ids: list[int]) -> dict[int, int]:
    if not ids:
        return {}
    rows = session.execute(
        select(Case.patient_id, func.count())
        .where(Case.patient_id.in_(ids), Case.status == CASE_OPEN)
        .group_by(Case.patient_id)
    )
    return dict(rows.all())


def get_patient(db: Database, patient_id: int) -> PatientRecord:
    """The patient with every case (newest first), its body parts and appointments.

    Reading it is an access: a "patient.open" audit entry follows (app/services/access_log.py).
    """
    from app.services.cases import load_cases
    from app.services.patient_merge import undoable_merge

    with db.reading() as session:
        region = settings.read_all(session)["clinic.region"]
        # Locked (on PostgreSQL) so a merge at another desk cannot slip in between.
        patient = session.get(Patient, patient_id, with_for_update=True, populate_existing=True)
        if patient is None:
            raise NotFoundError(
                say(QT_TRANSLATE_NOOP("services", "Patient {id} no longer exists."), id=patient_id)
            )
        cases = load_cases(session, patient_id)
        open_count = sum(1 for c in cases if c.status == CASE_OPEN)
        undoable = undoable_merge(session, patient_id)
        record = PatientRecord(summary(patient, region, open_count), tuple(cases), undoable)
    access_log.note_open(db, patient_id)  # written with others in a few seconds
    return record


def patient_rows(db: Database, ids: list[int] | tuple[int, ...]) -> list[PatientSummary]:
    """Summaries for the given ids, in the same order (for rows scrolling into view)."""
    if not ids:
        return []
    with db.reading() as session:
        region = settings.read_all(session)["clinic.region"]
        found = {p.id: p for p in session.scalars(select(Patient).where(Patient.id.in_(ids)))}
        counts = _open_case_counts(session, list(found))
        return [summary(found[i], region, counts.get(i, 0)) for i in ids if i in found]


@dataclass(frozen=True)
class _Arm:
    """One indexed range of a search: its patient ids in display order, and how many there are.

    A search is a list of arms shown one after the other; each arm leaves out
    what an earlier arm matched. Every arm is read in the order of its own index,
    so a page costs a short index walk however many patients match (an OR of
    two ranges sorted by one key would sort every match, 200 000 of them for "s").
    """

    ids: Select
    count: Select
    match: Any  # the arm's condition on one patient row (to test merged records against)
    id_column: Any  # the column `ids` selects

    # Built once per arm, as the arms themselves are (see merged_search).
    @cached_property
    def count_and_merges(self) -> Select:
        """`count`, and whether any merge stands, in the one statement."""
        return self.count.add_columns(ANY_MERGE)

    @cached_property
    def count_merged(self) -> Select:
        """How many of `count` are records merged into another."""
        return self.count.where(self.id_column.in_(MERGED_IDS))

    @cached_property
    def ids_live(self) -> Select:
        """`ids` without records merged into another."""
        return self.ids.where(self.id_column.not_in(MERGED_IDS))


def _range(column, name: str):
    """`column` starts with the bound parameter `name` (an index range, see prefix_upper_bound)."""
    return and_(column >= bindparam(name), column < bindparam(f"{name}_bound"))


def _arm(where, *order_by) -> _Arm:
    return _Arm(
        select(Patient.id).where(where).order_by(*order_by),
        select(func.count()).select_from(Patient).where(where),
        where,
        Patient.id,
    )


def _case_arm(*leave_out) -> _Arm:
    """Patients with a case whose ID starts with the prefix, in order of their first such ID.

    `leave_out`: conditions on Patient already shown by an earlier arm (so nobody shows twice).
    """
    case, earlier = aliased(Case), aliased(Case)
    first_match = ~exists().where(
        earlier.patient_id == case.patient_id,
        earlier.code >= bindparam("code"),
        earlier.code < case.code,
    )
    matching = _range(case.code, "code")
    ids = select(case.patient_id).where(matching, first_match).order_by(case.code)
    count = select(func.count(distinct(case.patient_id))).where(matching)
    anyone = aliased(Case)
    match = exists().where(anyone.patient_id == Patient.id, _range(anyone.code, "code"))
    if leave_out:
        others = [~condition for condition in leave_out]
        ids = ids.join(Patient, Patient.id == case.patient_id).where(*others)
        count = count.select_from(case).join(Patient, Patient.id == case.patient_id).where(*others)
        match = and_(match, *others)
    return _Arm(ids, count, match, case.patient_id)


# Built once: composing these per keystroke cost more than running them on small results.
_EVERYONE = [_arm(true(), Patient.last_first_key, Patient.id)]
_BY_CASE = [_case_arm()]
_BY_PHONE = [
    _arm(_range(Patient.national_digits, "national"), Patient.national_digits, Patient.id),
    _arm(
        and_(_range(Patient.phone_digits, "number"), ~_range(Patient.national_digits, "national")),
        Patient.phone_digits,
        Patient.national_digits,
        Patient.id,
    ),
]
# Digits alone are a phone number first; then a case number typed without its "C-".
_BY_DIGITS = [
    *_BY_PHONE,
    _case_arm(_range(Patient.national_digits, "national"), _range(Patient.phone_digits, "number")),
]
_BY_NAME = [
    _arm(_range(Patient.last_first_key, "key"), Patient.last_first_key, Patient.id),
    _arm(
        and_(_range(Patient.name_key, "key"), ~_range(Patient.last_first_key, "key")),
        Patient.name_key,
        Patient.last_first_key,
        Patient.id,
    ),
]

_BY_CASE_OR_NAME = _BY_CASE + _BY_NAME


def _prefix(name: str, value: str) -> dict[str, str]:
    return {name: value, f"{name}_bound": prefix_upper_bound(value)}


def case_code_prefix(number: str) -> str:
    """'2' -> 'C-00002' (case IDs have five digits or more); '0000' stays a prefix being typed."""
    if number.startswith("0") or len(number) >= CASE_DIGITS:
        return "C-" + number
    return f"C-{int(number):0{CASE_DIGITS}d}"


def _search_arms(text: str) -> tuple[list[_Arm], dict[str, str]]:
    """What to match for the typed text (a case ID, phone digits, or a name prefix): arms and values."""
    raw = text.strip()
    if CASE_CODE.match(raw) and any(ch.isdigit() for ch in raw):
        # A name such as "C2 Studio" is still found by name, after the case.
        return _BY_CASE_OR_NAME, _prefix("code", case_code_prefix(digits(raw))) | _prefix(
            "key", fold(raw)
        )
    if raw and all(ch.isdigit() or ch in "+-() ." for ch in raw) and digits(raw):
        number = digits(raw)
        national = number.lstrip("0") or number
        values = _prefix("number", number) | _prefix("national", national)
        values |= _prefix("code", case_code_prefix(number))
        # "00002" can only be a case; "2" is a case only when no phone starts with it.
        return (_BY_DIGITS if number.startswith("00") else _BY_PHONE), values
    key = fold(raw)
    if not key:
        return _EVERYONE, {}
    return _BY_NAME, _prefix("key", key)


def search_patients(db: Database, text: str, offset: int = 0, limit: int = 200) -> SearchPage:
    """Patients whose name, phone or case ID starts with `text`.

    Case- and accent-insensitive prefix match on indexed keys (never a LIKE
    scan). Returns one page of ids and the total count. Names: last-name
    matches first, sorted by last name, then first-name matches sorted by
    first name. Phones: by national number, then by international number.
    Case IDs: by the matching case ID, typed as C-00002, c2, c-2 or 00002; digits
    that start no phone number are tried as a case number ("2" finds C-00002).
    """
    with db.reading() as session:
        arms, values = _search_arms(text)
        found = _counts(session, arms, values)
        if arms is _BY_PHONE and not found.total:  # no phone starts with it: a case number?
            arms = _BY_CASE
            found = _counts(session, arms, values)
        ids: list[int] = []
        skip = offset
        for arm, count in zip(arms, found.counts, strict=True):
            if len(ids) >= limit:
                break
            if skip >= count:
                skip -= count
                continue
            query = arm.ids_live if found.left_out else arm.ids
            ids.extend(session.scalars(query.offset(skip).limit(limit - len(ids)), values))
            skip = 0
        if len(ids) < limit:  # kept records found through a merged record's old details
            ids.extend(found.kept[skip : skip + limit - len(ids)])
        return SearchPage(ids=tuple(ids), total=found.total)


def _counts(session: Session, arms: list[_Arm], values: dict[str, str]) -> MergedHits:
    """Each arm's count, without records merged into another (whose kept records follow)."""
    first, any_merge = session.execute(arms[0].count_and_merges, values).one()
    counts = [first or 0, *(session.scalar(arm.count, values) or 0 for arm in arms[1:])]
    return merged_hits(session, arms, values, counts) if any_merge else MergedHits(counts)


def find_duplicates(db: Database, details: PatientDetails) -> list[PatientSummary]:
    """Existing patients with the same phone, or the same name and date of birth."""
    with db.reading() as session:
        region = settings.read_all(session)["clinic.region"]
        conditions = []
        try:
            phone = phonenumbers.format_number(
                parse_phone(details.phone, region), phonenumbers.PhoneNumberFormat.E164
            )
            conditions.append(Patient.phone == phone)
        except ValidationError:
            pass
        name = fold(f"{details.first_name} {details.last_name}")
        if name and details.birth_date is not None:
            conditions.append(
                and_(Patient.name_key == name, Patient.birth_date == details.birth_date)
            )
        if not conditions:
            return []
        # A merged record is one of the kept record's old spellings, not a candidate.
        candidates = select(Patient).where(or_(*conditions), Patient.merged_into_id.is_(None))
        found = list(session.scalars(candidates.limit(10)))
        counts = _open_case_counts(session, [p.id for p in found])
        return [summary(p, region, counts.get(p.id, 0)) for p in found]
