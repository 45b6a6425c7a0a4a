"""Counters (votes) on the server: each contributor's whole share, and the total their sum
(domain/counters.py). A device sets only its own share (or, pushing the unsent changes of a
revoked or moved laptop of its office, that laptop's: `authorize.speaks_for`), never one of
a device still at work, of another office or of a device the server does not know; a merged
duplicate's share in its survivor (`merge:<id>`) is the server's own count of it, set when the
merge is applied and kept up to date when the duplicate's count still changes (a vote cast
where the merge was not yet seen).

A share may be negative (a laptop takes away a vote cast on another one), the total never:
a total below zero or above the counter's limit is refused (`invalid_field`, `out_of_range`),
so of two laptops taking away the same last vote, the first to reach the server wins.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from domain import counters
from protocol.entities import STATUS, Entity
from protocol.refusals import Problem, Refusal, Refused, invalid
from protocol.schema import CounterFields
from server_stub.action import Action
from server_stub.authorize import speaks_for
from server_stub.models import Device
from server_stub.registers import AnyRecord, touch

MERGED = "merged"
REJECTED = "rejected"


def _counts_field(entity: Entity, total_field: str) -> str:
    return entity.counters[total_field]


def own_counts(entity: Entity, action: Action, fields: Mapping[str, Any]) -> dict[str, Any]:
    """A new record's counters: only its maker's own contribution (a device speaks for itself;
    a merged duplicate's total is the server's to set)."""
    values: dict[str, Any] = {}
    for total_field, counts_field in entity.counters.items():
        given = fields.get(counts_field) or {}
        counts = {k: v for k, v in given.items() if k == action.maker and _may_set(action, k)}
        values[counts_field], values[total_field] = counts, counters.total(counts)
        _in_range(entity, total_field, values[total_field])
    return values


def _may_set(action: Action, key: str) -> bool:
    return speaks_for(action.batch.session, action.caller, key)


def _in_range(entity: Entity, total_field: str, value: int) -> None:
    """A counter's total stays within its field's range (no negative votes, none beyond the
    limit); each share is checked by `protocol.validate`."""
    f = entity.by_name[total_field]
    if value < (f.low or 0) or (f.high is not None and value > f.high):
        raise invalid(entity.name, total_field, Problem.OUT_OF_RANGE)


def restated_counts(
    entity: Entity, action: Action, record: AnyRecord | None, state: Mapping[str, Any]
) -> dict[str, Any]:
    """Counters re-sent with a record's whole state after the server lost what it had: what the
    server holds stays; a share it lacks is taken from the device (its own always is); then
    merged duplicates' shares are recounted from the server's records (`recount_merged`)."""
    values: dict[str, Any] = {}
    for total_field, counts_field in entity.counters.items():
        held = dict(record.data.get(counts_field) or {}) if record is not None else {}
        for key, value in (state.get(counts_field) or {}).items():
            mine = key == action.caller.device_id
            if (mine or key not in held) and (counters.merged_id(key) or _known_here(action, record, key)):
                held = counters.with_contribution(held, key, value)
        values[counts_field], values[total_field] = held, counters.total(held)
        _in_range(entity, total_field, values[total_field])
    return values


def _known_here(action: Action, record: AnyRecord | None, key: str) -> bool:
    """A share a device may re-send after the server lost it: its own, or that of a device of the
    record's office the server knows (one it pulled from there), never an invented one."""
    if key == action.caller.device_id:
        return True
    device = action.batch.session.get(Device, key)
    unit = record.unit_id if record is not None else action.caller.unit_id
    return device is not None and device.unit_id == unit


def recount_merged(entity: Entity, action: Action, record: AnyRecord) -> None:
    """Every duplicate merged into `record` that the server holds: its share as the server
    counts it (a share of one it does not hold stays as the device sent it)."""
    for total_field, counts_field in entity.counters.items():
        for key in list(record.data.get(counts_field) or {}):
            duplicate_id = counters.merged_id(key)
            duplicate = action.batch.get(record.entity, duplicate_id) if duplicate_id else None
            if duplicate is not None and _merged_into(duplicate) == record.id:
                _set(record, total_field, counts_field, key, _total(duplicate, counts_field))


def count(
    action: Action, entity: Entity, record: AnyRecord, checked: CounterFields, at: Any
) -> list[AnyRecord]:
    """A contributor's whole share of a counter (`counter` operation)."""
    counts_field = _counts_field(entity, checked.field)
    duplicate_id = counters.merged_id(checked.key)
    if duplicate_id is None:
        if not _may_set(action, checked.key):
            raise invalid(entity.name, counts_field, Problem.NOT_ALLOWED)  # another device's share
        _set(record, checked.field, counts_field, checked.key, checked.value)
        _in_range(entity, checked.field, _total(record, counts_field))
    else:
        duplicate = action.batch.get(record.entity, duplicate_id)
        if duplicate is not None and _merged_into(duplicate) == record.id:
            _set(record, checked.field, counts_field, checked.key, _total(duplicate, counts_field))
        record.origin = None  # the device's own count may differ: it fetches the server's
    touch(record, at)
    return [record, *_carry_into_survivors(action, entity, record)]


def merge_votes(
    action: Action, entity: Entity, duplicate: AnyRecord, register: Mapping[str, Any]
) -> list[AnyRecord]:
    """A merge moves the duplicate's votes into its survivor. The survivor's life cycle belongs
    to the merge: one another laptop merged or rejected meanwhile refuses it (the server's
    state decides, not what the merging laptop saw)."""
    survivor_id = register.get("merged_into_id")
    survivor = action.batch.get(duplicate.entity, survivor_id) if survivor_id else None
    if survivor is None or survivor.deleted:
        raise Refused(
            Refusal.UNKNOWN_RECORD,
            f"{duplicate.entity} {survivor_id} is not on the server",
            entity=duplicate.entity,
            id=str(survivor_id),
        )
    status = str(survivor.data.get(STATUS))
    if status in (MERGED, REJECTED):
        raise Refused(
            Refusal.STALE_TRANSITION,
            f"cannot merge into a recommendation that is {status}",
            entity=survivor.entity,
            id=survivor.id,
            action="merge",
            status=status,
        )
    for total_field, counts_field in entity.counters.items():
        key = counters.merge_key(duplicate.id)
        _set(survivor, total_field, counts_field, key, _total(duplicate, counts_field))
        _in_range(entity, total_field, _total(survivor, counts_field))
    survivor.origin = None
    return [survivor]


def _total(record: AnyRecord, counts_field: str) -> int:
    return counters.total(record.data.get(counts_field))


def _set(record: AnyRecord, total_field: str, counts_field: str, key: str, value: int) -> None:
    counts = counters.with_contribution(record.data.get(counts_field), key, value)
    record.data = {**record.data, counts_field: counts, total_field: counters.total(counts)}


def _merged_into(record: AnyRecord) -> str | None:
    if record.data.get(STATUS) != MERGED:
        return None
    target = record.data.get("merged_into_id")
    return str(target) if target else None


def _carry_into_survivors(action: Action, entity: Entity, record: AnyRecord) -> list[AnyRecord]:
    """A duplicate's count changed after it was merged (a vote cast elsewhere before the merge was
    seen): its survivor's `merge:` share follows, and so on up a chain of merges. A duplicate
    merged before shares were kept apart has no share: its votes are in the survivor's "carried"."""
    touched: list[AnyRecord] = []
    current, visited = record, {record.id}
    while (target_id := _merged_into(current)) is not None and target_id not in visited:
        survivor = action.batch.get(current.entity, target_id)
        key = counters.merge_key(current.id)
        if survivor is None:
            break
        changed = False
        for total_field, counts_field in entity.counters.items():
            if key in (survivor.data.get(counts_field) or {}):
                _set(survivor, total_field, counts_field, key, _total(current, counts_field))
                changed = True
        if not changed:
            break
        survivor.origin = None
        touched.append(survivor)
        visited.add(target_id)
        current = survivor
    return touched
