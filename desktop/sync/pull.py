"""Applying a page of pulled records: the server's state of each record replaces ours.

Runs with the journal guard off (these changes come from elsewhere and are not ours to push)
and with foreign keys unchecked: a page may hold a record before the parent it points to,
which a later page brings. The checkpoint advances in the same transaction as the page.
Rows are written in bulk, one statement per entity and kind, not one by one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from desktop import search
from desktop.hlc import HybridClock, Stamp
from desktop.models import MODEL_BY_TABLE, Conflict, DeviceState
from desktop.sync.protocol import row_values

META_TIMES = ("created_at", "updated_at")


def _values(model: Any, record: dict[str, Any]) -> dict[str, Any]:
    data = dict(record["data"])
    values = row_values(model, data)
    for meta in META_TIMES:
        if data.get(meta):
            values[meta] = datetime.fromisoformat(str(data[meta]))
    values.update(
        id=record["id"], unit_id=record["unit_id"], deleted=bool(record["deleted"]), clocks=record["clocks"]
    )
    return values


def _keep_conflicts(session: Session, records: list[dict[str, Any]]) -> None:
    for record in records:
        for found in record.get("conflicts") or ():
            session.merge(
                Conflict(
                    entity=record["entity"],
                    entity_id=record["id"],
                    register=str(found["register"]),
                    loser_hlc=str(found["loser_hlc"]),
                    winner=found["winner"],
                    loser=found["loser"],
                    winner_hlc=str(found["winner_hlc"]),
                    at=str(found.get("at") or ""),
                )
            )


def apply_page(session: Session, clock: HybridClock, page: dict[str, Any]) -> int:
    by_entity: dict[str, list[dict[str, Any]]] = {}
    newest = ""
    for record in page["records"]:
        if record["entity"] in MODEL_BY_TABLE:  # an entity this version does not know: a newer server's
            by_entity.setdefault(record["entity"], []).append(record)
        newest = max([newest, *(str(v) for v in record["clocks"].values())])
    for entity, records in by_entity.items():
        model = MODEL_BY_TABLE[entity]
        ids = [r["id"] for r in records]
        # What we hold already: a record whose clocks and tombstone match has not changed (our
        # own changes come back this way), so it is not written again.
        held = {
            row.id: (row.clocks, row.deleted)
            for row in session.execute(select(model.id, model.clocks, model.deleted).where(model.id.in_(ids)))
        }
        changed = [r for r in records if held.get(r["id"]) != (r["clocks"], bool(r["deleted"]))]
        rows = [_values(model, r) for r in changed]
        fresh = [row for row in rows if row["id"] not in held]
        known = [row for row in rows if row["id"] in held]
        # A field the server's copy lacks (added by a newer app after the record was made)
        # takes its default, so every new row has every column.
        defaults = model.field_defaults() if fresh else {}
        for row in fresh:
            for name, value in defaults.items():
                row.setdefault(name, value)
        # A Core insert: the ORM's bulk path costs as much again as SQLite's own work.
        search.insert_rows(session, cast(Table, model.__table__), fresh)
        if known:
            session.execute(update(model), known)  # bulk update by primary key
    _keep_conflicts(session, page["records"])
    if newest:
        clock.observe(Stamp.decode(newest))
    state = session.get(DeviceState, 1)
    if state is not None:
        state.checkpoint = int(page["next"])
        state.last_hlc = max(state.last_hlc, clock.last.encode())
    return len(page["records"])
