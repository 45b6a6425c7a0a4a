"""News the navigation counts until it is seen on this laptop: escalations that arrived for
this office and still wait for it (the Eskalasi page shows them), and answers that came back to
escalations this office sent (the triage board shows the recommendations answered). Seeing is
local: it changes no record, syncs nothing, and each laptop's user sees for themselves."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from desktop.core.vocab import EscalationStatus
from desktop.models import Escalation, SeenNews
from desktop.services.overdue import WAITING

ARRIVED, ANSWERED = "arrived", "answered"


@dataclass(frozen=True)
class News:
    arrived: int  # escalations for this office, waiting, not yet seen here
    answered: int  # answers to this office's escalations, not yet seen here


def _unseen(kind: str, unit_id: str) -> Select[Any]:
    seen = select(SeenNews.escalation_id).where(SeenNews.kind == kind)
    query = select(Escalation.id).where(Escalation.deleted.is_(False), Escalation.id.not_in(seen))
    if kind == ARRIVED:
        return query.where(Escalation.to_unit_id == unit_id, Escalation.status.in_(WAITING))
    return query.where(Escalation.from_unit_id == unit_id, Escalation.status == EscalationStatus.ANSWERED)


def news_of(session: Session, unit_id: str | None) -> News:
    if unit_id is None:
        return News(0, 0)
    arrived, answered = (list(session.scalars(_unseen(kind, unit_id))) for kind in (ARRIVED, ANSWERED))
    return News(len(arrived), len(answered))


def mark_seen(session: Session, unit_id: str | None, kind: str) -> int:
    """The news of `kind` counted now is seen (the page showing it is on the screen); how many."""
    if unit_id is None:
        return 0
    ids = list(session.scalars(_unseen(kind, unit_id)))
    session.add_all(SeenNews(kind=kind, escalation_id=escalation_id) for escalation_id in ids)
    return len(ids)
