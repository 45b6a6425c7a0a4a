"""A laptop that got its data from another one ("Pindahkan ke laptop baru") remembers the device
it came from until it enrolls: the server then retires the old device, which stops syncing. The
app version the office's server announces, and where to download it, are kept for Settings.

Revision ID: 0019
Revises: 0015
"""

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0015"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_state") as batch_op:
        batch_op.add_column(sa.Column("moved_from", sa.String(length=36), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("latest_app_version", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("download_url", sa.String(length=300), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("device_state") as batch_op:
        batch_op.drop_column("download_url")
        batch_op.drop_column("latest_app_version")
        batch_op.drop_column("moved_from")
