"""The office's certificate authority file chosen at enrollment (the app's form or --ca-file),
remembered with the server address and shown in Settings; the laptop trusts the copy it keeps in
its data folder (`server-ca.pem`).

Revision ID: 0025
Revises: 0024
"""

import sqlalchemy as sa
from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_state") as batch_op:
        batch_op.add_column(sa.Column("ca_file", sa.String(length=1000), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("device_state") as batch_op:
        batch_op.drop_column("ca_file")
