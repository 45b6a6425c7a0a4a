"""JSON text for the database's JSON columns and the sync wire, through orjson (several times
faster than the standard library on the sync paths). What orjson refuses (integers beyond
64 bits, non-text keys) falls back to the standard library, so nothing it accepted before
fails now."""

from __future__ import annotations

import json
from typing import Any

import orjson


def dumps(value: Any) -> str:
    try:
        return orjson.dumps(value).decode()
    except TypeError:  # orjson.JSONEncodeError is a TypeError
        return json.dumps(value)


def dumps_bytes(value: Any) -> bytes:
    try:
        return orjson.dumps(value)
    except TypeError:
        return json.dumps(value, separators=(",", ":")).encode()


def loads(text: str | bytes) -> Any:
    """Raises ValueError (orjson.JSONDecodeError is one) on text that is not JSON."""
    return orjson.loads(text)


# For create_engine(): JSON columns read and written through these.
ENGINE_JSON = {"json_serializer": dumps, "json_deserializer": loads}
