"""The clinic's settings and a practitioner saved in one transaction, or not at all."""

from __future__ import annotations

import pytest

from app.services import clinic_setup, practitioners, settings
from app.services.dto import PractitionerChange
from app.services.errors import NotFoundError, ValidationError
from tests.conftest import EVERY_DAY

WEEKDAYS = {"mon": [["09:00", "13:00"]], "tue": [["09:00", "13:00"]]}


def test_an_empty_clinic_needs_first_launch_until_it_is_set_up(db):
    assert clinic_setup.needs_first_launch(db)
    setup = clinic_setup.save_setup(
        db,
        {"clinic.name": "Green Park Physio", "clinic.region": "gb"},
        PractitionerChange(None, "Asha Rao", WEEKDAYS, 45),
    )
    assert not clinic_setup.needs_first_launch(db)
    assert setup.settings["clinic.region"] == "GB"
    assert setup.saved_practitioner.name == "Asha Rao"
    assert setup.saved_practitioner.appointment_minutes == 45
    assert [p.name for p in setup.practitioners] == ["Asha Rao"]
    assert clinic_setup.read_setup(db) == type(setup)(setup.settings, setup.practitioners)


def test_settings_and_a_changed_practitioner_are_saved_together(db, practitioner):
    setup = clinic_setup.save_setup(
        db,
        {"clinic.name": "Riverside"},
        PractitionerChange(practitioner.id, "Asha Rao-Menon", WEEKDAYS, 30, active=False),
    )
    assert settings.get(db, "clinic.name") == "Riverside"
    (asha,) = practitioners.list_practitioners(db, active_only=False)
    assert asha == setup.saved_practitioner
    assert (asha.name, asha.active, asha.working_hours) == ("Asha Rao-Menon", False, WEEKDAYS)


@pytest.mark.parametrize(
    ("values", "change", "field"),
    [
        ({"clinic.timezone": "Mars/Olympus"}, PractitionerChange(None, "Vikram", WEEKDAYS), None),
        ({"clinic.name": "Riverside"}, PractitionerChange(None, "V" * 201, WEEKDAYS), "name"),
        ({"clinic.name": "Riverside"}, PractitionerChange(None, "Vikram", {}), "workingHours"),
        ({"clinic.name": "Riverside"}, PractitionerChange(None, "Vi\x00kram", WEEKDAYS), "name"),
    ],
)
def test_a_bad_value_saves_nothing(db, practitioner, values, change, field):
    with pytest.raises(ValidationError) as refused:
        clinic_setup.save_setup(db, values, change)
    assert refused.value.field == (field or next(iter(values)))
    assert settings.get(db, "clinic.name") == ""
    assert [p.name for p in practitioners.list_practitioners(db, active_only=False)] == ["Asha Rao"]


def test_a_practitioner_gone_at_another_desk_leaves_the_settings_unsaved(db, practitioner):
    missing = PractitionerChange(practitioner.id + 99, "Nobody", EVERY_DAY)
    with pytest.raises(NotFoundError):
        clinic_setup.save_setup(db, {"clinic.name": "Riverside"}, missing)
    assert settings.get(db, "clinic.name") == ""
