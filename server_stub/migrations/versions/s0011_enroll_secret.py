"""A device's enrollment secret: the laptop makes a random secret at its first enrollment and
the server keeps its SHA-256; enrolling an existing device id again takes the same secret
(device ids are public: they appear in every export and audit event).

Revision ID: s0011
Revises: s0005
"""

import sqlalchemy as sa
from alembic import op

revision = "s0011"
down_revision = "s0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.add_column(sa.Column("secret_hash", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.drop_column("secret_hash")
