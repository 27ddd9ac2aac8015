"""A reservation still unconfirmed after the clinic's hold is highlighted in the case panel."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from sqlalchemy import update

from app.models import Appointment
from app.services import appointments, patients
from app.views.appointments_model import COL_STATUS, FOLLOW_UP_COLOUR, AppointmentsModel


def _model_for(db, patient_id: int, qtmodeltester) -> AppointmentsModel:
    case = patients.get_patient(db, patient_id).cases[0]
    model = AppointmentsModel()
    model.set_appointments(case.appointments, ZoneInfo("UTC"))
    qtmodeltester.check(model)
    return model


def test_old_reservation_is_highlighted_until_confirmed(db, book, qtmodeltester):
    result = book()
    fresh = _model_for(db, result.patient_id, qtmodeltester)
    assert fresh.data(fresh.index(0, COL_STATUS), Qt.ItemDataRole.BackgroundRole) is None

    with db.writing() as session:  # booked two days ago, hold is 24 hours
        session.execute(
            update(Appointment).values(created_at=datetime.now(UTC) - timedelta(days=2))
        )
    old = _model_for(db, result.patient_id, qtmodeltester)
    index = old.index(0, COL_STATUS)
    assert old.data(index, Qt.ItemDataRole.BackgroundRole) == FOLLOW_UP_COLOUR
    assert "follow up" in old.data(index, Qt.ItemDataRole.ToolTipRole)

    appointments.confirm(db, result.appointment_id)
    confirmed = _model_for(db, result.patient_id, qtmodeltester)
    assert confirmed.data(confirmed.index(0, COL_STATUS), Qt.ItemDataRole.BackgroundRole) is None
