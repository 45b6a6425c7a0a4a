"""Reading the outbox for a push: whole user actions, in order.

A push batch is read as plain rows with each operation's fields still JSON text, and spliced
into the request as it is: decoding the fields only to encode them again was half the client's
share of a push. A batch never splits a user action (the server applies one all or none)."""

from __future__ import annotations

from typing import Any, NamedTuple, cast

import msgspec
from sqlalchemy import Text, func, select, text, type_coerce
from sqlalchemy.orm import Session

from desktop.models import OutboxOp
from protocol import jsontext
from protocol.messages import Op
from protocol.version import MAX_BODY_BYTES


class PendingOp(NamedTuple):
    op_id: str
    device_seq: int
    action_id: str
    entity: str
    entity_id: str
    kind: str
    fields_json: str
    hlc: str
    user_id: str | None
    seen: int

    def fields(self) -> dict[str, Any]:
        return dict(jsontext.loads(self.fields_json))

    def wire(self) -> bytes:
        """The operation as the push request carries it (`protocol.messages.Op`), its fields
        spliced in as stored."""
        fields = cast(dict[str, Any], msgspec.Raw(self.fields_json.encode()))
        op = Op(
            op_id=self.op_id,
            action_id=self.action_id,
            device_seq=self.device_seq,
            entity=self.entity,
            entity_id=self.entity_id,
            kind=self.kind,
            fields=fields,
            hlc=self.hlc,
            user_id=self.user_id,
            seen=self.seen,
        )
        return _ENCODER.encode(op)


_ENCODER = msgspec.json.Encoder()
_COLUMNS = (
    OutboxOp.op_id,
    OutboxOp.device_seq,
    OutboxOp.action_id,
    OutboxOp.entity,
    OutboxOp.entity_id,
    OutboxOp.kind,
    type_coerce(OutboxOp.fields, Text),
    OutboxOp.hlc,
    OutboxOp.user_id,
    OutboxOp.seen,
)


def pending(
    session: Session, limit: int, after: int = 0, max_bytes: int = MAX_BODY_BYTES // 2
) -> list[PendingOp]:
    """The oldest operations made after operation number `after`, in order: at most `limit`,
    and of at most `max_bytes` of fields (a frozen berita acara is large), whole actions only
    (an action's operations are consecutive: one transaction wrote them). An action larger than
    either comes alone, whole."""
    query = select(*_COLUMNS).where(OutboxOp.device_seq > after).order_by(OutboxOp.device_seq)
    rows = [PendingOp._make(row) for row in session.execute(query.limit(limit + 1))]
    size = 0
    for index, op in enumerate(rows):
        size += len(op.fields_json)
        if size > max_bytes:
            rows = rows[: index + 1]
            break
    if len(rows) <= limit and size <= max_bytes:
        return rows
    cut = min(len(rows) - 1, limit)  # the first operation that does not fit
    if cut > 0 and rows[cut].action_id != rows[cut - 1].action_id:
        return rows[:cut]
    split = rows[cut].action_id
    whole = [op for op in rows[:cut] if op.action_id != split]
    if whole:
        return whole
    return [PendingOp._make(row) for row in session.execute(query.where(OutboxOp.action_id == split))]


def pending_count(session: Session) -> int:
    """How many changes wait to be pushed."""
    return session.scalar(select(func.count()).select_from(OutboxOp)) or 0


def device_high(session: Session) -> int:
    """The highest operation number this device ever made (SQLite's AUTOINCREMENT keeps it
    when the outbox is empty): the server compares it with the highest it applied."""
    found = session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'")).scalar()
    return int(found or 0)


def raise_device_high(session: Session, high: int) -> None:
    """Number operations from above `high` on (a restored copy must not reuse numbers)."""
    if session.execute(text("SELECT 1 FROM sqlite_sequence WHERE name = 'outbox'")).first() is None:
        session.execute(text("INSERT INTO sqlite_sequence (name, seq) VALUES ('outbox', :h)"), {"h": high})
    else:
        session.execute(
            text("UPDATE sqlite_sequence SET seq = :h WHERE name = 'outbox' AND seq < :h"), {"h": high}
        )
