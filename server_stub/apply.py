"""Applying pushed operations to the server's records (DESIGN.md sync steps 2, 4, 5, 6c, 8).

Each operation is applied at most once (its op_id is remembered), only after it was checked
against its entity's schema (`protocol.validate`), only by a device allowed to write that
record (`server_stub.authorize`), field by field: a register takes the incoming value only when
the incoming clock stamp is later (last writer wins; ties are broken by the device id inside
the stamp). Status changes are checked against the life cycle and carry exactly their fields,
counters add up, deletes are tombstones, audit events are never changed. A refused operation
gets a code and parameters and changes nothing; the others of the push still apply.
The sequence counter row is locked for the whole push, so numbers appear in commit order.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from desktop import bulk
from desktop.hlc import MAX_SKEW_MS
from protocol.entities import CREATED, DELETED, ENTITIES, STATUS, Entity
from protocol.messages import Op
from protocol.refusals import Refusal, Refused
from protocol.schema import ID_PATTERN
from protocol.validate import (
    check_create,
    check_delete,
    check_increment,
    check_op,
    check_restate,
    check_transition,
    check_update,
)
from server_stub import authorize
from server_stub.authorize import Caller
from server_stub.models import AppliedOp, Counter, Record
from server_stub.registers import (
    AnyRecord,
    Batch,
    Key,
    NewRecord,
    bump_clock,
    check_clock,
    merge,
    new_record,
    note_conflicts,
)
from server_stub.restate import restate
from server_stub.store import SEQ
from server_stub.visibility import may_see

__all__ = ["Caller", "apply_push"]

ID = re.compile(ID_PATTERN)


def now() -> datetime:
    return datetime.now(UTC)


def _op_id(op: dict[str, Any]) -> str:
    """The operation's id if it can be one (remembered, and answered under)."""
    value = op.get("op_id")
    return value if isinstance(value, str) and 8 <= len(value) <= 36 and ID.match(value) else ""


def _result(op_id: str, status: str, code: str | None, params: dict[str, Any] | None) -> dict[str, Any]:
    result: dict[str, Any] = {"op_id": op_id, "status": status}
    if code:
        result.update(code=code, params=params or {})
    return result


def apply_push(session: Session, caller: Caller, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Core statements, not ORM objects: a push of one change is a round of a few statements.
    seq = session.execute(select(Counter.value).where(Counter.name == SEQ).with_for_update()).scalar_one()
    op_ids = [_op_id(op) for op in ops]
    seen: dict[str, tuple[str | None, dict[str, Any] | None]] = {}
    for op_id, status, code, params in session.execute(
        select(AppliedOp.op_id, AppliedOp.status, AppliedOp.code, AppliedOp.params).where(
            AppliedOp.op_id.in_([i for i in op_ids if i])
        )
    ):
        if status == "rejected" and not code:  # refused before refusals had codes
            code, params = Refusal.REFUSED_EARLIER.value, {}
        seen[op_id] = (code, params)
    batch = Batch(session, _load_records(session, ops))
    results: list[dict[str, Any]] = []
    applied: list[dict[str, Any]] = []
    moment = now()
    horizon_ms = moment.timestamp() * 1000 + MAX_SKEW_MS  # stamps beyond it are in the future
    for op_id, op in zip(op_ids, ops, strict=True):
        if op_id and op_id in seen:
            code, params = seen[op_id]
            results.append(_result(op_id, "duplicate", code, params))
            continue
        refusal: Refused | None = None
        try:  # every check comes before any change, so a refusal leaves nothing half-done
            touched = _apply(caller, check_op(op), batch, horizon_ms)
        except Refused as exc:
            refusal = exc
            # The device already shows its own (refused) version: hand it the server's again.
            known = batch.records.get((str(op.get("entity")), str(op.get("entity_id"))))
            touched = [known] if known is not None and may_see(caller.unit_id, known) else []
        status = "rejected" if refusal else "applied"
        own = (str(op.get("entity")), str(op.get("entity_id")))
        # Made by the pushing device itself (its stamp's node), not imported from another
        # laptop's outbox: only then does the pushing device already hold the result.
        made_here = str(op.get("hlc", "")).split("-", 2)[-1] == caller.device_id
        for record in touched:
            seq += 1
            record.seq = seq
            # Still one device's record only if this op was that device's and went through whole.
            sole = refusal is None and made_here and (record.entity, record.id) == own and not record.conflicts
            if not (sole and record.origin == caller.device_id):
                record.origin = None
        code = refusal.code.value if refusal else None
        params = refusal.params if refusal else None
        if op_id:
            seen[op_id] = (code, params)
            applied.append(
                {
                    "op_id": op_id,
                    "device_id": caller.device_id,
                    "status": status,
                    "code": code,
                    "params": params,
                    "reason": refusal.error if refusal else "",
                    "at": moment,
                }
            )
        results.append(_result(op_id or str(op.get("op_id", ""))[:36], status, code, params))
    session.execute(update(Counter).where(Counter.name == SEQ).values(value=seq))
    session.flush()
    bulk.insert_rows(session, cast(Table, Record.__table__), [vars(r) for r in batch.created()])
    bulk.insert_rows(session, cast(Table, AppliedOp.__table__), applied)
    return results


def _named(op: dict[str, Any]) -> set[Key]:
    """The records an operation changes or refers to (by the ids in its fields)."""
    entity = ENTITIES.get(str(op.get("entity")))
    fields = op.get("fields")
    if entity is None or not isinstance(fields, dict):
        return set()
    keys = {(entity.name, str(op.get("entity_id")))}
    for part in (fields, fields.get("set"), fields.get("fields"), fields.get("data")):
        if not isinstance(part, dict):
            continue
        for f in entity.references:
            value = part.get(f.name)
            if isinstance(value, str) and f.refers_to in ENTITIES:
                keys.add((str(f.refers_to), value))
        if entity.name == "audit_events" and part.get("entity") in ENTITIES:
            keys.add((str(part["entity"]), str(part.get("entity_id"))))
    return keys


def _load_records(session: Session, ops: list[dict[str, Any]]) -> dict[Key, AnyRecord]:
    """The records a batch touches or names, in one query per entity, locked until the push
    commits."""
    wanted: dict[str, set[str]] = {}
    for op in ops:
        for entity, record_id in _named(op):
            wanted.setdefault(entity, set()).add(record_id)
    found: dict[Key, AnyRecord] = {}
    for entity, ids in wanted.items():
        query = select(Record).where(Record.entity == entity, Record.id.in_(ids)).with_for_update()
        for record in session.scalars(query):
            found[(record.entity, record.id)] = record
    return found


def _apply(caller: Caller, op: Op, batch: Batch, horizon_ms: float) -> list[AnyRecord]:
    entity = ENTITIES[op.entity]
    check_clock(entity.name, op.hlc, horizon_ms)
    record = batch.records.get((op.entity, op.entity_id))
    if op.kind == "create":
        return [_create(caller, entity, op, record, batch)]
    if op.kind == "restate":
        return restate(caller, entity, op, check_restate(entity, op.fields), record, batch, horizon_ms)
    if record is None:
        raise authorize.unknown(op.entity, op.entity_id)
    if entity.append_only:
        raise Refused(Refusal.APPEND_ONLY, f"{entity.name} are never changed", entity=entity.name)
    if op.kind == "transition":
        return _transition(caller, entity, record, op, batch)
    authorize.owner_writes(caller, record)
    at = op.fields.get("at")
    if op.kind == "update":
        checked = check_update(entity, op.fields)
        authorize.references(caller, entity, checked.set, batch)
        note_conflicts(entity, record, checked.set, checked.base, op.hlc, str(at or ""))
        merge(entity, record, checked.set, op.hlc, at)
        return [record]
    if op.kind == "increment":
        for name, delta in check_increment(entity, op.fields).items():
            record.data = {**record.data, name: int(record.data.get(name) or 0) + delta}
            bump_clock(record, entity.register_of(name), op.hlc, at)
        return [record]
    check_delete(entity, op.fields)
    if not entity.deletable:
        raise Refused(Refusal.NOT_DELETABLE, f"{entity.name} are not deleted", entity=entity.name)
    status = record.data.get(STATUS)
    if entity.delete_from is not None and status not in entity.delete_from and not record.deleted:
        raise Refused(
            Refusal.STALE_TRANSITION,
            f"cannot delete a {entity.name} record that is {status}",
            entity=entity.name,
            id=record.id,
            action="delete",
            status=str(status),
        )
    record.deleted = True
    bump_clock(record, DELETED, op.hlc, at)
    return [record]


def _create(caller: Caller, entity: Entity, op: Op, record: AnyRecord | None, batch: Batch) -> NewRecord:
    fields = op.fields
    if entity.admin_only:
        raise Refused(Refusal.ADMIN_ONLY, f"{entity.name} are the administrator's", entity=entity.name)
    check_create(entity, fields)
    if record is not None:  # ids are unique: the same operation retried was answered above
        raise Refused(
            Refusal.ID_TAKEN, f"{entity.name} {op.entity_id} exists", entity=entity.name, id=op.entity_id
        )
    authorize.creator(caller, entity, op.entity_id, fields, batch, restating=False)
    authorize.references(caller, entity, fields, batch)
    if entity.name == "escalations":
        authorize.escalation(batch.session, caller, fields, batch, restating=False)
    created = new_record(entity, op.entity_id, fields, {CREATED: op.hlc}, caller.device_id)
    batch.add(created)
    return created


def _transition(caller: Caller, entity: Entity, record: AnyRecord, op: Op, batch: Batch) -> list[AnyRecord]:
    action, checked = check_transition(entity, op.fields)
    authorize.action_by(caller, record, action)
    status = record.data.get(STATUS)
    scope = record.data.get("scope")
    if status not in action.sources or (action.scope is not None and scope != action.scope):
        raise Refused(
            Refusal.STALE_TRANSITION,
            f"cannot {action.name} a {entity.name} record that is {status}",
            entity=entity.name,
            id=record.id,
            action=action.name,
            status=str(status),
        )
    authorize.unchanged_outside(entity, record, action, checked.fields)
    authorize.transition_targets(caller, record, checked.fields, batch)
    register = {**checked.fields, STATUS: action.target}
    merge(entity, record, register, op.hlc, op.fields.get("at"))
    touched = [record]
    if entity.name == "escalations" and action.name == "answer":
        touched += _answer_down_the_chain(batch, record, register, op.hlc, op.fields.get("at"))
    return touched


def _answer_down_the_chain(
    batch: Batch, answered: AnyRecord, register: dict[str, Any], stamp: str, at: Any
) -> list[AnyRecord]:
    """The answer of the last office reaches every escalation below it and the recommendation:
    each one the office above received and forwarded to the next, and the recommendation of the
    office that first escalated it (no other office's)."""
    escalations = ENTITIES["escalations"]
    touched: list[AnyRecord] = []
    later = answered
    while later.data.get("previous_id"):
        earlier = batch.get("escalations", later.data["previous_id"])
        if (
            earlier is None
            or earlier.to_unit_id != later.unit_id
            or earlier.data.get("forwarded_to_id") != later.id
        ):
            break
        values = {k: v for k, v in register.items() if k != "forwarded_to_id"}
        merge(escalations, earlier, values, stamp, at)
        touched.append(earlier)
        later = earlier
    rec = batch.get("recommendations", later.data.get("recommendation_id"))
    if rec is not None and rec.unit_id == later.unit_id and rec.data.get(STATUS) == "escalated":
        merge(
            ENTITIES["recommendations"],
            rec,
            {
                "status": "answered",
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
