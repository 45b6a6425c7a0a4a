"""Records remember the one device that made all their changes (pulls skip its own echo).

Revision ID: s0002
Revises: s0001
"""

import sqlalchemy as sa
from alembic import op

revision = "s0002"
down_revision = "s0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("records") as batch_op:
        batch_op.add_column(sa.Column("origin", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("records") as batch_op:
        batch_op.drop_column("origin")
