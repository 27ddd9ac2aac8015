"""After demo data (rows inserted with their ids), ordinary writes still get fresh ids."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models import Appointment, Case, Patient
from app.services import demo_data, patients
from app.services.sequences import reset_sequences
from tests.conftest import new_patient


def test_booking_after_demo_data_gets_ids_past_the_demo_rows(db, book):
    demo_data.generate(db, 30, seed=5)
    with db.reading() as session:
        largest = [session.scalar(select(func.max(m.id))) for m in (Patient, Case, Appointment)]

    result = book(new_patient=new_patient("Nisha", "Iyer", "+91 98123 77777"))
    registered = patients.register_patient(db, new_patient("Arun", "Nair", "+91 98123 66666"))

    assert result.patient_id > largest[0] and registered.id > result.patient_id
    assert result.case_id > largest[1] and result.appointment_id > largest[2]


def test_reset_sequences_is_harmless_when_run_again(db, book):
    demo_data.generate(db, 5, seed=6)
    with db.writing() as session:
        first = reset_sequences(session)
    with db.writing() as session:
        again = reset_sequences(session)
    assert first == again
    assert book().patient_id >= first.get("patient", 0)
