"""Stored values from their wire form (JSON values, dates and times as ISO text), column by
column: what the sync's pull and the services that re-apply a change both need."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from functools import cache
from typing import Any, cast

from sqlalchemy import ColumnElement, Date, DateTime, Enum, Time

from desktop.models import Synced
from desktop.models.base import UTCDateTime

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
