"""The database schema's migrations (Alembic), run by `runner.migrate` when a database opens."""

HEAD = "0007"
"""The newest revision in versions/. Opening a database already at HEAD needs no Alembic at
all (importing it costs ~130 ms of every start-up); tests/test_startup.py fails when a new
revision is added without moving HEAD to it."""
