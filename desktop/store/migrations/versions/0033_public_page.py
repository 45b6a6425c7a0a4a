"""The server's public page (issue 17): a forum the unit publishes there, and the office's public
web address (the follow-up report's QR code opens its page there).

Revision ID: 0033
Revises: 0030
"""

import sqlalchemy as sa
from alembic import op

revision = "0033"
down_revision = "0030"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("forums") as batch:
        batch.add_column(sa.Column("published", sa.Boolean(), nullable=False, server_default="0"))
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("public_url", sa.String(length=120), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.drop_column("public_url")
    with op.batch_alter_table("forums") as batch:
        batch.drop_column("published")
