"""Refusals that pass by themselves: the operation stays queued and is sent again.

The server refuses a change to a record it does not hold (`unknown_record`), or one pointing at
a record it does not hold (`not_visible`). When this laptop holds that record, the server is
only missing it for now: the action that creates it is still on its way (queued behind, or
itself waiting), or the server was restored from a backup and this laptop has not noticed yet
(its next pull does, and it sends its whole state again). Setting such a change aside would
show the user a refusal that resolves itself a moment later, and lose the change from the
queue; it stays queued instead, under a new op_id (the server remembers the refused one), and
goes out again with the next push. It never blocks the rest: the server answers each action
on its own. Refused by MAX_RETRIES syncs, it is set aside like any other, so a change that
keeps being refused is never hidden in the queue.

A record the laptop does not hold (its create refused and set aside, or never made here) is
not coming: that refusal is set aside at once, and shown.

An attachment naming a file the server does not hold for this office yet (`file_unknown`) waits
the same way while this laptop holds a record naming that file: the file goes up before the next
push (`desktop.sync.files`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from desktop.models import MODEL_BY_TABLE, Attachment, OutboxOp
from protocol.ids import new_id
from protocol.refusals import Refusal

PASSING = frozenset({Refusal.UNKNOWN_RECORD.value, Refusal.NOT_VISIBLE.value, Refusal.FILE_UNKNOWN.value})
MAX_RETRIES = 5


def holds(session: Session, params: Mapping[str, Any]) -> bool:
    """Does this laptop hold the record the refusal names (or one naming the file it names)?"""
    if "sha256" in params:
        named = select(Attachment.id).where(Attachment.sha256 == str(params["sha256"])).limit(1)
        return session.scalar(named) is not None
    model = MODEL_BY_TABLE.get(str(params.get("entity")))
    record_id = params.get("id")
    if model is None or not isinstance(record_id, str):
        return False
    return session.scalar(select(model.id).where(model.id == record_id)) is not None


def passes(session: Session, code: str, params: Mapping[str, Any], retries: int) -> bool:
    """Will this refusal pass by itself (the change stays queued)?"""
    return code in PASSING and retries < MAX_RETRIES and holds(session, params)


def retries_of(session: Session, device_seqs: list[int]) -> int:
    """How many times the operations at these places were refused and kept (the most of them)."""
    found = session.scalar(
        select(OutboxOp.retries).where(OutboxOp.device_seq.in_(device_seqs)).order_by(OutboxOp.retries.desc())
    )
    return int(found or 0)


def keep_queued(session: Session, device_seqs: list[int], counted: bool = True) -> None:
    """The operations stay in place, each under a new op_id, one more refusal `counted` (a
    sync sending them a second time at once counts once)."""
    for device_seq in device_seqs:
        session.execute(
            update(OutboxOp)
            .where(OutboxOp.device_seq == device_seq)
            .values(op_id=new_id(), retries=OutboxOp.retries + int(counted))
        )


def drop_restated(session: Session, restated: Callable[[str, str], bool]) -> int:
    """Waiting actions whose every operation is on a record the laptop now sends whole again
    (`restated(entity, id)`
    in a `restate`, after the server lost what it had): the restate carries what they changed,
    with their clock stamps, so they are dropped (sent again, a create would find its record
    there and be refused as `id_taken`). Returns how many operations."""
    waiting = session.execute(
        select(OutboxOp.device_seq, OutboxOp.action_id, OutboxOp.entity, OutboxOp.entity_id).where(
            OutboxOp.retries > 0
        )
    ).all()
    by_action: dict[str, list[Any]] = {}
    for row in waiting:
        by_action.setdefault(row.action_id, []).append(row)
    dropped = [
        row.device_seq
        for rows in by_action.values()
        if all(restated(row.entity, row.entity_id) for row in rows)
        for row in rows
    ]
    if dropped:
        session.execute(delete(OutboxOp).where(OutboxOp.device_seq.in_(dropped)))
    return len(dropped)
