"""Office-level settings become fields of the unit record (DESIGN.md "Data"): the full official
name, the logo, the time zone and the deadlines in working days. They sync and are audited like
every other field; settings.json keeps only this laptop's preferences (its old deadlines move
into the home unit once, when the app opens it).

Revision ID: 0010
Revises: 0008
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("full_name", sa.String(length=300), nullable=False, server_default=""))
        batch.add_column(sa.Column("logo", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("time_zone", sa.Enum("WIB", "WITA", "WIT", name="officezone",
                                                        native_enum=False, length=8), nullable=True))
        batch.add_column(
            sa.Column("escalation_working_days", sa.Integer(), nullable=False, server_default="5")
        )
        batch.add_column(
            sa.Column("follow_up_working_days", sa.Integer(), nullable=False, server_default="20")
        )


def downgrade() -> None:
    with op.batch_alter_table("units") as batch:
        for column in ("follow_up_working_days", "escalation_working_days", "time_zone", "logo", "full_name"):
            batch.drop_column(column)
