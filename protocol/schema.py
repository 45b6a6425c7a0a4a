"""The entity table as msgspec types: what an operation's fields must look like, per entity and
kind of change, and what a pulled record must hold for a laptop to store it.

msgspec checks a decoded object against a type in one pass in C (types, enum values, lengths,
ranges, patterns, missing and unknown fields), several times faster than checking field by
field in Python; the types are built once, on first use, from `protocol.entities`.
"""

from __future__ import annotations

from datetime import date, datetime, time
from enum import StrEnum
from functools import cache
from types import GenericAlias
from typing import Annotated, Any

import msgspec
from msgspec import UNSET, Meta, Struct, UnsetType

from protocol.entities import ENTITIES, STATUS, Field, Kind

# Text may hold tab and newline, and no other C0 control character (NUL, escape, carriage
# return, …): invisible, they break printouts, spreadsheets and terminals.
CONTROL = r"\x00-\x08\x0b-\x1f"  # a character class's inside: C0 but tab and newline
NO_CONTROL = f"^[^{CONTROL}]*$"
ID_PATTERN = r"^[0-9A-Za-z][0-9A-Za-z_-]*$"
# A device's id: a UUID in its canonical text (laptops make UUIDv7s).
DEVICE_ID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
# A laptop's enrollment secret: 256 random bits or more, URL-safe base64 (no padding).
SECRET_PATTERN = r"^[0-9A-Za-z_-]{43,128}$"
MAX_DEVICE_NAME = 200
# A counter's key: a device's id, or `merge:` and a record's id.
COUNT_KEY_PATTERN = r"^(merge:)?[0-9A-Za-z][0-9A-Za-z_-]*$"
LIST_KEY_PATTERN = r"^[a-z0-9][a-z0-9-]*$"  # a key of a NUMBER_LISTS field
STAMP_PATTERN = r"^[0-9]{15,}-[0-9]{6,}-[0-9A-Za-z_-]{1,64}$"

Id = Annotated[str, Meta(min_length=1, max_length=36, pattern=ID_PATTERN)]
CountKey = Annotated[str, Meta(min_length=1, max_length=42, pattern=COUNT_KEY_PATTERN)]
StampText = Annotated[str, Meta(max_length=100, pattern=STAMP_PATTERN)]
Moment = Annotated[datetime, Meta(tz=True)]  # never a naive time: whose clock would it be?


def _text(max_length: int | None, required: bool, strict: bool) -> Any:
    if not strict:
        return str
    return Annotated[str, Meta(min_length=1 if required else 0, max_length=max_length, pattern=NO_CONTROL)]


def _mapping(keys: Any, values: Any, max_length: int | None) -> Any:
    """{key: value or null}, the keys and values of two enums, at most `max_length` entries."""
    entry: Any = GenericAlias(dict, (keys, values | None))
    return Annotated[entry, Meta(max_length=max_length)]


class Signatory(Struct, forbid_unknown_fields=True):
    role: Annotated[str, Meta(max_length=200, pattern=NO_CONTROL)] = ""
    name: Annotated[str, Meta(max_length=200, pattern=NO_CONTROL)] = ""
    nip: Annotated[str, Meta(max_length=40, pattern=NO_CONTROL)] = ""
    title: Annotated[str, Meta(max_length=200, pattern=NO_CONTROL)] = ""


class LooseSignatory(Struct):
    role: str = ""
    name: str = ""
    nip: str = ""
    title: str = ""


def value_type(f: Field, strict: bool = True) -> Any:
    """The type of one field's values; `strict` adds the limits a stored value may have broken
    before they were checked (lengths, control characters), which a laptop still stores."""
    kind: Any
    if f.kind is Kind.TEXT:
        kind = _text(f.max_length, f.required, strict)
    elif f.kind is Kind.INT:
        kind = Annotated[int, Meta(ge=f.low, le=f.high)] if strict else int
    elif f.kind is Kind.BOOL:
        kind = bool
    elif f.kind is Kind.DATE:
        kind = date
    elif f.kind is Kind.TIME:
        kind = time
    elif f.kind is Kind.DATETIME:
        kind = Moment
    elif f.kind is Kind.ENUM:
        kind = f.values
    elif f.kind is Kind.ID:
        kind = Id if strict else str
    elif f.kind is Kind.COUNTS:  # a contribution may be negative: votes taken away
        share = Annotated[int, Meta(ge=-(f.high or 0), le=f.high)]
        kind = Annotated[dict[CountKey, share], Meta(max_length=f.max_length)] if strict else dict[str, int]
    elif f.kind is Kind.NUMBER_LISTS:
        numbers = Annotated[list[Annotated[int, Meta(ge=1, le=f.high)]], Meta(max_length=20)]
        key = Annotated[str, Meta(min_length=1, max_length=40, pattern=LIST_KEY_PATTERN)]
        kind = Annotated[dict[key, numbers], Meta(max_length=f.max_length)] if strict else dict[str, list[int]]
    elif f.kind is Kind.MAPPING:  # {key: value or null}; the keys and values of the field's enums
        assert f.keys is not None and f.values is not None
        kind = _mapping(f.keys, f.values, f.max_length) if strict else dict[str, str | None]
    elif f.kind is Kind.VALUES:  # distinct values: a duplicate is refused by the services' rules
        assert f.values is not None
        kind = Annotated[list[f.values], Meta(max_length=f.max_length)] if strict else list[str]  # type: ignore[name-defined]
    elif f.kind is Kind.SIGNATORIES:
        kind = Annotated[list[Signatory], Meta(max_length=f.max_length)] if strict else list[LooseSignatory]
    else:  # Kind.OBJECT: its size is checked apart (msgspec bounds no JSON size)
        kind = dict[str, Any]
    return kind | None if f.nullable else kind


def _struct(name: str, fields: list[tuple[str, Any] | tuple[str, Any, Any]], *, forbid: bool) -> type[Struct]:
    return msgspec.defstruct(name, fields, forbid_unknown_fields=forbid, kw_only=True)


def _whole(f: Field) -> tuple[str, Any] | tuple[str, Any, Any]:
    """A field of a record's whole state: present, unless it was added to its entity later (an
    operation an older app queued lacks it and takes the value records stored before had)."""
    return (f.name, value_type(f), f.added_default) if f.added else (f.name, value_type(f))


META_FIELDS: list[tuple[str, Any] | tuple[str, Any, Any]] = [
    ("unit_id", Id),
    ("created_at", Moment),
    ("at", Moment),
]


@cache
def data_type(name: str) -> type[Struct]:
    """Every field of the entity, each present (null where allowed): a record's whole state."""
    entity = ENTITIES[name]
    return _struct(f"{name}_data", [_whole(f) for f in entity.fields], forbid=True)


@cache
def create_type(name: str) -> type[Struct]:
    """A create's fields: the whole record, its owner, when it was made and last changed."""
    entity = ENTITIES[name]
    fields = [_whole(f) for f in entity.fields]
    return _struct(f"{name}_create", [*fields, *META_FIELDS], forbid=True)


def _optional(fields: list[Field]) -> list[tuple[str, Any] | tuple[str, Any, Any]]:
    return [(f.name, value_type(f) | UnsetType, UNSET) for f in fields]


@cache
def update_type(name: str) -> type[Struct]:
    """What an update may set: the editable fields, any of them."""
    entity = ENTITIES[name]
    return _struct(f"{name}_set", _optional([f for f in entity.fields if f.editable]), forbid=True)


@cache
def register_type(name: str) -> type[Struct]:
    """What a status action carries: fields of the status register."""
    entity = ENTITIES[name]
    names = entity.registers.get(STATUS, ())
    return _struct(f"{name}_register", _optional([entity.by_name[n] for n in names]), forbid=True)


@cache
def record_type(name: str) -> type[Struct]:
    """A pulled record's data as a laptop can store it: types and values right, every field
    that must have a value has one (fields of a newer server are ignored)."""
    entity = ENTITIES[name]
    fields: list[tuple[str, Any] | tuple[str, Any, Any]] = [("created_at", Moment), ("updated_at", Moment)]
    for f in entity.fields:
        if f.nullable:
            fields.append((f.name, value_type(f, strict=False), None))
        elif f.added:
            fields.append((f.name, value_type(f, strict=False), f.added_default))
        else:
            fields.append((f.name, value_type(f, strict=False)))
    return _struct(f"{name}_record", fields, forbid=False)


# -- the fields of each kind of operation -------------------------------------------------------
Base = dict[str, Annotated[str, Meta(max_length=100)]]  # register → its stamp as the device knew it


class UpdateFields(Struct, forbid_unknown_fields=True):
    set: dict[str, Any]
    at: Moment
    base: Base = msgspec.field(default_factory=dict)


class TransitionFields(Struct, forbid_unknown_fields=True):
    action: Annotated[str, Meta(max_length=40)]
    fields: dict[str, Any]
    at: Moment
    base: Base = msgspec.field(default_factory=dict)
    from_: Annotated[str, Meta(max_length=40)] | None = msgspec.field(default=None, name="from")


class DeleteFields(Struct, forbid_unknown_fields=True):
    at: Moment


class CounterFields(Struct, forbid_unknown_fields=True):
    """One contributor's whole share of a counter (never a delta: sent again, it counts once)."""

    field: Annotated[str, Meta(max_length=40)]
    key: CountKey
    value: int
    at: Moment


class RestateFields(Struct, forbid_unknown_fields=True):
    """A record's whole state as a device holds it, each register with its own clock stamp."""

    unit_id: Id
    created_at: Moment
    at: Moment
    deleted: bool
    data: dict[str, Any]
    clocks: Annotated[dict[Annotated[str, Meta(max_length=40)], StampText], Meta(max_length=64)]


class Resolution(StrEnum):
    """How a "changed elsewhere" marker was closed (a `resolve` operation's `how`)."""

    MINE = "mine"  # the value that lost was applied again, as a new edit (an update in the same action)
    THEIRS = "theirs"  # the value in use was kept
    DISMISSED = "dismissed"  # seen, closed without a choice


class ResolveFields(Struct, forbid_unknown_fields=True):
    """A record's conflict closed: the one of `register` whose losing value carried the stamp
    `loser_hlc`. The server marks it `dismissed` in the record's conflicts, so every laptop
    stops showing it; a conflict the server no longer holds is closed already."""

    register: Annotated[str, Meta(min_length=1, max_length=40)]
    loser_hlc: StampText
    how: Resolution
    at: Moment
