"""The status a record's re-sent state may bring (`server_stub.restate`): re-sending state puts
back what the server lost, it never skips the life cycle.

The restated status must be one the life cycle reaches from the status the server holds (from
the first status for a record it lacks) through the re-sending office's own actions: the
owner's for its records, the addressed office's for an escalation's status. A status that
records another office's decision needs that decision on the server: a recommendation is
"answered" (with an outcome) only when the server holds its escalation answered with the same
outcome; while its escalation is there unanswered (the addressed office has not re-sent its
answer yet) the refusal is one that passes (`unknown_record` naming the escalation: the laptop
keeps the restate queued and sends it again). "Escalated" is the owner's own step and needs
nothing more: an escalation needs its recommendation on the server first, so a laptop re-sends
the recommendation before it. Otherwise
the whole restate is refused (`stale_transition`, action "restate"): taking the other registers
and leaving the status would hand the laptop a record it never held; refusing keeps it whole on
the laptop and shows it in "Perlu perhatian".
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from protocol.entities import STATUS, Entity
from protocol.refusals import Refusal, Refused
from server_stub.models import Record
from server_stub.registers import AnyRecord, Batch

ANSWERED = "answered"


def first_status(entity: Entity) -> str | None:
    """The status a record starts in: the one no action leads to (None: no life cycle)."""
    if not entity.actions:
        return None
    targets = {a.target for a in entity.actions.values()}
    sources = [s for a in entity.actions.values() for s in sorted(a.sources)]
    return next((s for s in sources if s not in targets), None)


def reachable(entity: Entity, start: str, by_addressee: bool) -> set[str]:
    """Every status the life cycle reaches from `start` through one office's actions."""
    seen, todo = {start}, [start]
    while todo:
        status = todo.pop()
        for act in entity.actions.values():
            if act.by_addressee == by_addressee and status in act.sources and act.target not in seen:
                seen.add(act.target)
                todo.append(act.target)
    return seen


def check_restated_status(
    batch: Batch,
    entity: Entity,
    record_id: str,
    unit_id: str,
    held: AnyRecord | None,
    state: Mapping[str, Any],
    by_addressee: bool,
) -> None:
    """Refuse a restated status the server cannot justify (see the module's text)."""
    wanted = state.get(STATUS)
    start = held.data.get(STATUS) if held is not None else first_status(entity)
    if start is None or wanted is None or wanted == start:
        return
    justified = wanted in reachable(entity, str(start), by_addressee)
    if justified and entity.name == "recommendations" and wanted == ANSWERED:
        escalation_id, justified = _answered(batch, record_id, unit_id, state.get("outcome"))
        if not justified and escalation_id is not None and not _is_answered(batch, escalation_id):
            # Its escalation is on the server, its answer not yet (the addressed office re-sends
            # it after a restore too): a refusal that passes, the laptop sends this again later.
            raise Refused(
                Refusal.UNKNOWN_RECORD,
                f"the answer of escalation {escalation_id} is not on the server (yet)",
                entity="escalations",
                id=escalation_id,
            )
    if not justified:
        raise Refused(
            Refusal.STALE_TRANSITION,
            f"state re-sent with status {wanted} the server cannot reach from {start}",
            entity=entity.name,
            id=record_id,
            action="restate",
            status=str(start),
        )


def _is_answered(batch: Batch, escalation_id: str) -> bool:
    escalation = batch.get("escalations", escalation_id)
    return escalation is not None and escalation.data.get(STATUS) == ANSWERED


def _answered(batch: Batch, rec_id: str, unit_id: str, outcome: object) -> tuple[str | None, bool]:
    """The recommendation's escalation on the server (None: there is none), and whether it was
    answered with this outcome. Among the office's escalations, those this push brought back."""
    query = select(Record).where(
        Record.entity == "escalations",
        Record.unit_id == unit_id,
        Record.data["recommendation_id"].as_string() == rec_id,
    )
    held = list(batch.session.scalars(query)) + [
        r for r in batch.created() if r.entity == "escalations" and r.unit_id == unit_id
    ]
    found = None
    for escalation in held:
        data = escalation.data
        if escalation.deleted or data.get("recommendation_id") != rec_id or data.get("previous_id"):
            continue
        if data.get(STATUS) == ANSWERED:
            return escalation.id, data.get("outcome") == outcome  # answered otherwise: never
        found = escalation.id
    return found, False
