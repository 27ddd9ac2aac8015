"""Bad input is refused with a ValidationError naming the field, and nothing is written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.services import patients, practitioners, settings
from tests.conftest import new_patient
from tests.services.conftest import row_counts

# Two days ahead: a run that passes midnight still finds it in the future.
LATER = date.today() + timedelta(days=2)


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (new_patient(phone="12"), "phone"),
        (new_patient(phone="not a phone"), "phone"),
        (new_patient(phone="+44 20 1"), "phone"),
        (new_patient(phone=""), "phone"),
        (new_patient(birth_date=LATER), "birthDate"),
        (new_patient(birth_date=date(1850, 1, 1)), "birthDate"),
        (new_patient(first=" "), "firstName"),
        (new_patient(last=""), "lastName"),
        (new_patient(last="x" * 101), "lastName"),
        (new_patient(email="priya@"), "email"),
        (new_patient(sex="unknown"), "sex"),
    ],
)
def test_bad_patient_details(db, refused, details, field):
    refused(field, patients.register_patient, db, details)


def test_bad_patient_update_keeps_the_old_details(db, refused):
    patient = patients.register_patient(db, new_patient())
    refused("birthDate", patients.update_patient, db, patient.id, new_patient(birth_date=LATER))
    assert patients.get_patient(db, patient.id).patient == patient


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"new_patient": new_patient(phone="12")}, "phone"),
        ({"new_patient": new_patient(birth_date=LATER)}, "birthDate"),
        ({"new_patient": new_patient(email="a@b@c")}, "email"),
        ({"case_title": ""}, "caseTitle"),
        ({"case_title": "t" * 201}, "caseTitle"),
        ({"body_parts": []}, "bodyParts"),
        ({"body_parts": ["  "]}, "bodyParts"),
        ({"body_parts": ["Shoulder"]}, "bodyParts"),  # which side?
        ({"body_parts": ["Left elbowpit"]}, "bodyParts"),
        ({"practitioner_id": 4242}, "practitioner"),
        ({"minutes": 2}, "minutes"),
        ({"kind": "surgery"}, "kind"),
    ],
)
def test_bad_booking(db, book, refused, fields, field):
    refused(field, book, **fields)


def test_booking_with_an_inactive_practitioner(db, book, refused, practitioner):
    practitioners.update_practitioner(db, practitioner.id, active=False)
    error = refused("practitioner", book)
    assert practitioner.name in error.message


def test_bad_practitioner(db, refused):
    refused("name", practitioners.add_practitioner, db, "  ")
    refused(
        "workingHours", practitioners.add_practitioner, db, "Asha", {"mon": [["17:00", "09:00"]]}
    )
    refused("workingHours", practitioners.add_practitioner, db, "Asha", {"someday": [["9", "5"]]})
    refused("minutes", practitioners.add_practitioner, db, "Asha", None, 1000)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("clinic.name", "n" * 101),  # free text: too long
        ("clinic.region", "XX"),
        ("clinic.timezone", "Mars/Olympus_Mons"),
        ("clinic.timezone", "../../etc/passwd"),
        ("link.template", "https://example.com/a"),  # no {token}
        ("link.template", "https://example.com/{token}/{patient}"),
        ("link.template", "ftp://example.com/{token}"),
        ("link.template", "https://example.com/{token:%}"),
        ("link.template", "https://example.com/{token"),
        ("smtp.host", "mail server.example.com"),
        ("smtp.port", "0"),
        ("smtp.port", "65536"),
        ("smtp.port", "smtp"),
        ("smtp.security", "ssl3"),
        ("smtp.username", "u" * 255),
        ("smtp.password", "p" * 1001),
        ("smtp.sender", "reception at clinic"),
        ("reservation.hold_hours", "0"),
        ("reservation.hold_hours", "1.5"),
        ("message.subject", "Hello {patient_name}"),
        ("message.subject", "Hello {first_name:d}"),  # would break every booking's message
        ("message.body", "Hello {first_name"),
        ("message.body", "   "),
    ],
)
def test_bad_configuration_values(db, refused, key, value):
    error = refused(key, settings.set, db, key, value)
    assert "\n" not in error.message
    assert settings.get(db, key) == settings.KEYS[key].default


def test_unknown_configuration_key(db, refused):
    error = refused("key", settings.set, db, "clinic.colour", "blue")
    assert "clinic.colour" in error.message


def test_set_many_stores_nothing_when_one_value_is_bad(db, refused):
    refused("smtp.port", settings.set_many, db, {"smtp.host": "mail.example.com", "smtp.port": "x"})
    assert settings.get(db, "smtp.host") == ""


def test_good_configuration_values_are_normalised_and_audited(db):
    before = row_counts(db)["audit_event"]
    assert settings.set(db, "clinic.region", " gb ") == "GB"
    assert settings.set(db, "smtp.port", "0465") == "465"
    assert settings.set(db, "smtp.security", "TLS") == "tls"
    assert settings.get(db, "clinic.region") == "GB"
    assert row_counts(db)["audit_event"] == before + 3
