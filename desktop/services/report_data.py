"""Plain data for the printed documents, read from the store in one place.

Reports (desktop/reports) receive these dataclasses and never touch a session. Codes stay codes
here (enums); the reports turn them into Indonesian words, whatever the app's language is.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, time

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import InputError
from desktop.i18n import N_, tr
from desktop.models import AgendaItem, Escalation, FollowUp, Forum, Participant, Recommendation, Unit
from desktop.services.logo import logo_png
from desktop.services.lookup import load
from desktop.services.surveys import SurveyResult, survey_of_forum, survey_result
from desktop.vocab import (
    Category,
    EscalationStatus,
    FollowUpStatus,
    ForumMode,
    ForumStatus,
    Gender,
    OfficeZone,
    Outcome,
    PekpppUnsur,
    RecStatus,
    Role,
    Scope,
)
from desktop.zones import office_zone
from domain.unsur import DEFAULT_MAPPING, UnsurCount, count_unsur, mapping_of


@dataclass(frozen=True)
class UnitInfo:
    name: str
    letterhead: tuple[str, ...]
    address: str
    city: str
    phone: str
    email: str
    website: str
    head_title: str
    head_name: str
    head_nip: str
    parent_name: str
    parent_head_title: str
    full_name: str = ""  # the full official name the kop prints (the short name if none)
    logo_png: bytes = b""
    time_zone: OfficeZone | None = None  # printed after clock times ("pukul 09.00 WIT")
    # How the office counts its public on PEKPPP's five unsur (domain.unsur; printed).
    unsur_mapping: Mapping[Category, PekpppUnsur | None] = field(default_factory=lambda: dict(DEFAULT_MAPPING))


@dataclass(frozen=True)
class Person:
    name: str
    organization: str
    category: Category
    gender: Gender | None
    vulnerable: bool
    role: Role
    phone: str
    attended: bool


@dataclass(frozen=True)
class AgendaLine:
    title: str
    presenter: str
    planned_minutes: int


@dataclass(frozen=True)
class FollowUpLine:
    action: str
    owner: str
    due_on: date | None
    progress: int
    status: FollowUpStatus
    evidence: str


@dataclass(frozen=True)
class EscalationLine:
    to_unit: str
    sent_on: date
    due_on: date
    status: EscalationStatus
    answer: str
    outcome: Outcome | None
    note: str


def escalation_line(esc: Escalation, units: Mapping[str, Unit]) -> EscalationLine:
    """One escalation as papers print it: sent on the day it was where the sending office is
    (its deadlines count from that day; in UTC it may still be the day before)."""
    sender = units.get(esc.from_unit_id)
    target = units.get(esc.to_unit_id)
    return EscalationLine(
        to_unit=target.name if target else "",
        sent_on=esc.sent_at.astimezone(office_zone(sender.time_zone if sender else None)).date(),
        due_on=esc.due_on,
        status=esc.status,
        answer=esc.answer,
        outcome=esc.outcome,
        note=esc.note,
    )


@dataclass(frozen=True)
class RecLine:
    number: int
    text: str
    scope: Scope
    status: RecStatus
    status_reason: str
    outcome: Outcome | None
    votes: int
    raised_by: str
    raised_by_category: Category | None
    follow_ups: tuple[FollowUpLine, ...]
    escalations: tuple[EscalationLine, ...]


@dataclass(frozen=True)
class ForumReport:
    unit: UnitInfo
    title: str
    theme: str
    held_on: date
    starts_at: time | None
    ends_at: time | None
    venue: str
    mode: ForumMode
    facilitator: str
    moderator: str
    note_taker: str
    document_number: str
    summary: str
    agreements: str
    status: ForumStatus
    signatories: tuple[dict[str, str], ...]
    participants: tuple[Person, ...]
    agenda: tuple[AgendaLine, ...]
    recommendations: tuple[RecLine, ...]
    survey: SurveyResult | None = None  # the satisfaction survey discussed at the forum

    @property
    def attendees(self) -> tuple[Person, ...]:
        return tuple(p for p in self.participants if p.attended)

    @property
    def unsur(self) -> UnsurCount:
        """Who took part, by the one rule of `domain.unsur` (the screen's and the exports')."""
        return count_unsur(self.participants, self.unit.unsur_mapping)


def _unit_info(session: Session, unit_id: str) -> UnitInfo:
    unit = load(session, Unit, unit_id, N_("Unit"))
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    return UnitInfo(
        name=unit.name,
        letterhead=tuple(line for line in unit.letterhead.splitlines() if line.strip()),
        address=unit.address,
        city=unit.city,
        phone=unit.phone,
        email=unit.email,
        website=unit.website,
        head_title=unit.head_title,
        head_name=unit.head_name,
        head_nip=unit.head_nip,
        parent_name=parent.name if parent else "",
        parent_head_title=parent.head_title if parent else "",
        full_name=unit.full_name,
        logo_png=logo_png(unit.logo),
        time_zone=unit.time_zone,
        unsur_mapping=mapping_of(unit.unsur_mapping),
    )


def forum_report(session: Session, forum_id: str) -> ForumReport:
    forum = load(session, Forum, forum_id, N_("Forum"))
    people = session.scalars(
        select(Participant)
        .where(Participant.forum_id == forum.id, Participant.deleted.is_(False))
        .order_by(Participant.name, Participant.id)
    ).all()
    by_id = {p.id: p for p in people}
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.forum_id == forum.id, AgendaItem.deleted.is_(False))
        .order_by(AgendaItem.position, AgendaItem.created_at)
    ).all()
    recs = session.scalars(
        select(Recommendation)
        .where(
            Recommendation.forum_id == forum.id,
            Recommendation.deleted.is_(False),
            Recommendation.status != RecStatus.MERGED,
        )
        .order_by(Recommendation.created_at, Recommendation.id)
    ).all()
    rec_ids = [r.id for r in recs]
    follow: dict[str, list[FollowUpLine]] = {}
    for fu in session.scalars(
        select(FollowUp)
        .where(FollowUp.recommendation_id.in_(rec_ids), FollowUp.deleted.is_(False))
        .order_by(FollowUp.created_at)
    ):
        follow.setdefault(fu.recommendation_id, []).append(
            FollowUpLine(fu.action, fu.owner, fu.due_on, fu.progress, fu.status, fu.evidence)
        )
    units = {u.id: u for u in session.scalars(select(Unit))}
    sent: dict[str, list[EscalationLine]] = {}
    for esc in session.scalars(
        select(Escalation)
        .where(Escalation.recommendation_id.in_(rec_ids), Escalation.deleted.is_(False))
        .order_by(Escalation.sent_at)
    ):
        sent.setdefault(esc.recommendation_id, []).append(escalation_line(esc, units))
    lines = []
    for number, rec in enumerate(recs, start=1):
        person = by_id.get(rec.raised_by_id or "")
        lines.append(
            RecLine(
                number=number,
                text=rec.text,
                scope=rec.scope,
                status=rec.status,
                status_reason=rec.status_reason,
                outcome=rec.outcome,
                votes=rec.votes,
                raised_by=person.name if person else "",
                raised_by_category=person.category if person else None,
                follow_ups=tuple(follow.get(rec.id, ())),
                escalations=tuple(sent.get(rec.id, ())),
            )
        )
    return ForumReport(
        unit=_unit_info(session, forum.unit_id),
        title=forum.title,
        theme=forum.theme,
        held_on=forum.held_on,
        starts_at=forum.starts_at,
        ends_at=forum.ends_at,
        venue=forum.venue,
        mode=forum.mode,
        facilitator=forum.facilitator,
        moderator=forum.moderator,
        note_taker=forum.note_taker,
        document_number=forum.document_number,
        summary=forum.summary,
        agreements=forum.agreements,
        status=forum.status,
        signatories=tuple(forum.signatories or ()),
        participants=tuple(
            Person(p.name, p.organization, p.category, p.gender, p.vulnerable, p.role, p.phone, p.attended)
            for p in people
        ),
        agenda=tuple(AgendaLine(i.title, i.presenter, i.planned_minutes) for i in items),
        recommendations=tuple(lines),
        survey=survey_of_forum(session, forum.id),
    )


@dataclass(frozen=True)
class SurveyDocument:
    unit: UnitInfo
    result: SurveyResult


def survey_document(session: Session, period_id: str) -> SurveyDocument:
    """What the survey report prints: the period's result and its unit's letterhead."""
    result = survey_result(session, period_id)
    return SurveyDocument(_unit_info(session, result.period.unit_id), result)


def require_escalations(report: ForumReport) -> tuple[RecLine, ...]:
    """The recommendations of the forum that were escalated; a letter needs at least one."""
    escalated = tuple(r for r in report.recommendations if r.escalations)
    if not escalated:
        raise InputError(
            tr(
                "No recommendation of this forum has been escalated yet, so there is no "
                "escalation letter to print. Escalate accepted policy recommendations first."
            )
        )
    return escalated
