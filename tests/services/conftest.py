"""Every service test runs on SQLite and on PostgreSQL."""

import pytest
from sqlalchemy import func, select

from app.models import Appointment, AuditEvent, Case, CaseBodyPart, OutboxMessage, Patient, Setting
from app.services.errors import ValidationError


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_kind(request: pytest.FixtureRequest) -> str:
    return request.param


TABLES = (Patient, Case, CaseBodyPart, Appointment, OutboxMessage, Setting, AuditEvent)


def row_counts(db) -> dict[str, int]:
    with db.reading() as session:
        return {
            m.__tablename__: session.scalar(select(func.count()).select_from(m)) for m in TABLES
        }


@pytest.fixture
def refused(db):
    """Asserts the call raises ValidationError for `field` and leaves every table as it was."""

    def check(field: str, call, *args, **kwargs) -> ValidationError:
        before = row_counts(db)
        with pytest.raises(ValidationError) as caught:
            call(*args, **kwargs)
        assert caught.value.field == field
        assert caught.value.message and str(caught.value) == caught.value.message
        assert "Traceback" not in caught.value.message
        assert row_counts(db) == before
        return caught.value

    return check
