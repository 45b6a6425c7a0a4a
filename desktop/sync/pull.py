"""Applying a page of pulled records: the server's state of each record replaces ours.

Runs with the journal guard off (these changes come from elsewhere and are not ours to push)
and with foreign keys unchecked: a page may hold a record before the parent it points to,
which a later page brings. The checkpoint advances in the same transaction as the page.
Rows are written in bulk, one statement per entity and kind, not one by one.
A record this laptop cannot store (a value of the wrong type, a missing field: written before
the server checked everything, or by a newer one) is set aside, logged and counted; the rest
of the page applies.

Counters (votes) are the server's contributions plus this device's contributions still queued
(a laptop shows the server's total plus its unpushed change). A record is skipped when its
clocks, tombstone, counters and time of change equal ours (our own changes come back this way).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from desktop.models import MODEL_BY_TABLE, Conflict, DeviceState, OutboxOp, Synced
from desktop.store import search
from desktop.store.wire_values import row_values
from domain import counters
from protocol.hlc import HybridClock, Stamp
from protocol.refusals import Refused
from protocol.validate import check_record

META_TIMES = ("created_at", "updated_at")
CONFLICT_KEYS = ("register", "loser_hlc", "winner", "loser", "winner_hlc")
log = logging.getLogger("mufakat.sync")


@dataclass
class Applied:
    pulled: int = 0  # records of the page
    set_aside: int = 0  # of those, records this laptop could not store


def _set_aside(record: object, why: object) -> None:
    entity, record_id = (record.get("entity"), record.get("id")) if isinstance(record, dict) else ("?", "?")
    log.warning("a pulled record cannot be stored here and is set aside: %s %s (%s)", entity, record_id, why)


def _values(model: Any, record: dict[str, Any]) -> dict[str, Any]:
    data = dict(record["data"])
    values = row_values(model, data)
    for meta in META_TIMES:
        if data.get(meta):
            values[meta] = datetime.fromisoformat(str(data[meta]))
    values.update(
        id=record["id"], unit_id=record["unit_id"], deleted=bool(record["deleted"]), clocks=record["clocks"]
    )
    # A field the server's copy lacks (added by a newer app after the record was made) takes
    # its default; without one it may be null (check_record allowed it).
    for name, default in model.field_defaults().items():
        values.setdefault(name, default)
    return values


def _keep_conflicts(session: Session, records: list[dict[str, Any]]) -> None:
    """Every conflict the server sends is kept (a restored server may have lost some: this
    laptop never forgets one it has seen); one the server marks dismissed is closed here too."""
    for record in records:
        for found in record.get("conflicts") or ():
            if not isinstance(found, dict) or not all(k in found for k in CONFLICT_KEYS):
                log.warning("a conflict of %s %s cannot be read: skipped", record["entity"], record["id"])
                continue
            key = (record["entity"], record["id"], str(found["register"]), str(found["loser_hlc"]))
            held = session.get(Conflict, key)
            if held is None:
                held = Conflict(
                    entity=key[0],
                    entity_id=key[1],
                    register=key[2],
                    loser_hlc=key[3],
                    winner=found["winner"],
                    loser=found["loser"],
                    winner_hlc=str(found["winner_hlc"]),
                    at=str(found.get("at") or ""),
                    dismissed=False,
                )
                session.add(held)
            if found.get("dismissed"):
                held.dismissed = True


def _queued_counts(
    session: Session, state: DeviceState | None, entity: str, ids: list[str]
) -> dict[str, dict[str, int]]:
    """This device's contributions still queued, per record: the latest queued value of each key.
    A vote made on a restored copy of this device's folder is left out until it is corrected
    by what the server holds (desktop/sync/settle.py)."""
    restored_below = state.restored_below if state is not None else 0
    own = state.device_id if state is not None else ""
    queued: dict[str, dict[str, int]] = {}
    rows = session.execute(
        select(OutboxOp.entity_id, OutboxOp.fields, OutboxOp.device_seq)
        .where(OutboxOp.kind == "counter", OutboxOp.entity == entity, OutboxOp.entity_id.in_(ids))
        .order_by(OutboxOp.device_seq)
    )
    for entity_id, fields, device_seq in rows:
        key = str(fields.get("key"))
        if key == own and device_seq <= restored_below:
            continue
        queued.setdefault(entity_id, {})[key] = int(fields.get("value") or 0)
    return queued


def _with_counts(model: type[Synced], values: dict[str, Any], queued: dict[str, int]) -> dict[str, Any]:
    for total_field, counts_field in model.__counters__.items():
        counts = dict(values.get(counts_field) or {})
        for key, value in queued.items():
            counts = counters.with_contribution(counts, key, value)
        values[counts_field], values[total_field] = counts, counters.total(counts)
    return values


def _state(model: type[Synced], values: dict[str, Any]) -> tuple[Any, ...]:
    """What tells a record changed: clocks, tombstone, counters, and the time of its latest change
    (a change made here while a pull overwrote the record may have come back later)."""
    counts = (values[c] for c in model.__counters__.values())
    return (values["clocks"], bool(values["deleted"]), values.get("updated_at"), *counts)


def apply_page(session: Session, clock: HybridClock, page: dict[str, Any]) -> Applied:
    by_entity: dict[str, list[dict[str, Any]]] = {}
    newest = ""
    state = session.get(DeviceState, 1)
    result = Applied(pulled=len(page["records"]))
    for record in page["records"]:
        try:
            check_record(record)
        except Refused as exc:
            _set_aside(record, exc.params)
            result.set_aside += 1
            continue
        if record["entity"] in MODEL_BY_TABLE:  # an entity this version does not know: a newer server's
            by_entity.setdefault(record["entity"], []).append(record)
        newest = max([newest, *(str(v) for v in record["clocks"].values())])
    for entity, records in by_entity.items():
        model = MODEL_BY_TABLE[entity]
        ids = [r["id"] for r in records]
        counted = [getattr(model, c) for c in model.__counters__.values()]
        # What we hold already: a record whose clocks, tombstone and counters match has not
        # changed (our own changes come back this way), so it is not written again.
        held = {
            row.id: tuple(row)[1:]
            for row in session.execute(
                select(model.id, model.clocks, model.deleted, model.updated_at, *counted).where(
                    model.id.in_(ids)
                )
            )
        }
        queued = _queued_counts(session, state, entity, ids) if counted else {}
        rows = []
        for r in records:
            try:
                values = _with_counts(model, _values(model, r), queued.get(r["id"], {}))
            except (ValueError, TypeError) as exc:
                _set_aside(r, exc)
                result.set_aside += 1
                continue
            if held.get(values["id"]) != _state(model, values):
                rows.append(values)
        fresh = [row for row in rows if row["id"] not in held]
        known = [row for row in rows if row["id"] in held]
        # A Core insert: the ORM's bulk path costs as much again as SQLite's own work.
        search.insert_rows(session, cast(Table, model.__table__), fresh)
        if known:
            session.execute(update(model), known)  # bulk update by primary key
    _keep_conflicts(session, [r for records in by_entity.values() for r in records])
    if newest:
        clock.observe(Stamp.decode(newest))  # never refused: the server accepted it
    if state is not None:
        state.checkpoint = int(page["next"])
        state.last_hlc = max(state.last_hlc, newest)  # the newest stamp seen, for a restart
    return result
