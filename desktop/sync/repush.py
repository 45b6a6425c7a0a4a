"""After the server was restored from a backup (its epoch changed), it may lack changes it had
already acknowledged. The device then queues its whole state again: for every record a create
(with its creation stamp) and one update per register with that register's own stamp, so the
server's last-writer-wins keeps whichever value is newer, field by field, and nothing this
device holds is lost. Units are the administrator's and are not sent."""

from __future__ import annotations

from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop import counters
from desktop.ids import new_id
from desktop.models import SYNCED_MODELS, AuditEvent, DeviceState, OutboxOp, Synced, Unit, utcnow
from desktop.services.journal import snapshot

BATCH = 2000


def _ops_for(model: type[Synced], row: Any) -> list[dict[str, Any]]:
    clocks = dict(row.clocks or {})
    created = clocks.pop(Synced.CREATED_CLOCK, None) or (row.hlc if model is AuditEvent else None)
    if not created:
        return []
    at = row.updated_at.isoformat()
    fields = snapshot(row)
    ops = [
        {
            "entity": model.__tablename__,
            "entity_id": row.id,
            "kind": "create",
            "fields": {**fields, "unit_id": row.unit_id, "created_at": row.created_at.isoformat(), "at": at},
            "hlc": created,
        }
    ]
    for register, stamp in sorted(clocks.items(), key=lambda item: item[1]):
        if register == "deleted":
            ops.append(
                {
                    "entity": model.__tablename__,
                    "entity_id": row.id,
                    "kind": "delete",
                    "fields": {"at": at},
                    "hlc": stamp,
                }
            )
            continue
        names = model.__registers__.get(register, (register,))
        change = {name: fields[name] for name in names if name in fields}
        if change:
            ops.append(
                {
                    "entity": model.__tablename__,
                    "entity_id": row.id,
                    "kind": "update",
                    "fields": {"set": change, "base": {}, "at": at},
                    "hlc": stamp,
                }
            )
    if row.deleted and "deleted" not in clocks:
        ops.append(
            {
                "entity": model.__tablename__,
                "entity_id": row.id,
                "kind": "delete",
                "fields": {"at": at},
                "hlc": created,
            }
        )
    return ops


def _counts_for(model: type[Synced], row: Any, device_id: str) -> list[dict[str, Any]]:
    """Counters are sent as contributions: this device's own, and the merged duplicates' (the
    server sets those from its own count). Queued after every record, so merges are in place."""
    ops = []
    for name, counts_field in model.__counters__.items():
        for key, value in sorted((getattr(row, counts_field) or {}).items()):
            if key == device_id or counters.merged_id(key) is not None:
                ops.append(
                    {
                        "entity": model.__tablename__,
                        "entity_id": row.id,
                        "kind": "counter",
                        "fields": {
                            "field": name,
                            "key": key,
                            "value": value,
                            "at": row.updated_at.isoformat(),
                        },
                        "hlc": row.clocks.get(Synced.CREATED_CLOCK, ""),
                    }
                )
    return ops


def requeue_everything(session: Session) -> int:
    """Queue this device's whole state for the next push; returns how many operations. Each
    operation is an action of its own: one refused does not hold back the rest."""
    queued = 0
    now = utcnow()
    state = session.get(DeviceState, 1)
    device_id = state.device_id if state is not None else ""
    contributions: list[dict[str, Any]] = []

    def queue(ops: list[dict[str, Any]]) -> int:
        if ops:
            session.execute(
                insert(OutboxOp),
                [{**op, "op_id": new_id(), "action_id": new_id(), "created_at": now} for op in ops],
            )
        return len(ops)

    for model in SYNCED_MODELS:
        if model is Unit:
            continue
        pending: list[dict[str, Any]] = []
        for row in session.scalars(select(model).execution_options(yield_per=BATCH)):
            pending += _ops_for(model, row)
            contributions += _counts_for(model, row, device_id)
            if len(pending) >= BATCH:
                queued += queue(pending)
                pending = []
        queued += queue(pending)
    return queued + queue(contributions)
