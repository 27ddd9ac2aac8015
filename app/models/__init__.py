"""CaseDesk's entities. Nothing here imports Qt."""

from app.models.appointment import Appointment
from app.models.audit import AuditEvent
from app.models.base import Base
from app.models.case import Case, CaseBodyPart, Counter
from app.models.outbox import OutboxMessage
from app.models.patient import Patient
from app.models.patient_merge import PatientMerge
from app.models.practitioner import Practitioner
from app.models.setting import Setting
from app.models.staff import StaffAccount
from app.models.time_off import TimeOff

__all__ = [
    "Appointment",
    "AuditEvent",
    "Base",
    "Case",
    "CaseBodyPart",
    "Counter",
    "OutboxMessage",
    "Patient",
    "PatientMerge",
    "Practitioner",
    "Setting",
    "StaffAccount",
    "TimeOff",
]
