"""Read-side queries: plain dataclasses for the views, the CLI and the reports (no ORM objects)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.models import Forum, Participant, Recommendation, Unit
from desktop.vocab import OPEN_STATUSES, ForumStatus, RecStatus, Scope


@dataclass(frozen=True)
class ForumSummary:
    id: str
    held_on: date
    unit_code: str
    unit_name: str
    title: str
    status: ForumStatus
    participants: int
    attended: int
    unit_scope: int
    policy_scope: int


def list_forums(session: Session, text: str = "") -> list[ForumSummary]:
    """Every live forum, newest first, with its counts; `text` filters title, theme and venue."""
    people = (
        select(
            Participant.forum_id,
            func.count().label("n"),
            func.sum(case((Participant.attended, 1), else_=0)).label("present"),
        )
        .where(Participant.deleted.is_(False))
        .group_by(Participant.forum_id)
        .subquery()
    )
    live = Recommendation.deleted.is_(False) & (Recommendation.status != RecStatus.MERGED)
    recs = (
        select(
            Recommendation.forum_id,
            func.sum(case((live & (Recommendation.scope == Scope.UNIT), 1), else_=0)).label("unit"),
            func.sum(case((live & (Recommendation.scope == Scope.POLICY), 1), else_=0)).label("policy"),
        )
        .group_by(Recommendation.forum_id)
        .subquery()
    )
    query = (
        select(Forum, Unit.code, Unit.name, people.c.n, people.c.present, recs.c.unit, recs.c.policy)
        .join(Unit, Unit.id == Forum.unit_id)
        .outerjoin(people, people.c.forum_id == Forum.id)
        .outerjoin(recs, recs.c.forum_id == Forum.id)
        .where(Forum.deleted.is_(False))
        .order_by(Forum.held_on.desc(), Forum.title, Forum.id)
    )
    if text.strip():
        pattern = f"%{text.strip()}%"
        query = query.where(
            or_(Forum.title.ilike(pattern), Forum.theme.ilike(pattern), Forum.venue.ilike(pattern))
        )
    return [
        ForumSummary(
            id=forum.id,
            held_on=forum.held_on,
            unit_code=code,
            unit_name=name,
            title=forum.title,
            status=forum.status,
            participants=n or 0,
            attended=present or 0,
            unit_scope=unit or 0,
            policy_scope=policy or 0,
        )
        for forum, code, name, n, present, unit, policy in session.execute(query)
    ]


@dataclass(frozen=True)
class RecommendationRow:
    id: str
    forum_id: str
    forum_title: str
    held_on: date
    text: str
    scope: Scope
    status: RecStatus
    votes: int
    priority: int
    raised_by: str
    created_at: datetime


@dataclass(frozen=True)
class RecommendationFilter:
    text: str = ""
    open_only: bool = False
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    statuses: frozenset[RecStatus] = field(default_factory=frozenset)
    forum_id: str | None = None
    limit: int | None = None


def _filtered(
    query: Select[tuple[Recommendation, str, date, str | None]], flt: RecommendationFilter
) -> Select[tuple[Recommendation, str, date, str | None]]:
    query = query.where(Recommendation.deleted.is_(False))
    statuses: Iterable[RecStatus] = flt.statuses or (OPEN_STATUSES if flt.open_only else ())
    if statuses:
        query = query.where(Recommendation.status.in_(list(statuses)))
    if flt.scopes:
        query = query.where(Recommendation.scope.in_(list(flt.scopes)))
    if flt.forum_id:
        query = query.where(Recommendation.forum_id == flt.forum_id)
    for word in flt.text.split():
        query = query.where(Recommendation.text.ilike(f"%{word}%"))
    return query


def list_recommendations(session: Session, flt: RecommendationFilter) -> list[RecommendationRow]:
    """Recommendations matching the filter (every word of `text` must occur), newest first."""
    raiser = aliased(Participant)
    query = (
        select(Recommendation, Forum.title, Forum.held_on, raiser.name)
        .join(Forum, Forum.id == Recommendation.forum_id)
        .outerjoin(raiser, raiser.id == Recommendation.raised_by_id)
        .order_by(Recommendation.created_at.desc(), Recommendation.id)
    )
    query = _filtered(query, flt)
    if flt.limit:
        query = query.limit(flt.limit)
    return [
        RecommendationRow(
            id=rec.id,
            forum_id=rec.forum_id,
            forum_title=title,
            held_on=held_on,
            text=rec.text,
            scope=rec.scope,
            status=rec.status,
            votes=rec.votes,
            priority=rec.priority,
            raised_by=name or "",
            created_at=rec.created_at,
        )
        for rec, title, held_on, name in session.execute(query)
    ]
