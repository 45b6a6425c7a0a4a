"""Reading the outbox for a push and settling it with the server's answers.

A push batch is read as plain rows with each operation's fields still JSON text, and spliced
into the request as it is: decoding the fields only to encode them again was half the client's
share of a push."""

from __future__ import annotations

from typing import Any, NamedTuple

import orjson
from sqlalchemy import Text, delete, func, select, type_coerce
from sqlalchemy.orm import Session

from desktop import jsontext
from desktop.models import OutboxOp, RejectedOp
from desktop.sync.refusals import describe


class PendingOp(NamedTuple):
    op_id: str
    device_seq: int
    entity: str
    entity_id: str
    kind: str
    fields_json: str
    hlc: str

    def fields(self) -> dict[str, Any]:
        return dict(jsontext.loads(self.fields_json))

    def wire(self) -> bytes:
        """The operation as the push request carries it (the protocol's op object), its fields
        spliced in last as stored."""
        head = orjson.dumps(
            {
                "op_id": self.op_id,
                "device_seq": self.device_seq,
                "entity": self.entity,
                "entity_id": self.entity_id,
                "kind": self.kind,
                "hlc": self.hlc,
            }
        )
        return head[:-1] + b',"fields":' + self.fields_json.encode() + b"}"


def pending(session: Session, limit: int, after: int = 0) -> list[PendingOp]:
    """The oldest `limit` operations made after operation number `after`, in order."""
    rows = session.execute(
        select(
            OutboxOp.op_id,
            OutboxOp.device_seq,
            OutboxOp.entity,
            OutboxOp.entity_id,
            OutboxOp.kind,
            type_coerce(OutboxOp.fields, Text),
            OutboxOp.hlc,
        )
        .where(OutboxOp.device_seq > after)
        .order_by(OutboxOp.device_seq)
        .limit(limit)
    )
    return [PendingOp(*row) for row in rows]


def pending_count(session: Session) -> int:
    """How many changes wait to be pushed."""
    return session.scalar(select(func.count()).select_from(OutboxOp)) or 0


def settle(session: Session, sent: list[PendingOp], results: list[dict[str, Any]]) -> tuple[int, int]:
    """Drop what the server applied (or had already); set aside what it refused, with why (its
    code and parameters). A refusal may come back as a "duplicate" with its code: the answer
    that first carried it was lost on the way, and the operation was sent again."""
    by_id = {op.op_id: op for op in sent}
    done, refused = [], 0
    for result in results:
        op = by_id.get(result.get("op_id", ""))
        if op is None:
            continue
        status, code = result.get("status"), result.get("code")
        if status == "rejected" or (status == "duplicate" and code):
            refused += 1
            params = result.get("params")
            params = params if isinstance(params, dict) else {}
            session.merge(
                RejectedOp(
                    op_id=op.op_id,
                    entity=op.entity,
                    entity_id=op.entity_id,
                    kind=op.kind,
                    fields=op.fields(),
                    hlc=op.hlc,
                    code=str(code or "")[:40],
                    params=params,
                    reason=describe(str(code or ""), params, lang="en")[:2000],
                )
            )
        done.append(op.op_id)
    if done:
        session.execute(delete(OutboxOp).where(OutboxOp.op_id.in_(done)))
    return len(done) - refused, refused
