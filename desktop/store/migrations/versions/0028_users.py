"""Users and roles (#17): the unit's people (`users`, synced to the unit's laptops) and, on every
queued operation, the user who made it and what the laptop had pulled then. Operations queued
before this upgrade keep no user and `seen` 0: the server accepts them as made before accounts
existed (protocol.users), so none is dropped.

Revision ID: 0028
Revises: 0027
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import UTCDateTime

revision = "0028"
down_revision = "0027"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "users",
        sa.Column("nip", sa.String(length=18), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("jabatan", sa.String(length=200), nullable=False),
        sa.Column("roles", sa.JSON(), nullable=False),
        sa.Column("password_hash", sa.String(length=200), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("deactivated_at", UTCDateTime(), nullable=True),
        sa.Column("deactivated_by", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    op.create_index("ix_users_unit_nip", "users", ["unit_id", "nip"], unique=True)
    op.create_index(op.f("ix_users_unit_id"), "users", ["unit_id"], unique=False)
    for table in ("outbox", "rejected_ops"):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("user_id", sa.String(length=36), nullable=True))
            batch.add_column(sa.Column("seen", sa.Integer(), nullable=False, server_default="0"))


def downgrade() -> None:
    for table in ("rejected_ops", "outbox"):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("seen")
            batch.drop_column("user_id")
    op.drop_index(op.f("ix_users_unit_id"), table_name="users")
    op.drop_index("ix_users_unit_nip", table_name="users")
    op.drop_table("users")
