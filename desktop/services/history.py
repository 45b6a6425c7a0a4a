"""The history of a recommendation as people read it: every audited change to it, its
follow-ups and its escalations, oldest first, each worded as a sentence (`history_words`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from desktop.models import AuditEvent, Escalation, FollowUp
from desktop.services.history_words import history_sentence


@dataclass(frozen=True)
class HistoryLine:
    at: datetime
    actor: str
    entity: str
    action: str
    changes: dict[str, Any]  # the fields after the change
    said: str  # the change as a sentence, in the language of the moment


def history_of(session: Session, rec_id: str) -> list[HistoryLine]:
    related = (
        select(FollowUp.id)
        .where(FollowUp.recommendation_id == rec_id)
        .union(select(Escalation.id).where(Escalation.recommendation_id == rec_id))
    )
    events = session.scalars(
        select(AuditEvent)
        .where(or_(AuditEvent.entity_id == rec_id, AuditEvent.entity_id.in_(related)))
        .order_by(AuditEvent.hlc)
    )
    return [
        HistoryLine(
            e.at,
            e.actor,
            e.entity,
            e.action,
            dict(e.after or {}),
            history_sentence(session, e.entity, e.entity_id, e.action, e.actor, e.after or {}),
        )
        for e in events
    ]
