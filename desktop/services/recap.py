"""Plain data for the Excel recaps ("Ekspor ke Excel"): a forum's participants per *unsur* and its
recommendations with their follow-up, or the recommendations a triage filter shows.

Participants' names appear only in the forum's own participant list; the recommendation rows
carry the *unsur* of who raised them, never a name (they are the part people pass on). Times
are the office's wall-clock time.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from desktop.core.i18n import N_
from desktop.core.vocab import (
    Category,
    ForumMode,
    ForumStatus,
    Gender,
    Outcome,
    PekpppUnsur,
    RecCategory,
    RecStatus,
    Role,
    Scope,
)
from desktop.core.zones import office_zone, zone_name
from desktop.models import (
    AgendaItem,
    Escalation,
    FollowUp,
    Forum,
    FrozenMinutes,
    Participant,
    Recommendation,
    Unit,
)
from desktop.services.attendance import attendance_of
from desktop.services.lookup import load
from desktop.services.queries import RecommendationFilter, matching_ids
from desktop.services.report_data import EscalationLine, FollowUpLine, escalation_line
from desktop.services.status_reasons import reason_words
from domain.unsur import NOT_PUBLIC, is_participant

CHUNK = 5000  # ids per IN (...) list, well under SQLite's limit on bound parameters


@dataclass(frozen=True)
class RecapRecommendation:
    number: int
    forum_title: str
    held_on: date
    text: str
    scope: Scope
    category: RecCategory | None
    status: RecStatus
    status_reason: str
    outcome: Outcome | None
    votes: int
    raised_by_category: Category | None  # the unsur of who raised it: never the name
    agenda_item: str
    created_at: datetime  # UTC
    follow_ups: tuple[FollowUpLine, ...] = ()
    escalations: tuple[EscalationLine, ...] = ()
    status_at: datetime | None = None  # UTC: when its status last changed
    forum_mode: ForumMode = ForumMode.FACE_TO_FACE
    first_closed: datetime | None = None  # UTC: when its forum was first closed (minutes frozen)


@dataclass(frozen=True)
class RecapParticipant:
    name: str
    organization: str
    category: Category
    gender: Gender | None
    vulnerable: bool
    role: Role
    invited: bool
    attended: bool
    signed_in_at: datetime | None  # UTC


@dataclass(frozen=True)
class CategoryCount:
    """The participants present of one category (unsur), by gender (organisers apart)."""

    category: Category
    public: bool  # an element of the public ("Instansi pemerintah" and "Lainnya" are not)
    pekppp: PekpppUnsur | None  # where the office counts it on PEKPPP's five-unsur scale
    present: int
    male: int
    female: int


@dataclass(frozen=True)
class ForumRecap:
    unit_name: str
    title: str
    theme: str
    held_on: date
    starts_at: time | None
    ends_at: time | None
    venue: str
    mode: ForumMode
    status: ForumStatus
    participants: tuple[RecapParticipant, ...]
    by_category: tuple[CategoryCount, ...]  # every category, in the vocabulary's order
    organisers: int  # the office's own staff present (not participants)
    categories: int  # the public's categories present: the participants' diversity, no score
    score: int  # PEKPPP indicator 2: its five unsur present through the office's mapping (0–5)
    pekppp: tuple[PekpppUnsur, ...]  # PEKPPP's five unsur present, through the office's mapping
    vulnerable: int  # participants present who belong to a vulnerable group
    recommendations: tuple[RecapRecommendation, ...]
    zone: tzinfo  # the office's: every time is its wall clock
    zone_name: str = ""  # printed with the times: WIB, WITA or WIT


@dataclass(frozen=True)
class RecommendationsRecap:
    """What a triage filter shows, every page of it, and which filter it was."""

    recommendations: tuple[RecapRecommendation, ...]
    filter: RecommendationFilter
    forum_title: str  # of the filter's forum, if it names one
    made_at: datetime  # UTC
    zone: tzinfo
    zone_name: str = ""


def _chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def recap_recommendations(session: Session, rec_ids: Sequence[str]) -> list[RecapRecommendation]:
    """These recommendations, in this order (numbered from 1), with follow-up and escalations."""
    raiser = aliased(Participant)
    survivor = aliased(Recommendation)
    found: dict[str, Any] = {}  # id → its row
    follow: dict[str, list[FollowUpLine]] = {}
    sent: dict[str, list[EscalationLine]] = {}
    units = {unit.id: unit for unit in session.scalars(select(Unit))}
    for chunk in _chunks(rec_ids):
        query = (
            select(
                Recommendation.id,
                Forum.title.label("forum_title"),
                Forum.held_on,
                Recommendation.text,
                Recommendation.scope,
                Recommendation.category,
                Recommendation.status,
                Recommendation.status_reason,
                survivor.text.label("merged_into"),
                Recommendation.outcome,
                Recommendation.votes,
                raiser.category.label("raised_by_category"),
                AgendaItem.title.label("agenda_item"),
                Recommendation.created_at,
                Recommendation.status_at,
                Forum.mode.label("forum_mode"),
                select(func.min(FrozenMinutes.frozen_at))
                .where(FrozenMinutes.forum_id == Recommendation.forum_id, FrozenMinutes.deleted.is_(False))
                .scalar_subquery()
                .label("first_closed"),
            )
            .join(Forum, Forum.id == Recommendation.forum_id)
            .outerjoin(raiser, raiser.id == Recommendation.raised_by_id)
            .outerjoin(survivor, survivor.id == Recommendation.merged_into_id)
            .outerjoin(AgendaItem, AgendaItem.id == Recommendation.agenda_item_id)
            .where(Recommendation.id.in_(chunk))
        )
        for row in session.execute(query):
            found[row.id] = row
        for fu in session.scalars(
            select(FollowUp)
            .where(FollowUp.recommendation_id.in_(chunk), FollowUp.deleted.is_(False))
            .order_by(FollowUp.created_at, FollowUp.id)
        ):
            follow.setdefault(fu.recommendation_id, []).append(
                FollowUpLine(fu.action, fu.owner, fu.due_on, fu.progress, fu.status, fu.evidence, fu.completed_on)
            )
        for esc in session.scalars(
            select(Escalation)
            .where(Escalation.recommendation_id.in_(chunk), Escalation.deleted.is_(False))
            .order_by(Escalation.sent_at, Escalation.id)
        ):
            sent.setdefault(esc.recommendation_id, []).append(escalation_line(esc, units))
    recs: list[RecapRecommendation] = []
    for rec_id in rec_ids:
        line = found.get(rec_id)
        if line is None:
            continue
        recs.append(
            RecapRecommendation(
                number=len(recs) + 1,
                forum_title=line.forum_title,
                held_on=line.held_on,
                text=line.text,
                scope=line.scope,
                category=line.category,
                status=line.status,
                status_reason=reason_words(  # the recap is a document: in Indonesian
                    line.status,
                    line.status_reason,
                    escalated_to=sent[rec_id][-1].to_unit if sent.get(rec_id) else "",
                    merged_into=line.merged_into or "",
                    in_language="id",
                ),
                outcome=line.outcome,
                votes=line.votes,
                raised_by_category=line.raised_by_category,
                agenda_item=line.agenda_item or "",
                created_at=line.created_at,
                follow_ups=tuple(follow.get(rec_id, ())),
                escalations=tuple(sent.get(rec_id, ())),
                status_at=line.status_at,
                forum_mode=line.forum_mode,
                first_closed=line.first_closed,
            )
        )
    return recs


def forum_recap(session: Session, forum_id: str) -> ForumRecap:
    """A forum's recap: its details, who came per unsur, its recommendations (numbered as the
    berita acara numbers them: live ones, merged duplicates left out, in the order typed)."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    unit = session.get(Unit, forum.unit_id)
    attendance = attendance_of(session, forum.id)
    count = attendance.count
    genders = Counter((p.category, p.gender) for p in attendance.people if is_participant(p))
    rec_ids = list(
        session.scalars(
            select(Recommendation.id)
            .where(
                Recommendation.forum_id == forum.id,
                Recommendation.deleted.is_(False),
                Recommendation.status != RecStatus.MERGED,
            )
            .order_by(Recommendation.created_at, Recommendation.id)
        )
    )
    return ForumRecap(
        unit_name=unit.name if unit else "",
        title=forum.title,
        theme=forum.theme,
        held_on=forum.held_on,
        starts_at=forum.starts_at,
        ends_at=forum.ends_at,
        venue=forum.venue,
        mode=forum.mode,
        status=forum.status,
        participants=tuple(
            RecapParticipant(
                name=p.name,
                organization=p.organization,
                category=p.category,
                gender=p.gender,
                vulnerable=p.vulnerable,
                role=p.role,
                invited=p.invited,
                attended=p.attended,
                signed_in_at=p.signed_in_at,
            )
            for p in attendance.people
        ),
        by_category=tuple(
            CategoryCount(
                category=category,
                public=category not in NOT_PUBLIC,
                pekppp=count.mapping.get(category),
                present=count.by_category.get(category, 0),
                male=genders[(category, Gender.MALE)],
                female=genders[(category, Gender.FEMALE)],
            )
            for category in Category
        ),
        organisers=count.organisers,
        categories=len(count.categories),
        score=count.score,
        pekppp=tuple(u for u in PekpppUnsur if u in count.pekppp),
        vulnerable=count.vulnerable,
        recommendations=tuple(recap_recommendations(session, rec_ids)),
        zone=office_zone(unit.time_zone if unit else None),
        zone_name=zone_name(unit.time_zone if unit else None),
    )


def recommendations_recap(
    session: Session, flt: RecommendationFilter, made_at: datetime, unit_id: str | None = None
) -> RecommendationsRecap:
    """Every recommendation the filter matches (all pages), in the list's order; times in the
    zone of `unit_id` (this laptop's office)."""
    forum = session.get(Forum, flt.forum_id) if flt.forum_id else None
    unit = session.get(Unit, unit_id) if unit_id else None
    return RecommendationsRecap(
        recommendations=tuple(recap_recommendations(session, matching_ids(session, flt))),
        filter=flt,
        forum_title=forum.title if forum else "",
        made_at=made_at,
        zone=office_zone(unit.time_zone if unit else None),
        zone_name=zone_name(unit.time_zone if unit else None),
    )
