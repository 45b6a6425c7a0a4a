"""Figures an evaluator can recompute, and the rules both sides share (issue #13, protocol 5).

- The unit gets two office-level settings: its mapping of the public's categories onto
  PEKPPP's five unsur (`unsur_mapping`, empty: the defaults) and its IKM method
  (`ikm_method`, exactly 1/9 unless the office chooses 0,111).
- `closed_days`: the days an office is closed besides weekends and national holidays (its
  own, and the national ones the server's administrator enters for every unit).
- Escalations keep the SP4N-LAPOR! acknowledgement deadline (`ack_due_on`; none on those sent
  before) and the sending office's dispute of an answer (`dispute_reason`, `disputed_at`); their
  status may now be `disputed` or `done` (selesai) (no schema change: statuses are checked by the app).

Operations queued before stay valid: the protocol gives the fields added since their defaults.

Revision ID: 0015
Revises: 0016
"""

import sqlalchemy as sa
from alembic import op

from desktop.models.base import UTCDateTime

revision = "0015"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("units") as batch:
        batch.add_column(sa.Column("unsur_mapping", sa.JSON(), nullable=False, server_default="{}"))
        batch.add_column(
            sa.Column(
                "ikm_method",
                sa.Enum("exact", "weight_0111", name="ikmmethod", native_enum=False, length=32),
                nullable=False,
                server_default="exact",
            )
        )
    with op.batch_alter_table("escalations") as batch:
        batch.add_column(sa.Column("ack_due_on", sa.Date(), nullable=True))
        batch.add_column(sa.Column("dispute_reason", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("disputed_at", UTCDateTime(), nullable=True))
    op.create_table(
        "closed_days",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("clocks", sa.JSON(), nullable=False),
        sa.Column("unit_id", sa.String(length=36), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_closed_days")),
    )
    op.create_index(op.f("ix_closed_days_unit_id"), "closed_days", ["unit_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_closed_days_unit_id"), table_name="closed_days")
    op.drop_table("closed_days")
    with op.batch_alter_table("escalations") as batch:
        for column in ("disputed_at", "dispute_reason", "ack_due_on"):
            batch.drop_column(column)
    with op.batch_alter_table("units") as batch:
        for column in ("ikm_method", "unsur_mapping"):
            batch.drop_column(column)
