"""The documents an evaluator asks for (issue #13, "Missing documents"):

- the office's document templates, with a forum's own overrides: the Laporan Pelaksanaan's
  dasar, maksud dan tujuan and penutup; the surat undangan's nomor, sifat, hal (and, per forum,
  its date);
- which PEKPPP indicators each document is evidence for (the unit's choices over the defaults);
- the office's response to what was said (`recommendations.response`, typed in live capture,
  printed in the notulen);
- the day a follow-up action was done (`follow_ups.completed_on`);
- the satisfaction survey's rencana tindak lanjut (`survey_actions`): per element, what, who,
  by when, and its realisation.

Records stored before take the fields' defaults: empty texts, no dates.

Revision ID: 0018
Revises: 0021
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

from desktop.models.base import UTCDateTime

revision = "0018"
down_revision = "0021"
branch_labels = None
depends_on = None

TEMPLATE_TEXTS = ("report_basis", "report_purpose", "report_closing")
TEMPLATE_LINES = (("invitation_number", 120), ("invitation_nature", 60), ("invitation_subject", 200))


def _templates(batch: Any) -> None:
    for name in TEMPLATE_TEXTS:
        batch.add_column(sa.Column(name, sa.Text(), nullable=False, server_default=""))
    for name, length in TEMPLATE_LINES:
        batch.add_column(sa.Column(name, sa.String(length=length), nullable=False, server_default=""))


def upgrade() -> None:
    with op.batch_alter_table("units") as batch:
        _templates(batch)
        batch.add_column(sa.Column("pekppp_indicators", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("forums") as batch:
        _templates(batch)
        batch.add_column(sa.Column("invitation_date", sa.Date(), nullable=True))
    with op.batch_alter_table("recommendations") as batch:
        batch.add_column(sa.Column("response", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("follow_ups") as batch:
        batch.add_column(sa.Column("completed_on", sa.Date(), nullable=True))
    op.create_table(
        "survey_actions",
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("element", sa.Integer(), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column("realisation", sa.Text(), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["survey_periods.id"], name=op.f("fk_survey_actions_period_id_survey_periods")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_actions")),
    )
    op.create_index(op.f("ix_survey_actions_period_id"), "survey_actions", ["period_id"], unique=False)
    op.create_index(op.f("ix_survey_actions_unit_id"), "survey_actions", ["unit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_survey_actions_unit_id"), table_name="survey_actions")
    op.drop_index(op.f("ix_survey_actions_period_id"), table_name="survey_actions")
    op.drop_table("survey_actions")
    with op.batch_alter_table("follow_ups") as batch:
        batch.drop_column("completed_on")
    with op.batch_alter_table("recommendations") as batch:
        batch.drop_column("response")
    with op.batch_alter_table("forums") as batch:
        for name in ("invitation_date", *(n for n, _ in reversed(TEMPLATE_LINES)), *reversed(TEMPLATE_TEXTS)):
            batch.drop_column(name)
    with op.batch_alter_table("units") as batch:
        for name in (
            "pekppp_indicators",
            *(n for n, _ in reversed(TEMPLATE_LINES)),
            *reversed(TEMPLATE_TEXTS),
        ):
            batch.drop_column(name)
