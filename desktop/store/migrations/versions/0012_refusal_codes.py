"""A refused change keeps the refusal's code and parameters, so the app words it in the language
of the moment (protocol version 4). Refusals kept before have their English text only: their
code says so.

Revision ID: 0012
Revises: 0010
"""

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("rejected_ops") as batch_op:
        batch_op.add_column(sa.Column("code", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("params", sa.JSON(), nullable=False, server_default="{}"))
    op.execute("UPDATE rejected_ops SET code = 'refused_earlier'")


def downgrade() -> None:
    with op.batch_alter_table("rejected_ops") as batch_op:
        batch_op.drop_column("params")
        batch_op.drop_column("code")
