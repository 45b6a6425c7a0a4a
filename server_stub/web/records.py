"""What the web pages read of the synced records the server holds (`records`): the live records
of some units, by entity, as plain field dictionaries with their id. Read-only."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from sqlalchemy import Text, cast, select
from sqlalchemy.orm import Session

from protocol import jsontext
from protocol.entities import ENTITIES
from server_stub.models import Record, ServerUnit

Fields = dict[str, Any]


def live(session: Session, unit_ids: Collection[str], entities: Iterable[str]) -> dict[str, list[Fields]]:
    """The records of `entities` the units own, not deleted: entity → [fields with "id" and its
    owner as "_unit"], each field the protocol added later given its default when the record
    predates it."""
    found: dict[str, list[Fields]] = defaultdict(list)
    if not unit_ids:
        return found
    for entity in entities:
        defaults = _added(entity)
        found[entity] = [
            {**defaults, **data, "id": record_id, "_unit": owner}
            for owner, record_id, data in _raw(session, unit_ids, entity)
        ]
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


def _raw(session: Session, unit_ids: Collection[str], entity: str) -> Iterator[tuple[str, str, Fields]]:
    """(owner, id, fields) of the live records: the JSON text decoded here (orjson), several
    times faster than the database extracting fields from it, or than a JSON column's own
    processing, for the tens of thousands of records a parent office's units hold."""
    statement = select(Record.unit_id, Record.id, cast(Record.data, Text)).where(
        Record.unit_id.in_(list(unit_ids)), Record.entity == entity, Record.deleted.is_(False)
    )
    for owner, record_id, text in session.execute(statement):
        yield owner, record_id, jsontext.loads(text)


def projected(
    session: Session, unit_ids: Collection[str], entity: str, fields: Iterable[str]
) -> list[Fields]:
    """Only `fields` of the live records (missing ones None), with "id" and "_unit"."""
    names = tuple(fields)
    return [
        {"_unit": owner, "id": record_id, **{n: data.get(n) for n in names}}
        for owner, record_id, data in _raw(session, unit_ids, entity)
    ]


def counted(session: Session, unit_ids: Collection[str], entity: str, fields: Iterable[str]) -> list[Fields]:
    """How many live records share each combination of `fields` ("n"), per unit ("_unit")."""
    names = tuple(fields)
    found: Counter[tuple[Any, ...]] = Counter(
        (owner, *(data.get(n) for n in names)) for owner, _id, data in _raw(session, unit_ids, entity)
    )
    return [{"_unit": key[0], **dict(zip(names, key[1:], strict=True)), "n": n} for key, n in found.items()]


def summed(
    session: Session, unit_ids: Collection[str], entity: str, by: str, numbers: Iterable[str]
) -> list[Fields]:
    """Per value of `by`: how many live records ("n") and the sum of each of `numbers`."""
    names = tuple(numbers)
    totals: dict[Any, Fields] = {}
    for _owner, _id, data in _raw(session, unit_ids, entity):
        into = totals.setdefault(data.get(by), {by: data.get(by), "n": 0, **dict.fromkeys(names, 0)})
        into["n"] += 1
        for n in names:
            into[n] += int(data.get(n) or 0)
    return list(totals.values())
