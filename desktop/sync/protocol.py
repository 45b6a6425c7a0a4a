"""The sync wire format, shared by the desktop client and the server (DESIGN.md, sync protocol).

Push: {"device_id", "schema_version", "device_high", "ops": [{op_id, action_id, device_seq,
  entity, entity_id, kind, fields, hlc}]}
  → {"results": [{"op_id", "status": applied|duplicate|rejected, "code"?, "params"?, "hlc"?}],
     "server_ms"}
Pull: GET ?since=N&limit=M&device_high=H[&own=1] → {"epoch", "records": [{entity, id, unit_id, data,
  clocks, conflicts, deleted, seq}], "next": N', "more": bool, "server_ms"}
A device whose `device_high` (the highest operation number it ever made) is below what the
server applied from it was restored from a copy: 409 {"code": "device_restored", "params":
{"applied_high"}}; it then pulls from the start with `own=1` (its own records too).
Record data is what `desktop.services.export` writes: JSON values, dates as ISO text.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache
from typing import Any, cast

from sqlalchemy import ColumnElement, Date, DateTime, Enum, Time

from desktop.models import Synced
from desktop.models.base import UTCDateTime
from desktop.services.journal import MAX_OPS_PER_ACTION

SCHEMA_VERSION = 4  # bump with any change to what records carry; servers refuse newer devices
OP_KINDS = frozenset({"create", "update", "transition", "counter", "delete"})
MAX_OPS_PER_PUSH = MAX_OPS_PER_ACTION  # a push holds whole actions: the largest fits in one
MAX_PULL_PAGE = 1000
MAX_BODY_BYTES = 16 * 1024 * 1024


Converter = Callable[[Any], Any]


def _converter(column: ColumnElement[Any]) -> Converter | None:
    """How a wire (JSON) value becomes this column's Python value; None: it is already one."""
    kind = column.type
    if isinstance(kind, UTCDateTime | DateTime):
        return datetime.fromisoformat
    if isinstance(kind, Enum) and kind.enum_class is not None:
        return cast(Converter, kind.enum_class)
    if isinstance(kind, Date):
        return date.fromisoformat
    if isinstance(kind, Time):
        return time.fromisoformat
    return None


@cache
def _converters(model: type[Synced]) -> dict[str, Converter | None]:
    return {column.key: _converter(column) for column in model.__table__.columns}


def row_values(model: type[Synced], data: dict[str, Any]) -> dict[str, Any]:
    """Column values for `model` from wire data (unknown keys are ignored: a newer server's)."""
    converters = _converters(model)
    values = {}
    for key, value in data.items():
        if key not in converters:
            continue
        convert = converters[key]
        values[key] = convert(value) if convert is not None and value is not None else value
    return values
