"""The history of an escalation is seen by the office it is addressed to: every laptop of a
parent office then holds what any of them answered (before, only the laptop that answered held
its own entries, so two laptops of one office exported different histories).

A history entry about an escalation gets the escalation's addressee in `to_unit_id`, and a new
sequence number, so the addressed office's laptops pull it at their next sync.

Revision ID: s0005
Revises: s0004
"""

import sqlalchemy as sa
from alembic import op

revision = "s0005"
down_revision = "s0004"
branch_labels = None
depends_on = None

records = sa.table(
    "records",
    sa.column("entity", sa.String),
    sa.column("id", sa.String),
    sa.column("to_unit_id", sa.String),
    sa.column("seq", sa.BigInteger),
    sa.column("data", sa.JSON),
)
counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger))


def upgrade() -> None:
    conn = op.get_bind()
    addressed = dict(
        conn.execute(
            sa.select(records.c.id, records.c.to_unit_id).where(records.c.entity == "escalations")
        ).all()
    )
    if not addressed:
        return
    history = conn.execute(
        sa.select(records.c.id, records.c.data).where(records.c.entity == "audit_events").order_by(records.c.seq)
    ).all()
    seq = conn.execute(sa.select(counters.c.value).where(counters.c.name == "seq")).scalar_one()
    for record_id, data in history:
        data = data or {}
        to_unit = addressed.get(str(data.get("entity_id"))) if data.get("entity") == "escalations" else None
        if to_unit is None:
            continue
        seq += 1
        conn.execute(
            sa.update(records)
            .where(records.c.entity == "audit_events", records.c.id == record_id)
            .values(to_unit_id=to_unit, seq=seq)
        )
    conn.execute(sa.update(counters).where(counters.c.name == "seq").values(value=seq))


def downgrade() -> None:
    op.execute(sa.update(records).where(records.c.entity == "audit_events").values(to_unit_id=None))
