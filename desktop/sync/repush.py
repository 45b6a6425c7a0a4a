"""After the server lost what it had acknowledged (its database was restored from a backup: its
epoch changed, or it holds fewer changes than this laptop has seen), the laptop queues its
whole state again, one `restate` operation per record: the record's fields with each
register's own clock stamp. The server stores a record it lacks, leaves one that is identical,
and otherwise takes each register whose stamp is newer, so nothing this laptop holds is lost
and nothing newer is overwritten. Votes go with the record: the server keeps the shares it holds
and takes those it lacks (this laptop's own always), and counts merged duplicates itself.

Only what this laptop may write goes out: its office's records (its own unit record for the
letterhead; the others are the administrator's), the status of escalations addressed to its
office (the answer it gave), and the history entries it recorded itself.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_, insert, or_, select, true
from sqlalchemy.orm import Session

from desktop.models import (
    MODEL_BY_TABLE,
    SYNCED_MODELS,
    AuditEvent,
    DeviceState,
    Escalation,
    ExampleUnit,
    OutboxOp,
    Synced,
    Unit,
    utcnow,
)
from desktop.services.journal import outbox_rows, restate_op
from desktop.sync.recoverable import drop_restated
from protocol.ids import new_id
from protocol.messages import QueuedOp

BATCH = 2000


def _mine(model: type[Synced], home: str | None, device_id: str) -> ColumnElement[bool]:
    """The rows of `model` this laptop may write (every row where it works for no office yet),
    never the sample forum's (they stay on this laptop)."""
    return and_(_written_here(model, home, device_id), model.unit_id.not_in(select(ExampleUnit.unit_id)))


def _written_here(model: type[Synced], home: str | None, device_id: str) -> ColumnElement[bool]:
    if home is None:
        return true()
    if model is Unit:
        return Unit.id == home
    if model is Escalation:
        return or_(Escalation.unit_id == home, Escalation.to_unit_id == home)
    if model is AuditEvent:
        return or_(AuditEvent.unit_id == home, AuditEvent.device_id == device_id)
    return model.unit_id == home


def requeue_everything(session: Session) -> int:
    """Queue this laptop's whole state for the next push; returns how many operations.
    Changes still waiting for a record the server lacked are carried by that record's restate."""
    state = session.get(DeviceState, 1)
    home, device_id = (state.home_unit_id, state.device_id) if state else (None, "")

    def restated(entity: str, record_id: str) -> bool:
        model = MODEL_BY_TABLE.get(entity)
        if model is None:
            return False
        row = session.scalars(select(model).where(model.id == record_id, _mine(model, home, device_id))).first()
        return row is not None and restate_op(model, row, None) is not None

    drop_restated(session, restated)
    queued = 0
    now = utcnow()
    for model in SYNCED_MODELS:
        pending: list[QueuedOp] = []
        query = select(model).where(_mine(model, home, device_id)).execution_options(yield_per=BATCH)
        for row in session.scalars(query):
            # Each record an action of its own: one refused does not hold back the rest.
            op = restate_op(model, row, new_id())
            if op is not None:
                pending.append(op)
            if len(pending) >= BATCH:
                session.execute(insert(OutboxOp), outbox_rows(pending, now))
                queued += len(pending)
                pending = []
        if pending:
            session.execute(insert(OutboxOp), outbox_rows(pending, now))
            queued += len(pending)
    return queued
