"""The clinic's set-up as Settings and first launch see it: its settings and practitioners.

Read together and saved together, so a Save that changes the clinic and a
practitioner is one transaction: both are stored, or (on a bad value) neither.
"""

from __future__ import annotations

from sqlalchemy import select

from app.db import Database
from app.models import Practitioner as PractitionerRow
from app.services import practitioners, secrets, settings
from app.services.dto import ClinicSetup, PractitionerChange
from app.services.permissions import Permission, require


def read_setup(db: Database) -> ClinicSetup:
    """Every setting (defaults filled in) and every practitioner, active or not, in one read."""
    with db.reading() as session:
        values = settings.read_all(session)
        rows = session.scalars(select(PractitionerRow).order_by(PractitionerRow.id))
        people = tuple(practitioners.dto(row) for row in rows)
    secrets.remember(values.get("smtp.password", ""))
    return ClinicSetup(values, people)


def needs_first_launch(db: Database) -> bool:
    """An empty clinic: no practitioner at all and no clinic name."""
    setup = read_setup(db)
    return not setup.practitioners and not setup.settings["clinic.name"].strip()


def save_setup(
    db: Database, values: dict[str, str], practitioner: PractitionerChange | None = None
) -> ClinicSetup:
    """Stores settings `values` and adds or changes `practitioner`, in one transaction.

    Every value is checked first; a bad one raises ValidationError naming its field
    (a setting key, or `name`, `workingHours`, `minutes` for the practitioner) and
    nothing is written. Returns the clinic's set-up as it now stands, with the
    practitioner as saved.
    """
    clean = {name: settings.validate(name, value) for name, value in values.items()}
    if practitioner is not None:
        practitioners.validate_hours(practitioner.working_hours)
    saved = None
    with db.writing() as session:
        require(session, Permission.SETTINGS)
        settings.store(session, clean)
        if practitioner is not None and practitioner.id is None:
            saved = practitioners.add_in(
                session,
                practitioner.name,
                practitioner.working_hours,
                practitioner.appointment_minutes,
                active=practitioner.active,
            )
        elif practitioner is not None:
            saved = practitioners.update_in(
                session,
                practitioner.id,
                name=practitioner.name,
                active=practitioner.active,
                working_hours=practitioner.working_hours,
                appointment_minutes=practitioner.appointment_minutes,
            )
    if "smtp.password" in clean:
        secrets.remember(clean["smtp.password"])
    setup = read_setup(db)
    return ClinicSetup(setup.settings, setup.practitioners, saved)
