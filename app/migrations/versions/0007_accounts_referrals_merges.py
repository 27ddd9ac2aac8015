"""staff accounts, referral limits, patient merges

Staff accounts sign in and are named by the audit trail; a case carries its
referral's date, approved sessions and valid-until date; a patient record merged
into another points at it, and the merge keeps what it needs to be undone.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-26
"""

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "staff_account",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_name", sa.String(length=60), nullable=False),
        sa.Column("user_key", sa.String(length=60), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("practitioner_id", sa.Integer(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("failed_sign_ins", sa.Integer(), nullable=False),
        sa.Column("locked_until", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("created_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("last_sign_in_at", app.models.base.UTCDateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["practitioner_id"],
            ["practitioner.id"],
            name=op.f("fk_staff_account_practitioner_id_practitioner"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_account")),
        sa.UniqueConstraint("user_key", name=op.f("uq_staff_account_user_key")),
    )
    op.create_table(
        "patient_merge",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kept_patient_id", sa.Integer(), nullable=False),
        sa.Column("merged_patient_id", sa.Integer(), nullable=False),
        sa.Column("merged_at", app.models.base.UTCDateTime(), nullable=False),
        sa.Column("undone_at", app.models.base.UTCDateTime(), nullable=True),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["kept_patient_id"],
            ["patient.id"],
            name=op.f("fk_patient_merge_kept_patient_id_patient"),
        ),
        sa.ForeignKeyConstraint(
            ["merged_patient_id"],
            ["patient.id"],
            name=op.f("fk_patient_merge_merged_patient_id_patient"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_patient_merge")),
    )
    with op.batch_alter_table("patient_merge", schema=None) as batch_op:
        batch_op.create_index("ix_patient_merge_kept", ["kept_patient_id"], unique=False)
        batch_op.create_index("ix_patient_merge_merged", ["merged_patient_id"], unique=False)
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.add_column(sa.Column("referral_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("approved_sessions", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("referral_valid_until", sa.Date(), nullable=True))
        batch_op.create_index("ix_case_file_valid_until", ["referral_valid_until"], unique=False)
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.add_column(sa.Column("merged_into_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            op.f("fk_patient_merged_into_id_patient"), "patient", ["merged_into_id"], ["id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("fk_patient_merged_into_id_patient"), type_="foreignkey")
        batch_op.drop_column("merged_into_id")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index("ix_case_file_valid_until")
        batch_op.drop_column("referral_valid_until")
        batch_op.drop_column("approved_sessions")
        batch_op.drop_column("referral_date")
    with op.batch_alter_table("patient_merge", schema=None) as batch_op:
        batch_op.drop_index("ix_patient_merge_merged")
        batch_op.drop_index("ix_patient_merge_kept")
    op.drop_table("patient_merge")
    op.drop_table("staff_account")
