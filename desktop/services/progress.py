"""Follow-up at a glance: each forum's recommendations by status, and what is overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.vocab import FollowUpStatus, RecStatus
from desktop.models import Escalation, FollowUp, Forum, Recommendation, Unit
from desktop.services.overdue import WAITING


@dataclass(frozen=True)
class ForumProgress:
    forum_id: str
    title: str
    held_on: date
    by_status: dict[RecStatus, int]

    @property
    def total(self) -> int:
        return sum(n for s, n in self.by_status.items() if s != RecStatus.MERGED)

    @property
    def settled(self) -> int:
        """Done, answered or rejected: nothing more to do here."""
        return sum(self.by_status.get(s, 0) for s in (RecStatus.DONE, RecStatus.ANSWERED, RecStatus.REJECTED))


def forum_progress(session: Session) -> list[ForumProgress]:
    counts = session.execute(
        select(Forum.id, Forum.title, Forum.held_on, Recommendation.status, func.count(Recommendation.id))
        .outerjoin(
            Recommendation,
            (Recommendation.forum_id == Forum.id) & Recommendation.deleted.is_(False),
        )
        .where(Forum.deleted.is_(False))
        .group_by(Forum.id, Recommendation.status)
        .order_by(Forum.held_on.desc(), Forum.title, Forum.id)
    )
    forums: dict[str, ForumProgress] = {}
    for forum_id, title, held_on, status, n in counts:
        entry = forums.setdefault(forum_id, ForumProgress(forum_id, title, held_on, {}))
        if status is not None:
            entry.by_status[status] = n
    return list(forums.values())


@dataclass(frozen=True)
class Overdue:
    kind: str  # "follow_up" | "escalation"
    rec_id: str
    rec_text: str
    forum_title: str
    due_on: date
    who: str  # the follow-up's owner, or the unit the escalation waits on


def overdue_items(session: Session, today: date) -> list[Overdue]:
    """Unfinished follow-ups and unanswered escalations past their due date, oldest first."""
    follow_ups = session.execute(
        select(FollowUp.recommendation_id, Recommendation.text, Forum.title, FollowUp.due_on, FollowUp.owner)
        .join(Recommendation, Recommendation.id == FollowUp.recommendation_id)
        .join(Forum, Forum.id == Recommendation.forum_id)
        .where(
            FollowUp.deleted.is_(False),
            Recommendation.deleted.is_(False),
            FollowUp.status != FollowUpStatus.DONE,
            FollowUp.due_on < today,
        )
    )
    escalations = session.execute(
        select(
            Escalation.recommendation_id,
            Escalation.rec_text,
            Escalation.forum_title,
            Escalation.due_on,
            Unit.name,
        )
        .join(Unit, Unit.id == Escalation.to_unit_id)
        .where(Escalation.deleted.is_(False), Escalation.status.in_(WAITING), Escalation.due_on < today)
    )
    items = [
        Overdue("follow_up", rec, text, title, due, who) for rec, text, title, due, who in follow_ups if due
    ]
    items += [Overdue("escalation", rec, text, title, due, who) for rec, text, title, due, who in escalations]
    return sorted(items, key=lambda o: (o.due_on, o.forum_title, o.rec_text))
