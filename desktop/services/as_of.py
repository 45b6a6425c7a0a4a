"""A forum's recommendations as they stood at the end of a day (the follow-up report's *posisi
per*), from their history: a report dated in the past shows the statuses of that day, not of
today (issue #13).

Each recommendation's status register (status, its reason, the outcome, when) is the last value
its audit events set up to the end of that day in the office's time zone; one recorded after
that day shows as it was created. An escalation sent after that day is left out, and one
answered after it has no answer yet; a follow-up action assigned after that day is left out. A
recommendation with no history (recorded before the history was kept) shows as it is.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.vocab import EscalationStatus, Outcome, RecStatus
from desktop.models import AuditEvent, Forum, Unit
from desktop.services.report_data import EscalationLine, ForumReport, RecLine, forum_report, office_zone_of

REGISTER = ("status", "status_reason", "outcome", "status_at")


def end_of(day: date, zone: tzinfo) -> datetime:
    """The first instant after `day` where the office is."""
    return datetime.combine(day + timedelta(days=1), time.min, tzinfo=zone)


def registers_on(session: Session, rec_ids: Sequence[str], until: datetime) -> dict[str, dict[str, Any]]:
    """Each recommendation's status register as its history has it before `until` (as created,
    if it was recorded later); none for a recommendation without history."""
    rows = session.execute(
        select(AuditEvent.entity_id, AuditEvent.at, AuditEvent.after)
        .where(AuditEvent.entity == "recommendations", AuditEvent.entity_id.in_(list(rec_ids)))
        .order_by(AuditEvent.at, AuditEvent.hlc)
    ).all()
    found: dict[str, dict[str, Any]] = {}
    for rec_id, at, after in rows:
        values = {k: after[k] for k in REGISTER if k in after}
        if not values:
            continue
        state = found.get(rec_id)
        if state is None:  # its first: as it was created
            found[rec_id] = values
        elif at < until:
            state.update(values)
    return found


def _on(value: object, zone: tzinfo) -> date | None:
    if not isinstance(value, str) or not value:
        return None
    return datetime.fromisoformat(value).astimezone(zone).date()


def _escalations(lines: tuple[EscalationLine, ...], day: date) -> tuple[EscalationLine, ...]:
    kept = []
    for esc in lines:
        if esc.sent_on > day:
            continue
        if esc.answered_on is not None and esc.answered_on > day:
            esc = replace(esc, status=EscalationStatus.SENT, answer="", outcome=None, answered_on=None)
        kept.append(esc)
    return tuple(kept)


def as_of(report: ForumReport, registers: dict[str, dict[str, Any]], day: date, zone: tzinfo) -> ForumReport:
    recs: list[RecLine] = []
    for rec in report.recommendations:
        state = registers.get(rec.id)
        if state is not None and "status" in state:
            outcome = state.get("outcome")
            rec = replace(
                rec,
                status=RecStatus(state["status"]),
                status_reason=str(state.get("status_reason", "") or ""),
                outcome=Outcome(outcome) if outcome else None,
                status_on=_on(state.get("status_at"), zone),
            )
        assigned = tuple(fu for fu in rec.follow_ups if fu.assigned_on is None or fu.assigned_on <= day)
        recs.append(replace(rec, escalations=_escalations(rec.escalations, day), follow_ups=assigned))
    return replace(report, recommendations=tuple(recs))


def forum_report_on(session: Session, forum_id: str, day: date) -> ForumReport:
    """What the follow-up report of `day` reads: the forum with its recommendations' statuses as
    they were at the end of that day."""
    report = forum_report(session, forum_id)
    forum = session.get(Forum, forum_id)
    zone = office_zone_of(session.get(Unit, forum.unit_id) if forum is not None else None)
    registers = registers_on(session, [r.id for r in report.recommendations], end_of(day, zone).astimezone(UTC))
    return as_of(report, registers, day, zone)

