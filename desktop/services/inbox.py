"""The parent office's inbox: escalations addressed to a unit, newest first, with their
SP4N-LAPOR! deadlines: acknowledged within 3 working days, answered by the due date."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.core.vocab import EscalationStatus, Outcome
from desktop.models import Escalation, Unit
from desktop.services.context import Context
from desktop.services.escalations import ack_due_of, dispute_until
from desktop.services.overdue import WAITING
from domain import deadlines


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
    ack_due_on: date  # acknowledged by (SP4N-LAPOR!: 3 working days)
    dispute_reason: str = ""  # the sending office's, when it disputed the answer
    disputed_at: datetime | None = None
    recommendation_id: str = ""  # the sending office's (its frozen minutes name it)
    answered_on: date | None = None  # in this office's time zone
    dispute_until: date | None = None  # the sending office may dispute the answer up to this day

    def overdue(self, today: date) -> bool:
        return self.status in WAITING and self.due_on < today

    def ack_late(self, today: date) -> bool:
        """Not acknowledged, and its acknowledgement was due before today."""
        return deadlines.ack_late(self.status, self.ack_due_on, today)


def received_escalations(session: Session, ctx: Context, unit_id: str | None) -> list[Received]:
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
            ack_due_on=ack_due_of(e.sent_at, e.ack_due_on, ctx),
            dispute_reason=e.dispute_reason,
            disputed_at=e.disputed_at,
            answered_on=deadlines.local_day(e.answered_at, ctx.zone) if e.answered_at else None,
            dispute_until=dispute_until(e, ctx),
        )
        for e, name in rows
    ]
