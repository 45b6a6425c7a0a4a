"""Who may write what, and what an operation may point at (DESIGN.md sync steps 6c and 8).

A device writes its own unit's records, and the status of escalations addressed to its unit (acknowledge,
forward, answer). A recommendation's answer is not the owner's to record: it comes with the
addressed office's answer to the escalation, which the server brings down the chain. The
addressed office journals its answer under the sending unit, in an audit event of its own
device. Units are the administrator's. Every id a record refers to names a record the device may
see; an escalation goes to the parent unit of the sending unit, about a recommendation of that
unit (or the one the escalation it forwards is about), and arrives with no answer.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from protocol.entities import STATUS, UNCHECKED_REFERENCES, Action, Entity
from protocol.refusals import Problem, Refusal, Refused, invalid
from server_stub.models import Device, ServerUnit
from server_stub.registers import AnyRecord, Batch
from server_stub.visibility import addressed_to, may_see


@dataclass(frozen=True)
class Caller:
    device_id: str
    unit_id: str
    ops_high: int = 0  # the highest operation number applied from this device
    may_restate: bool = False  # the server lost what it had sent: it re-sends its state


def unknown(entity: str, record_id: str) -> Refused:
    return Refused(
        Refusal.UNKNOWN_RECORD, f"{entity} {record_id} is not on the server", entity=entity, id=record_id
    )


def not_yours(caller: Caller, record: AnyRecord) -> Refused:
    """A record the caller may not change: named as such only if it may see it (a device
    learns nothing of other offices' records by trying ids)."""
    if not may_see(caller.unit_id, record):
        return unknown(record.entity, record.id)
    return Refused(
        Refusal.NOT_YOUR_RECORD,
        f"{record.entity} {record.id} belongs to another office",
        entity=record.entity,
        id=record.id,
    )


def owner_writes(caller: Caller, record: AnyRecord) -> None:
    if record.unit_id != caller.unit_id:
        raise not_yours(caller, record)


# Status actions no device sends: the server applies them (`apply._answer_down_the_chain`).
ANSWERED_FROM_ABOVE = frozenset({("recommendations", "answer")})


def action_by(caller: Caller, record: AnyRecord, action: Action) -> None:
    """The owner acts on its records; the addressed office on an escalation's status."""
    allowed = (
        addressed_to(caller.unit_id, record) if action.by_addressee else record.unit_id == caller.unit_id
    )
    if not allowed:
        raise not_yours(caller, record)
    if (record.entity, action.name) in ANSWERED_FROM_ABOVE:
        raise Refused(
            Refusal.ANSWER_FROM_ADDRESSEE,
            f"the answer to {record.entity} {record.id} comes from the office it was escalated to",
            entity=record.entity,
            id=record.id,
        )


def not_visible(entity: str, record_id: object) -> Refused:
    return Refused(
        Refusal.NOT_VISIBLE,
        f"{entity} {record_id} is not a record this office may see",
        entity=entity,
        id=str(record_id),
    )


def references(caller: Caller, entity: Entity, values: Mapping[str, Any], batch: Batch) -> None:
    """Each id among `values` names a record of the right entity the caller may see."""
    for f in entity.references:
        target_id = values.get(f.name)
        if target_id is None or f.refers_to is None or f.refers_to in UNCHECKED_REFERENCES:
            continue
        if f.refers_to == "units" or entity.name == "escalations":
            continue  # units are everyone's; an escalation's ids follow its own rules (below)
        target = batch.get(f.refers_to, target_id)
        if target is None or not may_see(caller.unit_id, target):
            raise not_visible(f.refers_to, target_id)


def creator(
    caller: Caller, entity: Entity, record_id: str, fields: Mapping[str, Any], batch: Batch, restating: bool
) -> None:
    """May the caller bring this record into being? (A create, or state re-sent.)"""
    if entity.admin_only:
        raise Refused(Refusal.ADMIN_ONLY, f"{entity.name} are the administrator's", entity=entity.name)
    owner = fields["unit_id"]
    if entity.name == "audit_events" and fields["entity"] == "escalations":
        about = batch.get("escalations", fields["entity_id"])
        if about is not None and addressed_to(caller.unit_id, about) and owner == about.unit_id:
            _author(batch.session, caller, fields["device_id"])
            return
    if owner != caller.unit_id:
        raise Refused(
            Refusal.NOT_YOUR_RECORD,
            "a device creates records of its own unit only",
            entity=entity.name,
            id=record_id,
        )
    if entity.name == "audit_events" and not restating:  # re-sent history: see office_author
        _author(batch.session, caller, fields["device_id"])


def speaks_for(session: Session, caller: Caller, device_id: str) -> bool:
    """May the caller push what `device_id` did (record an event in its name, set its vote
    share)? Itself; or a laptop of its own office that was revoked or moved away, whose unsent
    changes it imports (`mufakat outbox import`). Never an unknown device, one still at work
    (it speaks for itself), nor another office's."""
    if device_id == caller.device_id:
        return True
    other = session.get(Device, device_id)
    return other is not None and other.unit_id == caller.unit_id and other.revoked_at is not None


def office_author(session: Session, caller: Caller, device_id: str) -> bool:
    """May the caller re-send an event this device recorded (after the server lost it)? Its
    own, or one of a laptop of its office the server knows (a laptop holds its colleagues'
    history); not another office's device's (that office re-sends it), nor an unknown one's."""
    if device_id == caller.device_id:
        return True
    author = session.get(Device, device_id)
    return author is not None and author.unit_id == caller.unit_id


def _author(session: Session, caller: Caller, device_id: str) -> None:
    """Who recorded an event: a device the caller speaks for."""
    if not speaks_for(session, caller, device_id):
        raise invalid("audit_events", "device_id", Problem.NOT_ALLOWED)


def escalation(session: Session, caller: Caller, fields: Mapping[str, Any], batch: Batch) -> None:
    """An escalation starts from the sending unit to its parent, about one of its recommendations
    (or about the recommendation of the escalation it forwards); a new one has no answer."""
    if fields["from_unit_id"] != caller.unit_id:
        raise invalid("escalations", "from_unit_id", Problem.NOT_ALLOWED)
    unit = session.get(ServerUnit, caller.unit_id)
    if unit is None or unit.parent_id is None or fields["to_unit_id"] != unit.parent_id:
        raise Refused(
            Refusal.WRONG_PARENT,
            "an escalation goes to the parent unit of the sending unit",
            to_unit_id=str(fields["to_unit_id"]),
        )
    previous_id = fields["previous_id"]
    if previous_id is None:
        subject = batch.get("recommendations", fields["recommendation_id"])
        if subject is None or subject.unit_id != caller.unit_id:
            raise not_visible("recommendations", fields["recommendation_id"])
    else:
        previous = batch.get("escalations", previous_id)
        if previous is None or not addressed_to(caller.unit_id, previous):
            raise not_visible("escalations", previous_id)
        if previous.data.get("recommendation_id") != fields["recommendation_id"]:
            raise invalid("escalations", "recommendation_id", Problem.NOT_ALLOWED)
    # Also when its state is re-sent: the answer is the addressed office's to give (or re-send).
    opening = {"status": "sent", "answer": "", "outcome": None, "answered_by": "", "answered_at": None}
    for name, value in {**opening, "forwarded_to_id": None}.items():
        if fields[name] != value:
            raise invalid("escalations", name, Problem.NOT_ALLOWED)


def transition_targets(caller: Caller, record: AnyRecord, register: Mapping[str, Any], batch: Batch) -> None:
    """The records a status action names: a merge into a recommendation of the same forum, a
    forward to the escalation the caller sent on from this one."""
    into = register.get("merged_into_id")
    if record.entity == "recommendations" and into is not None and into != record.data.get("merged_into_id"):
        target = batch.get("recommendations", into)
        if target is None or not may_see(caller.unit_id, target):
            raise not_visible("recommendations", into)
        if into == record.id or target.data.get("forum_id") != record.data.get("forum_id"):
            raise invalid("recommendations", "merged_into_id", Problem.NOT_ALLOWED)
    onward = register.get("forwarded_to_id")
    if record.entity == "escalations" and onward is not None and onward != record.data.get("forwarded_to_id"):
        target = batch.get("escalations", onward)
        if target is None or target.unit_id != caller.unit_id:
            raise not_visible("escalations", onward)
        if target.data.get("previous_id") != record.id:
            raise invalid("escalations", "forwarded_to_id", Problem.NOT_ALLOWED)


def unchanged_outside(entity: Entity, record: AnyRecord, action: Action, register: Mapping[str, Any]) -> None:
    """A status action carries exactly its fields: the others of the register keep their values."""
    for name, value in register.items():
        if name == STATUS or name in action.sets:
            continue
        held = record.data.get(name, default_of(entity, name))
        if value != held:
            raise Refused(
                Refusal.LOCKED_FIELD,
                f"{action.name} does not set {entity.name}.{name}",
                entity=entity.name,
                field=name,
            )


def default_of(entity: Entity, name: str) -> Any:
    f = entity.by_name[name]
    return None if f.nullable else ""
