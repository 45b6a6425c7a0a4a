"""Reading the outbox for a push and settling it with the server's answers."""

from __future__ import annotations

from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from desktop.models import OutboxOp, RejectedOp


def pending(session: Session, limit: int) -> list[dict[str, Any]]:
    """The oldest `limit` operations, in the order they were made."""
    return [
        {
            "op_id": op.op_id,
            "device_seq": op.device_seq,
            "entity": op.entity,
            "entity_id": op.entity_id,
            "kind": op.kind,
            "fields": op.fields,
            "hlc": op.hlc,
        }
        for op in session.scalars(select(OutboxOp).order_by(OutboxOp.device_seq).limit(limit))
    ]


def pending_count(session: Session) -> int:
    """How many changes wait to be pushed."""
    return session.scalar(select(func.count()).select_from(OutboxOp)) or 0


def settle(session: Session, sent: list[dict[str, Any]], results: list[dict[str, str]]) -> tuple[int, int]:
    """Drop what the server applied (or had already); set aside what it refused, with why."""
    by_id = {op["op_id"]: op for op in sent}
    done, refused = [], 0
    for result in results:
        op = by_id.get(result.get("op_id", ""))
        if op is None:
            continue
        if result.get("status") == "rejected":
            refused += 1
            session.merge(
                RejectedOp(
                    op_id=op["op_id"],
                    entity=op["entity"],
                    entity_id=op["entity_id"],
                    kind=op["kind"],
                    fields=op["fields"],
                    hlc=op["hlc"],
                    reason=str(result.get("reason", ""))[:2000],
                )
            )
        done.append(op["op_id"])
    if done:
        session.execute(delete(OutboxOp).where(OutboxOp.op_id.in_(done)))
    return len(done) - refused, refused
