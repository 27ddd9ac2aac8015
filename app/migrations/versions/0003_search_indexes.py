"""search indexes that cover each search range, and reserved appointments by time

Patient search reads each range (last name, first name, national number,
international number, case ID) in its own index order, and leaves out rows an
earlier range matched; these indexes carry the column that test needs, so
counting and paging never touch the table. Reservations to follow up are read
by status and start time instead of scanning every appointment.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_index("ix_patient_name_key")
        batch_op.drop_index("ix_patient_phone_digits")
        batch_op.create_index("ix_patient_name", ["name_key", "last_first_key"], unique=False)
        batch_op.create_index("ix_patient_phone", ["phone_digits", "national_digits"], unique=False)
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.create_index("ix_case_file_code_patient", ["code", "patient_id"], unique=False)
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.create_index("ix_appointment_status_start", ["status", "starts_at"], unique=False)
    op.execute("ANALYZE")


def downgrade() -> None:
    with op.batch_alter_table("appointment", schema=None) as batch_op:
        batch_op.drop_index("ix_appointment_status_start")
    with op.batch_alter_table("case_file", schema=None) as batch_op:
        batch_op.drop_index("ix_case_file_code_patient")
    with op.batch_alter_table("patient", schema=None) as batch_op:
        batch_op.drop_index("ix_patient_phone")
        batch_op.drop_index("ix_patient_name")
        batch_op.create_index("ix_patient_phone_digits", ["phone_digits"], unique=False)
        batch_op.create_index("ix_patient_name_key", ["name_key"], unique=False)
