"""Enrollment of a laptop that was used before its office was on the server.

The server's unit tree becomes the truth: a local unit with the same code as a server unit is
merged into it, and so are this laptop's own office (it is the office the enrollment code was
made for, whatever code it was given here) and the parent office named here (it is the
server's parent of that office). Every record that pointed at a merged unit is re-homed to the
server's id, and so is every queued outbox operation, so what was typed before enrollment is
pushed, once, under the right unit; escalations still waiting to be sent are re-addressed to
the server's parent office. The office's own settings (typed locally) travel as an update of
the server's unit; local units the server knows are removed, the server's rows take their place.
`parent_notice` words what changed about the parent office, for the user.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, delete, exists, select, update
from sqlalchemy.orm import Session

from desktop.core.i18n import tr
from desktop.models import SYNCED_MODELS, AuditEvent, DeviceState, Escalation, OutboxOp, Unit, User, utcnow
from desktop.services.journal import jsonable
from protocol.hlc import HybridClock
from protocol.ids import new_id
from protocol.users import user_id

REFERENCES = ("unit_id", "parent_id", "from_unit_id", "to_unit_id")
# What the server's administrator decides about a unit: its code, its name, its place.
SERVER_OWNED = ("code", "name", "parent_id")


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


def _rehome_users(session: Session) -> dict[str, str]:
    """Users added before enrollment, now of the server's unit: their ids are made from unit and
    NIP (protocol.users), so each takes the id its new unit makes, and so do the operations that
    create them, change them or were made by them. Returns {old id: new id}."""
    moved: dict[str, str] = {}
    for old_id, unit_id, nip in session.execute(select(User.id, User.unit_id, User.nip)):
        if (new := user_id(unit_id, nip)) != old_id:
            moved[old_id] = new
    for old_id, new in moved.items():
        session.execute(update(User).where(User.id == old_id).values(id=new))
        session.execute(
            update(AuditEvent)
            .where(AuditEvent.entity == "users", AuditEvent.entity_id == old_id)
            .values(entity_id=new)
        )
        session.execute(
            update(OutboxOp)
            .where(OutboxOp.entity == "users", OutboxOp.entity_id == old_id)
            .values(entity_id=new)
        )
        session.execute(update(OutboxOp).where(OutboxOp.user_id == old_id).values(user_id=new))
    return moved


def _match_home_chain(
    mapping: dict[str, str],
    local: dict[str, Unit],
    local_home: str | None,
    server_home: str,
    server: dict[str, dict[str, Any]],
) -> None:
    """This laptop's office is the office it enrolls for, its parent office the server's parent
    of that office, and so on up, as far as both chains go and no code says otherwise."""
    here: str | None = local_home
    there: str | None = server_home
    seen: set[str] = set()
    while here is not None and here in local and there and here not in server and here not in seen:
        seen.add(here)
        if mapping.setdefault(here, there) != there:
            return  # matched elsewhere by its code: the code decides
        here, there = local[here].parent_id, server.get(there, {}).get("parent_id")


def rehome(
    session: Session, server_units: list[dict[str, Any]], home_unit_id: str, clock: HybridClock
) -> int:
    """Merge local units into the server's; returns how many local units were merged."""
    by_code = {u["code"]: u for u in server_units}
    by_id = {u["id"]: u for u in server_units}
    local = session.scalars(select(Unit)).all()
    mapping = {
        u.id: by_code[u.code]["id"] for u in local if u.code in by_code and by_code[u.code]["id"] != u.id
    }
    state = session.get(DeviceState, 1)
    _match_home_chain(
        mapping, {u.id: u for u in local}, state.home_unit_id if state else None, home_unit_id, by_id
    )
    # Units made on this laptop and deleted before it met the server never reach it.
    never_sent = [u.id for u in local if u.deleted and u.id not in by_id and u.id not in mapping]
    _forget_units(session, never_sent)
    defaults = Unit.field_defaults()
    home_settings: dict[str, Any] = {}
    for unit in local:
        if mapping.get(unit.id) == home_unit_id:
            home_settings = {
                f: getattr(unit, f)
                for f in Unit.data_fields()
                if f not in SERVER_OWNED and getattr(unit, f) not in ("", None, defaults[f])
            }
    if mapping:
        for model in SYNCED_MODELS:
            table = cast(Table, model.__table__)
            for column in REFERENCES:
                if column in table.c:
                    for old, new in mapping.items():
                        session.execute(update(table).where(table.c[column] == old).values({column: new}))
        mapping.update(_rehome_users(session))
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
    _readdress_waiting(session, home_unit_id, by_id.get(home_unit_id, {}).get("parent_id"))
    if home_settings:
        home_settings = {k: jsonable(v) for k, v in home_settings.items()}
        stamp = clock.now().encode()
        session.add(
            OutboxOp(
                op_id=new_id(),
                action_id=new_id(),
                entity="units",
                entity_id=home_unit_id,
                kind="update",
                fields={"set": home_settings, "base": {}, "at": now.isoformat()},
                hlc=stamp,
                created_at=now,
            )
        )
    return len(mapping)


def _forget_units(session: Session, unit_ids: list[str]) -> None:
    if not unit_ids:
        return
    session.execute(
        delete(AuditEvent).where(AuditEvent.entity == "units", AuditEvent.entity_id.in_(unit_ids))
    )
    for op in session.scalars(select(OutboxOp).where(OutboxOp.entity.in_(("units", "audit_events")))):
        if op.entity_id in unit_ids or (
            op.fields.get("entity") == "units" and op.fields.get("entity_id") in unit_ids
        ):
            session.delete(op)
    session.execute(delete(Unit).where(Unit.id.in_(unit_ids)))


def _waiting_ids(session: Session, unit_id: str, not_to: str | None = None) -> list[str]:
    """Escalations sent by `unit_id` (to another office than `not_to`) whose creation is still
    in the outbox: not yet sent."""
    queued = exists().where(
        OutboxOp.entity == "escalations", OutboxOp.entity_id == Escalation.id, OutboxOp.kind == "create"
    )
    query = select(Escalation.id).where(Escalation.from_unit_id == unit_id, queued)
    if not_to is not None:
        query = query.where(Escalation.to_unit_id != not_to)
    return list(session.scalars(query))


def _readdress_waiting(session: Session, home_unit_id: str, server_parent: str | None) -> None:
    """Escalations of this office still waiting to be sent go to the server's parent office."""
    if not server_parent:
        return  # the server has none: they stay as they are, and the user is told
    wrong = _waiting_ids(session, home_unit_id, not_to=server_parent)
    if not wrong:
        return
    session.execute(update(Escalation).where(Escalation.id.in_(wrong)).values(to_unit_id=server_parent))
    for op in session.scalars(select(OutboxOp).where(OutboxOp.entity.in_(("escalations", "audit_events")))):
        if op.entity == "escalations" and op.entity_id in wrong and "to_unit_id" in op.fields:
            op.fields = {**op.fields, "to_unit_id": server_parent}
        elif op.fields.get("entity") == "escalations" and op.fields.get("entity_id") in wrong:
            op.fields = {**op.fields, "after": _readdressed(op.fields.get("after"), server_parent)}
    table = cast(Table, AuditEvent.__table__)
    events = select(table.c.id, table.c.after).where(
        table.c.entity == "escalations", table.c.entity_id.in_(wrong)
    )
    for event_id, after in session.execute(events).all():
        session.execute(
            update(table).where(table.c.id == event_id).values(after=_readdressed(after, server_parent))
        )


def _readdressed(values: Any, to_unit_id: str) -> Any:
    if isinstance(values, dict) and "to_unit_id" in values:
        return {**values, "to_unit_id": to_unit_id}
    return values


@dataclass(frozen=True)
class ParentOffice:
    """This laptop's office as the user knows it: its name, its parent office's name, and how
    many of its escalations wait to be sent."""

    office: str
    parent: str | None
    waiting: int


def parent_office(session: Session) -> ParentOffice | None:
    state = session.get(DeviceState, 1)
    unit = session.get(Unit, state.home_unit_id) if state is not None and state.home_unit_id else None
    if unit is None:
        return None
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    return ParentOffice(unit.name, parent.name if parent else None, len(_waiting_ids(session, unit.id)))


def _same_name(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def parent_notice(before: ParentOffice | None, after: ParentOffice | None) -> str | None:
    """What the user must hear after enrolling, when the server's parent office is not the one
    named on this laptop (None: nothing changed that they had named)."""
    if before is None or after is None or before.parent is None:
        return None
    if after.parent is None:
        return tr(
            "On the server, {office} has no parent office, so {n} escalation(s) waiting to be sent "
            "cannot be delivered. Ask the server's administrator to set its parent office.",
            office=after.office,
            n=before.waiting,
        )
    if _same_name(before.parent, after.parent):
        return None
    notice = tr(
        "On the server, the parent office of {office} is {server}, not {local} as named on this "
        "laptop. The server's is used from now on.",
        office=after.office,
        server=after.parent,
        local=before.parent,
    )
    if before.waiting:
        notice += " " + tr(
            "{n} escalation(s) waiting to be sent will go to {server}.", n=before.waiting, server=after.parent
        )
    return notice
