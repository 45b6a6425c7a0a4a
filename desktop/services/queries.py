"""Read-side queries: plain dataclasses for the views, the CLI and the reports (no ORM objects)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, literal_column, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.core.vocab import OPEN_STATUSES, ForumStatus, RecCategory, RecStatus, Scope
from desktop.models import Forum, Participant, Recommendation, Unit
from desktop.services.overdue import overdue_ids_query
from desktop.store import search


@dataclass(frozen=True)
class ForumCounts:
    participants: int = 0
    attended: int = 0
    unit_scope: int = 0  # live recommendations (merged duplicates not counted) per scope
    policy_scope: int = 0


@dataclass(frozen=True)
class ForumSummary:
    id: str
    held_on: date
    unit_code: str
    unit_name: str
    title: str
    status: ForumStatus
    counts: ForumCounts | None = None  # None: not counted (yet)

    @property
    def participants(self) -> int:
        return self.counts.participants if self.counts else 0

    @property
    def attended(self) -> int:
        return self.counts.attended if self.counts else 0

    @property
    def unit_scope(self) -> int:
        return self.counts.unit_scope if self.counts else 0

    @property
    def policy_scope(self) -> int:
        return self.counts.policy_scope if self.counts else 0


def list_forums(session: Session, text: str = "", with_counts: bool = True) -> list[ForumSummary]:
    """Every live forum, newest first; `text` filters title, theme and venue. Without
    `with_counts` it is a few milliseconds at 2,000 forums (the counts read every participant
    and recommendation: a screen shows the list first and `forum_counts` after)."""
    query = (
        select(Forum.id, Forum.held_on, Unit.code, Unit.name, Forum.title, Forum.status)
        .join(Unit, Unit.id == Forum.unit_id)
        .where(Forum.deleted.is_(False))
        .order_by(Forum.held_on.desc(), Forum.title, Forum.id)
    )
    if text.strip():
        pattern = f"%{text.strip()}%"
        query = query.where(
            or_(Forum.title.ilike(pattern), Forum.theme.ilike(pattern), Forum.venue.ilike(pattern))
        )
    counts = forum_counts(session) if with_counts else None
    return [
        ForumSummary(
            id=forum_id,
            held_on=held_on,
            unit_code=code,
            unit_name=name,
            title=title,
            status=status,
            counts=None if counts is None else counts.get(forum_id, ForumCounts()),
        )
        for forum_id, held_on, code, name, title, status in session.execute(query)
    ]


def forum_counts(session: Session) -> dict[str, ForumCounts]:
    """Per forum: participants listed and present, live recommendations per scope."""
    people = (
        select(Participant.forum_id, func.count(), func.sum(case((Participant.attended, 1), else_=0)))
        .where(Participant.deleted.is_(False))
        .group_by(Participant.forum_id)
    )
    live = Recommendation.deleted.is_(False) & (Recommendation.status != RecStatus.MERGED)
    recs = select(
        Recommendation.forum_id,
        func.sum(case((live & (Recommendation.scope == Scope.UNIT), 1), else_=0)),
        func.sum(case((live & (Recommendation.scope == Scope.POLICY), 1), else_=0)),
    ).group_by(Recommendation.forum_id)
    listed = {forum_id: (n, present or 0) for forum_id, n, present in session.execute(people)}
    scoped = {forum_id: (unit or 0, policy or 0) for forum_id, unit, policy in session.execute(recs)}
    return {
        forum_id: ForumCounts(*listed.get(forum_id, (0, 0)), *scoped.get(forum_id, (0, 0)))
        for forum_id in listed.keys() | scoped.keys()
    }


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
    category: RecCategory | None = None
    overdue: bool = False  # has a follow-up or escalation past its due date


@dataclass(frozen=True)
class RecommendationFilter:
    text: str = ""
    open_only: bool = False
    scopes: frozenset[Scope] = field(default_factory=frozenset)
    statuses: frozenset[RecStatus] = field(default_factory=frozenset)
    forum_id: str | None = None
    category: RecCategory | None = None
    held_from: date | None = None  # the forum's date
    held_to: date | None = None
    today: date | None = None  # given: rows say whether they are overdue on that day
    overdue_only: bool = False  # with `today`: only the overdue ones
    sort: str = "created"  # one of SORT_KEYS
    descending: bool = True
    offset: int = 0
    limit: int = 200


# Who raised a recommendation; one alias for the module, so the query's compiled form is cached.
raiser = aliased(Participant, name="raiser")

# Newest first; served by the (created_at, id) index so a page needs no sort.
LIST_ORDER = (Recommendation.created_at.desc(), Recommendation.id.desc())
SORT_KEYS: dict[str, Any] = {  # column attributes
    "created": Recommendation.created_at,
    "text": Recommendation.text,
    "scope": Recommendation.scope,
    "status": Recommendation.status,
    "votes": Recommendation.votes,
    "priority": Recommendation.priority,
}


def _order(flt: RecommendationFilter) -> tuple[ColumnElement[Any], ...]:
    if flt.sort == "created" and flt.descending:
        return LIST_ORDER
    key = SORT_KEYS[flt.sort]
    return (key.desc() if flt.descending else key.asc(), *LIST_ORDER)


@dataclass(frozen=True)
class RecommendationPage:
    """One page of matching recommendations and how many match in all."""

    rows: list[RecommendationRow]
    total: int


def _like_escape(word: str) -> str:
    return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _text_match(words: list[str]) -> ColumnElement[bool]:
    """Rowid is among the full-text matches ("+" keeps SQLite walking the list-order index
    with this as a filter, instead of sorting every match)."""
    matches = select(search.fts.c.rowid).where(
        literal_column(search.FTS_TABLE).op("MATCH")(search.match_expression(words))
    )
    return literal_column("+recommendations.rowid").in_(matches)


def _conditions(flt: RecommendationFilter, unary_status: bool) -> list[ColumnElement[bool]]:
    # "+status" keeps SQLite from walking the status index where another index serves better.
    status = literal_column("+recommendations.status") if unary_status else Recommendation.status
    conditions: list[ColumnElement[bool]] = [Recommendation.deleted.is_(False)]
    statuses: Iterable[RecStatus] = flt.statuses or (OPEN_STATUSES if flt.open_only else ())
    if statuses:
        conditions.append(status.in_([s.value for s in statuses]))
    if flt.scopes:
        conditions.append(Recommendation.scope.in_([s.value for s in flt.scopes]))
    if flt.forum_id:
        conditions.append(Recommendation.forum_id == flt.forum_id)
    if flt.category:
        conditions.append(Recommendation.category == flt.category.value)
    if flt.held_from or flt.held_to:
        forums = select(Forum.id)
        if flt.held_from:
            forums = forums.where(Forum.held_on >= flt.held_from)
        if flt.held_to:
            forums = forums.where(Forum.held_on <= flt.held_to)
        conditions.append(Recommendation.forum_id.in_(forums))
    if flt.overdue_only and flt.today:
        conditions.append(Recommendation.id.in_(overdue_ids_query(flt.today)))
    for word in flt.text.split():
        if len(word) < 3:  # too short for trigrams
            conditions.append(Recommendation.text.like(f"%{_like_escape(word)}%", escape="\\"))
    return conditions


def _long_words(flt: RecommendationFilter) -> list[str]:
    return [w for w in flt.text.split() if len(w) >= 3]


def count_recommendations(session: Session, flt: RecommendationFilter) -> int:
    """How many recommendations match (all pages)."""
    query = select(func.count()).select_from(Recommendation)
    words = _long_words(flt)
    if words:
        query = query.join(search.fts, search.fts.c.rowid == literal_column("recommendations.rowid")).where(
            literal_column(search.FTS_TABLE).op("MATCH")(search.match_expression(words))
        )
    return session.scalar(query.where(*_conditions(flt, unary_status=bool(words)))) or 0


def _matching(query: Select[Any], flt: RecommendationFilter) -> Select[Any]:
    """`query` narrowed to the filter's matches, in the list's order."""
    query = query.where(*_conditions(flt, unary_status=True))
    words = _long_words(flt)
    if words:
        query = query.where(_text_match(words))
    return query.order_by(*_order(flt))


def _page_keys(flt: RecommendationFilter) -> Select[tuple[int]]:
    """Rowids of one page, newest first (walks the (created_at, id) index and stops early)."""
    query: Select[tuple[int]] = select(literal_column("recommendations.rowid").label("rid")).select_from(
        Recommendation.__table__
    )
    page: Select[tuple[int]] = _matching(query, flt).offset(flt.offset).limit(flt.limit)
    return page


def matching_ids(session: Session, flt: RecommendationFilter) -> list[str]:
    """The ids of every recommendation the filter matches (all pages), in the list's order."""
    return list(session.scalars(_matching(select(Recommendation.id), flt)))


def list_recommendations(
    session: Session, flt: RecommendationFilter, with_total: bool = True
) -> RecommendationPage:
    """A page of recommendations matching the filter (every word of `text` must occur in the text,
    anywhere in a word), newest first, and the number matching in all (-1 without `with_total`:
    counting thousands of matches costs as much as the page; a screen may ask for it after)."""
    total = count_recommendations(session, flt) if with_total else -1
    if 0 <= total <= flt.offset:
        return RecommendationPage(rows=[], total=total)
    page = list(session.scalars(_page_keys(flt)))  # at most `limit` rowids, in list order
    rows = _rows(session, literal_column("recommendations.rowid").in_(page), _order(flt))
    if flt.today is not None and rows:
        late = set(session.scalars(overdue_ids_query(flt.today, [r.id for r in rows])))
        rows = [replace(r, overdue=r.id in late) for r in rows]
    return RecommendationPage(rows=rows, total=total)


def _rows(
    session: Session, which: ColumnElement[bool], order: tuple[ColumnElement[Any], ...]
) -> list[RecommendationRow]:
    query = (
        select(
            Recommendation.id,
            Recommendation.forum_id,
            Forum.title,
            Forum.held_on,
            Recommendation.text,
            Recommendation.scope,
            Recommendation.status,
            Recommendation.votes,
            Recommendation.priority,
            raiser.name,
            Recommendation.created_at,
            Recommendation.category,
        )
        .join(Forum, Forum.id == Recommendation.forum_id)
        .outerjoin(raiser, raiser.id == Recommendation.raised_by_id)
        .where(which)
        .order_by(*order)
    )
    return [
        RecommendationRow(
            id=r[0],
            forum_id=r[1],
            forum_title=r[2],
            held_on=r[3],
            text=r[4],
            scope=r[5],
            status=r[6],
            votes=r[7],
            priority=r[8],
            raised_by=r[9] or "",
            created_at=r[10],
            category=r[11],
        )
        for r in session.execute(query)
    ]


def recommendation_row(session: Session, rec_id: str) -> RecommendationRow | None:
    """One recommendation as the lists show it (live capture adds a saved line without reading
    the whole list again)."""
    found = _rows(session, Recommendation.id == rec_id, LIST_ORDER)
    return found[0] if found else None
