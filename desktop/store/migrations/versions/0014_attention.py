"""For "Perlu perhatian": a refused change remembers its place in the outbox and what the user chose
for it (retried, discarded, copied as new); an operation refused for a reason that passes (a
record the server does not hold yet) stays queued and counts its refusals. Refusals kept before
need attention (no choice made yet).

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.add_column(sa.Column("retries", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("rejected_ops") as batch_op:
        batch_op.add_column(sa.Column("device_seq", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("resolution", sa.String(length=16), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("resolved_at", sa.DateTime(), nullable=True))
        batch_op.create_index(batch_op.f("ix_rejected_ops_resolution"), ["resolution"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("rejected_ops") as batch_op:
        batch_op.drop_index(batch_op.f("ix_rejected_ops_resolution"))
        batch_op.drop_column("resolved_at")
        batch_op.drop_column("resolution")
        batch_op.drop_column("device_seq")
    with op.batch_alter_table("outbox") as batch_op:
        batch_op.drop_column("retries")
