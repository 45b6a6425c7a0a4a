"""Pull everything again once (issue 17): a laptop of the previous release pulled records it could
not hold — the office's users, and fields it did not know yet (a forum's `published`, the
office's `completion_needs_file` and `public_url`, an attachment's `device_name`) — and moved its
checkpoint past them. From the start again, as after an enrollment: what it holds is merged by
its clocks (nothing newer of its own is overwritten) and what it lacked arrives.

Revision ID: 0034
Revises: 0033
"""

from alembic import op

revision = "0034"
down_revision = "0033"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("UPDATE device_state SET checkpoint = 0")


def downgrade() -> None:
    pass  # a checkpoint at 0 is valid for every release: the next pull starts from the beginning
