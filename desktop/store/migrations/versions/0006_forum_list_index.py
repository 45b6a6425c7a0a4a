"""One forum's recommendations, newest first, read from an index (the live-capture list).

Revision ID: 0006
Revises: 0005
"""

from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_recommendations_forum_created", "recommendations", ["forum_id", "created_at", "id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_recommendations_forum_created", table_name="recommendations")
