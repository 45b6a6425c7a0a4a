"""Recording every change: the domain row, its audit event and its outbox operations together.

Services never set attributes of a synced row themselves; they ask the `Journal`, which
stamps the change with the hybrid logical clock, updates the row's per-register clocks, appends
an `AuditEvent` and the outbox operations, all in the caller's transaction. A `before_flush`
guard refuses any change to a synced row that did not go through here, so "every change has
its audit event and outbox entry" holds by construction, not by discipline.

One transaction is one user action: every operation it queues carries the same `action_id`
(taken from the transaction, so several `Journal` objects of one action share it), and the
server applies them all or none. A bulk action on N items is N actions: the service calls
`start_action` before each item.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable
from datetime import date, datetime, time
from typing import Any, TypeVar, cast

from sqlalchemy import Table, event, inspect, select
from sqlalchemy.orm import Session, UOWTransaction

from desktop.core.errors import ProgrammingError
from desktop.models import AuditEvent, DeviceState, ExampleUnit, OutboxOp, Synced
from desktop.models.base import META_COLUMNS
from desktop.services import acting
from desktop.services.context import Context
from domain import counters
from protocol.ids import new_id
from protocol.messages import QueuedOp, new_op, queued
from protocol.version import MAX_OPS_PER_PUSH

S = TypeVar("S", bound=Synced)
CREATED = Synced.CREATED_CLOCK
STATUS = "status"  # the register every life cycle lives in
_AUDIT = cast(Table, AuditEvent.__table__)
_OUTBOX = cast(Table, OutboxOp.__table__)
_RECORDED = "mufakat.journaled"
_ACTION = "mufakat.action"
_ACTION_OPS = "mufakat.action_ops"
_EXAMPLES = "mufakat.example_units"
_SEEN = "mufakat.seen"
REMOTE_APPLY = "mufakat.remote_apply"
# An action travels in one push (a push batch never splits one): no action may be larger.
MAX_OPS_PER_ACTION = MAX_OPS_PER_PUSH


def start_action(session: Session) -> str:
    """Begin a new user action in this transaction (one item of a bulk action); returns its id.
    Operations queued from now on belong to it, not to the action before."""
    session.info[_ACTION] = action_id = new_id()
    session.info[_ACTION_OPS] = 0
    return action_id


def _action_of(session: Session, ops: int) -> str:
    """The id of the transaction's current action, counting `ops` more operations into it."""
    if _ACTION not in session.info:
        start_action(session)
    session.info[_ACTION_OPS] += ops
    if session.info[_ACTION_OPS] > MAX_OPS_PER_ACTION:
        raise ProgrammingError(
            f"one user action queued more than {MAX_OPS_PER_ACTION} operations; "
            "a bulk action must call start_action() for each item"
        )
    return str(session.info[_ACTION])


def example_units(session: Session) -> set[str]:
    """The units of the sample forum loaded beside the office's own (read once per session)."""
    if _EXAMPLES not in session.info:
        session.info[_EXAMPLES] = set(session.scalars(select(ExampleUnit.unit_id)))
    return cast(set[str], session.info[_EXAMPLES])


def seen(session: Session) -> int:
    """This laptop's pull checkpoint (read once per transaction): what it had learned from the
    server when it made the transaction's operations (protocol.users)."""
    if _SEEN not in session.info:
        session.info[_SEEN] = session.scalar(select(DeviceState.checkpoint).where(DeviceState.id == 1)) or 0
    return int(session.info[_SEEN])


def jsonable(value: Any) -> Any:
    """A value as it travels in audit events, outbox operations and exports."""
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def snapshot(row: Synced, names: Iterable[str] | None = None) -> dict[str, Any]:
    return {name: jsonable(getattr(row, name)) for name in (names or row.data_fields())}


class Journal:
    """Records changes for one transaction (one user action)."""

    def __init__(self, session: Session, ctx: Context) -> None:
        self.session = session
        self.ctx = ctx
        self._recorded: dict[str, set[str]] = session.info.setdefault(_RECORDED, {})

    def create(self, row: S, action: str = "create") -> S:
        self._may(row, "create", None, row.data_fields())
        stamp = self.ctx.clock.now().encode()
        now = self.ctx.now()
        row.id = row.id or new_id()
        row.created_at = row.updated_at = now
        row.deleted = False
        _fill_defaults(row)
        fields = snapshot(row)
        row.clocks = {CREATED: stamp}
        self._allow(row, fields)
        self.session.add(row)
        wire = {**fields, "unit_id": row.unit_id, "created_at": now.isoformat()}
        self._append(row, action, {}, fields, "create", wire, stamp)
        return row

    def update(self, row: Synced, action: str = "update", **changes: Any) -> dict[str, Any]:
        """Set the fields that really change; returns {field: new value} of those."""
        self._may(row, "update", None, changes)
        before, after = self._apply(row, changes)
        if after:
            stamp, base = self._stamp(row, after)
            # "base": the clock of each register as this device knew it before the edit, so the
            # server can tell an edit made on top of another device's from a concurrent one.
            self._append(row, action, before, after, "update", {"set": after, "base": base}, stamp)
        return after

    def transition(self, row: Synced, action: str, *, reason: str = "", **register: Any) -> None:
        """A status change: the whole register travels as one operation, checked by the server.
        `reason`: why, when the record keeps no field for it (it is kept in the audit event)."""
        self._may(row, "transition", action, register)
        old_status = jsonable(getattr(row, STATUS))
        before, after = self._apply(row, register)
        names = row.__registers__[STATUS]
        stamp, base = self._stamp(row, after or {STATUS: None})
        payload = {"action": action, "from": old_status, "fields": snapshot(row, names), "base": base}
        audited = {**after, "reason": reason} if reason else after
        self._append(row, action, before, audited, "transition", payload, stamp)

    def counter(self, row: Synced, field: str, key: str, value: int, action: str) -> None:
        """Set `key`'s whole contribution to the counter `field` (e.g. this device's votes).
        Sent as the contribution, never a delta, so a retried or re-sent operation counts once.
        A counter is no register: the row's clocks do not change."""
        self._may(row, "counter", None, (field,))
        counts_field = row.__counters__[field]
        old_counts = dict(getattr(row, counts_field) or {})
        new_counts = counters.with_contribution(old_counts, key, value)
        if new_counts == old_counts:
            return
        old_total = getattr(row, field)
        setattr(row, counts_field, new_counts)
        setattr(row, field, counters.total(new_counts))
        self._touch(row)
        self._allow(row, (field, counts_field))
        stamp = self.ctx.clock.now().encode()
        payload = {"field": field, "key": key, "value": value}
        self._append(row, action, {field: old_total}, {field: getattr(row, field)}, "counter", payload, stamp)

    def resolve(self, row: Synced, register: str, loser_hlc: str, how: str, chosen: dict[str, Any]) -> None:
        """Close a "changed elsewhere" marker of `row` on every laptop: the conflict of
        `register` whose losing value carried the stamp `loser_hlc`, closed `how` (a
        `protocol.schema.Resolution`); the history records the value `chosen` (none when the
        marker is only dismissed). The row itself does not change."""
        self._may(row, "resolve", None, (register,))
        stamp = self.ctx.clock.now().encode()
        payload = {"register": register, "loser_hlc": loser_hlc, "how": how}
        self._append(row, f"conflict_{how}", {}, dict(chosen), "resolve", payload, stamp)

    def resend(self, row: Synced) -> None:
        """Queue the record's whole state (a `restate`), for a server that does not hold it: it
        stores the record if absent and otherwise keeps whichever value of each field is newer.
        Nothing changes here, so nothing is added to the history."""
        if row.unit_id in example_units(self.session):
            return
        op = restate_op(type(row), row, _action_of(self.session, 1))
        if op is not None:
            self.session.connection().execute(_OUTBOX.insert(), outbox_rows([op], self.ctx.now()))

    def delete(self, row: Synced, action: str = "delete") -> None:
        """Tombstone: synced rows are never removed, so the deletion can travel."""
        self._may(row, "delete", None, ())
        if row.deleted:
            return
        before, after = self._apply(row, {"deleted": True}, meta_ok=True)
        stamp, _base = self._stamp(row, {"deleted": True})
        self._append(row, action, before, after, "delete", {}, stamp)

    def restore(self, row: Synced, action: str = "restore") -> None:
        """Lift the tombstone (the undo of a deletion): the same record is back, with its
        history, and the restore travels as an operation of its own, audited like any change.
        The tombstone is a register: the later of a delete and a restore wins everywhere."""
        self._may(row, "restore", None, ())
        if not row.deleted:
            return
        before, after = self._apply(row, {"deleted": False}, meta_ok=True)
        stamp, _base = self._stamp(row, after)
        self._append(row, action, before, after, "restore", {}, stamp)

    # -- internals --------------------------------------------------------------------------

    def _may(self, row: Synced, kind: str, step: str | None, names: Iterable[str]) -> None:
        """May the acting user make this change (`acting.check_change`, the server's table)?
        Asked before anything changes; the sample forum is the laptop's own sandbox."""
        if row.unit_id not in example_units(self.session):
            acting.check_change(self.session, self.ctx, row.__tablename__, kind, step, names, row.id)

    def _apply(
        self, row: Synced, changes: dict[str, Any], meta_ok: bool = False
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        allowed = set(row.data_fields()) | ({"deleted"} if meta_ok else set())
        unknown = set(changes) - allowed
        if unknown:
            raise ProgrammingError(f"{row.__tablename__} has no editable field {sorted(unknown)}")
        before: dict[str, Any] = {}
        after: dict[str, Any] = {}
        for name, value in changes.items():
            old = getattr(row, name)
            if old != value:
                before[name], after[name] = jsonable(old), jsonable(value)
                setattr(row, name, value)
        if after:
            self._touch(row)
            self._allow(row, after)
        return before, after

    def _touch(self, row: Synced) -> None:
        """`updated_at` is the latest change's time, as the server keeps it: never moved back
        (a change made on a laptop whose clock ran ahead may have set it later)."""
        now = self.ctx.now()
        row.updated_at = max(row.updated_at, now) if row.updated_at is not None else now

    def _stamp(self, row: Synced, changed: dict[str, Any]) -> tuple[str, dict[str, str]]:
        """A new stamp for the registers of `changed`; returns it and their previous stamps."""
        stamp = self.ctx.clock.now().encode()
        clocks = dict(row.clocks or {})
        base: dict[str, str] = {}
        for name in changed:
            register = row.register_of(name)
            base.setdefault(register, row.clock_of(register))
            clocks[register] = stamp
        row.clocks = clocks
        return stamp, base

    def _allow(self, row: Synced, fields: Iterable[str]) -> None:
        self._recorded.setdefault(row.id, set()).update(fields)

    def _append(
        self,
        row: Synced,
        action: str,
        before: dict[str, Any],
        after: dict[str, Any],
        kind: str,
        payload: dict[str, Any],
        stamp: str,
    ) -> None:
        local = row.unit_id in example_units(self.session)
        now = self.ctx.now()
        payload = {**payload, "at": row.updated_at.isoformat()}  # when, so every copy agrees
        action_id = _action_of(self.session, 2)
        audit_id = new_id()
        before, after = _for_history(row, before), _for_history(row, after)
        audit_fields = {
            "at": now.isoformat(),
            "actor": self.ctx.actor,
            "device_id": self.ctx.device_id,
            "hlc": stamp,
            "entity": row.__tablename__,
            "entity_id": row.id,
            "action": action,
            "before": before,
            "after": after,
        }
        # Journal rows are append-only and never edited through the ORM: plain inserts are enough
        # (and several times cheaper than ORM objects on the live-capture path).
        connection = self.session.connection()
        connection.execute(
            _AUDIT.insert(),
            [
                {
                    **audit_fields,
                    "at": now,
                    "id": audit_id,
                    "unit_id": row.unit_id,
                    "created_at": now,
                    "updated_at": now,
                    "deleted": False,
                    "clocks": {CREATED: stamp},  # its creation stamp, as the server has it
                }
            ],
        )
        if local:
            return  # the sample forum's records stay on this laptop: nothing goes to the server
        user_id = self.ctx.user.id if self.ctx.user else None
        known = seen(self.session)
        ops = (
            new_op(row.__tablename__, row.id, kind, payload, stamp, action_id, user_id, known),
            new_op(
                _AUDIT.name,
                audit_id,
                "create",
                {**audit_fields, "unit_id": row.unit_id, "created_at": now.isoformat()},
                stamp,
                action_id,
                user_id,
                known,
            ),
        )
        connection.execute(_OUTBOX.insert(), outbox_rows(ops, now))


def outbox_rows(ops: Iterable[QueuedOp], created_at: datetime) -> list[dict[str, Any]]:
    """The outbox's rows for `ops`, queued at `created_at` (the outbox numbers them)."""
    return [{**queued(op), "created_at": created_at} for op in ops]


def _for_history(row: Synced, values: dict[str, Any]) -> dict[str, Any]:
    """The values as the audit event records them: a large field (a logo) by its digest."""
    large = row.__audit_digest__ & values.keys()
    if not large:
        return values
    return {name: _digest(value) if name in large and value else value for name, value in values.items()}


def _digest(value: Any) -> str:
    return "sha256:" + hashlib.sha256(str(value).encode("utf-8")).hexdigest()


def restate_op(model: type[Synced], row: Any, action_id: str | None) -> QueuedOp | None:
    """The record's whole state as a `restate` operation of the user action `action_id` (None:
    it has no creation stamp): what a laptop sends when the server lost what it had
    (desktop/sync/repush.py), or when a change is retried on a record the server does not hold."""
    clocks = dict(row.clocks or {})
    if not clocks.get(Synced.CREATED_CLOCK) and model is AuditEvent:
        clocks[Synced.CREATED_CLOCK] = row.hlc
    if not clocks.get(Synced.CREATED_CLOCK):
        return None
    state = {
        "unit_id": row.unit_id,
        "created_at": row.created_at.isoformat(),
        "at": row.updated_at.isoformat(),
        "deleted": bool(row.deleted),
        "data": snapshot(row),
        "clocks": clocks,
    }
    return new_op(model.__tablename__, row.id, "restate", state, max(clocks.values()), action_id)


def _fill_defaults(row: Synced) -> None:
    """Apply column defaults now (not at flush) so the create operation carries every field."""
    for column in row.__table__.columns:
        if getattr(row, column.key) is not None or column.default is None:
            continue
        default = column.default
        if getattr(default, "is_scalar", False):
            setattr(row, column.key, default.arg)
        elif getattr(default, "is_callable", False):
            setattr(row, column.key, default.arg(None))


def _changed_fields(row: Synced) -> set[str]:
    state = inspect(row)
    return {attr.key for attr in state.attrs if attr.history.has_changes()}


@event.listens_for(Session, "before_flush")
def _guard_unjournaled_changes(session: Session, _tx: UOWTransaction, _instances: object) -> None:
    """Refuse to flush a synced row changed outside the Journal (a bug, caught in tests)."""
    if session.info.get(REMOTE_APPLY):
        return
    recorded: dict[str, set[str]] = session.info.get(_RECORDED, {})
    for row in session.deleted:
        if isinstance(row, Synced):
            raise ProgrammingError(f"synced row {row.__tablename__} {row.id} hard-deleted")
    for row in list(session.new) + list(session.dirty):
        if not isinstance(row, Synced):
            continue
        changed = _changed_fields(row) - META_COLUMNS if row in session.dirty else set()
        known = recorded.get(row.id)
        if known is None or not changed <= known:
            raise ProgrammingError(
                f"{row.__tablename__} {row.id} changed outside the journal: "
                f"{sorted(changed - (known or set())) or 'new row'}"
            )


@event.listens_for(Session, "after_commit")
@event.listens_for(Session, "after_rollback")
def _forget(session: Session) -> None:
    for key in (_RECORDED, _ACTION, _ACTION_OPS, _SEEN):
        session.info.pop(key, None)
    acting.forget_accounts(session)
