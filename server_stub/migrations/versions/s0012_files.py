"""Attached files (issue 16): the files each office uploaded whole (its right to name them and
its quota's use), the file each attachment record names, and quotas the administrator set.

Revision ID: s0012
Revises: s0011
"""

import sqlalchemy as sa
from alembic import op

revision = "s0012"
down_revision = "s0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "file_grants",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("device_id", sa.String(length=36), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("unit_id", "sha256", name=op.f("pk_file_grants")),
    )
    op.create_index(op.f("ix_file_grants_sha256"), "file_grants", ["sha256"])
    op.create_table(
        "attachment_files",
        sa.Column("attachment_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("attachment_id", name=op.f("pk_attachment_files")),
    )
    op.create_index(op.f("ix_attachment_files_owner_id"), "attachment_files", ["owner_id"])
    op.create_index(op.f("ix_attachment_files_sha256"), "attachment_files", ["sha256"])
    op.create_table(
        "file_quotas",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("quota", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_file_quotas")),
    )


def downgrade() -> None:
    op.drop_table("file_quotas")
    op.drop_index(op.f("ix_attachment_files_sha256"), table_name="attachment_files")
    op.drop_index(op.f("ix_attachment_files_owner_id"), table_name="attachment_files")
    op.drop_table("attachment_files")
    op.drop_index(op.f("ix_file_grants_sha256"), table_name="file_grants")
    op.drop_table("file_grants")
