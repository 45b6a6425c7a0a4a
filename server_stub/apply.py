"""Applying pushed operations to the server's records (DESIGN.md sync steps 2, 4, 5, 8).

Each operation is applied at most once (its op_id is remembered), only by a device allowed to
write that record, field by field: a register takes the incoming value only when the incoming
clock stamp is later (last writer wins; ties are broken by the device id inside the stamp).
Status changes are checked against the life cycle, counters add up, deletes are tombstones.
The sequence counter row is locked for the whole push, so numbers appear in commit order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from desktop import bulk
from desktop.errors import TransitionError
from desktop.hlc import MAX_SKEW_MS, Stamp
from desktop.models import MODEL_BY_TABLE, Synced
from desktop.services import forums as forum_rules
from desktop.services import lifecycle
from desktop.sync.protocol import OP_KINDS
from desktop.vocab import EscalationStatus, ForumStatus, RecStatus, Scope
from server_stub.models import AppliedOp, Counter, Record, ServerUnit
from server_stub.store import SEQ

CREATED = Synced.CREATED_CLOCK
ESCALATION_ACTIONS = {"acknowledge", "forward", "answer"}


@dataclass(frozen=True)
class Caller:
    device_id: str
    unit_id: str


class Rejected(Exception):
    """An operation the server will not apply; the reason goes back to the device."""


def now() -> datetime:
    return datetime.now(UTC)


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


def apply_push(session: Session, caller: Caller, ops: list[dict[str, Any]]) -> list[dict[str, str]]:
    # Core statements, not ORM objects: a push of one change is a round of a few statements.
    seq = session.execute(select(Counter.value).where(Counter.name == SEQ).with_for_update()).scalar_one()
    op_ids = [str(op.get("op_id", "")) for op in ops]
    seen = {
        op_id: reason
        for op_id, reason in session.execute(
            select(AppliedOp.op_id, AppliedOp.reason).where(AppliedOp.op_id.in_(op_ids))
        )
    }
    records = _load_records(session, ops)
    results: list[dict[str, str]] = []
    applied: list[dict[str, Any]] = []
    moment = now()
    horizon_ms = moment.timestamp() * 1000 + MAX_SKEW_MS  # stamps beyond it are in the future
    for op_id, op in zip(op_ids, ops, strict=True):
        if op_id in seen:
            results.append({"op_id": op_id, "status": "duplicate", "reason": seen[op_id]})
            continue
        try:  # every check comes before any change, so a refusal leaves nothing half-done
            touched = _apply(session, caller, op, records, horizon_ms)
            status, reason = "applied", ""
        except Rejected as exc:
            status, reason = "rejected", str(exc)
            # The device already shows its own (refused) version: hand it the server's again.
            known = records.get((str(op.get("entity")), str(op.get("entity_id"))))
            touched = [known] if known is not None else []
        own = (str(op.get("entity")), str(op.get("entity_id")))
        # Made by the pushing device itself (its stamp's node), not imported from another
        # laptop's outbox: only then does the pushing device already hold the result.
        made_here = str(op.get("hlc", "")).split("-", 2)[-1] == caller.device_id
        for record in touched:
            seq += 1
            record.seq = seq
            # Still one device's record only if this op was that device's and went through whole.
            sole = (
                status == "applied" and made_here and (record.entity, record.id) == own and not record.conflicts
            )
            if not (sole and record.origin == caller.device_id):
                record.origin = None
        if op_id:
            seen[op_id] = reason
            applied.append(
                {
                    "op_id": op_id,
                    "device_id": caller.device_id,
                    "status": status,
                    "reason": reason,
                    "at": moment,
                }
            )
        results.append({"op_id": op_id, "status": status, "reason": reason})
    session.execute(update(Counter).where(Counter.name == SEQ).values(value=seq))
    session.flush()
    new = [vars(r) for r in records.values() if isinstance(r, NewRecord)]
    bulk.insert_rows(session, cast(Table, Record.__table__), new)
    bulk.insert_rows(session, cast(Table, AppliedOp.__table__), applied)
    return results


def _load_records(session: Session, ops: list[dict[str, Any]]) -> Records:
    """The records a batch touches, in one query per entity, locked until the push commits."""
    wanted: dict[str, set[str]] = {}
    for op in ops:
        wanted.setdefault(str(op.get("entity")), set()).add(str(op.get("entity_id")))
    found: Records = {}
    for entity, ids in wanted.items():
        query = select(Record).where(Record.entity == entity, Record.id.in_(ids)).with_for_update()
        for record in session.scalars(query):
            found[(record.entity, record.id)] = record
    return found


def _check_shape(op: dict[str, Any], horizon_ms: float) -> tuple[type[Synced], str, str, dict[str, Any], str]:
    entity, entity_id, kind = op.get("entity"), op.get("entity_id"), op.get("kind")
    fields, stamp = op.get("fields"), op.get("hlc")
    if entity not in MODEL_BY_TABLE:
        raise Rejected(f"unknown entity {entity!r}")
    if kind not in OP_KINDS:
        raise Rejected(f"unknown operation kind {kind!r}")
    if not isinstance(entity_id, str) or not 1 <= len(entity_id) <= 36:
        raise Rejected("entity_id must be a record id")
    if not isinstance(fields, dict):
        raise Rejected("fields must be an object")
    if not isinstance(stamp, str):
        raise Rejected("hlc must be a clock stamp")
    try:
        decoded = Stamp.decode(stamp)
    except Exception as exc:
        raise Rejected(f"malformed clock stamp {stamp!r}") from exc
    if decoded.wall_ms > horizon_ms:
        raise Rejected("the change is stamped in the future: the device's clock is wrong")
    return MODEL_BY_TABLE[entity], entity, entity_id, fields, stamp


def _apply(
    session: Session, caller: Caller, op: dict[str, Any], records: Records, horizon_ms: float
) -> list[AnyRecord]:
    model, entity, entity_id, fields, stamp = _check_shape(op, horizon_ms)
    record = records.get((entity, entity_id))
    kind = op["kind"]
    if kind == "create":
        touched = _create(session, caller, model, entity, entity_id, fields, stamp, records)
        records[(entity, entity_id)] = touched[0]
        return touched
    if record is None:
        raise Rejected(f"{entity} {entity_id} is not known to the server")
    _authorize_change(caller, record, kind, fields)
    at = fields.get("at")
    if kind == "update":
        changes = fields.get("set")
        base = fields.get("base") or {}
        if not isinstance(changes, dict) or not isinstance(base, dict):
            raise Rejected("an update needs 'set' and 'base' objects")
        writable = _writable(model)
        values = {k: v for k, v in changes.items() if k in writable}
        _note_conflicts(model, record, values, base, stamp, str(at or ""))
        _merge(model, record, values, stamp, at)
        return [record]
    if kind == "increment":
        deltas = {name: delta for name, delta in fields.items() if name != "at"}
        for name, delta in deltas.items():
            if name not in _writable(model) or not isinstance(delta, int) or isinstance(delta, bool):
                raise Rejected(f"cannot add to {name!r}")
        for name, delta in deltas.items():
            data = dict(record.data)
            data[name] = int(data.get(name) or 0) + delta
            record.data = data
            _bump_clock(record, model.register_of(name), stamp, at)
        return [record]
    if kind == "delete":
        record.deleted = True
        _bump_clock(record, "deleted", stamp, at)
        return [record]
    return _transition(session, records, model, record, fields, stamp, at)


def _writable(model: type[Synced]) -> frozenset[str]:
    known = _WRITABLE.get(model.__tablename__)
    if known is None:
        known = _WRITABLE[model.__tablename__] = frozenset(model.data_fields())
    return known


_WRITABLE: dict[str, frozenset[str]] = {}


def _create(
    session: Session,
    caller: Caller,
    model: type[Synced],
    entity: str,
    entity_id: str,
    fields: dict[str, Any],
    stamp: str,
    records: Records,
) -> list[AnyRecord]:
    unit_id = fields.get("unit_id")
    if entity == "units":
        raise Rejected("units are created by the administrator on the server")
    if unit_id != caller.unit_id and not _may_record_for_escalation(session, records, caller, entity, fields):
        raise Rejected("this device may only create records of its own unit")
    writable = _writable(model)
    data = {k: v for k, v in fields.items() if k in writable}
    to_unit = data.get("to_unit_id") if entity == "escalations" else None
    if entity == "escalations":
        parent = session.get(ServerUnit, caller.unit_id)
        if parent is None or to_unit != parent.parent_id:
            raise Rejected("an escalation goes to the parent unit of the sending unit")
    record = records.get((entity, entity_id))
    if record is not None:  # created twice (ids are unique): keep the first, merge what is later
        _merge(model, record, data, stamp, fields.get("at"))
        return [record]
    created = NewRecord(
        entity=entity,
        id=entity_id,
        unit_id=str(unit_id),
        to_unit_id=to_unit,
        seq=0,
        deleted=False,
        data={**data, "created_at": fields.get("created_at"), "updated_at": fields.get("at")},
        clocks={CREATED: stamp},
        conflicts=[],
        origin=caller.device_id,
    )
    return [created]


def _find(session: Session, records: Records, entity: str, record_id: object) -> AnyRecord | None:
    """A record of this push (new or already loaded), or one from the database, locked."""
    key = (entity, str(record_id))
    return records.get(key) or session.get(Record, key, with_for_update=True)


def _may_record_for_escalation(
    session: Session, records: Records, caller: Caller, entity: str, fields: dict[str, Any]
) -> bool:
    """The addressed office journals its answer under the sending unit (the row's owner)."""
    if entity != "audit_events" or fields.get("entity") != "escalations":
        return False
    target = _find(session, records, "escalations", fields.get("entity_id"))
    return target is not None and target.to_unit_id == caller.unit_id


def _authorize_change(caller: Caller, record: AnyRecord, kind: str, fields: dict[str, Any]) -> None:
    if record.unit_id == caller.unit_id:
        if record.entity == "units" and kind == "update":
            locked = {"code", "parent_id"} & set(fields.get("set") or {})
            if locked:
                raise Rejected("a unit's code and parent are changed by the administrator")
        return
    addressed = record.entity == "escalations" and record.to_unit_id == caller.unit_id
    if addressed and kind == "transition" and fields.get("action") in ESCALATION_ACTIONS:
        return
    raise Rejected("this device may not change that record")


def _current(record: AnyRecord, register: str) -> str:
    clocks = record.clocks or {}
    return str(clocks.get(register) or clocks.get(CREATED) or "")


MAX_CONFLICTS = 20


def _note_conflicts(
    model: type[Synced], record: AnyRecord, values: dict[str, Any], base: dict[str, Any], stamp: str, at: str
) -> None:
    """An edit made on top of a value that has changed since (its base is not the register's
    current clock) is concurrent with that change: whichever loses is kept, with the winner."""
    by_register: dict[str, list[str]] = {}
    for name in values:
        by_register.setdefault(model.register_of(name), []).append(name)
    found = []
    for register, names in by_register.items():
        current = _current(record, register)
        known = str(base.get(register) or "")
        if not known or known == current:
            continue  # made on top of the latest value: an ordinary edit
        ours = {n: values[n] for n in names}
        theirs = {n: record.data.get(n) for n in names}
        if ours == theirs:
            continue
        incoming_wins = stamp > current
        found.append(
            {
                "register": register,
                "winner": ours if incoming_wins else theirs,
                "winner_hlc": stamp if incoming_wins else current,
                "loser": theirs if incoming_wins else ours,
                "loser_hlc": current if incoming_wins else stamp,
                "at": at,
            }
        )
    if found:
        record.conflicts = [*(record.conflicts or []), *found][-MAX_CONFLICTS:]


def _bump_clock(record: AnyRecord, register: str, stamp: str, at: Any) -> None:
    clocks = dict(record.clocks or {})
    if stamp > _current(record, register):
        clocks[register] = stamp
        record.clocks = clocks
    _touch(record, at)


def _touch(record: AnyRecord, at: Any) -> None:
    """The record's `updated_at` is its latest change's time (data, not a register: the clocks
    stay exactly those the devices keep)."""
    if at and (not record.data.get("updated_at") or str(at) > str(record.data.get("updated_at"))):
        record.data = {**record.data, "updated_at": at}


def _merge(model: type[Synced], record: AnyRecord, values: dict[str, Any], stamp: str, at: Any) -> None:
    """Last writer wins, register by register."""
    data = dict(record.data)
    clocks = dict(record.clocks or {})
    by_register: dict[str, dict[str, Any]] = {}
    for name, value in values.items():
        by_register.setdefault(model.register_of(name), {})[name] = value
    for register, changes in by_register.items():
        if stamp > _current(record, register):
            data.update(changes)
            clocks[register] = stamp
    record.data = data
    record.clocks = clocks
    if record.entity == "escalations":
        record.to_unit_id = data.get("to_unit_id")
    _touch(record, at)


def _transition(
    session: Session,
    records: Records,
    model: type[Synced],
    record: AnyRecord,
    fields: dict[str, Any],
    stamp: str,
    at: Any,
) -> list[AnyRecord]:
    action = str(fields.get("action", ""))
    register = fields.get("fields")
    if not isinstance(register, dict):
        raise Rejected("a status change needs its fields")
    _check_transition(record, action)
    writable = _writable(model)
    _merge(model, record, {k: v for k, v in register.items() if k in writable}, stamp, at)
    touched = [record]
    if record.entity == "escalations" and action == "answer":
        touched += _answer_down_the_chain(session, records, record, register, stamp, at)
    return touched


def _check_transition(record: AnyRecord, action: str) -> None:
    status = record.data.get("status")
    try:
        if record.entity == "recommendations":
            lifecycle.check(action, RecStatus(str(status)), Scope(str(record.data.get("scope"))))
        elif record.entity == "forums":
            needed = forum_rules.ACTIONS.get(action)
            if needed is None or ForumStatus(str(status)) != needed[0]:
                raise Rejected(f"cannot {action} a forum that is {status}")
        elif record.entity == "escalations":
            if action not in ESCALATION_ACTIONS:
                raise Rejected(f"unknown escalation action {action!r}")
            if EscalationStatus(str(status)) not in (EscalationStatus.SENT, EscalationStatus.ACKNOWLEDGED):
                raise Rejected(f"this escalation is already {status}")
        else:
            raise Rejected(f"{record.entity} has no status to change")
    except TransitionError as exc:
        raise Rejected(exc.message) from exc
    except ValueError as exc:
        raise Rejected(f"unknown status: {exc}") from exc


def _answer_down_the_chain(
    session: Session, records: Records, answered: AnyRecord, register: dict[str, Any], stamp: str, at: Any
) -> list[AnyRecord]:
    """The answer of the last office reaches every escalation below it and the recommendation."""
    model = MODEL_BY_TABLE["escalations"]
    touched: list[AnyRecord] = []
    previous = answered.data.get("previous_id")
    while previous:
        earlier = _find(session, records, "escalations", previous)
        if earlier is None:
            break
        values = {k: v for k, v in register.items() if k != "forwarded_to_id"}
        _merge(model, earlier, values, stamp, at)
        touched.append(earlier)
        previous = earlier.data.get("previous_id")
    rec = _find(session, records, "recommendations", answered.data.get("recommendation_id"))
    if rec is not None and rec.data.get("status") == RecStatus.ESCALATED.value:
        _merge(
            MODEL_BY_TABLE["recommendations"],
            rec,
            {
                "status": RecStatus.ANSWERED.value,
                "status_reason": register.get("answer", ""),
                "outcome": register.get("outcome"),
                "status_at": register.get("answered_at"),
                "status_by": register.get("answered_by", ""),
            },
            stamp,
            at,
        )
        touched.append(rec)
    return touched
