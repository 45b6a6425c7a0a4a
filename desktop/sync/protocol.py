"""The sync wire format, shared by the desktop client and the server (DESIGN.md, sync protocol).

Push: {"device_id", "schema", "ops": [{op_id, device_seq, entity, entity_id, kind, fields, hlc}]}
  → {"results": [{"op_id", "status": applied|duplicate|rejected, "reason"?}]}
Pull: GET ?since=N&limit=M → {"epoch", "records": [{entity, id, unit_id, data, clocks, deleted,
  seq}], "next": N', "more": bool}
Record data is what `desktop.services.export` writes: JSON values, dates as ISO text.
"""

from __future__ import annotations

import enum
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import ColumnElement

from desktop.models import MODEL_BY_TABLE, Synced
from desktop.models.base import META_COLUMNS, UTCDateTime

SCHEMA_VERSION = 3  # bump with any change to what records carry; servers refuse newer devices
SYNCED_ENTITIES = frozenset(MODEL_BY_TABLE)
OP_KINDS = frozenset({"create", "update", "transition", "increment", "delete"})
MAX_OPS_PER_PUSH = 1000
MAX_PULL_PAGE = 1000
MAX_BODY_BYTES = 16 * 1024 * 1024


def _python_value(column: ColumnElement[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UTCDateTime):
        return datetime.fromisoformat(value)
    enum_class = getattr(kind, "enum_class", None)
    if enum_class is not None and issubclass(enum_class, enum.Enum):
        return enum_class(value)
    try:
        python_type = kind.python_type
    except NotImplementedError:
        return value
    if python_type is date and isinstance(value, str):
        return date.fromisoformat(value)
    if python_type is time and isinstance(value, str):
        return time.fromisoformat(value)
    if python_type is datetime and isinstance(value, str):
        return datetime.fromisoformat(value)
    return value


def row_values(model: type[Synced], data: dict[str, Any]) -> dict[str, Any]:
    """Column values for `model` from wire data (unknown keys are ignored: a newer server)."""
    columns = {c.key: c for c in model.__table__.columns}
    return {key: _python_value(columns[key], value) for key, value in data.items() if key in columns}


def data_fields(model: type[Synced]) -> tuple[str, ...]:
    return tuple(c.key for c in model.__table__.columns if c.key not in META_COLUMNS)
