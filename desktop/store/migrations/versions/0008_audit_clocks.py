"""Audit events carry their creation stamp in `clocks`, as every other synced row (and as the
server holds them), so a device's own copy equals everyone else's.

Revision ID: 0008
Revises: 0007
"""

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE audit_events SET clocks = json_object('*', hlc) WHERE clocks IS NULL OR clocks = '{}'")


def downgrade() -> None:
    op.execute("UPDATE audit_events SET clocks = '{}'")
