"""The parent office's inbox: escalations addressed to a unit, newest first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.models import Escalation, Unit
from desktop.services.overdue import WAITING
from desktop.vocab import EscalationStatus, Outcome


@dataclass(frozen=True)
class Received:
    id: str
    from_unit: str
    forum_title: str
    forum_held_on: date
    rec_text: str
    note: str
    sent_at: datetime
    due_on: date
    status: EscalationStatus
    outcome: Outcome | None
    answer: str
    recommendation_id: str = ""  # the sending office's (its frozen minutes name it)

    def overdue(self, today: date) -> bool:
        return self.status in WAITING and self.due_on < today


def received_escalations(session: Session, unit_id: str | None) -> list[Received]:
    if unit_id is None:
        return []
    origin = aliased(Unit)
    rows = session.execute(
        select(Escalation, origin.name)
        .join(origin, origin.id == Escalation.from_unit_id)
        .where(Escalation.to_unit_id == unit_id, Escalation.deleted.is_(False))
        .order_by(Escalation.sent_at.desc(), Escalation.id)
    )
    return [
        Received(
            id=e.id,
            from_unit=name,
            forum_title=e.forum_title,
            forum_held_on=e.forum_held_on,
            rec_text=e.rec_text,
            note=e.note,
            sent_at=e.sent_at,
            due_on=e.due_on,
            status=e.status,
            outcome=e.outcome,
            answer=e.answer,
            recommendation_id=e.recommendation_id,
        )
        for e, name in rows
    ]
