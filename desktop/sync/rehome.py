"""Enrollment of a laptop that was used before its office was on the server.

The server's unit tree becomes the truth: a local unit with the same code as a server unit is
merged into it. Every record that pointed at the local unit is re-homed to the server's id,
and so is every queued outbox operation, so what was typed before enrollment is pushed, once,
under the right unit. The office's own letterhead (typed locally) travels as an update of the
server's unit; local units the server knows are removed, the server's rows take their place.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from desktop.hlc import HybridClock
from desktop.ids import new_id
from desktop.models import SYNCED_MODELS, AuditEvent, DeviceState, OutboxOp, Unit, utcnow

REFERENCES = ("unit_id", "parent_id", "from_unit_id", "to_unit_id")
SERVER_OWNED = ("code", "parent_id")


def _swap(value: Any, mapping: dict[str, str]) -> Any:
    if isinstance(value, str):
        return mapping.get(value, value)
    if isinstance(value, dict):
        return {k: _swap(v, mapping) for k, v in value.items()}
    if isinstance(value, list):
        return [_swap(v, mapping) for v in value]
    return value


def _swap_in_history(session: Session, mapping: dict[str, str]) -> None:
    """Audit events name units inside their before/after values: those ids change too, so this
    laptop's history reads as the server's copy of it does."""
    table = cast(Table, AuditEvent.__table__)
    for event_id, before, after in session.execute(select(table.c.id, table.c.before, table.c.after)):
        new_before, new_after = _swap(before, mapping), _swap(after, mapping)
        if new_before != before or new_after != after:
            session.execute(
                update(table).where(table.c.id == event_id).values(before=new_before, after=new_after)
            )


def rehome(
    session: Session, server_units: list[dict[str, Any]], home_unit_id: str, clock: HybridClock
) -> int:
    """Merge local units into the server's; returns how many local units were merged."""
    by_code = {u["code"]: u for u in server_units}
    local = session.scalars(select(Unit)).all()
    mapping = {
        u.id: by_code[u.code]["id"] for u in local if u.code in by_code and by_code[u.code]["id"] != u.id
    }
    home_letterhead: dict[str, Any] = {}
    for unit in local:
        if mapping.get(unit.id) == home_unit_id:
            home_letterhead = {f: getattr(unit, f) for f in Unit.data_fields() if f not in SERVER_OWNED}
            home_letterhead = {k: v for k, v in home_letterhead.items() if v}
    if mapping:
        for model in SYNCED_MODELS:
            table = cast(Table, model.__table__)
            for column in REFERENCES:
                if column in table.c:
                    for old, new in mapping.items():
                        session.execute(update(table).where(table.c[column] == old).values({column: new}))
        _swap_in_history(session, mapping)
        merged = list(mapping)
        # The local units and what was recorded about creating them give way to the server's.
        session.execute(
            delete(AuditEvent).where(AuditEvent.entity == "units", AuditEvent.entity_id.in_(merged))
        )
        for op in session.scalars(select(OutboxOp)):
            if (op.entity == "units" and op.entity_id in mapping) or (
                op.entity == "audit_events"
                and op.fields.get("entity") == "units"
                and op.fields.get("entity_id") in mapping
            ):
                session.delete(op)
            else:
                op.fields = _swap(op.fields, mapping)
        session.execute(delete(Unit).where(Unit.id.in_(merged)))
        state = session.get(DeviceState, 1)
        if state is not None and state.home_unit_id in mapping:
            state.home_unit_id = mapping[state.home_unit_id]
    present = set(session.scalars(select(Unit.id)))
    now = utcnow()
    for remote in server_units:  # the server's rows now; the first pull brings their full data
        if remote["id"] not in present:
            session.add(
                Unit(
                    id=remote["id"],
                    unit_id=remote["id"],
                    code=remote["code"],
                    name=remote["name"],
                    parent_id=remote["parent_id"],
                    created_at=now,
                    updated_at=now,
                    deleted=False,
                    clocks={},
                )
            )
    if home_letterhead:
        stamp = clock.now().encode()
        session.add(
            OutboxOp(
                op_id=new_id(),
                action_id=new_id(),
                entity="units",
                entity_id=home_unit_id,
                kind="update",
                fields={"set": home_letterhead, "base": {}, "at": now.isoformat()},
                hlc=stamp,
                created_at=now,
            )
        )
    return len(mapping)
