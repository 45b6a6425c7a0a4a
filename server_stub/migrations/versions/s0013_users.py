"""Users and roles (#17): who made each applied operation and whether it came before accounts
existed, and when the server learned of each user (created, deactivated).

Revision ID: s0013
Revises: s0012
"""

import sqlalchemy as sa
from alembic import op

revision = "s0013"
down_revision = "s0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("applied_ops") as batch:
        batch.add_column(sa.Column("user_id", sa.String(length=36), nullable=True))
        batch.add_column(
            sa.Column("before_accounts", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    op.create_table(
        "user_marks",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("created_seq", sa.BigInteger(), nullable=False),
        sa.Column("revoked_seq", sa.BigInteger(), nullable=True),
        sa.Column("revoked_hlc", sa.String(length=80), nullable=True),
        sa.PrimaryKeyConstraint("user_id", name=op.f("pk_user_marks")),
    )
    op.create_index(op.f("ix_user_marks_unit_id"), "user_marks", ["unit_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_user_marks_unit_id"), table_name="user_marks")
    op.drop_table("user_marks")
    with op.batch_alter_table("applied_ops") as batch:
        batch.drop_column("before_accounts")
        batch.drop_column("user_id")
