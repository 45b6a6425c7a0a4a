"""What the room's projector shows of a running forum: its title, the agenda item being discussed
and the recommendations with their scope and votes. Nothing about people: no names of who
raised what, no contact details (UU 27/2022) — these queries do not read them."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session

from desktop.core.i18n import N_
from desktop.core.vocab import RecStatus, Scope
from desktop.models import Forum, Recommendation
from desktop.services.agenda import items_of
from desktop.services.lookup import load_fields


@dataclass(frozen=True)
class ScreenRecommendation:
    id: str
    text: str
    scope: Scope
    votes: int
    created_at: datetime


@dataclass(frozen=True)
class ScreenHeading:
    title: str
    held_on: date
    venue: str
    agenda_number: int  # of the item being discussed (1-based), 0 when none is
    agenda_title: str


def screen_heading(session: Session, forum_id: str) -> ScreenHeading:
    forum = load_fields(session, Forum, forum_id, N_("Forum"), "title", "held_on", "venue")
    number, title = 0, ""
    for position, item in enumerate(items_of(session, forum_id), start=1):
        if item.started_at is not None and item.ended_at is None:
            number, title = position, item.title
    return ScreenHeading(forum.title, forum.held_on, forum.venue, number, title)


def _live(forum_id: str) -> list[ColumnElement[bool]]:
    return [
        Recommendation.forum_id == forum_id,
        Recommendation.deleted.is_(False),
        Recommendation.status.not_in((RecStatus.MERGED, RecStatus.REJECTED)),  # the room sees what stands
    ]


def screen_recommendations(
    session: Session, forum_id: str, ids: Collection[str] | None = None
) -> list[ScreenRecommendation]:
    """The forum's live recommendations (merged duplicates, rejected and deleted ones left out), in the
    order typed; with `ids`, only those of them (the ones a change touched)."""
    query = select(
        Recommendation.id, Recommendation.text, Recommendation.scope, Recommendation.votes, Recommendation.created_at
    ).where(*_live(forum_id))
    if ids is not None:
        query = query.where(Recommendation.id.in_(list(ids)))
    query = query.order_by(Recommendation.created_at, Recommendation.id)
    return [ScreenRecommendation(*row) for row in session.execute(query)]

