"""Field-by-field checks of a new patient's details, for messages beside each field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import phonenumbers

from app.services.dto import PatientDetails
from app.services.errors import ValidationError
from app.services.patients import validate_details

# The dataclass attribute behind each ValidationError.field of validate_details.
_ATTRIBUTE = {
    "firstName": "first_name",
    "lastName": "last_name",
    "phone": "phone",
    "email": "email",
    "birthDate": "birth_date",
    "sex": "sex",
}


def _good_value(field: str, region: str):
    """A value that passes, so the next bad field can be found."""
    if field == "phone":
        example = phonenumbers.example_number(region) or phonenumbers.parse("+919812345678")
        return phonenumbers.format_number(example, phonenumbers.PhoneNumberFormat.E164)
    if field in ("firstName", "lastName"):
        return "A"
    return None


def field_errors(details: PatientDetails, region: str, today: date | None = None) -> dict[str, str]:
    """Every bad field with the same plain message `validate_details` gives; empty when all pass.

    `validate_details` stops at the first bad field; a form wants all of them at
    once, so each bad field is replaced by a passing value and the check repeats.
    """
    errors: dict[str, str] = {}
    current = details
    for _ in _ATTRIBUTE:
        try:
            validate_details(current, region, today)
            break
        except ValidationError as exc:
            if exc.field not in _ATTRIBUTE or exc.field in errors:
                errors.setdefault(exc.field, exc.message)
                break
            errors[exc.field] = exc.message
            current = replace(current, **{_ATTRIBUTE[exc.field]: _good_value(exc.field, region)})
    return errors
