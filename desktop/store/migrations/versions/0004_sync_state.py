"""Sync state of the device and the changes the server refused.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

import desktop.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rejected_ops",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("hlc", sa.String(length=80), nullable=False),
        sa.Column("reason", sa.String(length=2000), nullable=False),
        sa.Column("rejected_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_rejected_ops")),
    )
    with op.batch_alter_table("device_state", schema=None) as batch_op:
        batch_op.add_column(sa.Column("server_url", sa.String(length=300), nullable=False, server_default=""))
        batch_op.add_column(
            sa.Column("server_epoch", sa.String(length=36), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("checkpoint", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("last_sync_at", desktop.models.base.UTCDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("device_state", schema=None) as batch_op:
        batch_op.drop_column("last_sync_at")
        batch_op.drop_column("checkpoint")
        batch_op.drop_column("server_epoch")
        batch_op.drop_column("server_url")

    op.drop_table("rejected_ops")
