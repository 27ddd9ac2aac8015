"""Every service test runs on SQLite and on PostgreSQL."""

import pytest


@pytest.fixture(params=["sqlite", "postgresql"])
def engine_kind(request: pytest.FixtureRequest) -> str:
    return request.param
