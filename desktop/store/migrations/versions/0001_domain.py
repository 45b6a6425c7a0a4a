"""Domain tables: units, forums, participants, agenda, recommendations, follow-up, escalations.

Revision ID: 0001
Revises: (none)
"""

import sqlalchemy as sa
from alembic import op

import desktop.models.base

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "forums",
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("theme", sa.Text(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=True),
        sa.Column("ends_at", sa.Time(), nullable=True),
        sa.Column("venue", sa.String(length=200), nullable=False),
        sa.Column(
            "mode",
            sa.Enum("face_to_face", "online", "hybrid", name="forummode", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("facilitator", sa.String(length=120), nullable=False),
        sa.Column("moderator", sa.String(length=120), nullable=False),
        sa.Column("note_taker", sa.String(length=120), nullable=False),
        sa.Column("document_number", sa.String(length=120), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("agreements", sa.Text(), nullable=False),
        sa.Column("signatories", sa.JSON(), nullable=False),
        sa.Column(
            "status",
            sa.Enum("planned", "running", "closed", name="forumstatus", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("status_at", desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("status_by", sa.String(length=120), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_forums")),
    )
    with op.batch_alter_table("forums", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_forums_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "units",
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("parent_id", sa.String(length=36), nullable=True),
        sa.Column("letterhead", sa.Text(), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("city", sa.String(length=100), nullable=False),
        sa.Column("phone", sa.String(length=60), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column("website", sa.String(length=120), nullable=False),
        sa.Column("head_title", sa.String(length=120), nullable=False),
        sa.Column("head_name", sa.String(length=120), nullable=False),
        sa.Column("head_nip", sa.String(length=18), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["parent_id"], ["units.id"], name=op.f("fk_units_parent_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_units")),
        sa.UniqueConstraint("code", name=op.f("uq_units_code")),
    )
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_units_parent_id"), ["parent_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_units_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "agenda_items",
        sa.Column("forum_id", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=200), nullable=False),
        sa.Column("presenter", sa.String(length=120), nullable=False),
        sa.Column("planned_minutes", sa.Integer(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("started_at", desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("ended_at", desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["forum_id"], ["forums.id"], name=op.f("fk_agenda_items_forum_id_forums")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agenda_items")),
    )
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_agenda_items_forum_id"), ["forum_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_agenda_items_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "escalations",
        sa.Column("recommendation_id", sa.String(length=36), nullable=False),
        sa.Column("from_unit_id", sa.String(length=36), nullable=False),
        sa.Column("to_unit_id", sa.String(length=36), nullable=False),
        sa.Column("previous_id", sa.String(length=36), nullable=True),
        sa.Column("sent_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "sent",
                "acknowledged",
                "answered",
                "forwarded",
                name="escalationstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum("adopted", "declined", name="outcome", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("answered_by", sa.String(length=120), nullable=False),
        sa.Column("answered_at", desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("forwarded_to_id", sa.String(length=36), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("rec_text", sa.Text(), nullable=False),
        sa.Column("forum_title", sa.String(length=200), nullable=False),
        sa.Column("forum_held_on", sa.Date(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["from_unit_id"], ["units.id"], name=op.f("fk_escalations_from_unit_id_units")
        ),
        sa.ForeignKeyConstraint(["to_unit_id"], ["units.id"], name=op.f("fk_escalations_to_unit_id_units")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_escalations")),
    )
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_escalations_recommendation_id"), ["recommendation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_escalations_to_unit_id"), ["to_unit_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_escalations_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "participants",
        sa.Column("forum_id", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organization", sa.String(length=200), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "service_user",
                "client_office",
                "stakeholder",
                "academic",
                "community_figure",
                "ngo",
                "media",
                "vulnerable_group",
                "government",
                "other",
                name="category",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column(
            "gender",
            sa.Enum("male", "female", name="gender", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("vulnerable", sa.Boolean(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=120), nullable=False),
        sa.Column(
            "role",
            sa.Enum("participant", "speaker", "organizer", name="role", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column("invited", sa.Boolean(), nullable=False),
        sa.Column("attended", sa.Boolean(), nullable=False),
        sa.Column("signed_in_at", desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(["forum_id"], ["forums.id"], name=op.f("fk_participants_forum_id_forums")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_participants")),
    )
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_participants_forum_id"), ["forum_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_participants_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "recommendations",
        sa.Column("forum_id", sa.String(length=36), nullable=False),
        sa.Column("agenda_item_id", sa.String(length=36), nullable=True),
        sa.Column("raised_by_id", sa.String(length=36), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column(
            "scope",
            sa.Enum("unit", "policy", name="scope", native_enum=False, length=32),
            nullable=False,
        ),
        sa.Column(
            "category",
            sa.Enum(
                "requirements",
                "procedure",
                "time",
                "cost",
                "product",
                "staff",
                "facilities",
                "complaints",
                "information",
                "innovation",
                "other",
                name="reccategory",
                native_enum=False,
                length=32,
            ),
            nullable=True,
        ),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("votes", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "accepted",
                "rejected",
                "merged",
                "in_progress",
                "done",
                "escalated",
                "answered",
                name="recstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("status_reason", sa.Text(), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum("adopted", "declined", name="outcome", native_enum=False, length=32),
            nullable=True,
        ),
        sa.Column("status_at", desktop.models.base.UTCDateTime(), nullable=True),
        sa.Column("status_by", sa.String(length=120), nullable=False),
        sa.Column("merged_into_id", sa.String(length=36), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["agenda_item_id"],
            ["agenda_items.id"],
            name=op.f("fk_recommendations_agenda_item_id_agenda_items"),
        ),
        sa.ForeignKeyConstraint(["forum_id"], ["forums.id"], name=op.f("fk_recommendations_forum_id_forums")),
        sa.ForeignKeyConstraint(
            ["merged_into_id"],
            ["recommendations.id"],
            name=op.f("fk_recommendations_merged_into_id_recommendations"),
        ),
        sa.ForeignKeyConstraint(
            ["raised_by_id"],
            ["participants.id"],
            name=op.f("fk_recommendations_raised_by_id_participants"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recommendations")),
    )
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_recommendations_forum_id"), ["forum_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_recommendations_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_recommendations_unit_id"), ["unit_id"], unique=False)
    op.create_table(
        "follow_ups",
        sa.Column("recommendation_id", sa.String(length=36), nullable=False),
        sa.Column("action", sa.Text(), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("progress", sa.Integer(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "planned",
                "in_progress",
                "done",
                name="followupstatus",
                native_enum=False,
                length=32,
            ),
            nullable=False,
        ),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("updated_at", desktop.models.base.UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["recommendation_id"],
            ["recommendations.id"],
            name=op.f("fk_follow_ups_recommendation_id_recommendations"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_follow_ups")),
    )
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_follow_ups_recommendation_id"), ["recommendation_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_follow_ups_unit_id"), ["unit_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("follow_ups", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_follow_ups_unit_id"))
        batch_op.drop_index(batch_op.f("ix_follow_ups_recommendation_id"))
    op.drop_table("follow_ups")
    with op.batch_alter_table("recommendations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_recommendations_unit_id"))
        batch_op.drop_index(batch_op.f("ix_recommendations_status"))
        batch_op.drop_index(batch_op.f("ix_recommendations_forum_id"))
    op.drop_table("recommendations")
    with op.batch_alter_table("participants", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_participants_unit_id"))
        batch_op.drop_index(batch_op.f("ix_participants_forum_id"))
    op.drop_table("participants")
    with op.batch_alter_table("escalations", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_escalations_unit_id"))
        batch_op.drop_index(batch_op.f("ix_escalations_to_unit_id"))
        batch_op.drop_index(batch_op.f("ix_escalations_recommendation_id"))
    op.drop_table("escalations")
    with op.batch_alter_table("agenda_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_agenda_items_unit_id"))
        batch_op.drop_index(batch_op.f("ix_agenda_items_forum_id"))
    op.drop_table("agenda_items")
    with op.batch_alter_table("units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_units_unit_id"))
        batch_op.drop_index(batch_op.f("ix_units_parent_id"))
    op.drop_table("units")
    with op.batch_alter_table("forums", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_forums_unit_id"))
    op.drop_table("forums")
