"""What applying one push works on: the caller, the records it touches, and the memory of one
user action's records, which restores them if the action is refused (in memory: a push applies
op by op without a savepoint per operation, and an action stays all or none)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from server_stub.models import Record
from server_stub.stamps import Stamps


@dataclass(frozen=True)
class Caller:
    device_id: str
    unit_id: str
    ops_high: int = 0  # the highest operation number applied from this device


class Rejected(Exception):
    """An operation the server will not apply: a refusal code and its parameters go back to the
    device (which words them in its user's language), the message to the logs."""

    def __init__(self, message: str, code: str = "malformed", params: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.params = params or {}


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
Records = dict[Key, AnyRecord]
_STATE = ("data", "clocks", "conflicts", "deleted", "to_unit_id", "origin", "seq")


class ActionRecords:
    """The records one action reads and writes, each remembered as it was before the action, so
    a refusal restores them (in memory: no savepoint per operation)."""

    def __init__(self, session: Session, records: Records, looked_up: set[Key]) -> None:
        self.session = session
        self.records = records  # the push's records, shared by its actions
        self.looked_up = looked_up  # keys the push already looked for in the database
        self.saved: dict[Key, dict[str, Any] | None] = {}

    def get(self, entity: str, record_id: object) -> AnyRecord | None:
        """A record of this push (new or already loaded), or one from the database, locked."""
        key = (entity, str(record_id))
        record = self.records.get(key)
        if record is None and key not in self.looked_up:
            self.looked_up.add(key)
            record = self.session.get(Record, key, with_for_update=True)
            if record is not None:
                self.records[key] = record
        self._remember(key, record)
        return record

    def add(self, record: NewRecord) -> None:
        key = (record.entity, record.id)
        self._remember(key, self.records.get(key))
        self.records[key] = record

    def _remember(self, key: Key, record: AnyRecord | None) -> None:
        if key not in self.saved:
            self.saved[key] = None if record is None else {name: getattr(record, name) for name in _STATE}

    def rollback(self) -> None:
        """Every record as it was before the action; records it created are gone again."""
        for key, state in self.saved.items():
            if state is None:
                self.records.pop(key, None)
                continue
            record = self.records[key]
            for name, value in state.items():
                if getattr(record, name) != value:
                    setattr(record, name, value)


@dataclass
class Action:
    """What one operation needs besides itself: who pushes, the action's records, the clock."""

    caller: Caller
    scope: ActionRecords
    stamps: Stamps
    restamped: bool = False
    maker: str = ""  # the device that made the operation (its stamp's node): the caller, or a
    # laptop whose unsent changes the caller imported

    def restamp(self, stamp: str) -> str:
        self.restamped = True
        return self.stamps.restamp(stamp)


def visible_to(caller: Caller, record: AnyRecord) -> bool:
    """Whether the caller's device may see the record (DESIGN.md sync step 8)."""
    return record.unit_id == caller.unit_id or (
        record.entity == "escalations" and record.to_unit_id == caller.unit_id
    )


def touch(record: AnyRecord, at: Any) -> None:
    """The record's `updated_at` is its latest change's time (data, not a register: the clocks
    stay exactly those the devices keep)."""
    if at and (not record.data.get("updated_at") or str(at) > str(record.data.get("updated_at"))):
        record.data = {**record.data, "updated_at": at}
