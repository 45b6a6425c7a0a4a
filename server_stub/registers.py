"""Records as a push works on them, and their registers: last writer wins, register by register
(DESIGN.md sync step 5); concurrent edits keep the value that lost.

A push applies the operations of one user action all or none (DESIGN.md 6b): the batch remembers
each record an action reads or writes as it was before the action, and puts them back if one of
its operations is refused (in memory: no savepoint per operation)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any

from sqlalchemy.orm import Session

from protocol.entities import CREATED, Entity
from server_stub.models import Record
from server_stub.visibility import addressee

Key = tuple[str, str]


@dataclass
class NewRecord:
    """A record first seen in this push. Kept as plain data and inserted in one statement at the
    end (building ORM objects for thousands of new records was most of a push's time)."""

    entity: str
    id: str
    unit_id: str
    to_unit_id: str | None
    seq: int
    deleted: bool
    data: dict[str, Any]
    clocks: dict[str, Any]
    conflicts: list[dict[str, Any]]
    origin: str | None


AnyRecord = Record | NewRecord


def new_record(
    entity: Entity, record_id: str, fields: dict[str, Any], clocks: dict[str, Any], origin: str, batch: Batch
) -> NewRecord:
    """A record made from a create's (or a restate's) fields, every field of the entity (one
    added to it later, which an older app's operation lacks, takes its `added_default`)."""
    data = {f.name: fields[f.name] if f.name in fields or not f.added else f.added_default for f in entity.fields}
    escalation_of = partial(batch.get, "escalations")
    return NewRecord(
        entity=entity.name,
        id=record_id,
        unit_id=str(fields["unit_id"]),
        to_unit_id=addressee(entity.name, data, escalation_of),
        seq=0,
        deleted=False,
        data={**data, "created_at": fields["created_at"], "updated_at": fields["at"]},
        clocks=clocks,
        conflicts=[],
        origin=origin,
    )


_STATE = ("data", "clocks", "conflicts", "deleted", "to_unit_id", "origin", "seq")


class Batch:
    """The records a push touches or refers to: loaded up front, locked until it commits, and
    those it creates; any other is read (and locked) on first use. Each one handed out during
    an action is remembered as it was before it (`begin`, `rollback`)."""

    def __init__(self, session: Session, records: dict[Key, AnyRecord]) -> None:
        self.session = session
        self.records = records
        self.saved: dict[Key, dict[str, Any] | None] = {}

    def begin(self) -> None:
        """A new user action: nothing of it to undo yet."""
        self.saved = {}

    def held(self, entity: str, record_id: object) -> AnyRecord | None:
        """A record of this push (loaded up front, or new), without asking the database."""
        key = (entity, str(record_id))
        record = self.records.get(key)
        self._remember(key, record)
        return record

    def get(self, entity: str, record_id: object) -> AnyRecord | None:
        key = (entity, str(record_id))
        if key not in self.records:
            found = self.session.get(Record, key, with_for_update=True)
            if found is None:
                return None
            self.records[key] = found
        self._remember(key, self.records[key])
        return self.records[key]

    def add(self, record: NewRecord) -> None:
        key = (record.entity, record.id)
        self._remember(key, self.records.get(key))
        self.records[key] = record

    def _remember(self, key: Key, record: AnyRecord | None) -> None:
        if key not in self.saved:
            self.saved[key] = None if record is None else {name: getattr(record, name) for name in _STATE}

    def rollback(self) -> list[AnyRecord]:
        """Every record as it was before the action; records it created are gone again. Returns
        the records that existed before it (the refusing device gets them again)."""
        before = []
        for key, state in self.saved.items():
            if state is None:
                self.records.pop(key, None)
                continue
            record = self.records[key]
            for name, value in state.items():
                if getattr(record, name) != value:
                    setattr(record, name, value)
            before.append(record)
        self.saved = {}
        return before

    def created(self) -> list[NewRecord]:
        return [r for r in self.records.values() if isinstance(r, NewRecord)]


def current(record: AnyRecord, register: str) -> str:
    """The stamp of the register's last change (the creation stamp if it never changed)."""
    clocks = record.clocks or {}
    return str(clocks.get(register) or clocks.get(CREATED) or "")


MAX_CONFLICTS = 20


def note_conflicts(
    entity: Entity, record: AnyRecord, values: dict[str, Any], base: dict[str, str], stamp: str, at: str
) -> None:
    """An edit made on top of a value that has changed since (its base is not the register's
    current clock) is concurrent with that change: whichever loses is kept, with the winner."""
    by_register: dict[str, list[str]] = {}
    for name in values:
        by_register.setdefault(entity.register_of(name), []).append(name)
    found = []
    for register, names in by_register.items():
        now = current(record, register)
        known = str(base.get(register) or "")
        if not known or known == now:
            continue  # made on top of the latest value: an ordinary edit
        ours = {n: values[n] for n in names}
        theirs = {n: record.data.get(n) for n in names}
        if ours == theirs:
            continue
        incoming_wins = stamp > now
        found.append(
            {
                "register": register,
                "winner": ours if incoming_wins else theirs,
                "winner_hlc": stamp if incoming_wins else now,
                "loser": theirs if incoming_wins else ours,
                "loser_hlc": now if incoming_wins else stamp,
                "at": at,
            }
        )
    if found:
        record.conflicts = _bounded([*(record.conflicts or []), *found])


def _bounded(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """At most MAX_CONFLICTS: the oldest closed ones go first, then the oldest open ones."""
    surplus = len(entries) - MAX_CONFLICTS
    if surplus <= 0:
        return entries
    closed = {n for n, entry in enumerate(entries) if entry.get("dismissed")}
    dropped = set(sorted(closed)[:surplus])
    kept = [entry for n, entry in enumerate(entries) if n not in dropped]
    return kept[-MAX_CONFLICTS:]


def bump_clock(record: AnyRecord, register: str, stamp: str, at: Any) -> None:
    clocks = dict(record.clocks or {})
    if stamp > current(record, register):
        clocks[register] = stamp
        record.clocks = clocks
    touch(record, at)


def touch(record: AnyRecord, at: Any) -> None:
    """The record's `updated_at` is its latest change's time (data, not a register: the clocks
    stay exactly those the devices keep)."""
    if at and (not record.data.get("updated_at") or str(at) > str(record.data.get("updated_at"))):
        record.data = {**record.data, "updated_at": at}


def merge(entity: Entity, record: AnyRecord, values: dict[str, Any], stamp: str, at: Any) -> bool:
    """Last writer wins, register by register; True if a register took the values."""
    data = dict(record.data)
    clocks = dict(record.clocks or {})
    by_register: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        by_register.setdefault(entity.register_of(name), {})[name] = value
    taken = False
    for register, changes in by_register.items():
        if stamp > current(record, register):
            data.update(changes)
            clocks[register] = stamp
            taken = True
    record.data = data
    record.clocks = clocks
    touch(record, at)
    return taken
