"""A device whose data was moved to another one: the new device names the one it came from when
it enrolls (`moved_from`), and the old one is retired (`moved_to`): its requests are refused with
`device_moved`, so it stops syncing and says where its data went.

Revision ID: s0010
Revises: s0005
"""

import sqlalchemy as sa
from alembic import op

revision = "s0010"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.add_column(sa.Column("moved_from", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("moved_to", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.drop_column("moved_to")
        batch_op.drop_column("moved_from")
