"""A case's referral as the views see it: sessions used, what a booking would do, expiring soon."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class ReferralUsage:
    """How much of a case's referral is used: "4/6 used, until 12 Mar"."""

    case_id: int
    referrer: str | None
    approved: int | None  # None: the referral sets no number of sessions
    used: int
    valid_until: date | None

    @property
    def limited(self) -> bool:
        return self.approved is not None or self.valid_until is not None

    @property
    def left(self) -> int | None:
        return None if self.approved is None else self.approved - self.used

    def expired_on(self, day: date) -> bool:
        """True when an appointment on `day` falls after the referral's last valid day."""
        return self.valid_until is not None and day > self.valid_until


@dataclass(frozen=True)
class ReferralCheck:
    """What a booking on a day would do to its case's referral: nothing, a warning, or refused."""

    message: str = ""  # plain words; empty when the booking stays within the referral
    blocked: bool = False  # the clinic blocks bookings past a referral (`referral.limit`)


@dataclass(frozen=True)
class ExpiringReferral:
    """An open case whose referral runs out soon, for the Reservations dock."""

    case_id: int
    case_code: str
    patient_id: int
    patient_name: str  # "First Last"
    usage: ReferralUsage
