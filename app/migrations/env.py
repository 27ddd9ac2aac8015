"""Alembic environment: runs on the connection CaseDesk hands it (see runner.py)."""

from alembic import context
from sqlalchemy import create_engine

from app.models import Base

config = context.config
target_metadata = Base.metadata


def run_with(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_with(connection)
else:  # `alembic` on the command line, for writing new revisions
    engine = create_engine(config.get_main_option("sqlalchemy.url"), hide_parameters=True)
    with engine.begin() as conn:
        run_with(conn)
