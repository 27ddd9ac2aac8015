"""Plain frozen records the services hand to the UI: no ORM object ever leaves a session."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from app.services.body_sites import BodyPart

# Grouped in their own modules; imported from here as before.
from app.services.dto_merges import (  # noqa: F401
    PATIENT_MERGE_FIELDS,
    MergeResult,
    PatientMergePreview,
    PatientMergeResult,
)
from app.services.dto_referrals import ExpiringReferral, ReferralCheck, ReferralUsage  # noqa: F401


@dataclass(frozen=True)
class PatientDetails:
    """What a receptionist types for a new or edited patient (raw, not yet validated)."""

    first_name: str
    last_name: str
    phone: str
    email: str | None = None
    birth_date: date | None = None
    sex: str | None = None


@dataclass(frozen=True)
class PatientSummary:
    id: int
    first_name: str
    last_name: str
    phone: str  # E.164
    phone_display: str  # formatted for the clinic's region
    email: str | None
    birth_date: date | None
    sex: str | None
    open_cases: int = 0

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class SearchPage:
    """One page of a patient search: ids in display order, and how many match in all."""

    ids: tuple[int, ...]
    total: int


@dataclass(frozen=True)
class AppointmentInfo:
    id: int
    case_id: int
    case_code: str
    practitioner_id: int
    practitioner_name: str
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    status: str
    kind: str
    notes: str | None
    token: str
    link: str
    message_status: str | None = None  # of its newest outbox message, if any
    reserved_at: datetime | None = None  # when the booking was made
    # Still Reserved after the clinic's hold (reservation.hold_hours): the desk should follow up.
    needs_follow_up: bool = False
    # The patient has an e-mail address now (a missing message then is not "no e-mail").
    patient_has_email: bool = False


@dataclass(frozen=True)
class CaseInfo:
    id: int
    code: str
    patient_id: int
    title: str
    status: str
    opened_on: date
    closed_on: date | None
    referral: str | None
    notes: str | None
    body_parts: tuple[BodyPart, ...]
    appointments: tuple[AppointmentInfo, ...] = ()
    merged_codes: tuple[str, ...] = ()  # IDs of cases folded into this one
    referral_date: date | None = None
    referral_usage: ReferralUsage | None = None  # sessions used of those approved, until when

    @property
    def body_part_labels(self) -> list[str]:
        return [p.label for p in self.body_parts]


@dataclass(frozen=True)
class CaseEdit:
    """Corrections typed for a case; body parts to remove travel as (site, side).

    The referral's terms are saved as given: Edit case always sends what it shows.
    """

    title: str
    referral: str | None = None
    notes: str | None = None
    remove_body_parts: tuple[tuple[str, str], ...] = ()
    referral_date: date | None = None
    approved_sessions: int | None = None  # None: the referral sets no number
    referral_valid_until: date | None = None


@dataclass(frozen=True)
class PatientRecord:
    patient: PatientSummary
    cases: tuple[CaseInfo, ...]
    undoable_merge_id: int = 0  # the newest record merged into this one, still undoable


@dataclass(frozen=True)
class OpenCases:
    """A patient's open cases, and the one whose body parts overlap the new ones most."""

    cases: tuple[CaseInfo, ...]
    suggested_case_id: int | None


@dataclass(frozen=True)
class Practitioner:
    id: int
    name: str
    active: bool
    working_hours: dict
    appointment_minutes: int


@dataclass(frozen=True)
class TimeOff:
    """A stretch when a practitioner takes no appointments (aware UTC datetimes)."""

    id: int
    practitioner_id: int
    starts_at: datetime
    ends_at: datetime
    reason: str


@dataclass(frozen=True)
class PractitionerChange:
    """A practitioner as typed in Settings or first launch: a new one when `id` is None."""

    id: int | None
    name: str
    working_hours: dict
    appointment_minutes: int = 30
    active: bool = True


@dataclass(frozen=True)
class ClinicSetup:
    """The clinic's settings (every key, defaults filled in) and all its practitioners."""

    settings: dict[str, str]
    practitioners: tuple[Practitioner, ...]
    saved_practitioner: Practitioner | None = None  # the one just saved, when there was one


@dataclass(frozen=True)
class Slot:
    practitioner_id: int
    starts_at: datetime  # aware, UTC
    ends_at: datetime


@dataclass(frozen=True)
class CaseDecision:
    """New case, or update (add body parts and the appointment to) an existing one."""

    update_case_id: int | None = None

    @classmethod
    def new_case(cls) -> CaseDecision:
        return cls(None)

    @classmethod
    def update(cls, case_id: int) -> CaseDecision:
        return cls(case_id)

    @property
    def is_update(self) -> bool:
        return self.update_case_id is not None


@dataclass(frozen=True)
class BookingRequest:
    """Everything the booking wizard collects. `patient_id` 0 or None means `new_patient`."""

    case_title: str
    # (site, side) keys as the picker holds them; a str is read as an English catalogue label.
    body_parts: tuple[tuple[str, str] | str, ...]
    practitioner_id: int
    starts_at: datetime  # aware
    minutes: int | None = None  # the practitioner's default when None
    patient_id: int | None = None
    new_patient: PatientDetails | None = None
    kind: str = "initial"
    notes: str | None = None
    referral: str | None = None  # who referred (GP, insurer); updating a case: a renewed referral
    referral_date: date | None = None
    approved_sessions: int | None = None
    referral_valid_until: date | None = None
    # Walk-in, out-of-hours or late entry: a past or out-of-hours start is accepted (audited).
    override: bool = False


@dataclass(frozen=True)
class BookingResult:
    patient_id: int
    case_id: int
    case_code: str
    case_title: str
    created_case: bool
    appointment_id: int
    starts_at: datetime
    ends_at: datetime
    practitioner_name: str
    token: str
    link: str
    message_id: int | None
    body_parts: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class OutboxInfo:
    id: int
    appointment_id: int | None
    recipient: str
    subject: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    sent_at: datetime | None
    created_at: datetime


# --- the appointment book (services.schedule) ---------------------------------------------


@dataclass(frozen=True)
class BookPractitioner:
    id: int
    name: str
    appointment_minutes: int


@dataclass(frozen=True)
class TimeSpan:
    """A stretch of one practitioner's time (working hours or time off), aware UTC."""

    practitioner_id: int
    starts_at: datetime
    ends_at: datetime
    reason: str = ""


@dataclass(frozen=True)
class BookEntry:
    """One appointment as the book shows it."""

    id: int
    practitioner_id: int
    starts_at: datetime  # aware, UTC
    ends_at: datetime
    status: str
    patient_id: int
    patient_name: str  # "First Last"
    case_id: int
    case_code: str
    body_parts: tuple[str, ...]
    message_status: str | None  # of its newest outbox message, if any
    patient_has_email: bool
    past_hold: bool  # still Reserved after the clinic's hold: call the patient
    link: str
    referral: ReferralUsage | None = None  # the case's sessions used, when its referral limits


@dataclass(frozen=True)
class DayBook:
    day: date
    timezone: str
    row_minutes: int
    practitioners: tuple[BookPractitioner, ...]
    working: tuple[TimeSpan, ...]
    time_off: tuple[TimeSpan, ...]
    appointments: tuple[BookEntry, ...]


@dataclass(frozen=True)
class WeekBook:
    monday: date
    timezone: str
    row_minutes: int
    practitioner: BookPractitioner
    working: tuple[TimeSpan, ...]
    time_off: tuple[TimeSpan, ...]
    appointments: tuple[BookEntry, ...]

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(self.monday + timedelta(days=n) for n in range(7))


@dataclass(frozen=True)
class DayListRow:
    """One line of a printed day list."""

    starts_at: datetime  # aware, UTC
    patient_name: str
    case_code: str
    body_parts: tuple[str, ...]
    status: str  # stored value (app.statuses.AppointmentStatus)
    sessions_left: int | None  # None: the case's referral sets no number of sessions


@dataclass(frozen=True)
class DayListPage:
    """One practitioner's page of a printed day list (a page even when the day is empty)."""

    practitioner_id: int
    practitioner_name: str
    rows: tuple[DayListRow, ...]


@dataclass(frozen=True)
class DayList:
    """What File > Print day prints: one page per practitioner."""

    clinic_name: str
    day: date
    timezone: str
    pages: tuple[DayListPage, ...]


@dataclass(frozen=True)
class AppointmentMove:
    """One appointment moved in time (or to another practitioner); it keeps its id and case."""

    appointment_id: int
    case_id: int
    patient_id: int
    old_starts_at: datetime  # aware, UTC
    old_ends_at: datetime
    new_starts_at: datetime
    new_ends_at: datetime
    old_practitioner_id: int
    new_practitioner_id: int
    message_id: int | None  # the "your appointment moved" message queued, if any


@dataclass(frozen=True)
class StaffIdentity:
    """Who is signed in at a desk; no password or hash ever travels with it."""

    id: int
    user_name: str
    role: str  # reception, practitioner, admin
    practitioner_id: int | None = None


@dataclass(frozen=True)
class StaffAccountInfo:
    id: int
    user_name: str
    role: str
    practitioner_id: int | None
    active: bool
    locked_until: datetime | None
    last_sign_in_at: datetime | None
