"""A survey period's report re-opened as a new version: each `survey_reports` record is an
action (issue or reopen) of a version, with the reason of a re-opening. The reports issued
before are version 1, issued.

Revision ID: 0024
Revises: 0023
"""

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("survey_reports") as batch:
        batch.add_column(
            sa.Column(
                "action",
                sa.Enum("issue", "reopen", name="surveyissue", native_enum=False, length=16),
                nullable=False,
                server_default="issue",
            )
        )
        batch.add_column(sa.Column("version", sa.Integer(), nullable=False, server_default="1"))
        batch.add_column(sa.Column("reason", sa.Text(), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("survey_reports") as batch:
        batch.drop_column("reason")
        batch.drop_column("version")
        batch.drop_column("action")
