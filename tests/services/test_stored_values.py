"""Values every engine can store: no NUL characters, nothing longer than its column.

SQLite stores both without a word; PostgreSQL refuses them at write time, which the desk
would see as an unexpected error. So the services refuse them first, naming the field.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import OutboxMessage
from app.services import patients, practitioners, settings
from tests.conftest import new_patient

NUL = "\x00"


@pytest.mark.parametrize(
    ("details", "field"),
    [
        (new_patient(first=f"Pri{NUL}ya"), "firstName"),
        (new_patient(last=f"Sharma{NUL}"), "lastName"),
        (new_patient(first="ß" * 60), "firstName"),  # folds to 120 letters in the search key
    ],
)
def test_patient_names_that_cannot_be_stored_are_refused(db, refused, details, field):
    refused(field, patients.register_patient, db, details)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"referral": "r" * 201}, "referral"),
        ({"referral": f"Dr {NUL}Mehta"}, "referral"),
        ({"case_title": f"Knee{NUL} pain"}, "caseTitle"),
        ({"notes": f"Bring {NUL}scans"}, "notes"),
    ],
)
def test_booking_values_that_cannot_be_stored_are_refused(db, book, refused, fields, field):
    refused(field, book, **fields)


def test_a_referral_of_200_characters_is_kept_whole(db, book):
    from app.services import cases

    result = book(referral="r" * 200)
    assert cases.get_case(db, result.case_id).referral == "r" * 200


def test_practitioner_names_that_cannot_be_stored_are_refused(db, refused, practitioner):
    refused("name", practitioners.add_practitioner, db, "n" * 201)
    refused("name", practitioners.add_practitioner, db, f"Asha{NUL}")
    refused("name", practitioners.update_practitioner, db, practitioner.id, name="n" * 201)


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("message.subject", "s" * 412),
        ("message.subject", f"Your visit{NUL}"),
        ("message.body", f"Hello {{first_name}}{NUL}"),
        ("clinic.name", f"Clinic{NUL}"),
        ("smtp.password", f"se{NUL}cret"),
    ],
)
def test_settings_that_cannot_be_stored_are_refused(db, refused, key, value):
    refused(key, settings.set, db, key, value)
    assert settings.get(db, key) == settings.KEYS[key].default


def test_a_long_subject_after_its_placeholders_are_filled_still_books(db, book):
    limit = OutboxMessage.__table__.c.subject.type.length
    settings.set(db, "message.subject", "{link} " * 25)  # short template, long message
    result = book(new_patient=new_patient(email="priya@example.com"))
    with db.reading() as session:
        subject = session.scalar(
            select(OutboxMessage.subject).where(OutboxMessage.id == result.message_id)
        )
    assert 0 < len(subject) <= limit
