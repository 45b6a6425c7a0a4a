"""The operations of other laptops' outboxes imported here (`mufakat outbox import`): importing the
same file again, after its changes were sent, queues none of them again.

Revision ID: 0021
Revises: 0017
"""

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_ops",
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("op_id", name=op.f("pk_imported_ops")),
    )


def downgrade() -> None:
    op.drop_table("imported_ops")
