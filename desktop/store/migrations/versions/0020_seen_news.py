"""What the navigation's badges count as seen on this laptop: escalations that arrived for this
office, answers that came back to ours. Local, never synced. Every escalation already on the
laptop counts as seen (news is what comes after the upgrade).

Revision ID: 0020
Revises: 0014
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import UTCDateTime

revision = "0020"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "seen_news",
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("escalation_id", sa.String(length=36), nullable=False),
        sa.Column("seen_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "escalation_id", name=op.f("pk_seen_news")),
    )
    for kind in ("arrived", "answered"):
        op.execute(
            sa.text(
                "INSERT INTO seen_news (kind, escalation_id, seen_at) "
                "SELECT :kind, id, CURRENT_TIMESTAMP FROM escalations"
            ).bindparams(kind=kind)
        )


def downgrade() -> None:
    op.drop_table("seen_news")
