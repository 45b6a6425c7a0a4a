"""Minutes frozen when a forum closes, and issued survey reports (protocol 5).

- `frozen_minutes`: a forum's berita acara as agreed in the room (append-only, synced).
- `survey_reports`: the issued report of a survey period, on its fixed date (append-only, synced).
- `pending_freezes`: the forums already closed now, frozen once at the app's next start (their
  minutes are marked as frozen at the upgrade, not at the closing). Local to this laptop.

Revision ID: 0017
Revises: 0019
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import UTCDateTime

revision = "0017"
down_revision = "0019"
branch_labels = None
depends_on = None


def _synced_columns() -> list[sa.Column]:
    return [
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "survey_reports",
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("issued_by", sa.String(length=120), nullable=False),
        *_synced_columns(),
        sa.ForeignKeyConstraint(
            ["period_id"], ["survey_periods.id"], name=op.f("fk_survey_reports_period_id_survey_periods")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_reports")),
    )
    op.create_index(op.f("ix_survey_reports_period_id"), "survey_reports", ["period_id"], unique=False)
    op.create_index(op.f("ix_survey_reports_unit_id"), "survey_reports", ["unit_id"], unique=False)
    op.create_table(
        "frozen_minutes",
        sa.Column("forum_id", sa.String(length=36), nullable=False),
        sa.Column("frozen_at", UTCDateTime(), nullable=False),
        sa.Column("frozen_by", sa.String(length=120), nullable=False),
        sa.Column(
            "cause",
            sa.Enum("closing", "upgrade", name="freezecause", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("paper", sa.Enum("a4", "folio", name="paper", native_enum=False, length=8), nullable=False),
        sa.Column("content", sa.JSON(), nullable=False),
        *_synced_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_frozen_minutes")),
    )
    op.create_index(op.f("ix_frozen_minutes_forum_id"), "frozen_minutes", ["forum_id"], unique=False)
    op.create_index(op.f("ix_frozen_minutes_unit_id"), "frozen_minutes", ["unit_id"], unique=False)
    op.create_table(
        "pending_freezes",
        sa.Column("forum_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("forum_id", name=op.f("pk_pending_freezes")),
    )
    op.execute(
        "INSERT INTO pending_freezes (forum_id) SELECT id FROM forums WHERE status = 'closed' AND deleted = 0"
    )


def downgrade() -> None:
    op.drop_table("pending_freezes")
    op.drop_index(op.f("ix_frozen_minutes_unit_id"), table_name="frozen_minutes")
    op.drop_index(op.f("ix_frozen_minutes_forum_id"), table_name="frozen_minutes")
    op.drop_table("frozen_minutes")
    op.drop_index(op.f("ix_survey_reports_unit_id"), table_name="survey_reports")
    op.drop_index(op.f("ix_survey_reports_period_id"), table_name="survey_reports")
    op.drop_table("survey_reports")
