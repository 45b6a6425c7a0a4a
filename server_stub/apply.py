"""Applying pushed operations to the server's records (DESIGN.md sync steps 2, 4, 5, 6, 6b, 8).

Each operation is applied at most once (its op_id is remembered), only by a device allowed to
write that record, field by field: a register takes the incoming value only when the incoming
clock stamp is later (last writer wins; ties are broken by the device id inside the stamp).
Status changes are checked against the life cycle, counters keep each contributor's share,
deletes are tombstones. The sequence counter row is locked for the whole push, so numbers appear
in commit order.

The operations of one user action (one `action_id`) are applied all or none: the records an
action touches are remembered as they were before it, and restored if any of its operations is
refused (the others are then refused with `action_refused`). The first action to reach the
server wins; the other is refused and its device shown the server's state again.

A stamp more than a minute ahead of the server's clock is re-stamped from the server's own
hybrid clock (kept in the database, so every worker and restart continues it), never refused;
the result carries the new stamp and the device adopts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from desktop import bulk
from desktop.errors import InputError, TransitionError
from desktop.hlc import Stamp
from desktop.models import MODEL_BY_TABLE, Synced
from desktop.services import forums as forum_rules
from desktop.services import lifecycle
from desktop.sync.protocol import OP_KINDS
from desktop.vocab import EscalationStatus, ForumStatus, RecStatus, Scope
from server_stub.counting import count, merge_votes, own_counts
from server_stub.models import AppliedOp, Counter, Device, Record, ServerUnit
from server_stub.records import (
    Action,
    ActionRecords,
    AnyRecord,
    Caller,
    Key,
    NewRecord,
    Records,
    Rejected,
    touch,
    visible_to,
)
from server_stub.stamps import Stamps
from server_stub.store import SEQ

__all__ = ["Caller", "Rejected", "apply_push"]

CREATED = Synced.CREATED_CLOCK
ESCALATION_ACTIONS = {"acknowledge", "forward", "answer"}


def now() -> datetime:
    return datetime.now(UTC)


def _actions(op_ids: list[str], ops: list[dict[str, Any]]) -> Iterator[list[tuple[str, dict[str, Any]]]]:
    """The push's operations grouped by user action (consecutive, as a push never splits one)."""
    group: list[tuple[str, dict[str, Any]]] = []
    current: object = None
    for op_id, op in zip(op_ids, ops, strict=True):
        action_id = op.get("action_id") or op_id
        if group and action_id != current:
            yield group
            group = []
        current = action_id
        group.append((op_id, op))
    if group:
        yield group


def apply_push(session: Session, caller: Caller, ops: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Core statements, not ORM objects: a push of one change is a round of a few statements.
    seq = session.execute(select(Counter.value).where(Counter.name == SEQ).with_for_update()).scalar_one()
    moment = now()
    stamps = Stamps.load(session, moment)
    op_ids = [str(op.get("op_id", "")) for op in ops]
    seen: dict[str, dict[str, Any]] = {
        row.op_id: _result(row.op_id, row.status, row.reason, row.code, row.params, row.hlc)
        for row in session.execute(
            select(
                AppliedOp.op_id,
                AppliedOp.status,
                AppliedOp.reason,
                AppliedOp.code,
                AppliedOp.params,
                AppliedOp.hlc,
            ).where(AppliedOp.op_id.in_(op_ids))
        )
    }
    records = _load_records(session, ops)
    looked_up = {(str(op.get("entity")), str(op.get("entity_id"))) for op in ops}
    results: list[dict[str, Any]] = []
    remembered: list[dict[str, Any]] = []
    for group in _actions(op_ids, ops):
        fresh = [(op_id, op) for op_id, op in group if op_id not in seen]
        outcome = _apply_action(session, caller, fresh, records, looked_up, stamps) if fresh else {}
        for op_id, _op in group:
            if op_id in seen and op_id not in outcome:
                results.append({**seen[op_id], "status": "duplicate"})
                continue
            result = outcome[op_id]
            results.append(result)
            if op_id:
                seen[op_id] = result
                remembered.append(
                    {
                        "op_id": op_id,
                        "device_id": caller.device_id,
                        "status": result["status"],
                        "reason": result.get("reason", ""),
                        "code": result.get("code", ""),
                        "params": result.get("params", {}),
                        "hlc": result.get("hlc"),
                        "at": moment,
                    }
                )
        for record in _touched_in(outcome):
            seq += 1
            record.seq = seq
    session.execute(update(Counter).where(Counter.name == SEQ).values(value=seq))
    stamps.save(session)
    high = max((op["device_seq"] for op in ops if isinstance(op.get("device_seq"), int)), default=0)
    if high > caller.ops_high:
        session.execute(
            update(Device).where(Device.id == caller.device_id, Device.ops_high < high).values(ops_high=high)
        )
    session.flush()
    new = [vars(r) for r in records.values() if isinstance(r, NewRecord)]
    bulk.insert_rows(session, cast(Table, Record.__table__), new)
    bulk.insert_rows(session, cast(Table, AppliedOp.__table__), remembered)
    return [{k: v for k, v in r.items() if k != "touched"} for r in results]


def _result(
    op_id: str,
    status: str,
    reason: str = "",
    code: str | None = "",
    params: Any = None,
    hlc: str | None = None,
) -> dict[str, Any]:
    result: dict[str, Any] = {"op_id": op_id, "status": status}
    if code or status == "rejected":
        # A refusal remembered before refusals had codes comes back as "refused", with its text.
        result.update(
            code=code or "refused", params=params or ({"reason": reason} if not code else {}), reason=reason
        )
    if hlc:
        result["hlc"] = hlc
    return result


def _touched_in(outcome: dict[str, dict[str, Any]]) -> list[AnyRecord]:
    """Every record the action changed (or, if refused, that its device must fetch again), once."""
    found: dict[Key, AnyRecord] = {}
    for result in outcome.values():
        for record in result.get("touched", ()):
            found[(record.entity, record.id)] = record
    return list(found.values())


def _apply_action(
    session: Session,
    caller: Caller,
    ops: list[tuple[str, dict[str, Any]]],
    records: Records,
    looked_up: set[Key],
    stamps: Stamps,
) -> dict[str, dict[str, Any]]:
    """Apply one user action's operations, all or none; a result per operation."""
    scope = ActionRecords(session, records, looked_up)
    outcome: dict[str, dict[str, Any]] = {}
    changed: list[tuple[str, dict[str, Any], list[AnyRecord], bool]] = []
    for op_id, op in ops:
        action = Action(caller, scope, stamps)
        try:  # every check of an operation comes before its changes; a refusal undoes the action
            touched = _apply(session, action, op)
        except Rejected as refused:
            scope.rollback()
            return _refuse(caller, ops, op_id, refused, scope)
        changed.append((op_id, op, touched, action.restamped))
    for op_id, op, touched, restamped in changed:
        own = (str(op.get("entity")), str(op.get("entity_id")))
        # Made by the pushing device itself (its stamp's node), not imported from another
        # laptop's outbox: only then does the pushing device already hold the result.
        made_here = str(op.get("hlc", "")).split("-", 2)[-1] == caller.device_id
        for record in touched:
            # Still one device's record only if this op was that device's and went through whole
            # with the values the device holds (a re-stamp changes its clocks).
            sole = made_here and (record.entity, record.id) == own and not record.conflicts and not restamped
            if not (sole and record.origin == caller.device_id):
                record.origin = None
        stamp = str(op.get("hlc"))
        new_stamp = stamps.new.get(stamp)
        outcome[op_id] = {**_result(op_id, "applied", hlc=new_stamp), "touched": touched}
    return outcome


def _refuse(
    caller: Caller,
    ops: list[tuple[str, dict[str, Any]]],
    refused_id: str,
    refused: Rejected,
    scope: ActionRecords,
) -> dict[str, dict[str, Any]]:
    """The whole action refused; its device gets every record it named from the server again
    (it shows its own refused version of them), if it may see them."""
    again = [scope.get(str(op.get("entity")), str(op.get("entity_id"))) for _op_id, op in ops]
    again += [scope.records[key] for key, state in scope.saved.items() if state is not None]
    visible = [r for r in again if r is not None and visible_to(caller, r)]
    for record in visible:
        record.origin = None
    outcome: dict[str, dict[str, Any]] = {}
    for op_id, _op in ops:
        if op_id == refused_id:
            outcome[op_id] = _result(op_id, "rejected", str(refused), refused.code, refused.params)
        else:
            params = {"op_id": refused_id, "code": refused.code}
            outcome[op_id] = _result(
                op_id,
                "rejected",
                f"another operation of this action was refused: {refused}",
                "action_refused",
                params,
            )
    outcome[refused_id]["touched"] = visible
    return outcome


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


def _check_shape(op: dict[str, Any]) -> tuple[type[Synced], str, str, dict[str, Any], str]:
    entity, entity_id, kind = op.get("entity"), op.get("entity_id"), op.get("kind")
    fields, stamp = op.get("fields"), op.get("hlc")
    if entity not in MODEL_BY_TABLE:
        raise Rejected(f"unknown entity {entity!r}", "unknown_entity", {"entity": str(entity)})
    if kind not in OP_KINDS:
        raise Rejected(f"unknown operation kind {kind!r}", "unknown_kind", {"kind": str(kind)})
    if not isinstance(entity_id, str) or not 1 <= len(entity_id) <= 36:
        raise Rejected("entity_id must be a record id")
    if not isinstance(fields, dict):
        raise Rejected("fields must be an object")
    if not isinstance(stamp, str):
        raise Rejected("hlc must be a clock stamp")
    try:
        Stamp.decode(stamp)
    except Exception as exc:
        raise Rejected(f"malformed clock stamp {stamp!r}") from exc
    return MODEL_BY_TABLE[entity], entity, entity_id, fields, stamp


def _apply(session: Session, action: Action, op: dict[str, Any]) -> list[AnyRecord]:
    model, entity, entity_id, fields, stamp = _check_shape(op)
    action.maker = Stamp.decode(stamp).node
    stamp = action.stamps.accept(stamp)
    if stamp != op["hlc"]:
        action.restamped = True
        fields = _with_new_stamps(fields, action.stamps)
    caller, scope = action.caller, action.scope
    record = scope.get(entity, entity_id)
    kind = op["kind"]
    if kind == "create":
        touched = _create(session, action, model, entity, entity_id, fields, stamp)
        return touched
    if record is None:
        raise Rejected(
            f"{entity} {entity_id} is not known to the server",
            "unknown_record",
            {"entity": entity, "id": entity_id},
        )
    _authorize_change(caller, record, kind, fields)
    at = fields.get("at")
    if kind == "update":
        changes = fields.get("set")
        base = fields.get("base") or {}
        if not isinstance(changes, dict) or not isinstance(base, dict):
            raise Rejected("an update needs 'set' and 'base' objects")
        writable = _writable(model)
        values = {k: v for k, v in changes.items() if k in writable}
        _check_register_rules(record, values)
        _note_conflicts(model, record, values, _adopted(base, record, action.stamps), stamp, str(at or ""))
        _merge(model, record, values, stamp, at)
        return [record]
    if kind == "counter":
        return count(action, model, record, fields, at)
    if kind == "delete":
        record.deleted = True
        _bump_clock(record, "deleted", stamp, at)
        return [record]
    return _transition(action, model, record, fields, stamp, at)


def _with_new_stamps(fields: dict[str, Any], stamps: Stamps) -> dict[str, Any]:
    """A re-stamped operation's stamps inside its fields: an audit event's own `hlc`, and the
    base clocks an edit was made on (they may be stamps this push re-stamped just before)."""
    changed = dict(fields)
    if "hlc" in changed:
        changed["hlc"] = stamps.mapped(changed["hlc"])
    if isinstance(changed.get("base"), dict):
        changed["base"] = {k: stamps.mapped(v) for k, v in changed["base"].items()}
    return changed


def _writable(model: type[Synced]) -> frozenset[str]:
    """The fields an operation may set directly: data fields, not counters (they change only by
    `counter` operations, contribution by contribution)."""
    known = _WRITABLE.get(model.__tablename__)
    if known is None:
        counted = set(model.__counters__) | set(model.__counters__.values())
        known = _WRITABLE[model.__tablename__] = frozenset(model.data_fields()) - counted
    return known


_WRITABLE: dict[str, frozenset[str]] = {}
_SCOPE_STATUSES = frozenset(s.value for s in lifecycle.SCOPE_CHANGE_STATUSES)


def _check_register_rules(record: AnyRecord, values: dict[str, Any]) -> None:
    """The life cycle of registers an edit may touch: a recommendation's scope changes only while
    it is proposed or accepted (after that it has gone down one of the two roads)."""
    if record.entity != "recommendations" or "scope" not in values:
        return
    status = record.data.get("status")
    if values["scope"] != record.data.get("scope") and status not in _SCOPE_STATUSES:
        raise Rejected(
            f"the scope of a recommendation that is {status} cannot change",
            "stale_transition",
            {"entity": record.entity, "id": record.id, "action": "change_scope", "status": str(status)},
        )


def _create(
    session: Session,
    action: Action,
    model: type[Synced],
    entity: str,
    entity_id: str,
    fields: dict[str, Any],
    stamp: str,
) -> list[AnyRecord]:
    caller, scope = action.caller, action.scope
    unit_id = fields.get("unit_id")
    if entity == "units":
        raise Rejected(
            "units are created by the administrator on the server",
            "not_your_record",
            {"entity": entity, "id": entity_id},
        )
    if unit_id != caller.unit_id and not _may_record_for_escalation(scope, caller, entity, fields):
        raise Rejected(
            "this device may only create records of its own unit",
            "not_your_record",
            {"entity": entity, "id": entity_id},
        )
    writable = _writable(model)
    data = {k: v for k, v in fields.items() if k in writable}
    to_unit = data.get("to_unit_id") if entity == "escalations" else None
    if entity == "escalations":
        parent = session.get(ServerUnit, caller.unit_id)
        if parent is None or to_unit != parent.parent_id:
            raise Rejected(
                "an escalation goes to the parent unit of the sending unit",
                "wrong_parent",
                {"to_unit_id": str(to_unit)},
            )
    record = scope.get(entity, entity_id)
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
        data={
            **data,
            **own_counts(model, caller, fields),
            "created_at": fields.get("created_at"),
            "updated_at": fields.get("at"),
        },
        clocks={CREATED: stamp},
        conflicts=[],
        origin=caller.device_id,
    )
    scope.add(created)
    return [created]


def _may_record_for_escalation(
    scope: ActionRecords, caller: Caller, entity: str, fields: dict[str, Any]
) -> bool:
    """The addressed office journals its answer under the sending unit (the row's owner)."""
    if entity != "audit_events" or fields.get("entity") != "escalations":
        return False
    target = scope.get("escalations", fields.get("entity_id"))
    return target is not None and target.to_unit_id == caller.unit_id


def _authorize_change(caller: Caller, record: AnyRecord, kind: str, fields: dict[str, Any]) -> None:
    if record.unit_id == caller.unit_id:
        if record.entity == "units" and kind == "update":
            locked = {"code", "parent_id"} & set(fields.get("set") or {})
            if locked:
                raise Rejected(
                    "a unit's code and parent are changed by the administrator",
                    "locked_field",
                    {"entity": record.entity, "field": sorted(locked)[0]},
                )
        return
    addressed = record.entity == "escalations" and record.to_unit_id == caller.unit_id
    if addressed and kind == "transition" and fields.get("action") in ESCALATION_ACTIONS:
        return
    raise Rejected(
        "this device may not change that record",
        "not_your_record",
        {"entity": record.entity, "id": record.id},
    )


def _current(record: AnyRecord, register: str) -> str:
    clocks = record.clocks or {}
    return str(clocks.get(register) or clocks.get(CREATED) or "")


MAX_CONFLICTS = 20


def _adopted(base: dict[str, Any], record: AnyRecord, stamps: Stamps) -> dict[str, Any]:
    """An edit's base clocks as the server holds them. A base stamped beyond the server's horizon
    is a change of this device the server re-stamped, which the device had not adopted yet when
    it made the edit: if that register's clock is still the device's own, the edit was made on
    top of it (no conflict)."""
    adopted = dict(base)
    for register, known in base.items():
        current = _current(record, register)
        mine = isinstance(known, str) and known != current and _node(known) == _node(current) is not None
        if mine and Stamp.decode(str(known)).wall_ms > stamps.horizon_ms:
            adopted[register] = current
    return adopted


def _node(stamp: str) -> str | None:
    try:
        return Stamp.decode(stamp).node
    except InputError:
        return None


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
    touch(record, at)


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
    touch(record, at)


# -- status changes -------------------------------------------------------------------------


def _transition(
    action: Action, model: type[Synced], record: AnyRecord, fields: dict[str, Any], stamp: str, at: Any
) -> list[AnyRecord]:
    name = str(fields.get("action", ""))
    register = fields.get("fields")
    if not isinstance(register, dict):
        raise Rejected("a status change needs its fields")
    _check_transition(record, name)
    if stamp <= _current(record, "status"):
        # The life cycle, not the clocks, orders status changes: one the life cycle accepts is
        # never lost to an older stamp (a laptop whose clock is behind); it gets a newer one.
        stamp = action.restamp(str(stamp))
    writable = _writable(model)
    touched = [record]
    if record.entity == "recommendations" and name == "merge":
        touched += merge_votes(action, model, record, register)
    _merge(model, record, {k: v for k, v in register.items() if k in writable}, stamp, at)
    if record.entity == "escalations" and name == "answer":
        touched += _answer_down_the_chain(action.scope, record, register, stamp, at)
    return touched


def _check_transition(record: AnyRecord, action: str) -> None:
    status = record.data.get("status")
    stale = Rejected(
        f"cannot {action} a {record.entity} record that is {status}",
        "stale_transition",
        {"entity": record.entity, "id": record.id, "action": action, "status": str(status)},
    )
    try:
        if record.entity == "recommendations":
            lifecycle.check(action, RecStatus(str(status)), Scope(str(record.data.get("scope"))))
        elif record.entity == "forums":
            needed = forum_rules.ACTIONS.get(action)
            if needed is None or ForumStatus(str(status)) != needed[0]:
                raise stale
        elif record.entity == "escalations":
            if action not in ESCALATION_ACTIONS:
                raise Rejected(f"unknown escalation action {action!r}")
            if EscalationStatus(str(status)) not in (EscalationStatus.SENT, EscalationStatus.ACKNOWLEDGED):
                raise stale
        else:
            raise Rejected(f"{record.entity} has no status to change")
    except KeyError as exc:
        raise Rejected(f"unknown action {action!r}") from exc
    except TransitionError as exc:
        raise Rejected(exc.message, stale.code, stale.params) from exc
    except ValueError as exc:
        raise Rejected(f"unknown status: {exc}") from exc


def _answer_down_the_chain(
    scope: ActionRecords, answered: AnyRecord, register: dict[str, Any], stamp: str, at: Any
) -> list[AnyRecord]:
    """The answer of the last office reaches every escalation below it and the recommendation."""
    model = MODEL_BY_TABLE["escalations"]
    touched: list[AnyRecord] = []
    previous = answered.data.get("previous_id")
    while previous:
        earlier = scope.get("escalations", previous)
        if earlier is None:
            break
        values = {k: v for k, v in register.items() if k != "forwarded_to_id"}
        _merge(model, earlier, values, stamp, at)
        touched.append(earlier)
        previous = earlier.data.get("previous_id")
    rec = scope.get("recommendations", answered.data.get("recommendation_id"))
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
