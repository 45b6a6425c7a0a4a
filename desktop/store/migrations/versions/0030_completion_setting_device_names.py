"""The office setting "completing a follow-up needs an attached file" (issue 16): a field of the
unit, off for the offices stored before; and the name of the laptop each attached file was added
on (empty for those added before: their placeholders name who added them).

Revision ID: 0030
Revises: 0028
"""

import sqlalchemy as sa
from alembic import op

revision = "0030"
down_revision = "0028"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.add_column(
            sa.Column("completion_needs_file", sa.Boolean(), nullable=False, server_default="0")
        )
    with op.batch_alter_table("attachments") as batch:
        batch.add_column(sa.Column("device_name", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("attachments") as batch:
        batch.drop_column("device_name")
    with op.batch_alter_table("units") as batch:
        batch.drop_column("completion_needs_file")
