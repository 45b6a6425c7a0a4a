"""Sync protocol 4: re-stamped operations keep their stamp; devices' highest operation numbers;
votes as contributions; the server's hybrid clock.

A recommendation's current `votes` become one contribution, "carried" (each device's migration
0013 makes the same entry), so no total changes.

Revision ID: s0004
Revises: s0003
"""

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "s0004"
down_revision = "s0003"
branch_labels = None
depends_on = None

CARRIED_KEY = "carried"  # domain.counters.CARRIED_KEY, fixed here as this revision wrote it

records = sa.table(
    "records",
    sa.column("entity", sa.String),
    sa.column("id", sa.String),
    sa.column("data", sa.JSON),
)
counters = sa.table("counters", sa.column("name", sa.String), sa.column("value", sa.BigInteger))


def _set_vote_counts(make: Any) -> None:
    conn = op.get_bind()
    rows = conn.execute(sa.select(records.c.id, records.c.data).where(records.c.entity == "recommendations"))
    for record_id, data in rows.all():
        changed = make(dict(data or {}))
        if changed != data:
            conn.execute(
                sa.update(records)
                .where(records.c.entity == "recommendations", records.c.id == record_id)
                .values(data=changed)
            )


def _carried(data: dict[str, Any]) -> dict[str, Any]:
    votes = int(data.get("votes") or 0)
    return {**data, "vote_counts": {CARRIED_KEY: votes} if votes else {}, "votes": votes}


def _flat(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "vote_counts"}


def upgrade() -> None:
    with op.batch_alter_table("applied_ops") as batch:
        batch.add_column(sa.Column("hlc", sa.String(length=80), nullable=True))
    with op.batch_alter_table("devices") as batch:
        batch.add_column(sa.Column("ops_high", sa.BigInteger(), nullable=False, server_default="0"))
    _set_vote_counts(_carried)
    if op.get_bind().execute(sa.select(counters.c.name).where(counters.c.name == "hlc")).first() is None:
        op.execute(sa.insert(counters).values(name="hlc", value=0))


def downgrade() -> None:
    op.execute(sa.delete(counters).where(counters.c.name == "hlc"))
    _set_vote_counts(_flat)
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("ops_high")
    with op.batch_alter_table("applied_ops") as batch:
        batch.drop_column("hlc")
