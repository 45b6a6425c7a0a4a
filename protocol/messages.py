"""The typed messages of the sync API (DESIGN.md, sync protocol).

Push: POST /sync/push {"device_id", "schema_version", "device_high", "ops": [Op]}
  → PushAnswer {"results": [PushResult], "server_ms"}
Pull: GET /sync/pull?since=N&limit=M&device_high=H[&own=true]
  → PullPage {"epoch", "records": [PulledRecord], "next", "more", "server_ms"}
Enroll: POST /enroll → EnrollAnswer (the server's OpenAPI describes each body from these).
The operations of one user action share an `action_id` and travel in one push: the server
applies them all or none. `device_high` is the highest operation number the device ever made; a
device below what the server applied from it runs on a restored copy (`device_restored`).
`server_ms` is the server's clock (Unix milliseconds): devices measure their clock's offset.
Any refusal of a request: a 4xx with ErrorBody {"code", "params", "error"} (`protocol.refusals`).
Record data is what `desktop.services.export` writes: JSON values, dates as ISO text.
A pulled record's `conflicts` are its concurrent edits: {"register", "winner", "winner_hlc",
"loser", "loser_hlc", "at"}, and `"dismissed": true` (with `resolution`, `resolved_hlc`) once
a `resolve` operation closed it; laptops show those not dismissed.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Annotated, Any, NamedTuple, TypeGuard

import msgspec
from msgspec import Meta, Struct

from protocol.ids import new_id
from protocol.schema import ID_PATTERN, Id, StampText
from protocol.version import MAX_OPS_PER_PUSH, SPOKEN_VERSIONS

_ID = re.compile(ID_PATTERN)
# The protocol versions a server speaks, as its OpenAPI document describes them (any other is
# answered `upgrade_required`, 426: not a malformed request).
SPOKEN = {"enum": list(SPOKEN_VERSIONS)}
OpId = Annotated[str, Meta(min_length=8, max_length=36, pattern=ID_PATTERN)]


class PushRequest(Struct):
    """The envelope; each operation is checked apart (`Op`), so a malformed one is refused
    alone and the others apply."""

    device_id: Annotated[str, Meta(max_length=36)]
    schema_version: Annotated[int, Meta(extra_json_schema=SPOKEN)]
    ops: Annotated[list[dict[str, Any]], Meta(max_length=MAX_OPS_PER_PUSH)]
    device_high: Annotated[int, Meta(ge=0)] | None = None


class QueuedOp(Struct, kw_only=True):
    """An operation as its device makes and queues it: one change of one record (`kind` one of
    `protocol.version.OP_KINDS`), stamped `hlc`, in its user action `action_id`. Every place
    that makes one builds this (`new_op`); its number on the device comes from the queue."""

    op_id: OpId
    action_id: OpId | None = None  # its user action (none: an action of its own)
    entity: Annotated[str, Meta(max_length=40)]
    entity_id: Id
    kind: Annotated[str, Meta(max_length=16)]
    fields: dict[str, Any]
    hlc: StampText
    # Protocol 6 (protocol.users): the user who made it (None: none was signed in, the unit had
    # no users yet, or it was queued before accounts existed) and the laptop's pull checkpoint
    # when it was made (what it had learned from the server: revocations judge by it).
    user_id: Id | None = None
    seen: Annotated[int, Meta(ge=0)] = 0


class Op(QueuedOp, kw_only=True):
    """An operation as a push carries it: the queued one and its number on the device. The
    server decodes one with `protocol.validate.check_op`."""

    device_seq: Annotated[int, Meta(ge=0)]


def new_op(
    entity: str,
    entity_id: str,
    kind: str,
    fields: dict[str, Any],
    hlc: str,
    action_id: str | None,
    user_id: str | None = None,
    seen: int = 0,
) -> QueuedOp:
    """A new operation (a new id) of the user action `action_id`, made by `user_id` on a laptop
    that had pulled up to `seen`."""
    return QueuedOp(
        op_id=new_id(),
        action_id=action_id,
        entity=entity,
        entity_id=entity_id,
        kind=kind,
        fields=fields,
        hlc=hlc,
        user_id=user_id,
        seen=seen,
    )


def queued(op: QueuedOp) -> dict[str, Any]:
    """The operation's parts by name (a queue's row, a file's entry)."""
    return msgspec.structs.asdict(op)


class Envelope(NamedTuple):
    """What can be read of an operation not yet checked (`check_op` refuses it if malformed):
    its id (empty if it cannot be one), its user action, its number on the device (None if it
    is not one) and the record it names (None unless a known kind of id)."""

    op_id: str
    action_id: str | None
    device_seq: int | None
    record: tuple[str, str] | None


def envelope(op: object, entities: Collection[str]) -> Envelope:
    """The envelope of `op` as far as it can be read; `entities`: the entity names known."""
    if not isinstance(op, Mapping):
        return Envelope("", None, None, None)
    op_id, action_id, seq = op.get("op_id"), op.get("action_id"), op.get("device_seq")
    entity, record_id = op.get("entity"), op.get("entity_id")
    return Envelope(
        op_id if is_id(op_id) and len(op_id) >= 8 else "",
        action_id if isinstance(action_id, str) and action_id else None,
        seq if isinstance(seq, int) and not isinstance(seq, bool) and 0 <= seq < 2**62 else None,
        (entity, record_id) if isinstance(entity, str) and entity in entities and is_id(record_id) else None,
    )


def is_id(value: object) -> TypeGuard[str]:
    """Whether `value` can be a record's (or an operation's) id: anything else names nothing
    (and is never sent to the database as one: PostgreSQL refuses a NUL in a text)."""
    return isinstance(value, str) and len(value) <= 36 and _ID.fullmatch(value) is not None


class PushResult(Struct, omit_defaults=True):
    op_id: str
    status: str  # applied | duplicate | rejected
    code: str | None = None  # with a refusal, also on a duplicate of a refused operation
    params: dict[str, str | int] | None = None
    hlc: str | None = None  # the server's stamp for it, if it re-stamped it (too far ahead)


class ErrorBody(Struct):
    code: str
    params: dict[str, str | int]
    error: str  # English, for logs: the laptop words the code itself


class PulledRecord(Struct):
    entity: str
    id: str
    unit_id: str
    data: dict[str, Any]
    clocks: dict[str, StampText]
    deleted: bool
    seq: int = 0
    conflicts: list[dict[str, Any]] = msgspec.field(default_factory=list)


class PushAnswer(Struct):
    results: list[PushResult]
    server_ms: int


class PullPage(Struct):
    epoch: str
    records: list[PulledRecord]
    next: int
    more: bool
    server_ms: int


class UnitLine(Struct):
    id: str
    code: str
    name: str
    parent_id: str | None


class EnrollAnswer(Struct):
    token: str
    unit_id: str
    unit_code: str
    epoch: str
    units: list[UnitLine]
    schema_version: int
