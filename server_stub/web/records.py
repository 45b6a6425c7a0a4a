"""What the web pages read of the synced records the server holds (`records`): the live records
of some units, by entity, as plain field dictionaries with their id. Read-only."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.entities import ENTITIES
from server_stub.models import Record, ServerUnit

Fields = dict[str, Any]


def live(session: Session, unit_ids: Collection[str], entities: Iterable[str]) -> dict[str, list[Fields]]:
    """The records of `entities` the units own, not deleted: entity → [fields with "id" and its
    owner as "_unit"], each field the protocol added later given its default when the record
    predates it."""
    wanted = list(entities)
    found: dict[str, list[Fields]] = defaultdict(list)
    if not unit_ids:
        return found
    rows = session.execute(
        select(Record.entity, Record.id, Record.unit_id, Record.data).where(
            Record.unit_id.in_(list(unit_ids)), Record.entity.in_(wanted), Record.deleted.is_(False)
        )
    )
    defaults = {name: _added(name) for name in wanted}
    for entity, record_id, owner, data in rows:
        found[entity].append({**defaults[entity], **data, "id": record_id, "_unit": owner})
    return found


def _added(entity: str) -> Fields:
    return {f.name: f.added_default for f in ENTITIES[entity].fields if f.added}


def unit_by_code(session: Session, code: str) -> ServerUnit | None:
    return session.scalars(select(ServerUnit).where(ServerUnit.code == code.strip().upper())).first()


def unit_fields(session: Session, unit_id: str) -> Fields:
    """The unit's synced record (its names, its settings)."""
    record = session.get(Record, ("units", unit_id))
    return {**_added("units"), **(record.data if record is not None else {})}


def subtree(session: Session, top_id: str) -> list[ServerUnit]:
    """Every unit below `top_id`, however deep (not the unit itself), in code order."""
    units = list(session.scalars(select(ServerUnit)))
    children: dict[str | None, list[ServerUnit]] = defaultdict(list)
    for unit in units:
        children[unit.parent_id].append(unit)
    below: dict[str, ServerUnit] = {}
    waiting = list(children[top_id])
    while waiting:
        unit = waiting.pop()
        if unit.id in below or unit.id == top_id:  # a loop in the tree stops here
            continue
        below[unit.id] = unit
        waiting.extend(children[unit.id])
    return sorted(below.values(), key=lambda u: u.code)
