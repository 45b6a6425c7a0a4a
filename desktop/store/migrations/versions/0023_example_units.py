"""The units of the sample forum loaded beside an office's own (Forums → "Load the sample
forum"): device-local, so their records never travel to the office's server.

Revision ID: 0023
Revises: 0018
"""

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0018"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "example_units",
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("unit_id", name=op.f("pk_example_units")),
    )


def downgrade() -> None:
    op.drop_table("example_units")
