"""audit chain

Every audit entry carries the hash of the entry before it and its own hash over
that and its canonical content, so an entry changed, removed or inserted out of
band is found by `casedesk audit verify`; `seq` is its place in the chain. Existing
entries join the chain in id order; the `counter` row "audit" holds the newest place.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from app.services.audit_chain import chain_existing

    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
        batch_op.create_index("ux_audit_event_seq", ["seq"], unique=True)
    chain_existing(op.get_bind())


def downgrade() -> None:
    op.execute("DELETE FROM counter WHERE name = 'audit'")
    with op.batch_alter_table("audit_event", schema=None) as batch_op:
        batch_op.drop_index("ux_audit_event_seq")
        batch_op.drop_column("hash")
        batch_op.drop_column("prev_hash")
        batch_op.drop_column("seq")
