"""Sync protocol 4: user actions, votes as contributions, clock offset, restored copies.

- Outbox operations carry the `action_id` of their user action; operations queued before this
  version each become an action of their own. Operation numbers never repeat any more
  (AUTOINCREMENT): the highest one tells the server a laptop restored from a copy.
- Queued `increment` operations become `counter` operations carrying this device's whole
  contribution (or, for a merge, the duplicate's total under `merge:<id>`).
- A recommendation's votes become contributions (`vote_counts`): what the server already had
  is one entry, "carried" (the server's migration s0004 makes the same entry), what was still
  queued is this device's own (or the merge's) entry, so no total changes.
- Refused operations keep their action (their code and parameters: revision 0012).
- The device keeps its clock's offset to the server; it pulls everything again once, so votes
  that diverged under the old increments converge on the server's.

Revision ID: 0013
Revises: 0012
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None

CARRIED_KEY = "carried"  # domain.counters.CARRIED_KEY, fixed here as this revision wrote it
MERGE_PREFIX = "merge:"


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else (value or {})


def _duplicate_of(conn: sa.Connection, op_row: Any) -> str | None:
    """The duplicate whose merge queued this increment of the survivor: the merge queued in the
    same transaction (the nearest operation merging into it), else the merged duplicate whose
    status changed nearest in time."""
    merges = conn.exec_driver_sql(
        "SELECT device_seq, entity_id, fields FROM outbox WHERE kind = 'transition' AND entity = 'recommendations'"
    ).all()
    near = sorted(
        (abs(seq - op_row.device_seq), str(entity_id))
        for seq, entity_id, fields in merges
        if _json(fields).get("action") == "merge"
        and (_json(fields).get("fields") or {}).get("merged_into_id") == op_row.entity_id
    )
    if near:
        return near[0][1]
    merged = conn.exec_driver_sql(
        "SELECT id, clocks FROM recommendations WHERE merged_into_id = ? AND status = 'merged'",
        (op_row.entity_id,),
    ).all()
    by_time = sorted(
        (abs(_wall(_json(clocks).get("status")) - _wall(op_row.hlc)), str(i)) for i, clocks in merged
    )
    return by_time[0][1] if by_time else None


def _wall(stamp: object) -> int:
    """The wall milliseconds of an encoded clock stamp (0 if it is none)."""
    text = str(stamp or "")
    return int(text[:15]) if text[:15].isdigit() else 0


def _convert_increments(conn: sa.Connection, device_id: str) -> dict[str, dict[str, int]]:
    """Queued increments → counter operations; returns each recommendation's queued entries."""
    queued: dict[str, dict[str, int]] = {}
    rows = conn.exec_driver_sql(
        "SELECT device_seq, entity, entity_id, fields, hlc FROM outbox WHERE kind = 'increment' ORDER BY device_seq"
    ).all()
    for row in rows:
        fields = _json(row.fields)
        delta = int(fields.get("votes") or 0)
        audit = conn.exec_driver_sql(
            "SELECT action FROM audit_events WHERE entity_id = ? AND hlc = ?", (row.entity_id, row.hlc)
        ).first()
        duplicate = _duplicate_of(conn, row) if audit is not None and audit[0] == "merge_votes" else None
        key = f"{MERGE_PREFIX}{duplicate}" if duplicate else device_id
        entries = queued.setdefault(str(row.entity_id), {})
        entries[key] = entries.get(key, 0) + delta
        counter = {"field": "votes", "key": key, "value": entries[key], "at": fields.get("at")}
        conn.exec_driver_sql(
            "UPDATE outbox SET kind = 'counter', fields = ? WHERE device_seq = ?",
            (json.dumps(counter), row.device_seq),
        )
    return queued


def _fill_vote_counts(conn: sa.Connection, queued: dict[str, dict[str, int]]) -> None:
    for rec_id, votes in conn.exec_driver_sql("SELECT id, votes FROM recommendations").all():
        entries = queued.get(str(rec_id), {})
        counts = {CARRIED_KEY: int(votes or 0) - sum(entries.values()), **entries}
        counts = {key: value for key, value in counts.items() if value}
        if counts:
            conn.exec_driver_sql(
                "UPDATE recommendations SET vote_counts = ? WHERE id = ?", (json.dumps(counts), rec_id)
            )


def upgrade() -> None:
    with op.batch_alter_table(
        "outbox", recreate="always", table_kwargs={"sqlite_autoincrement": True}
    ) as batch:
        batch.add_column(sa.Column("action_id", sa.String(length=36), nullable=False, server_default=""))
    op.execute("UPDATE outbox SET action_id = op_id")
    with op.batch_alter_table("recommendations") as batch:
        batch.add_column(sa.Column("vote_counts", sa.JSON(), nullable=False, server_default="{}"))
    with op.batch_alter_table("rejected_ops") as batch:
        batch.add_column(sa.Column("action_id", sa.String(length=36), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_rejected_ops_action_id"), ["action_id"], unique=False)
    with op.batch_alter_table("device_state") as batch:
        batch.add_column(sa.Column("clock_offset_ms", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("refetch_own", sa.Boolean(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("restored_below", sa.Integer(), nullable=False, server_default="0"))
    conn = op.get_bind()
    device = conn.exec_driver_sql("SELECT device_id FROM device_state WHERE id = 1").first()
    queued = _convert_increments(conn, str(device[0])) if device is not None else {}
    _fill_vote_counts(conn, queued)
    # Pull everything again once: votes that diverged under increments heal from the server's.
    op.execute("UPDATE device_state SET checkpoint = 0")


def downgrade() -> None:
    conn = op.get_bind()
    for seq, entity_id, fields, hlc in conn.exec_driver_sql(
        "SELECT device_seq, entity_id, fields, hlc FROM outbox WHERE kind = 'counter'"
    ).all():
        audit = conn.exec_driver_sql(
            "SELECT before, after FROM audit_events WHERE entity_id = ? AND hlc = ?", (entity_id, hlc)
        ).first()
        delta = int(_json(audit[1]).get("votes", 0)) - int(_json(audit[0]).get("votes", 0)) if audit else 0
        increment = {"votes": delta, "at": _json(fields).get("at")}
        conn.exec_driver_sql(
            "UPDATE outbox SET kind = 'increment', fields = ? WHERE device_seq = ?",
            (json.dumps(increment), seq),
        )
    with op.batch_alter_table("device_state") as batch:
        batch.drop_column("restored_below")
        batch.drop_column("refetch_own")
        batch.drop_column("clock_offset_ms")
    with op.batch_alter_table("rejected_ops") as batch:
        batch.drop_index(batch.f("ix_rejected_ops_action_id"))
        batch.drop_column("action_id")
    with op.batch_alter_table("recommendations") as batch:
        batch.drop_column("vote_counts")
    with op.batch_alter_table("outbox", recreate="always") as batch:
        batch.drop_column("action_id")
