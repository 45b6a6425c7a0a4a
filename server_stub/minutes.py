"""Frozen minutes on the server: taken only of a closed forum, and shown to the office above
once one of the forum's recommendations is escalated to it.

The office above receives an escalated recommendation with its forum's title and date; with the
frozen berita acara it can see, and print, that the recommendation came out of a forum of the
public (who attended per element, what was agreed): the evidence an evaluator asks of it too.
A snapshot carries no participant's contact details (protocol.minutes refuses them), so the
office above never receives any. Other forums' minutes stay the office's own.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from sqlalchemy import select

from protocol.refusals import Problem, invalid
from server_stub.models import Record
from server_stub.registers import AnyRecord, Batch, NewRecord

MINUTES = "frozen_minutes"


def check_closed(batch: Batch, fields: dict[str, Any]) -> None:
    """A snapshot is taken of a closed forum (the closing comes first in the same action)."""
    forum = batch.get("forums", fields["forum_id"])
    if forum is None or forum.data.get("status") != "closed":
        raise invalid(MINUTES, "forum_id", Problem.NOT_ALLOWED)


def records_of(batch: Batch, entity: str, unit_id: str) -> Iterator[AnyRecord]:
    """Every record of `entity` owned by `unit_id`: this push's new ones and the stored ones
    (as this push holds them)."""
    seen: set[str] = set()
    for record in batch.created():
        if record.entity == entity and record.unit_id == unit_id:
            seen.add(record.id)
            yield record
    stored = batch.session.scalars(
        select(Record.id).where(Record.entity == entity, Record.unit_id == unit_id)
    ).all()
    for record_id in stored:
        if record_id not in seen:
            found = batch.get(entity, record_id)
            if found is not None:
                yield found


def _forum_of(batch: Batch, escalation: AnyRecord) -> Any:
    rec = batch.get("recommendations", escalation.data.get("recommendation_id"))
    return rec.data.get("forum_id") if rec is not None and rec.unit_id == escalation.unit_id else None


def route_new(batch: Batch, minutes: NewRecord) -> None:
    """A new snapshot of a forum one of whose recommendations is already escalated (closed
    again after a reopening): the office above sees it too."""
    for escalation in records_of(batch, "escalations", minutes.unit_id):
        if (
            escalation.data.get("previous_id") is None
            and _forum_of(batch, escalation) == minutes.data["forum_id"]
        ):
            minutes.to_unit_id = escalation.to_unit_id
            return


def route_escalated(batch: Batch, escalation: AnyRecord) -> list[AnyRecord]:
    """A recommendation escalated by its office: the office above sees its forum's frozen
    minutes from now on (they reach it with its next pull)."""
    if escalation.data.get("previous_id") is not None:
        return []  # forwarded further up: the minutes stay with the first office above
    forum_id = _forum_of(batch, escalation)
    if forum_id is None:
        return []
    routed = []
    for minutes in records_of(batch, MINUTES, escalation.unit_id):
        if minutes.data.get("forum_id") == forum_id and minutes.to_unit_id != escalation.to_unit_id:
            minutes.to_unit_id = escalation.to_unit_id
            routed.append(minutes)
    return routed


def same_record(existing: AnyRecord, fields: dict[str, Any], names: list[str]) -> bool:
    """A create of an id that exists, with the very fields the record holds (made alike on
    another laptop: minutes frozen at the upgrade)."""
    return not existing.deleted and all(existing.data.get(name) == fields.get(name) for name in names)
