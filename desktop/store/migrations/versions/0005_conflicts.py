"""Values that lost to a concurrent edit elsewhere, kept to be shown ("changed elsewhere").

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conflicts",
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.String(length=36), nullable=False),
        sa.Column("register", sa.String(length=40), nullable=False),
        sa.Column("loser_hlc", sa.String(length=80), nullable=False),
        sa.Column("winner", sa.JSON(), nullable=False),
        sa.Column("loser", sa.JSON(), nullable=False),
        sa.Column("winner_hlc", sa.String(length=80), nullable=False),
        sa.Column("at", sa.String(length=40), nullable=False),
        sa.Column("dismissed", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("entity", "entity_id", "register", "loser_hlc", name=op.f("pk_conflicts")),
    )


def downgrade() -> None:
    op.drop_table("conflicts")
