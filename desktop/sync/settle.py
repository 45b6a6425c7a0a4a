"""Settling a pushed batch with the server's answers, in the outbox and in the device's data.

- Applied (or already had): the operation leaves the outbox. If the server re-stamped it (this
  laptop's clock was ahead), the device adopts the server's stamp: in the record's clocks, in
  its audit event, in queued edits made on top of it, and in its own hybrid clock, so every
  device's copy of the record is the same, byte for byte.
- Refused: the whole user action is refused together. A refusal that passes by itself (a
  record the server does not hold yet, which this laptop holds: `desktop/sync/recoverable.py`)
  leaves the action queued, to go out again. Otherwise each of its operations is set aside with
  the refusal's code and parameters (never silently dropped), and shown in "Perlu perhatian". A
  record the action created does not exist on the server, so it does not stay here as if it
  did: it leaves the tables, kept whole in its refused `create` (to be sent again or copied as
  new). Records the action changed come back as the server holds them with the pull that
  follows.
- A laptop restored from a copy of its folder: a vote the copy made, applied now for the first
  time, was counted from the copy's old contribution; it is corrected by what the server held.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.orm import Session

from desktop.models import MODEL_BY_TABLE, AuditEvent, DeviceState, OutboxOp, RejectedOp, Unit, utcnow
from desktop.sync import recoverable
from desktop.sync.outbox import PendingOp
from desktop.sync.refusals import describe
from domain import counters
from protocol.hlc import HybridClock, Stamp
from protocol.ids import new_id
from protocol.refusals import Refusal


class Settled(NamedTuple):
    applied: int  # operations
    refused: int  # user actions set aside
    waiting: int  # user actions refused for now, still queued


def settle(
    session: Session,
    sent: list[PendingOp],
    results: list[dict[str, Any]],
    clock: HybridClock,
    again: bool = False,
) -> Settled:
    """Settle `sent` with the server's `results`: how many operations were applied, how many
    user actions were set aside and how many wait in the queue. `again`: the push re-sends what
    waits within the same sync (a refusal then is not counted twice)."""
    by_id = {op.op_id: op for op in sent}
    done: list[str] = []
    refused: list[tuple[PendingOp, dict[str, Any]]] = []
    restamped: dict[str, str] = {}
    first_time: list[PendingOp] = []
    for result in results:
        op = by_id.get(str(result.get("op_id", "")))
        if op is None:
            continue
        status = result.get("status")
        if status == "rejected" or (status == "duplicate" and result.get("code")):
            refused.append((op, result))
        else:
            if isinstance(result.get("hlc"), str):
                restamped[op.hlc] = str(result["hlc"])
            if status == "applied":
                first_time.append(op)
        done.append(op.op_id)
    if restamped:
        _adopt(session, [op for op in sent if op.hlc in restamped], restamped, clock)
    set_aside, waiting = _refused(session, refused, counted=not again)
    _correct_restored_votes(session, first_time, clock)
    if done:  # a waiting operation has a new op_id already: it stays
        session.execute(delete(OutboxOp).where(OutboxOp.op_id.in_(done)))
    return Settled(len(done) - len(refused), set_aside, waiting)


# -- stamps the server gave ----------------------------------------------------------------


def _adopt(session: Session, ops: list[PendingOp], new: dict[str, str], clock: HybridClock) -> None:
    for op in ops:
        model = MODEL_BY_TABLE.get(op.entity)
        if model is None:
            continue
        table = cast(Table, model.__table__)
        row = session.execute(select(table.c.clocks).where(table.c.id == op.entity_id)).first()
        if row is not None:
            clocks = {k: new.get(v, v) for k, v in (row.clocks or {}).items()}
            values: dict[str, Any] = {"clocks": clocks}
            if model is AuditEvent:
                values["hlc"] = new[op.hlc]
                session.execute(
                    update(table).where(table.c.id == op.entity_id, table.c.hlc == op.hlc).values(values)
                )
            elif clocks != row.clocks:
                session.execute(update(table).where(table.c.id == op.entity_id).values(values))
    for stamp in new.values():
        clock.observe(Stamp.decode(stamp))
    # Edits still queued that were made on top of a re-stamped change name it by its new stamp.
    queued = session.execute(
        select(OutboxOp.device_seq, OutboxOp.fields).where(
            OutboxOp.kind.in_(("update", "transition")), OutboxOp.entity_id.in_({op.entity_id for op in ops})
        )
    )
    for device_seq, fields in queued:
        base = fields.get("base") or {}
        if any(v in new for v in base.values()):
            changed = {**fields, "base": {k: new.get(v, v) for k, v in base.items()}}
            session.execute(update(OutboxOp).where(OutboxOp.device_seq == device_seq).values(fields=changed))


# -- refused actions ------------------------------------------------------------------------


Refused = list[tuple[PendingOp, dict[str, Any]]]


def _refused(session: Session, refused: Refused, counted: bool) -> tuple[int, int]:
    """Each refused action waits in the queue or is set aside; returns how many of each. Those
    set aside go first: a record one of them created leaves the tables, and a change waiting
    for that record then waits for nothing."""
    actions: dict[str, Refused] = {}
    for op, result in refused:
        actions.setdefault(op.action_id, []).append((op, result))
    passing: list[Refused] = []
    aside: list[Refused] = []
    for ops in actions.values():
        code, params = _cause(ops)
        (passing if code in recoverable.PASSING else aside).append(ops)
    for ops in aside:
        _set_aside(session, ops)
    waiting = 0
    for ops in passing:
        code, params = _cause(ops)
        places = [op.device_seq for op, _result in ops]
        counted_before = recoverable.retries_of(session, places) - (0 if counted else 1)
        if recoverable.passes(session, code, params, counted_before):
            recoverable.keep_queued(session, places, counted)
            waiting += 1
        else:
            _set_aside(session, ops)
    return len(actions) - waiting, waiting


def _cause(ops: Refused) -> tuple[str, dict[str, Any]]:
    """Why an action was refused: the refusal of its operation that was refused for itself (the
    others were refused with `action_refused`, naming it)."""
    for _op, result in ops:
        if result.get("code") != Refusal.ACTION_REFUSED:
            params = result.get("params")
            return str(result.get("code") or ""), params if isinstance(params, dict) else {}
    return Refusal.ACTION_REFUSED.value, {}


def _set_aside(session: Session, refused: Refused) -> None:
    now = utcnow()
    for op, result in refused:
        code = str(result.get("code") or "")[:40]
        params = result.get("params")
        params = params if isinstance(params, dict) else {}
        session.merge(
            RejectedOp(
                op_id=op.op_id,
                action_id=op.action_id,
                entity=op.entity,
                entity_id=op.entity_id,
                kind=op.kind,
                fields=op.fields(),
                hlc=op.hlc,
                reason=describe(code, params, lang="en")[:2000],
                code=code,
                params=params,
                rejected_at=now,
                device_seq=op.device_seq,
                user_id=op.user_id,
                seen=op.seen,
            )
        )
        model = MODEL_BY_TABLE.get(op.entity)
        if op.kind == "create" and model is not None and model is not Unit:  # units: the server's
            table = cast(Table, model.__table__)
            session.execute(delete(table).where(table.c.id == op.entity_id))


# -- votes of a restored copy ----------------------------------------------------------------


def _correct_restored_votes(session: Session, applied: Iterable[PendingOp], clock: HybridClock) -> None:
    """A vote made on a restored copy and applied now for the first time was counted from the
    copy's contribution; the pull before the push brought the server's (without it). What the
    vote changed is added to that, and the corrected contribution queued."""
    state = session.get(DeviceState, 1)
    if state is None or not state.restored_below:
        return
    deltas: dict[tuple[str, str, str], int] = {}
    for op in applied:
        if op.kind != "counter" or op.device_seq > state.restored_below:
            continue
        fields = op.fields()
        if fields.get("key") != state.device_id:
            continue
        audit = session.execute(
            select(AuditEvent.before, AuditEvent.after).where(
                AuditEvent.entity_id == op.entity_id, AuditEvent.hlc == op.hlc
            )
        ).first()
        name = str(fields.get("field"))
        if audit is not None:
            where = (op.entity, op.entity_id, name)
            deltas[where] = (
                deltas.get(where, 0) + int(audit.after.get(name, 0)) - int(audit.before.get(name, 0))
            )
    for (entity, entity_id, name), delta in deltas.items():
        if delta:
            _queue_contribution(session, clock, (entity, entity_id, name), state.device_id, delta)
    oldest = session.scalar(select(func.min(OutboxOp.device_seq)))
    if oldest is None or oldest > state.restored_below:
        state.restored_below = 0


def _queue_contribution(
    session: Session, clock: HybridClock, where: tuple[str, str, str], key: str, delta: int
) -> None:
    entity, entity_id, name = where
    model = MODEL_BY_TABLE[entity]
    counts_field = model.__counters__[name]
    table = cast(Table, model.__table__)
    row = session.execute(
        select(table.c[counts_field], table.c.updated_at).where(table.c.id == entity_id)
    ).first()
    if row is None:
        return
    counts = dict(row[0] or {})
    value = counts.get(key, 0) + delta
    counts = counters.with_contribution(counts, key, value)
    session.execute(
        update(table)
        .where(table.c.id == entity_id)
        .values({counts_field: counts, name: counters.total(counts)})
    )
    at = row.updated_at.isoformat()
    session.add(
        OutboxOp(
            op_id=new_id(),
            action_id=new_id(),
            entity=entity,
            entity_id=entity_id,
            kind="counter",
            fields={"field": name, "key": key, "value": value, "at": at},
            hlc=clock.now().encode(),
            created_at=utcnow(),
        )
    )
