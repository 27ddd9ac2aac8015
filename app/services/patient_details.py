"""A patient's details: checked and normalised field by field, then put on the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import phonenumbers

from app.models import Patient
from app.services.dto import PatientDetails
from app.services.errors import ValidationError
from app.services.text import fold
from app.services.validation import check_text, column_length
from app.services.words import QT_TRANSLATE_NOOP, say

SEXES = ("female", "male", "other")


@dataclass(frozen=True)
class CleanPatient:
    first_name: str
    last_name: str
    phone: str
    national: str
    email: str | None
    birth_date: date | None
    sex: str | None


def _name(field: str, value: str, what: str) -> str:
    value = " ".join((value or "").split())
    if not value:
        raise ValidationError(
            field, say(QT_TRANSLATE_NOOP("services", "Enter the patient's {what}."), what=what)
        )
    limit = column_length(Patient.first_name)
    check_text(field, value, what, limit)
    # The search keys hold the folded name, which can be longer (ß -> ss, ligatures split).
    if len(fold(value)) > limit:
        raise ValidationError(
            field,
            say(
                QT_TRANSLATE_NOOP(
                    "services", "The {what} is too long once spelled out for search."
                ),
                what=what,
            ),
        )
    return value


def parse_phone(raw: str, region: str) -> phonenumbers.PhoneNumber:
    """A valid number for the clinic's region (or in +international form), else a clear error."""
    raw = (raw or "").strip()
    if not raw:
        raise ValidationError(
            "phone", say(QT_TRANSLATE_NOOP("services", "Enter the patient's phone number."))
        )
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        raise ValidationError(
            "phone", say(QT_TRANSLATE_NOOP("services", "'{raw}' is not a phone number."), raw=raw)
        ) from None
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(
            "phone",
            say(
                QT_TRANSLATE_NOOP(
                    "services", "'{raw}' is not a valid phone number for region {region}."
                ),
                raw=raw,
                region=region,
            ),
        )
    return number


def validate_details(
    details: PatientDetails, region: str, today: date | None = None
) -> CleanPatient:
    """Checks every field and normalises it; raises ValidationError naming the first bad field."""
    # Imported here, not at the top: email_validator costs ~40 ms of every start-up.
    from email_validator import EmailNotValidError, validate_email

    today = today or date.today()
    first = _name("firstName", details.first_name, say(QT_TRANSLATE_NOOP("services", "first name")))
    last = _name("lastName", details.last_name, say(QT_TRANSLATE_NOOP("services", "last name")))
    number = parse_phone(details.phone, region)
    email = (details.email or "").strip() or None
    if email:
        try:
            email = validate_email(email, check_deliverability=False).normalized
        except EmailNotValidError as exc:
            raise ValidationError(
                "email",
                say(
                    QT_TRANSLATE_NOOP("services", "The e-mail address is not valid: {reason}"),
                    reason=str(exc),
                ),
            ) from None
    birth = details.birth_date
    if birth is not None:
        if birth > today:
            raise ValidationError(
                "birthDate",
                say(QT_TRANSLATE_NOOP("services", "The date of birth cannot be in the future.")),
            )
        if birth.year < 1900:
            raise ValidationError(
                "birthDate",
                say(
                    QT_TRANSLATE_NOOP(
                        "services", "The date of birth is before 1900; check the year."
                    )
                ),
            )
    sex = (details.sex or "").strip().lower() or None
    if sex is not None and sex not in SEXES:
        raise ValidationError(
            "sex",
            say(
                QT_TRANSLATE_NOOP("services", "Sex must be female, male or other (or left empty).")
            ),
        )
    return CleanPatient(
        first_name=first,
        last_name=last,
        phone=phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
        national=str(number.national_number),
        email=email,
        birth_date=birth,
        sex=sex,
    )


def apply_details(patient: Patient, clean: CleanPatient) -> None:
    patient.first_name = clean.first_name
    patient.last_name = clean.last_name
    patient.phone = clean.phone
    patient.email = clean.email
    patient.birth_date = clean.birth_date
    patient.sex = clean.sex
    patient.name_key = fold(f"{clean.first_name} {clean.last_name}")
    patient.last_first_key = fold(f"{clean.last_name} {clean.first_name}")
    patient.phone_digits = clean.phone.lstrip("+")
    patient.national_digits = clean.national
