"""An issued SKM report keeps what it printed: the issuing `survey_reports` record carries its
snapshot (protocol.survey_report) in `content`; re-openings and the reports issued before have
an empty one.

Revision ID: 0027
Revises: 0026
"""

import sqlalchemy as sa
from alembic import op

revision = "0027"
down_revision = "0026"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("survey_reports") as batch:
        batch.add_column(sa.Column("content", sa.JSON(), nullable=False, server_default="{}"))


def downgrade() -> None:
    with op.batch_alter_table("survey_reports") as batch:
        batch.drop_column("content")
