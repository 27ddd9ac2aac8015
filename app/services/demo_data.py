"""Synthetic clinic data for demos and benchmarks, inserted in bulk.

Deterministic for a given seed. Names come from Faker's per-locale name lists
(read once, not through Faker's slow per-call API), with a share of accented
European names so accent-insensitive search has something to do. Phone numbers
are valid for the clinic's region; e-mails use the reserved example domains.
"""

from __future__ import annotations

import base64
import importlib
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import phonenumbers
from sqlalchemy import func, insert, select

from app.db import Database
from app.models import Appointment, Case, CaseBodyPart, Counter, Patient
from app.models import Practitioner as PractitionerRow
from app.models.appointment import (
    CANCELLED,
    COMPLETED,
    CONFIRMED,
    FOLLOW_UP,
    INITIAL_ASSESSMENT,
    NO_SHOW,
    RESERVED,
)
from app.models.case import CASE_CLOSED, CASE_OPEN
from app.models.practitioner import DEFAULT_WORKING_HOURS
from app.services import audit, settings
from app.services.body_sites import catalogue
from app.services.errors import ConflictError, ValidationError
from app.services.sequences import reset_sequences
from app.services.text import fold

# Regions without a Faker person provider of their own borrow a neighbour's names.
LOCALES = {"IN": "en_IN", "GB": "en_GB", "US": "en_US", "AU": "en_NZ", "NZ": "en_NZ", "IE": "en_IE"}
ACCENTED_LOCALES = ("de_DE", "fr_FR", "es_ES", "pt_BR")
CASE_TITLES = {
    "knee": ["Knee pain after fall", "ACL rehab", "Knee stiffness", "Runner's knee"],
    "lower_back": ["Low back pain", "Lifting injury", "Sciatica"],
    "neck": ["Neck pain", "Whiplash", "Stiff neck from desk work"],
    "shoulder": ["Frozen shoulder", "Rotator cuff strain", "Shoulder impingement"],
    "ankle": ["Ankle sprain", "Post-fracture rehab"],
}
SLOTS_PER_DAY = [
    time(h, m) for h, m in [(9, 0), (9, 30), (10, 0), (10, 30), (11, 0), (11, 30), (12, 0), (12, 30),
                            (14, 0), (14, 30), (15, 0), (15, 30), (16, 0), (16, 30)]
]  # fmt: skip
DEMO_CLINIC_PATIENTS = 2_000  # `casedesk --demo` and "Try with demo data"
PATIENTS_PER_PRACTITIONER = 15_000
CHUNK = 20_000


@dataclass(frozen=True)
class DemoSummary:
    patients: int
    cases: int
    appointments: int
    practitioners: int


def _names(locale: str) -> tuple[list[str], list[str], list[str]]:
    module = importlib.import_module(f"faker.providers.person.{locale}")
    provider = module.Provider

    def as_list(value) -> list[str]:
        return list(value.keys()) if isinstance(value, dict) else list(value)

    return (
        as_list(provider.first_names_female),
        as_list(provider.first_names_male),
        as_list(provider.last_names),
    )


class _PhoneMaker:
    """Unique, valid mobile numbers for a region."""

    def __init__(self, region: str, rnd: random.Random) -> None:
        example = phonenumbers.example_number_for_type(region, phonenumbers.PhoneNumberType.MOBILE)
        if example is None:
            example = phonenumbers.example_number(region)
        self.country = example.country_code
        national = str(example.national_number)
        self.prefix, self.free = national[:2], len(national) - 2
        self.rnd = rnd
        self.used: set[int] = set()

    def make(self) -> tuple[str, str]:
        while True:
            tail = self.rnd.randrange(10**self.free)
            national = int(f"{self.prefix}{tail:0{self.free}d}")
            if national in self.used:
                continue
            number = phonenumbers.PhoneNumber(country_code=self.country, national_number=national)
            if phonenumbers.is_valid_number(number):
                self.used.add(national)
                return f"+{self.country}{national}", str(national)


def _business_day(anchor: date, back: int) -> date:
    """The `back`-th weekday before the Friday `anchor` (0 is the anchor itself)."""
    weeks, rest = divmod(back, 5)
    return anchor - timedelta(days=7 * weeks + rest)


def _token(rnd: random.Random) -> str:
    return base64.urlsafe_b64encode(rnd.getrandbits(144).to_bytes(18, "big")).decode()


def _as_is(value):
    return value


def _sqlite_time(moment: datetime) -> str:
    """UTC text exactly as SQLAlchemy's SQLite DateTime stores it, so comparisons still hold."""
    return f"{moment.astimezone(UTC):%Y-%m-%d %H:%M:%S.%f}"


def _sqlite_day(day: date | None) -> str | None:
    return None if day is None else day.isoformat()


def _insert_rows(session, table, rows: list[dict], raw: bool) -> None:
    """Bulk insert. On SQLite the rows are already in stored form and go straight to
    executemany: SQLAlchemy's per-value type processing was a third of the run."""
    if not raw:
        session.connection().execute(insert(table), rows)
        return
    columns = list(rows[0])
    sql = (
        f'INSERT INTO "{table.name}" ({", ".join(columns)}) '
        f"VALUES ({', '.join(':' + c for c in columns)})"
    )
    session.connection().exec_driver_sql(sql, rows)


def generate(
    db: Database,
    patients: int,
    seed: int = 1,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Adds `patients` synthetic patients with practitioners, cases, body parts and appointments.

    Refuses a database that holds real (non-demo) patients.
    """
    if patients < 1:
        raise ValidationError("patients", "Give a number of patients of at least 1.")
    rnd = random.Random(seed)
    with db.reading() as session:
        if session.scalar(select(Patient.id).where(Patient.is_demo.is_(False)).limit(1)):
            raise ConflictError(
                "This database holds real patients; demo data goes only into a demo database."
            )
        config = settings.read_all(session)
        first_patient = (session.scalar(select(func.max(Patient.id))) or 0) + 1
        first_case = (session.scalar(select(func.max(Case.id))) or 0) + 1
        first_appointment = (session.scalar(select(func.max(Appointment.id))) or 0) + 1
        counter = session.get(Counter, "case")
        case_number = counter.value if counter else 0
        practitioner_ids = list(
            session.scalars(select(PractitionerRow.id).where(PractitionerRow.active.is_(True)))
        )
    region, zone = config["clinic.region"], ZoneInfo(config["clinic.timezone"])
    wanted_practitioners = max(2, math.ceil(patients / PATIENTS_PER_PRACTITIONER))
    practitioner_ids += _add_practitioners(
        db, wanted_practitioners - len(practitioner_ids), rnd, region
    )

    local = _names(LOCALES.get(region, "en_US"))
    accented = [_names(loc) for loc in ACCENTED_LOCALES]
    phones = _PhoneMaker(region, rnd)
    sites = catalogue()
    common = [s for s in sites if s.key in CASE_TITLES]
    today = date.today()
    anchor = today + timedelta(days=(4 - today.weekday()) % 7 + 14)  # a Friday two weeks ahead
    capacity_days = max(
        40, math.ceil(patients * 2.2 * 2 / (len(practitioner_ids) * len(SLOTS_PER_DAY)))
    )
    taken = bytearray(capacity_days * len(practitioner_ids) * len(SLOTS_PER_DAY))
    per_day = len(practitioner_ids) * len(SLOTS_PER_DAY)
    now = datetime.now(UTC)

    totals = [0, 0, 0]
    batch: dict[str, list[dict]] = {"patient": [], "case": [], "part": [], "appt": []}
    pid, cid, aid = first_patient, first_case, first_appointment

    raw = db.is_sqlite
    when, day_of = (_sqlite_time, _sqlite_day) if raw else (_as_is, _as_is)
    folded: dict[str, str] = {}  # names repeat a lot; fold each one once

    def fold_once(name: str) -> str:
        key = folded.get(name)
        if key is None:
            key = folded[name] = fold(name)
        return key

    def flush() -> None:
        with db.writing() as session:
            for table, key in (
                (Patient.__table__, "patient"),
                (Case.__table__, "case"),
                (CaseBodyPart.__table__, "part"),
                (Appointment.__table__, "appt"),
            ):
                if batch[key]:
                    _insert_rows(session, table, batch[key], raw)
                    batch[key].clear()
            row = session.get(Counter, "case")
            if row is None:
                session.add(Counter(name="case", value=case_number))
            else:
                row.value = case_number
            reset_sequences(session)  # the rows came with their ids

    created = when(datetime.now(UTC))
    for n in range(patients):
        names = rnd.choice(accented) if rnd.random() < 0.15 else local
        female = rnd.random() < 0.52
        first = rnd.choice(names[0] if female else names[1])
        last = rnd.choice(names[2])
        phone, national = phones.make()
        first_key, last_key = fold_once(first), fold_once(last)
        email = None
        if rnd.random() < 0.6:
            user = f"{first_key}.{last_key}".replace(" ", "").replace("'", "")
            email = f"{user}{pid}@example.{'com' if pid % 2 else 'org'}"
        batch["patient"].append(
            {
                "id": pid,
                "first_name": first,
                "last_name": last,
                "phone": phone,
                "email": email,
                "birth_date": day_of(date(1940, 1, 1) + timedelta(days=rnd.randrange(80 * 365))),
                "sex": "female" if female else "male",
                "is_demo": True,
                "created_at": created,
                "updated_at": created,
                "name_key": f"{first_key} {last_key}",
                "last_first_key": f"{last_key} {first_key}",
                "phone_digits": phone.lstrip("+"),
                "national_digits": national,
            }
        )
        for _ in range(1 if rnd.random() < 0.7 else rnd.randint(2, 3)):
            case_number += 1
            main_site = rnd.choice(common) if rnd.random() < 0.6 else rnd.choice(sites)
            parts = {
                (main_site.key, rnd.choice(("left", "right", "both")) if main_site.paired else "")
            }
            if rnd.random() < 0.3:
                extra = rnd.choice(sites)
                parts.add((extra.key, rnd.choice(("left", "right")) if extra.paired else ""))
            title = rnd.choice(
                CASE_TITLES.get(
                    main_site.key, [f"{main_site.name[:1].upper()}{main_site.name[1:]} pain"]
                )
            )
            start_back = rnd.randrange(capacity_days)
            visits = rnd.randint(1, 3)
            times = []
            for v in range(visits):
                back = max(0, start_back - 5 * v)  # weekly follow-ups, going forward in time
                slot = (back * per_day + rnd.randrange(per_day)) % len(taken)
                while taken[slot]:
                    slot = (slot + 1) % len(taken)
                taken[slot] = 1
                day_back, within = divmod(slot, per_day)
                practitioner = practitioner_ids[within // len(SLOTS_PER_DAY)]
                local_time = SLOTS_PER_DAY[within % len(SLOTS_PER_DAY)]
                day = _business_day(anchor, day_back)
                starts = datetime.combine(day, local_time, zone).astimezone(UTC)
                times.append((starts, practitioner))
            times.sort()
            last_visit = times[-1][0]
            closed = last_visit < now - timedelta(days=30) and rnd.random() < 0.6
            batch["case"].append(
                {
                    "id": cid,
                    "code": f"C-{case_number:05d}",
                    "patient_id": pid,
                    "title": title,
                    "status": CASE_CLOSED if closed else CASE_OPEN,
                    "opened_on": day_of(times[0][0].astimezone(zone).date()),
                    "closed_on": day_of(last_visit.astimezone(zone).date() if closed else None),
                    "referral": None,
                    "notes": None,
                    "merged_into_id": None,
                }
            )
            batch["part"].extend({"case_id": cid, "site": s, "side": side} for s, side in parts)
            for i, (starts, practitioner) in enumerate(times):
                if starts < now:
                    roll = rnd.random()
                    status = COMPLETED if roll < 0.9 else NO_SHOW if roll < 0.95 else CANCELLED
                else:
                    status = CONFIRMED if rnd.random() < 0.6 else RESERVED
                batch["appt"].append(
                    {
                        "id": aid,
                        "case_id": cid,
                        "practitioner_id": practitioner,
                        "starts_at": when(starts),
                        "ends_at": when(starts + timedelta(minutes=30)),
                        "status": status,
                        "kind": INITIAL_ASSESSMENT if i == 0 else FOLLOW_UP,
                        "notes": None,
                        "token": _token(rnd),
                        "created_at": created,
                    }
                )
                aid += 1
                totals[2] += 1
            cid += 1
            totals[1] += 1
        pid += 1
        totals[0] += 1
        if len(batch["patient"]) >= CHUNK:
            flush()
            if progress:
                progress(n + 1, patients)
    flush()
    if progress:
        progress(patients, patients)
    with db.writing() as session:
        audit.record(
            session,
            "demo.generate",
            "patient",
            None,
            None,
            {"patients": totals[0], "cases": totals[1], "appointments": totals[2], "seed": seed},
        )
    if db.is_sqlite:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")
    return DemoSummary(totals[0], totals[1], totals[2], len(practitioner_ids))


def ensure_demo_clinic(target: str, patients: int = DEMO_CLINIC_PATIENTS) -> None:
    """Opens the demo database at `target` (created and migrated as needed) and, the first
    time, fills it with `patients` synthetic patients; a filled demo clinic is left as it is."""
    db = Database(target)
    try:
        with db.reading() as session:
            empty = session.scalar(select(Patient.id).limit(1)) is None
        if empty:
            generate(db, patients, seed=1)
    finally:
        db.dispose()


def _add_practitioners(db: Database, count: int, rnd: random.Random, region: str) -> list[int]:
    if count <= 0:
        return []
    female, male, last = _names(LOCALES.get(region, "en_US"))
    rows = []
    for _ in range(count):
        rows.append(
            PractitionerRow(
                name=f"{rnd.choice(female + male)} {rnd.choice(last)}",
                active=True,
                working_hours=dict(DEFAULT_WORKING_HOURS),
                appointment_minutes=30,
            )
        )
    with db.writing() as session:
        session.add_all(rows)
        session.flush()
        return [r.id for r in rows]
