"""Checking operations and pulled records against the entity table.

Each check returns what it checked, typed, or raises `Refused` with `invalid_field` (entity,
field, problem) for the first problem found. The server runs the operation checks before it
changes anything; a laptop runs `check_record` on every record it pulls, so one it cannot
store is set aside instead of stopping the sync.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, TypeVar

import msgspec
from msgspec import Struct

from protocol.entities import CREATED, DELETED, ENTITIES, STATUS, Action, Entity, Kind
from protocol.messages import Op, PulledRecord
from protocol.minutes import Minutes
from protocol.refusals import Problem, Refusal, Refused, invalid
from protocol.schema import (
    CONTROL,
    CounterFields,
    DeleteFields,
    ResolveFields,
    RestateFields,
    StampText,
    TransitionFields,
    UpdateFields,
    create_type,
    data_type,
    record_type,
    register_type,
    update_type,
)
from protocol.survey_report import IssuedReport
from protocol.version import OP_KINDS

T = TypeVar("T", bound=Struct)
_CONTROL = re.compile(f"[{CONTROL}]")
_AT = re.compile(r"- at (?:`key` in )?`\$\.([A-Za-z0-9_]+)")  # a bad key of a mapping: its field
_NAMED = re.compile(r"field `([^`]+)`")


def problem_of(message: str) -> Problem:
    """The problem a msgspec error message names (msgspec reports one, as text)."""
    if "missing required field" in message or "of length >= 1 " in message:
        return Problem.REQUIRED
    if "unknown field" in message:
        return Problem.UNKNOWN_FIELD
    if "Invalid enum value" in message:
        return Problem.UNKNOWN_VALUE
    if "of length <= " in message:
        return Problem.TOO_LONG
    if "matching regex" in message:
        return Problem.CONTROL_CHARACTER if "x00-" in message else Problem.MALFORMED
    if re.search(r"Expected `(int|float)` [<>]=", message) or "out of range" in message:
        return Problem.OUT_OF_RANGE
    if "Expected `" in message and ", got `" in message:
        return Problem.WRONG_TYPE
    return Problem.MALFORMED


def field_of(message: str) -> str:
    """The top-level field a msgspec error message is about."""
    at = _AT.search(message)
    if at:
        return at.group(1)
    named = _NAMED.search(message)
    return named.group(1) if named else ""


def _convert(entity: str, value: object, kind: type[T]) -> T:
    try:
        return msgspec.convert(value, kind)
    except msgspec.ValidationError as exc:
        message = str(exc)
        raise invalid(entity, field_of(message), problem_of(message)) from None


# -- the envelope --------------------------------------------------------------------------------
def check_op(op: object) -> Op:
    """The operation's envelope: a known entity and kind, a record id, a clock stamp, fields."""
    name = str(op.get("entity", ""))[:40] if isinstance(op, Mapping) else ""
    checked = _convert(name, op, Op)
    if checked.entity not in ENTITIES:
        raise Refused(Refusal.UNKNOWN_ENTITY, f"unknown entity {checked.entity!r}", entity=checked.entity)
    if checked.kind not in OP_KINDS:
        raise Refused(Refusal.UNKNOWN_KIND, f"unknown kind {checked.kind!r}", kind=checked.kind)
    return checked


# -- one kind of change each ---------------------------------------------------------------------
# JSON-object fields with a shape of their own, checked whole: {(entity, field): type}.
SHAPES: dict[tuple[str, str], type[Struct]] = {
    ("frozen_minutes", "content"): Minutes,
    ("survey_reports", "content"): IssuedReport,
}
# Shaped fields that may be empty ({}): a survey report's re-opening snapshots nothing.
MAY_BE_EMPTY = frozenset({("survey_reports", "content")})


def _objects(entity: Entity, values: Mapping[str, Any]) -> None:
    """JSON-object fields (an audit event's before and after): bounded in size; the new values
    (after) hold no control character. `before` is what was: it may predate that rule. A field
    with a shape (a frozen berita acara) holds exactly that shape."""
    for f in entity.fields:
        if f.kind is not Kind.OBJECT or f.name not in values:
            continue
        value = values[f.name]
        if f.max_length is not None and len(msgspec.json.encode(value)) > f.max_length:
            raise invalid(entity.name, f.name, Problem.TOO_LONG)
        if f.name == "after" and _has_control(value):
            raise invalid(entity.name, f.name, Problem.CONTROL_CHARACTER)
        shape = SHAPES.get((entity.name, f.name))
        if shape is not None and not (value == {} and (entity.name, f.name) in MAY_BE_EMPTY):
            _shaped(entity.name, f.name, value, shape)


def _shaped(entity: str, name: str, value: object, shape: type[Struct]) -> None:
    """`value` has `shape` (the problem found names this field: the path inside is for logs)."""
    try:
        msgspec.convert(value, shape)
    except msgspec.ValidationError as exc:
        raise invalid(entity, name, problem_of(str(exc))) from None


def _has_control(value: object) -> bool:
    if isinstance(value, str):
        return _CONTROL.search(value) is not None
    if isinstance(value, Mapping):
        return any(_has_control(k) or _has_control(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_control(v) for v in value)
    return False


def check_create(entity: Entity, fields: Mapping[str, Any]) -> None:
    _convert(entity.name, fields, create_type(entity.name))
    _objects(entity, fields)


def _settable(entity: Entity, names: set[str], allowed: set[str]) -> None:
    for name in sorted(names - allowed):
        if name in entity.by_name:
            raise Refused(
                Refusal.LOCKED_FIELD,
                f"{entity.name}.{name} cannot be set here",
                entity=entity.name,
                field=name,
            )
        raise invalid(entity.name, name, Problem.UNKNOWN_FIELD)


def check_update(entity: Entity, fields: Mapping[str, Any]) -> UpdateFields:
    checked = _convert(entity.name, fields, UpdateFields)
    _settable(entity, set(checked.set), {f.name for f in entity.fields if f.editable})
    _convert(entity.name, checked.set, update_type(entity.name))
    return checked


def check_transition(entity: Entity, fields: Mapping[str, Any]) -> tuple[Action, TransitionFields]:
    checked = _convert(entity.name, fields, TransitionFields)
    action = entity.actions.get(checked.action)
    if action is None:
        raise invalid(entity.name, "action", Problem.UNKNOWN_VALUE)
    _settable(entity, set(checked.fields), set(entity.registers.get(STATUS, ())))
    _convert(entity.name, checked.fields, register_type(entity.name))
    if checked.fields.get(STATUS, action.target) != action.target:
        raise invalid(entity.name, STATUS, Problem.NOT_ALLOWED)
    for name in sorted(action.requires):
        if checked.fields.get(name) in (None, ""):
            raise invalid(entity.name, name, Problem.REQUIRED)
    return action, checked


def check_delete(entity: Entity, fields: Mapping[str, Any]) -> DeleteFields:
    return _convert(entity.name, fields, DeleteFields)


def check_counter(entity: Entity, fields: Mapping[str, Any]) -> CounterFields:
    """A contributor's whole share of a counter (votes): a counted field of the entity, a key,
    a whole number no larger than the counter may be (a device may also take votes away)."""
    checked = _convert(entity.name, fields, CounterFields)
    total = entity.by_name.get(checked.field)
    if total is None or not total.counter or total.kind is not Kind.INT:
        _settable(entity, {checked.field}, set())
        raise invalid(entity.name, checked.field, Problem.NOT_ALLOWED)
    if total.high is not None and abs(checked.value) > total.high:
        raise invalid(entity.name, checked.field, Problem.OUT_OF_RANGE)
    return checked


def check_restate(entity: Entity, fields: Mapping[str, Any]) -> RestateFields:
    checked = _convert(entity.name, fields, RestateFields)
    _convert(entity.name, checked.data, data_type(entity.name))
    _objects(entity, checked.data)
    known = {CREATED, DELETED, *(entity.register_of(f.name) for f in entity.fields)}
    for register in sorted(set(checked.clocks) - known):
        raise invalid(entity.name, register, Problem.UNKNOWN_FIELD)
    if CREATED not in checked.clocks:
        raise invalid(entity.name, CREATED, Problem.REQUIRED)
    return checked


def check_resolve(entity: Entity, fields: Mapping[str, Any]) -> ResolveFields:
    """A conflict closed: of a register an edit can write (only edits meet concurrently)."""
    checked = _convert(entity.name, fields, ResolveFields)
    if checked.register not in entity.writable_registers:
        raise invalid(entity.name, "register", Problem.UNKNOWN_VALUE)
    return checked


def check_stamp(entity: str, field: str, value: object) -> str:
    try:
        return msgspec.convert(value, StampText)
    except msgspec.ValidationError:
        raise invalid(entity, field, Problem.MALFORMED) from None


# -- a pulled record -----------------------------------------------------------------------------
def check_record(record: object) -> PulledRecord:
    """A pulled record a laptop can store: its data of the right types and values, every field
    that must have a value has one, its clocks are stamps. Lengths are not held against it:
    the server kept it, and refusing it here would hide it from this laptop only."""
    name = str(record.get("entity", ""))[:40] if isinstance(record, Mapping) else ""
    checked = _convert(name, record, PulledRecord)
    if checked.entity in ENTITIES:
        _convert(checked.entity, checked.data, record_type(checked.entity))
    return checked
