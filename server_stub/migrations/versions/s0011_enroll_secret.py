"""A device's enrollment secret: the laptop makes a random secret at its first enrollment and
the server keeps its SHA-256; enrolling an existing device id again takes the same secret
(device ids are public: they appear in every export and audit event).

The epoch of a device's last request and its window for re-sending state (`restate` is taken
only after the server lost something: a new epoch, a checkpoint ahead, a lost enrollment).
Devices enrolled before are in the current epoch, their window closed.

Revision ID: s0011
Revises: s0010
"""

import sqlalchemy as sa
from alembic import op

revision = "s0011"
down_revision = "s0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.add_column(sa.Column("secret_hash", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("epoch", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("restate_until", sa.DateTime(timezone=True), nullable=True))
    meta = sa.table("server_meta", sa.column("key", sa.String), sa.column("value", sa.String))
    devices = sa.table("devices", sa.column("epoch", sa.String))
    epoch = sa.select(meta.c.value).where(meta.c.key == "epoch").scalar_subquery()
    op.execute(devices.update().values(epoch=epoch))


def downgrade() -> None:
    with op.batch_alter_table("devices") as batch_op:
        batch_op.drop_column("restate_until")
        batch_op.drop_column("epoch")
        batch_op.drop_column("secret_hash")
