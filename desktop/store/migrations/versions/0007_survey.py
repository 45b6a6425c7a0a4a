"""The public satisfaction survey (SKM): survey periods and their questionnaires.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import UTCDateTime

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "survey_periods",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("forum_id", sa.String(length=36), nullable=True),
        sa.Column("service_users", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["forum_id"], ["forums.id"], name=op.f("fk_survey_periods_forum_id_forums")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_periods")),
    )
    op.create_index(op.f("ix_survey_periods_forum_id"), "survey_periods", ["forum_id"], unique=False)
    op.create_index(op.f("ix_survey_periods_unit_id"), "survey_periods", ["unit_id"], unique=False)
    op.create_table(
        "survey_responses",
        sa.Column("period_id", sa.String(length=36), nullable=False),
        sa.Column("u1", sa.Integer(), nullable=False),
        sa.Column("u2", sa.Integer(), nullable=False),
        sa.Column("u3", sa.Integer(), nullable=False),
        sa.Column("u4", sa.Integer(), nullable=False),
        sa.Column("u5", sa.Integer(), nullable=False),
        sa.Column("u6", sa.Integer(), nullable=False),
        sa.Column("u7", sa.Integer(), nullable=False),
        sa.Column("u8", sa.Integer(), nullable=False),
        sa.Column("u9", sa.Integer(), nullable=False),
        sa.Column(
            "gender", sa.Enum("male", "female", name="gender", native_enum=False, length=32), nullable=True
        ),
        sa.Column(
            "age_band",
            sa.Enum(
                "under_20",
                "20_29",
                "30_39",
                "40_49",
                "50_59",
                "60_plus",
                name="ageband",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "education",
            sa.Enum(
                "primary",
                "junior_secondary",
                "senior_secondary",
                "diploma",
                "bachelor",
                "postgraduate",
                name="education",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column(
            "occupation",
            sa.Enum(
                "civil_servant",
                "military_police",
                "private",
                "self_employed",
                "student",
                "other",
                name="occupation",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("service", sa.String(length=200), nullable=False),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["period_id"], ["survey_periods.id"], name=op.f("fk_survey_responses_period_id_survey_periods")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_responses")),
    )
    op.create_index(op.f("ix_survey_responses_period_id"), "survey_responses", ["period_id"], unique=False)
    op.create_index(op.f("ix_survey_responses_unit_id"), "survey_responses", ["unit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_survey_responses_unit_id"), table_name="survey_responses")
    op.drop_index(op.f("ix_survey_responses_period_id"), table_name="survey_responses")
    op.drop_table("survey_responses")
    op.drop_index(op.f("ix_survey_periods_unit_id"), table_name="survey_periods")
    op.drop_index(op.f("ix_survey_periods_forum_id"), table_name="survey_periods")
    op.drop_table("survey_periods")
