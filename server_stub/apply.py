"""Applying pushed operations to the server's records (DESIGN.md sync steps 2, 4, 5, 6, 6b, 6c, 8).

Each operation is applied at most once (its op_id is remembered), only after it was checked
against its entity's schema (`protocol.validate`), only by a device allowed to write that
record (`server_stub.authorize`), field by field: a register takes the incoming value only when
the incoming clock stamp is later (last writer wins; ties are broken by the device id inside
the stamp). Status changes are checked against the life cycle and carry exactly their fields,
counters keep each contributor's share (`server_stub.counting`), deletes are tombstones, audit
events are never changed. Pushes of one unit apply one at a time, pushes of different units side
by side on PostgreSQL; the records a push changed get their numbers last (`server_stub.sequence`:
never served while a smaller one may still commit).

The operations of one user action (one `action_id`) are applied all or none: the records the
action touches are remembered as they were before it and put back if any of its operations is
refused (the others are then refused with `action_refused`, naming it). The first action to
reach the server wins; the refused one's device is handed the server's records again. Other
actions of the push still apply.

A stamp more than a minute ahead of the server's clock is re-stamped from the server's own
hybrid clock (`server_stub.stamps`), never refused; the result carries the new stamp and the
device adopts it.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from domain import deadlines
from protocol import lifecycle
from protocol.entities import CREATED, DELETED, ENTITIES, STATUS, Entity
from protocol.hlc import Stamp
from protocol.messages import Envelope, Op, envelope, is_id
from protocol.refusals import Refusal, Refused
from protocol.users import USERS
from protocol.validate import (
    check_counter,
    check_create,
    check_delete,
    check_op,
    check_resolve,
    check_restate,
    check_transition,
    check_update,
)
from server_stub import accounts, authorize, file_access, minutes, sequence, survey_issue
from server_stub.action import Action
from server_stub.authorize import Caller
from server_stub.calendar import calendar_of, day_of, zone_of
from server_stub.counting import count, merge_votes, own_counts
from server_stub.models import AppliedOp, Device, Record
from server_stub.registers import (
    AnyRecord,
    Batch,
    Key,
    NewRecord,
    bump_clock,
    current,
    merge,
    new_record,
    note_conflicts,
)
from server_stub.resolve import resolve
from server_stub.restate import restate
from server_stub.stamps import Stamps
from server_stub.visibility import may_see
from storage import bulk

__all__ = ["Caller", "apply_push"]

Pending = list[tuple[str, "Decoded"]]


class Decoded(NamedTuple):
    """A pushed operation: what its envelope says, and the operation checked (`check_op`) or
    why it was refused."""

    envelope: Envelope
    op: Op | Refused


def _decoded(op: object) -> Decoded:
    try:
        return Decoded(envelope(op, ENTITIES), check_op(op))
    except Refused as refusal:
        return Decoded(envelope(op, ENTITIES), refusal)


def now() -> datetime:
    return datetime.now(UTC)


def _result(
    op_id: str,
    status: str,
    code: str | None = None,
    params: dict[str, Any] | None = None,
    hlc: str | None = None,
) -> dict[str, Any]:
    result: dict[str, Any] = {"op_id": op_id, "status": status}
    if code:
        result.update(code=code, params=params or {})
    if hlc:
        result["hlc"] = hlc
    return result


def _key(op_id: str, op: Decoded) -> str:
    """The operation's key in this push: its id, or (none it can be) its place."""
    return op_id or str(id(op))


def _actions(ops: list[Decoded]) -> Iterator[Pending]:
    """The push's operations grouped by user action (consecutive: a push never splits one)."""
    group: Pending = []
    current_action: object = None
    for op in ops:
        op_id = op.envelope.op_id
        action_id = op.envelope.action_id or op_id or id(op)
        if group and action_id != current_action:
            yield group
            group = []
        current_action = action_id
        group.append((op_id, op))
    if group:
        yield group


def apply_push(session: Session, caller: Caller, pushed: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # Core statements, not ORM objects: a push of one change is a round of a few statements.
    sequence.serialize_unit(session, caller.unit_id)
    moment = now()
    ops = [_decoded(op) for op in pushed]
    op_ids = [op.envelope.op_id for op in ops]
    seen: dict[str, dict[str, Any]] = {}
    for op_id, status, code, params, hlc in session.execute(
        select(AppliedOp.op_id, AppliedOp.status, AppliedOp.code, AppliedOp.params, AppliedOp.hlc).where(
            AppliedOp.op_id.in_([i for i in op_ids if i])
        )
    ):
        if status == "rejected" and not code:  # refused before refusals had codes
            code, params = Refusal.REFUSED_EARLIER.value, {}
        seen[op_id] = _result(op_id, "duplicate", code, params, hlc)
    loaded = _load_records(session, ops)
    # After the records are locked: a push of another unit that changed one of them has committed.
    stamps = Stamps.load(session, moment, caller.unit_id, loaded.values())
    batch = Batch(session, loaded)
    results: list[dict[str, Any]] = []
    remembered: list[dict[str, Any]] = []
    changed: dict[Key, AnyRecord] = {}  # in the order of their last change
    for group in _actions(ops):
        fresh = [(op_id, op) for op_id, op in group if not (op_id and op_id in seen)]
        outcome, touched = _apply_action(caller, fresh, batch, stamps) if fresh else ({}, [])
        for record in touched:
            changed.pop((record.entity, record.id), None)
            changed[(record.entity, record.id)] = record
        for op_id, op in group:
            if op_id and op_id in seen and op_id not in outcome:
                results.append(seen[op_id])
                continue
            result, error = outcome[_key(op_id, op)]
            results.append(result)
            if op_id:
                seen[op_id] = {**result, "status": "duplicate"}
                user_id = op.op.user_id if isinstance(op.op, Op) else None
                remembered.append(
                    {
                        "op_id": op_id,
                        "device_id": caller.device_id,
                        "user_id": user_id,
                        "before_accounts": user_id is None and result["status"] == "applied",
                        "status": result["status"],
                        "code": result.get("code"),
                        "params": result.get("params"),
                        "reason": error,
                        "hlc": result.get("hlc"),
                        "at": moment,
                    }
                )
    for record, seq in zip(changed.values(), sequence.hand_out(session, len(changed)), strict=True):
        record.seq = seq
    # Once numbered: the users' marks keep the change numbers of their creation and deactivation.
    accounts.note_users(session, changed.values())
    stamps.save(session)
    high = max((op.envelope.device_seq or 0 for op in ops), default=0)
    if high > caller.ops_high:
        session.execute(
            update(Device).where(Device.id == caller.device_id, Device.ops_high < high).values(ops_high=high)
        )
    session.flush()
    bulk.insert_rows(session, cast(Table, Record.__table__), [vars(r) for r in batch.created()])
    file_access.remember(session, batch.created())
    bulk.insert_rows(session, cast(Table, AppliedOp.__table__), remembered)
    return results


Outcome = dict[str, tuple[dict[str, Any], str]]  # op key → (result, English reason for the log)


def _apply_action(
    caller: Caller, ops: Pending, batch: Batch, stamps: Stamps
) -> tuple[Outcome, list[AnyRecord]]:
    """Apply one user action's operations, all or none: each one's result, and the records whose
    change its devices must hear of (new sequence numbers)."""
    batch.begin()
    changed: list[tuple[str, Op, str, list[AnyRecord], bool]] = []
    for op_id, pushed in ops:
        action = Action(caller, batch, stamps)
        op = pushed.op
        try:  # every check of an operation comes before its changes; a refusal undoes the action
            if isinstance(op, Refused):
                raise op
            stamp = op.hlc  # as pushed (a re-stamp changes the operation's)
            touched = _apply(action, op)
        except Refused as refusal:
            return _refuse(caller, ops, _key(op_id, pushed), refusal, batch)
        changed.append((_key(op_id, pushed), op, stamp, touched, action.restamped))
    outcome: Outcome = {}
    found: dict[Key, AnyRecord] = {}
    for key, op, stamp, touched, restamped in changed:
        own = (op.entity, op.entity_id)
        # Made by the pushing device itself (its stamp's node), not imported from another
        # laptop's outbox: only then does the pushing device already hold the result.
        made_here = stamp.split("-", 2)[-1] == caller.device_id
        for record in touched:
            # Still one device's record only if this op was that device's and went through
            # whole, with the values it holds (a re-stamp gives it other clocks).
            sole = made_here and not restamped and (record.entity, record.id) == own and not record.conflicts
            if not (sole and record.origin == caller.device_id):
                record.origin = None
            found[(record.entity, record.id)] = record
        outcome[key] = (_result(key, "applied", hlc=stamps.new.get(stamp)), "")
    return outcome, list(found.values())


def _refuse(
    caller: Caller, ops: Pending, refused_key: str, refusal: Refused, batch: Batch
) -> tuple[Outcome, list[AnyRecord]]:
    """The whole action refused: every record as before it; the refusing device gets each record
    the action named or touched from the server again, if it may see it (it shows its own
    refused version of them)."""
    again: dict[Key, AnyRecord] = {(r.entity, r.id): r for r in batch.rollback()}
    for _op_id, op in ops:
        named = batch.get(*op.envelope.record) if op.envelope.record else None
        if named is not None:
            again[(named.entity, named.id)] = named
    visible = [r for r in again.values() if may_see(caller.unit_id, r)]
    for record in visible:
        record.origin = None
    code, params = refusal.code.value, refusal.params
    outcome: Outcome = {}
    for op_id, op in ops:
        key = _key(op_id, op)
        if key == refused_key:
            outcome[key] = (_result(key, "rejected", code, params), refusal.error)
        else:
            also = {"op_id": refused_key, "code": code}
            why = f"another operation of this action was refused: {refusal.error}"
            outcome[key] = (_result(key, "rejected", Refusal.ACTION_REFUSED.value, also), why)
    return outcome, visible


def _named(op: Op) -> set[Key]:
    """The records an operation changes or refers to (by the ids in its fields)."""
    entity = ENTITIES[op.entity]
    fields = op.fields
    keys = {(entity.name, op.entity_id)}
    if op.user_id is not None:
        keys.add((USERS, op.user_id))
    for part in (fields, fields.get("set"), fields.get("fields"), fields.get("data")):
        if not isinstance(part, dict):
            continue
        for f in entity.references:
            value = part.get(f.name)
            if is_id(value) and f.refers_to in ENTITIES:
                keys.add((str(f.refers_to), value))
        about = part.get("entity_id")
        if entity.name == "audit_events" and part.get("entity") in ENTITIES and is_id(about):
            keys.add((str(part["entity"]), about))
    return keys


def _load_records(session: Session, ops: list[Decoded]) -> dict[Key, AnyRecord]:
    """The records a batch touches or names, in one query per entity, locked until the push
    commits."""
    wanted: dict[str, set[str]] = {}
    for pushed in ops:
        if isinstance(pushed.op, Refused):
            continue
        for entity, record_id in _named(pushed.op):
            wanted.setdefault(entity, set()).add(record_id)
    found: dict[Key, AnyRecord] = {}
    # Locked in one order, by entity and id, whatever the push: pushes of two units that change
    # the same records (an escalation and the office above) wait for each other, never deadlock.
    for entity, ids in sorted(wanted.items()):
        query = (
            select(Record)
            .where(Record.entity == entity, Record.id.in_(ids))
            .order_by(Record.id)
            .with_for_update()
        )
        for record in session.scalars(query):
            found[(record.entity, record.id)] = record
    return found


def _apply(action: Action, op: Op) -> list[AnyRecord]:
    entity = ENTITIES[op.entity]
    caller, batch = action.caller, action.batch
    action.maker = Stamp.decode(op.hlc).node
    stamp = action.stamps.accept(op.hlc)
    if stamp != op.hlc:
        action.restamped = True
        op.hlc, op.fields = stamp, _with_new_stamps(op.fields, action.stamps)
    accounts.check_user(action, op)
    record = batch.held(op.entity, op.entity_id)
    if op.kind == "create":
        return _create(action, entity, op, record)
    if op.kind == "restate":
        return restate(action, entity, op, check_restate(entity, op.fields), record)
    if record is None:
        raise authorize.unknown(op.entity, op.entity_id)
    if entity.append_only:
        raise Refused(Refusal.APPEND_ONLY, f"{entity.name} are never changed", entity=entity.name)
    if op.kind == "transition":
        return _transition(action, entity, record, op)
    authorize.owner_writes(caller, record)
    at = op.fields.get("at")
    if op.kind == "update":
        checked = check_update(entity, op.fields)
        accounts.check_user_changes(entity, checked.set)
        authorize.references(caller, entity, checked.set, batch)
        if entity.name == file_access.ATTACHMENTS:
            file_access.check_kind(record, checked.set)
        _scope_may_change(entity, record, checked.set)
        base = _adopted(checked.base, record, action.stamps)
        note_conflicts(entity, record, checked.set, base, op.hlc, str(at or ""))
        merge(entity, record, checked.set, op.hlc, at)
        return [record]
    if op.kind == "counter":
        return count(action, entity, record, check_counter(entity, op.fields), at)
    if op.kind == "resolve":
        return resolve(record, check_resolve(entity, op.fields), op.hlc)
    check_delete(entity, op.fields)  # a delete or a restore: both carry only their time
    if not entity.deletable:
        raise Refused(Refusal.NOT_DELETABLE, f"{entity.name} are not deleted", entity=entity.name)
    if entity.name == survey_issue.RESPONSES and (op.kind == "restore" or not record.deleted):
        # an issued SKM period's responses are fixed: neither removed nor brought back
        survey_issue.check_response(batch, record.unit_id, record.data.get("period_id"))
    if op.kind == "restore":
        if entity.name == file_access.ATTACHMENTS and record.deleted:
            file_access.check_restored(batch.session, caller, record)
        _tombstone(record, False, op.hlc, at)
        return [record]
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
    _tombstone(record, True, op.hlc, at)
    return [record]


def _tombstone(record: AnyRecord, deleted: bool, stamp: str, at: Any) -> None:
    """Delete, or restore (the undo of a deletion brings the same record back, with its
    history). The tombstone is a register (DELETED): the later of a delete and a restore wins,
    so one arriving late changes nothing; a record never restored is deleted by any delete."""
    if stamp > current(record, DELETED) or (deleted and DELETED not in (record.clocks or {})):
        record.deleted = deleted
    bump_clock(record, DELETED, stamp, at)


def _with_new_stamps(fields: dict[str, Any], stamps: Stamps) -> dict[str, Any]:
    """A re-stamped operation's stamps inside its fields: an audit event's own `hlc`, and the
    base clocks an edit was made on (they may be stamps this push re-stamped just before)."""
    changed = dict(fields)
    if "hlc" in changed:
        changed["hlc"] = stamps.mapped(changed["hlc"])
    if isinstance(changed.get("base"), dict):
        changed["base"] = {k: stamps.mapped(v) for k, v in changed["base"].items()}
    return changed


def _adopted(base: dict[str, str], record: AnyRecord, stamps: Stamps) -> dict[str, str]:
    """An edit's base clocks as the server holds them. A base stamped beyond the server's horizon
    is a change of this device the server re-stamped, which the device had not adopted yet when
    it made the edit: if that register's clock is still the device's own, the edit was made on
    top of it (no conflict)."""
    adopted = dict(base)
    for register, known in base.items():
        now_held = current(record, register)
        if known == now_held or _node(known) is None or _node(known) != _node(now_held):
            continue
        if Stamp.decode(known).wall_ms > stamps.horizon_ms:
            adopted[register] = now_held
    return adopted


def _node(stamp: str) -> str | None:
    parts = stamp.split("-", 2)
    return parts[2] if len(parts) == 3 and parts[0].isdigit() else None


_SCOPE_STATUSES = frozenset({"proposed", "accepted"})


def _scope_may_change(entity: Entity, record: AnyRecord, values: dict[str, Any]) -> None:
    """The life cycle of the scope register: a recommendation's scope changes only while it is
    proposed or accepted (after that it has gone down one of the two roads)."""
    if entity.name != "recommendations" or "scope" not in values:
        return
    status = record.data.get(STATUS)
    if values["scope"] != record.data.get("scope") and status not in _SCOPE_STATUSES:
        raise Refused(
            Refusal.STALE_TRANSITION,
            f"the scope of a recommendation that is {status} cannot change",
            entity=entity.name,
            id=record.id,
            action="change_scope",
            status=str(status),
        )


def _create(action: Action, entity: Entity, op: Op, record: AnyRecord | None) -> list[AnyRecord]:
    caller, batch = action.caller, action.batch
    fields = op.fields
    if entity.admin_only:
        raise Refused(Refusal.ADMIN_ONLY, f"{entity.name} are the administrator's", entity=entity.name)
    check_create(entity, fields)
    accounts.check_user_record(entity, op.entity_id, fields)
    if record is not None:  # ids are unique: the same operation retried was answered above
        if _already_there(entity, caller, record, op):
            return []
        if entity.name == USERS and record.unit_id == caller.unit_id == fields["unit_id"]:
            return accounts.merge_same_person(entity, record, op)
        raise Refused(
            Refusal.ID_TAKEN, f"{entity.name} {op.entity_id} exists", entity=entity.name, id=op.entity_id
        )
    authorize.creator(caller, entity, op.entity_id, fields, batch, restating=False)
    authorize.references(caller, entity, fields, batch)
    if entity.name == "escalations":
        authorize.escalation(batch.session, caller, fields, batch)
    if entity.name == minutes.MINUTES:
        minutes.check_closed(batch, fields)
    if entity.name == survey_issue.RESPONSES:
        survey_issue.check_response(batch, caller.unit_id, fields.get("period_id"))
    if entity.name == survey_issue.REPORTS:
        survey_issue.check_report(batch, caller.unit_id, fields)
    if entity.name == file_access.ATTACHMENTS:
        file_access.check_named(batch.session, caller, fields)
    created = new_record(
        entity,
        op.entity_id,
        {**fields, **own_counts(entity, action, fields)},
        {CREATED: op.hlc},
        caller.device_id,
        batch,
    )
    batch.add(created)
    return [created, *_routed(batch, created)]


def _already_there(entity: Entity, caller: Caller, record: AnyRecord, op: Op) -> bool:
    """A create of an id the server holds that is this very record of the caller's office, so
    nothing is to be done: made by the same creation (the record's creation stamp is the
    operation's: the device and the moment that made it), or holding the very fields the create
    brings (minutes made alike on two laptops, a record nobody changed since). After a restore
    the laptops' re-sent state brings records back without the operations that made them, and
    an outbox exported before the restore and imported after it sends those creates again."""
    if record.unit_id != caller.unit_id:
        return False
    if (record.clocks or {}).get(CREATED) == op.hlc:
        return True
    return minutes.same_record(record, op.fields, [f.name for f in entity.fields])


def _routed(batch: Batch, created: NewRecord) -> list[AnyRecord]:
    """Who besides the owner sees what a new record brings: the office above, the frozen
    minutes of a forum one of whose recommendations is escalated to it, and the files attached
    to that recommendation."""
    if created.entity == minutes.MINUTES:
        minutes.route_new(batch, created)
    if created.entity == file_access.ATTACHMENTS:
        file_access.route_new(batch, created)
    if created.entity == "escalations":
        return [*minutes.route_escalated(batch, created), *file_access.route_escalated(batch, created)]
    return []


def _transition(action: Action, entity: Entity, record: AnyRecord, op: Op) -> list[AnyRecord]:
    caller, batch = action.caller, action.batch
    name, checked = check_transition(entity, op.fields)
    authorize.action_by(caller, record, name)
    status = record.data.get(STATUS)
    if not lifecycle.may(entity, name.name, str(status), record.data.get("scope")):
        raise Refused(
            Refusal.STALE_TRANSITION,
            f"cannot {name.name} a {entity.name} record that is {status}",
            entity=entity.name,
            id=record.id,
            action=name.name,
            status=str(status),
        )
    authorize.unchanged_outside(entity, record, name, checked.fields)
    authorize.transition_targets(caller, record, checked.fields, batch)
    if entity.name == "escalations" and name.name in ("dispute", "close") and status == "answered":
        _within_window(batch, record, name.name, checked.at)
    touched = [record]
    if entity.name == "recommendations" and name.name == "merge":
        touched += merge_votes(action, entity, record, checked.fields)
    stamp = op.hlc
    if stamp <= current(record, STATUS):
        # The life cycle, not the clocks, orders status changes: one it accepts is never lost to
        # an older stamp (a laptop whose clock is behind); it gets a newer one.
        stamp = action.restamp(stamp)
    register = {**checked.fields, STATUS: name.target}
    merge(entity, record, register, stamp, op.fields.get("at"))
    if entity.name == "escalations" and name.name == "answer":
        touched += _answer_down_the_chain(batch, record, register, stamp, op.fields.get("at"))
    return touched


def _within_window(batch: Batch, record: AnyRecord, action: str, at: datetime) -> None:
    """SP4N-LAPOR!: the sending office disputes an answer up to the 10th working day after it
    (by the day it did so, which may reach the server later), and closes it only after that
    (by the server's own date); its calendar and zone are its own (domain.deadlines)."""
    zone = zone_of(batch.session, record.unit_id)
    answered_on = day_of(record.data.get("answered_at"), zone)
    if answered_on is None:
        return
    calendar = calendar_of(batch.session, record.unit_id)
    until = deadlines.dispute_until(answered_on, calendar)
    allowed = (
        deadlines.may_dispute(answered_on, at.astimezone(zone).date(), calendar)
        if action == "dispute"
        else deadlines.may_close(answered_on, now().astimezone(zone).date(), calendar)
    )
    if not allowed:
        raise Refused(
            Refusal.DISPUTE_WINDOW,
            f"cannot {action} escalation {record.id}: its dispute window ends on {until.isoformat()}",
            id=record.id,
            action=action,
            until=until.isoformat(),
        )


def _link(record: AnyRecord) -> lifecycle.Link:
    return lifecycle.Link(
        record.id,
        record.unit_id,
        str(record.data.get("to_unit_id")),
        record.data.get("previous_id"),
        record.data.get("forwarded_to_id"),
    )


def _answer_down_the_chain(
    batch: Batch, answered: AnyRecord, register: dict[str, Any], stamp: str, at: Any
) -> list[AnyRecord]:
    """The answer of the last office reaches every escalation below it and the recommendation
    (the protocol's chain rule, `protocol.lifecycle`, as the laptop that records it applies it)."""
    escalations = ENTITIES["escalations"]
    touched: list[AnyRecord] = []

    def lookup(escalation_id: str) -> lifecycle.Link | None:
        found = batch.get("escalations", escalation_id)
        return _link(found) if found is not None else None

    first = answered
    for link in lifecycle.chain_below(_link(answered), lookup):
        below = batch.get("escalations", link.id)
        assert below is not None  # lookup found it
        first = below
        values = {k: v for k, v in register.items() if k != "forwarded_to_id"}
        merge(escalations, first, values, stamp, at)
        touched.append(first)
    rec = batch.get("recommendations", first.data.get("recommendation_id"))
    if rec is not None and lifecycle.answers_recommendation(
        _link(first), rec.unit_id, str(rec.data.get(STATUS)), rec.data.get("scope")
    ):
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
