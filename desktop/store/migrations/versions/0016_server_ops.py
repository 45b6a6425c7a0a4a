"""The administrator's allowance of plain http:// (an enrollment code made with --allow-http).

From this version on a laptop refuses a plain http:// address to another computer unless its
enrollment code allowed it. A laptop enrolled with such an address before is allowed as it was
(the administrator set it up so; the status bar says the connection is not encrypted).

Revision ID: 0016
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("device_state") as batch:
        batch.add_column(sa.Column("plain_http", sa.Boolean(), nullable=False, server_default="0"))
    op.execute("UPDATE device_state SET plain_http = 1 WHERE lower(server_url) LIKE 'http://%'")


def downgrade() -> None:
    with op.batch_alter_table("device_state") as batch:
        batch.drop_column("plain_http")
