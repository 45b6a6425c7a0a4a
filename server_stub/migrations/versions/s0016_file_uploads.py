"""Uploads under way (issue 16): each holds its size against its office's quota from its first
chunk, so that two uploads at once cannot pass the quota together.

Revision ID: s0016
Revises: s0015
"""

import sqlalchemy as sa
from alembic import op

revision = "s0016"
down_revision = "s0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_uploads",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("unit_id", "sha256", name=op.f("pk_file_uploads")),
    )


def downgrade() -> None:
    op.drop_table("file_uploads")
