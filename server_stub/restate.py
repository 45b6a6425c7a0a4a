"""A record's whole state re-sent by a device after the server lost what it had acknowledged
(its epoch changed, the device had seen more than the server holds, or the device enrolled
again as one the server lost: `server_stub.auth` opens the device's window for it): accepted
when the record is absent or identical; otherwise applied register by register, by clock, and
only the registers the device may write (its own unit's records; the status of an escalation
addressed to its unit), and only inside that window (`restate_not_expected` outside it: a
device changes a record the server holds with the operations of its edit rules). A record the
server lacks is taken at any time under the same checks, as a create would be (a laptop
retrying a change whose record the server lacks sends that record first). Never another unit's
record; an audit event is never changed, and a new one is its office's; a status only as the
life cycle reaches it (`server_stub.reachable`). A stamp too far ahead of the server's clock is
re-stamped (the device then pulls the record as the server holds it); counters keep the shares
the server holds and take those it lacks (`server_stub.counting`)."""

from __future__ import annotations

from typing import Any

from protocol.entities import CREATED, DELETED, STATUS, Entity
from protocol.messages import Op
from protocol.refusals import Problem, Refusal, Refused, invalid
from protocol.schema import RestateFields
from server_stub import authorize, minutes
from server_stub.accounts import check_user_record
from server_stub.action import Action
from server_stub.authorize import Caller
from server_stub.counting import recount_merged, restated_counts
from server_stub.reachable import check_restated_status
from server_stub.registers import AnyRecord, current, new_record, touch
from server_stub.visibility import addressed_to


def restate(
    action: Action, entity: Entity, op: Op, state: RestateFields, record: AnyRecord | None
) -> list[AnyRecord]:
    caller, batch = action.caller, action.batch
    clocks_in = {register: action.stamps.accept(stamp) for register, stamp in state.clocks.items()}
    if clocks_in != state.clocks:
        action.restamped = True
    fields: dict[str, Any] = {
        **state.data,
        "unit_id": state.unit_id,
        "created_at": op.fields["created_at"],
        "at": op.fields["at"],
    }
    if record is None:
        if entity.append_only and not authorize.office_author(batch.session, caller, fields["device_id"]):
            return []  # another office's history (it re-sends it itself), never stored in its name
        authorize.creator(caller, entity, op.entity_id, fields, batch, restating=True)
        check_user_record(entity, op.entity_id, fields)
        check_restated_status(
            batch, entity, op.entity_id, state.unit_id, None, state.data, by_addressee=False
        )
        authorize.references(caller, entity, fields, batch)
        if entity.name == "escalations":
            authorize.escalation(batch.session, caller, fields, batch)
        if entity.counters:
            fields.update(restated_counts(entity, action, None, state.data))
        created = new_record(entity, op.entity_id, fields, clocks_in, caller.device_id, batch)
        created.deleted = state.deleted
        batch.add(created)
        recount_merged(entity, action, created)
        if entity.name == minutes.MINUTES:
            minutes.route_new(batch, created)
        if entity.name == "escalations":
            return [created, *minutes.route_escalated(batch, created)]
        return [created]
    if entity.append_only:
        if record.unit_id != caller.unit_id and record.data.get("device_id") != caller.device_id:
            raise authorize.not_yours(caller, record)
        return []  # recorded once, never changed: the server's copy stands
    registers = _writable(caller, entity, record)
    if record.unit_id != state.unit_id:
        raise invalid(entity.name, "unit_id", Problem.NOT_ALLOWED)
    data = dict(record.data)
    clocks = dict(record.clocks or {})
    incoming = clocks_in
    changed: dict[str, Any] = {}
    for register, names in registers.items():
        stamp = incoming.get(register) or incoming[CREATED]
        values = {n: state.data[n] for n in names}
        if stamp > current(record, register) and any(data.get(n) != v for n, v in values.items()):
            if register == STATUS:
                addressee = addressed_to(caller.unit_id, record)
                check_restated_status(batch, entity, record.id, record.unit_id, record, values, addressee)
            changed.update(values)
            clocks[register] = stamp
        elif stamp > current(record, register):
            clocks[register] = stamp
    authorize.references(caller, entity, changed, batch)
    deleted = record.deleted
    if record.unit_id == caller.unit_id and state.deleted != record.deleted:
        # A tombstone the laptop lifted (a restore) is re-sent with its own stamp.
        stamp = incoming.get(DELETED) or (incoming[CREATED] if state.deleted else "")
        if stamp > current(record, DELETED):
            deleted, clocks[DELETED] = state.deleted, stamp
    if entity.counters and record.unit_id == caller.unit_id:
        counted = restated_counts(entity, action, record, state.data)
        changed.update({k: v for k, v in counted.items() if data.get(k) != v})
    if not changed and deleted == record.deleted and clocks == (record.clocks or {}):
        return []  # identical (or older) state: nothing to do
    if not caller.may_restate:
        if not changed and deleted == record.deleted:
            return []  # the same values: nothing to refuse, nothing to take
        raise Refused(
            Refusal.RESTATE_NOT_EXPECTED,
            "state is re-sent only after the server lost what it had (a restore); send changes instead",
        )
    data.update(changed)
    record.data, record.clocks, record.deleted = data, clocks, deleted
    if entity.counters:
        recount_merged(entity, action, record)
    touch(record, op.fields["at"])
    return [record]


def _writable(caller: Caller, entity: Entity, record: AnyRecord) -> dict[str, tuple[str, ...]]:
    """The registers this caller may write on this record."""
    registers = entity.writable_registers
    if addressed_to(caller.unit_id, record):
        return {STATUS: registers[STATUS]}
    if record.unit_id != caller.unit_id:
        raise authorize.not_yours(caller, record)
    if entity.name == "escalations":  # the addressed office answers: not the sender's to restate
        return {r: names for r, names in registers.items() if r != STATUS}
    return registers
