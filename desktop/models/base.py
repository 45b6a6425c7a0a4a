"""Declarative base, reusable column types and the columns every synced table carries."""

from __future__ import annotations

from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Annotated, Any, ClassVar, cast

from sqlalchemy import JSON, Boolean, Date, DateTime, Dialect, Enum, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column
from sqlalchemy.types import TypeDecorator

from protocol.ids import new_id
from storage.naming import NAMING_CONVENTION


def utcnow() -> datetime:
    return datetime.now(UTC)


class UTCDateTime(TypeDecorator[datetime]):
    """A timezone-aware UTC datetime, stored naive (UTC) so SQLite sorts it as text."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


IdPk = Annotated[str, mapped_column(String(36), primary_key=True, default=new_id)]
IdRef = Annotated[str, mapped_column(String(36))]
Str200 = Annotated[str, mapped_column(String(200))]
LongText = Annotated[str, mapped_column(Text)]
Code = Annotated[str, mapped_column(String(32))]


def enum_type(enum: type[StrEnum], length: int = 32) -> Enum:
    """A string column holding an enum's values (no CHECK constraint: services validate)."""
    return Enum(enum, native_enum=False, length=length, values_callable=lambda e: [m.value for m in e])


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        datetime: UTCDateTime(),
        date: Date(),
        dict[str, Any]: JSON(),
        dict[str, str]: JSON(),
        dict[str, int]: JSON(),
        dict[str, list[int]]: JSON(),
        dict[str, str | None]: JSON(),
        list[dict[str, str]]: JSON(),
        list[str]: JSON(),
        bool: Boolean(),
    }


# Columns that are bookkeeping, not data a user edits; sync and audit treat them apart.
META_COLUMNS = frozenset({"id", "unit_id", "created_at", "updated_at", "deleted", "clocks"})


class Synced(Base):
    """A table that syncs: device-made UUIDv7 id, owning unit, UTC times, tombstone, field clocks.

    `clocks` maps a register name to the hybrid-logical-clock stamp of its last change; the key
    "*" holds the stamp of the row's creation, which every register not named has. A register is
    one field, or several fields that must change together (`__registers__`).

    A counter (`__counters__`: total field -> field of its contributions) is no register: it
    has no clock; each contributor's share is its own entry and the total is their sum.
    """

    __abstract__ = True
    CREATED_CLOCK: ClassVar[str] = "*"
    __registers__: ClassVar[dict[str, tuple[str, ...]]] = {}
    # Fields too large for the history (an image): the audit records their digest instead.
    __audit_digest__: ClassVar[frozenset[str]] = frozenset()
    __counters__: ClassVar[dict[str, str]] = {}

    id: Mapped[IdPk]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    deleted: Mapped[bool] = mapped_column(default=False)
    clocks: Mapped[dict[str, str]] = mapped_column(default=dict)

    @declared_attr
    @classmethod
    def unit_id(cls) -> Mapped[str]:
        return mapped_column(String(36), index=True)

    @classmethod
    def data_fields(cls) -> tuple[str, ...]:
        """The columns a user's action may change, in table order (computed once per class)."""
        cached = cls.__dict__.get("_data_fields")
        if cached is None:
            cached = tuple(c.key for c in cls.__table__.columns if c.key not in META_COLUMNS)
            setattr(cls, "_data_fields", cached)  # noqa: B010 - a per-class cache
        return cast(tuple[str, ...], cached)

    @classmethod
    def field_defaults(cls) -> dict[str, Any]:
        """Each data field's value when none is given (None where the column has no default)."""
        values: dict[str, Any] = {}
        for column in cls.__table__.columns:
            if column.key in META_COLUMNS:
                continue
            default: Any = column.default
            if default is None:
                values[column.key] = None
            else:
                values[column.key] = default.arg(None) if default.is_callable else default.arg
        return values

    def clock_of(self, register: str) -> str:
        """The stamp of the last change to `register` (its creation stamp if never changed)."""
        clocks = self.clocks or {}
        return clocks.get(register) or clocks.get(self.CREATED_CLOCK, "")

    @classmethod
    def register_of(cls, field: str) -> str:
        for name, fields in cls.__registers__.items():
            if field in fields:
                return name
        return field
