"""The History service: a record's audit entries, newest first, with each changed field."""

from __future__ import annotations

from app.services import history


def test_a_case_history_holds_its_appointments(db, book):
    booked = book()
    with db.reading() as session:
        from app.models import Appointment

        case_id = session.get(Appointment, booked.appointment_id).case_id
    entries = history.history(db, "case", case_id)
    actions = [e.action for e in entries]
    assert "appointment.reserve" in actions and "case.open" in actions
    assert actions.index("appointment.reserve") < actions.index("case.open")  # newest first
    appointment = history.history(db, "appointment", booked.appointment_id)
    assert [e.action for e in appointment][-1] == "appointment.reserve"


def test_field_changes_are_words_not_json():
    changes = history.field_changes(
        {"phone": "+911", "parts": [["knee", "left"]], "same": 1},
        {"phone": "+912", "parts": [["knee", "left"], ["hip", "right"]], "same": 1},
    )
    assert [(c.field, c.before, c.after) for c in changes] == [
        ("phone", "+911", "+912"),
        ("parts", "knee, left", "knee, left, hip, right"),
    ]
