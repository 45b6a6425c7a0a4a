"""Counters (votes) on the server: each contributor's whole share, and the total their sum
(desktop/counters.py). A device sets only its own share; a merged duplicate's share in its
survivor (`merge:<id>`) is the server's own count of it, set when the merge is applied and kept
up to date when the duplicate's count still changes (a vote cast where the merge was not seen).
"""

from __future__ import annotations

from typing import Any, cast

from desktop import counters
from desktop.models import Synced
from desktop.vocab import RecStatus
from server_stub.records import Action, AnyRecord, Caller, Rejected, touch

MAX_CONTRIBUTION = 100_000  # one device's votes on one recommendation (the desktop's own limit)


def own_counts(model: type[Synced], caller: Caller, fields: dict[str, Any]) -> dict[str, Any]:
    """A new record's counters: only the creating device's own contribution (a device speaks for
    itself; a merged duplicate's total is the server's to set)."""
    values: dict[str, Any] = {}
    for total_field, counts_field in model.__counters__.items():
        counts = fields.get(counts_field)
        mine = counts.get(caller.device_id, 0) if isinstance(counts, dict) else 0
        if not _is_contribution(mine):
            raise Rejected(
                f"{counts_field} holds no valid contribution",
                "invalid_field",
                {"entity": model.__tablename__, "field": counts_field, "problem": "range"},
            )
        values[counts_field] = counters.with_contribution({}, caller.device_id, mine)
        values[total_field] = counters.total(values[counts_field])
    return values


def _is_contribution(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) <= MAX_CONTRIBUTION


def count(
    action: Action, model: type[Synced], record: AnyRecord, fields: dict[str, Any], at: Any
) -> list[AnyRecord]:
    """A contributor's whole share of a counter. A device sets only its own (or, pushing the
    unsent changes of another laptop of its unit, that laptop's); a `merge:<id>` share is the
    server's count of that duplicate (whatever the device believed it was)."""
    name, key, value = fields.get("field"), fields.get("key"), fields.get("value")
    counts_field = model.__counters__.get(str(name))
    if counts_field is None or not isinstance(key, str) or not _is_contribution(value):
        raise Rejected(
            "a counter needs a counted field, a key and a contribution",
            "invalid_field",
            {"entity": record.entity, "field": str(name), "problem": "counter"},
        )
    duplicate_id = counters.merged_id(key)
    if duplicate_id is None:
        if key not in (action.caller.device_id, action.maker):
            raise Rejected(
                "a device sets only its own contribution",
                "invalid_field",
                {"entity": record.entity, "field": counts_field, "problem": "key"},
            )
        _set_contribution(record, model, key, cast(int, value))
    else:
        duplicate = action.scope.get(record.entity, duplicate_id)
        if duplicate is not None and _merged_into(duplicate) == record.id:
            _set_contribution(record, model, key, _total(duplicate, model))
        record.origin = None  # the device's own count may differ: it fetches the server's
    touch(record, at)
    return [record, *_carry_into_survivors(action, model, record)]


def _total(record: AnyRecord, model: type[Synced]) -> int:
    counts_field = next(iter(model.__counters__.values()))
    return counters.total(record.data.get(counts_field))


def _set_contribution(record: AnyRecord, model: type[Synced], key: str, value: int) -> None:
    total_field, counts_field = next(iter(model.__counters__.items()))
    counts = counters.with_contribution(record.data.get(counts_field), key, value)
    record.data = {**record.data, counts_field: counts, total_field: counters.total(counts)}


def _merged_into(record: AnyRecord) -> str | None:
    if record.data.get("status") != RecStatus.MERGED.value:
        return None
    target = record.data.get("merged_into_id")
    return str(target) if target else None


def _carry_into_survivors(action: Action, model: type[Synced], record: AnyRecord) -> list[AnyRecord]:
    """A duplicate's count changed after it was merged (a vote cast elsewhere before the merge was
    seen): its survivor's `merge:` share follows, and so on up a chain of merges. A duplicate
    merged before shares were kept apart has no share: its votes are in the survivor's "carried"."""
    touched: list[AnyRecord] = []
    current, visited = record, {record.id}
    while (target_id := _merged_into(current)) is not None and target_id not in visited:
        survivor = action.scope.get(current.entity, target_id)
        key = counters.merge_key(current.id)
        counts_field = next(iter(model.__counters__.values()))
        if survivor is None or key not in (survivor.data.get(counts_field) or {}):
            break
        _set_contribution(survivor, model, key, _total(current, model))
        survivor.origin = None
        touched.append(survivor)
        visited.add(target_id)
        current = survivor
    return touched


def merge_votes(
    action: Action, model: type[Synced], duplicate: AnyRecord, register: dict[str, Any]
) -> list[AnyRecord]:
    """A merge moves the duplicate's votes into its survivor, which must be a live
    recommendation of the same forum that is neither merged nor rejected (checked here, with
    the server's state: another laptop may have changed it)."""
    survivor_id = register.get("merged_into_id")
    survivor = action.scope.get(duplicate.entity, survivor_id) if isinstance(survivor_id, str) else None
    if (
        survivor is None
        or survivor.deleted
        or survivor.unit_id != duplicate.unit_id
        or survivor.id == duplicate.id
    ):
        raise Rejected(
            "a recommendation is merged into another live recommendation of its unit",
            "unknown_record",
            {"entity": duplicate.entity, "id": str(survivor_id)},
        )
    if survivor.data.get("forum_id") != duplicate.data.get("forum_id"):
        raise Rejected(
            "only recommendations of the same forum can be merged",
            "invalid_field",
            {"entity": duplicate.entity, "field": "merged_into_id", "problem": "another forum"},
        )
    status = str(survivor.data.get("status"))
    if status in (RecStatus.MERGED.value, RecStatus.REJECTED.value):
        raise Rejected(
            f"cannot merge into a recommendation that is {status}",
            "stale_transition",
            {"entity": survivor.entity, "id": survivor.id, "action": "merge", "status": status},
        )
    _set_contribution(survivor, model, counters.merge_key(duplicate.id), _total(duplicate, model))
    survivor.origin = None
    return [survivor]
