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

from typing import Annotated, Any

import msgspec
from msgspec import Meta, Struct

from protocol.schema import ID_PATTERN, Id, StampText
from protocol.version import MAX_OPS_PER_PUSH

OpId = Annotated[str, Meta(min_length=8, max_length=36, pattern=ID_PATTERN)]


class PushRequest(Struct):
    """The envelope; each operation is checked apart (`Op`), so a malformed one is refused
    alone and the others apply."""

    device_id: Annotated[str, Meta(max_length=36)]
    schema_version: int
    ops: Annotated[list[dict[str, Any]], Meta(max_length=MAX_OPS_PER_PUSH)]
    device_high: Annotated[int, Meta(ge=0)] | None = None


class Op(Struct):
    op_id: OpId
    device_seq: Annotated[int, Meta(ge=0)]
    entity: Annotated[str, Meta(max_length=40)]
    entity_id: Id
    kind: Annotated[str, Meta(max_length=16)]
    fields: dict[str, Any]
    hlc: StampText
    action_id: OpId | None = None  # its user action (none: an action of its own)


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
