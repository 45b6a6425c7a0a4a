"""Plain data for the printed documents, read from the store in one place.

Reports (desktop/reports) receive these dataclasses and never touch a session. Codes stay codes
here (enums); the reports turn them into Indonesian words, whatever the app's language is.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any, Protocol

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import (
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
from desktop.core.zones import office_zone
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
from desktop.rules import pekppp
from desktop.services.attachments import has_attendance_scan
from desktop.services.logo import logo_png
from desktop.services.lookup import load
from desktop.services.publishing import public_address
from desktop.services.signatory_roles import worded
from desktop.services.survey_breakdown import SurveyDetails, survey_details
from desktop.services.surveys import SurveyResult, report_issued, survey_of_forum, survey_result
from domain.unsur import DEFAULT_MAPPING, UnsurCount, count_unsur, mapping_of
from protocol.minutes import LAYOUT


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
    # The PEKPPP indicators each document is evidence for (the office's table, desktop/rules/pekppp.py).
    indicators: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    parent_full_name: str = ""
    parent_city: str = ""  # "Yth. Kepala … di Manokwari"
    above_parent_head_title: str = ""  # the head of the office above the parent (tembusan)
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
    id: str = ""


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
    completed_on: date | None = None  # the day it was done
    assigned_on: date | None = None  # the day it was assigned (a report of an earlier day leaves it out)


@dataclass(frozen=True)
class EscalationLine:
    to_unit: str
    sent_on: date
    due_on: date
    status: EscalationStatus
    answer: str
    outcome: Outcome | None
    note: str
    answered_on: date | None = None  # in the sending office's time zone


def recorded_after_the_forum(created_at: datetime, first_closed: datetime | None) -> bool:
    """Typed after the forum was first closed (it was reopened later): not raised on the
    forum's day, so it is received the day it was recorded."""
    return first_closed is not None and created_at > first_closed


def escalation_line(esc: Escalation, units: Mapping[str, Unit]) -> EscalationLine:
    """One escalation as papers print it: sent on the day it was where the sending office is
    (its deadlines count from that day; in UTC it may still be the day before)."""
    sender = units.get(esc.from_unit_id)
    target = units.get(esc.to_unit_id)
    zone = office_zone(sender.time_zone if sender else None)
    return EscalationLine(
        to_unit=target.name if target else "",
        sent_on=esc.sent_at.astimezone(zone).date(),
        due_on=esc.due_on,
        status=esc.status,
        answer=esc.answer,
        outcome=esc.outcome,
        note=esc.note,
        answered_on=esc.answered_at.astimezone(zone).date() if esc.answered_at else None,
    )


@dataclass(frozen=True)
class MergedLine:
    """A duplicate merged into a recommendation: printed under it."""

    text: str
    raised_by: str
    id: str = ""


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
    status_on: date | None = None  # the day of its last status change, in the office's time zone
    response: str = ""  # the office's response in the room
    merged: tuple[MergedLine, ...] = ()  # duplicates merged into this one, oldest first
    id: str = ""
    # Recorded after the forum: a late arrival (on a laptop offline at the close, synced after
    # it) or typed after the forum was first closed (reopened): the day it was recorded, in the
    # office's time zone; None for what the forum recorded.
    recorded_on: date | None = None


@dataclass(frozen=True)
class Late:
    """What reached this laptop after the forum's berita acara was frozen: recorded on a laptop
    that was offline, before the close or unaware of it, and synced after. Kept, and reported in
    the follow-up report; never added to the frozen minutes."""

    frozen_at: datetime
    recommendations: frozenset[str] = frozenset()  # ids of recommendations not in the minutes
    attendees: frozenset[str] = frozenset()  # ids of people signed in who are not in them
    votes: Mapping[str, int] = field(default_factory=dict)  # recommendation id → votes since

    def __bool__(self) -> bool:
        return bool(self.recommendations or self.attendees or self.votes)


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
    late: Late | None = None  # a closed forum: what arrived after its minutes were frozen
    layout: int = LAYOUT  # the berita acara's wording version (a frozen one's, else the newest)
    # A scan of the signed attendance list is attached to the forum (as it is now: a frozen
    # berita acara keeps what it said when it was frozen).
    attendance_scan: bool = False
    # The forum's page on the server's public site (a published forum, the office's public
    # address named): the follow-up report's QR code. Empty otherwise (and in frozen minutes).
    public_page: str = ""

    @property
    def attendees(self) -> tuple[Person, ...]:
        return tuple(p for p in self.participants if p.attended)

    @property
    def unsur(self) -> UnsurCount:
        """Who took part, by the one rule of `domain.unsur` (the screen's and the exports')."""
        return count_unsur(self.participants, self.unit.unsur_mapping)


def office_zone_of(unit: Unit | None) -> tzinfo:
    """The zone an office reads its dates in (desktop.core.zones: none chosen, this laptop's)."""
    return office_zone(unit.time_zone if unit is not None else None)


class OfficeFields(Protocol):
    """What an office's record and a snapshot of it (`protocol.minutes.MinutesUnit`) both hold,
    under the same names and in the same form."""

    @property
    def name(self) -> str: ...
    @property
    def full_name(self) -> str: ...
    @property
    def address(self) -> str: ...
    @property
    def city(self) -> str: ...
    @property
    def phone(self) -> str: ...
    @property
    def email(self) -> str: ...
    @property
    def website(self) -> str: ...
    @property
    def head_title(self) -> str: ...
    @property
    def head_name(self) -> str: ...
    @property
    def head_nip(self) -> str: ...
    @property
    def time_zone(self) -> OfficeZone | None: ...


def office_info(
    unit: OfficeFields,
    *,
    letterhead: tuple[str, ...],
    logo: bytes,
    parent_name: str,
    parent_full_name: str,
    parent_head_title: str,
    unsur_mapping: Mapping[Category, PekpppUnsur | None],
    **more: Any,
) -> UnitInfo:
    """The office as the documents print it, from its record or a snapshot (what differs between
    the two given apart; `more`: UnitInfo's other fields)."""
    return UnitInfo(
        name=unit.name,
        letterhead=letterhead,
        address=unit.address,
        city=unit.city,
        phone=unit.phone,
        email=unit.email,
        website=unit.website,
        head_title=unit.head_title,
        head_name=unit.head_name,
        head_nip=unit.head_nip,
        parent_name=parent_name,
        parent_head_title=parent_head_title,
        full_name=unit.full_name,
        logo_png=logo,
        time_zone=unit.time_zone,
        parent_full_name=parent_full_name,
        unsur_mapping=unsur_mapping,
        **more,
    )


def unit_info(session: Session, unit_id: str) -> UnitInfo:
    unit = load(session, Unit, unit_id, N_("Unit"))
    parent = session.get(Unit, unit.parent_id) if unit.parent_id else None
    above = session.get(Unit, parent.parent_id) if parent is not None and parent.parent_id else None
    return office_info(
        unit,
        letterhead=tuple(line for line in unit.letterhead.splitlines() if line.strip()),
        logo=logo_png(unit.logo),
        parent_name=parent.name if parent else "",
        parent_full_name=parent.full_name if parent else "",
        parent_head_title=parent.head_title if parent else "",
        unsur_mapping=mapping_of(unit.unsur_mapping),
        indicators=pekppp.indicators_of(unit.pekppp_indicators),
        parent_city=parent.city if parent else "",
        above_parent_head_title=(above.head_title or f"Kepala {above.name}") if above else "",
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
    every = session.scalars(
        select(Recommendation)
        .where(Recommendation.forum_id == forum.id, Recommendation.deleted.is_(False))
        .order_by(Recommendation.created_at, Recommendation.id)
    ).all()
    recs = [r for r in every if r.status != RecStatus.MERGED]
    merged_into: dict[str, list[MergedLine]] = {}
    survivor = _survivors(every)
    for rec in every:
        if rec.status == RecStatus.MERGED and rec.merged_into_id:
            person = by_id.get(rec.raised_by_id or "")
            merged_into.setdefault(survivor[rec.id], []).append(
                MergedLine(rec.text, person.name if person else "", rec.id)
            )
    rec_ids = [r.id for r in recs]
    follow: dict[str, list[FollowUpLine]] = {}
    units = {u.id: u for u in session.scalars(select(Unit))}
    zone = office_zone_of(units.get(forum.unit_id))
    for fu in session.scalars(
        select(FollowUp)
        .where(FollowUp.recommendation_id.in_(rec_ids), FollowUp.deleted.is_(False))
        .order_by(FollowUp.created_at)
    ):
        follow.setdefault(fu.recommendation_id, []).append(
            FollowUpLine(
                fu.action,
                fu.owner,
                fu.due_on,
                fu.progress,
                fu.status,
                fu.evidence,
                fu.completed_on,
                fu.created_at.astimezone(zone).date(),
            )
        )
    sent: dict[str, list[EscalationLine]] = {}
    for esc in session.scalars(
        select(Escalation)
        .where(Escalation.recommendation_id.in_(rec_ids), Escalation.deleted.is_(False))
        .order_by(Escalation.sent_at)
    ):
        sent.setdefault(esc.recommendation_id, []).append(escalation_line(esc, units))
    late = _late(session, forum, every, people) if forum.status == ForumStatus.CLOSED else None
    first_closed = session.scalar(
        select(func.min(FrozenMinutes.frozen_at)).where(
            FrozenMinutes.forum_id == forum.id, FrozenMinutes.deleted.is_(False)
        )
    )
    lines = []
    for number, rec in enumerate(recs, start=1):
        person = by_id.get(rec.raised_by_id or "")
        # Recorded after the forum's day: a late arrival, or typed after it was first closed
        # (reopened later). Its timing starts the day it was recorded (never before it existed).
        arrived_late = (late is not None and rec.id in late.recommendations) or recorded_after_the_forum(
            rec.created_at, first_closed
        )
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
                status_on=rec.status_at.astimezone(zone).date() if rec.status_at else None,
                response=rec.response,
                merged=tuple(merged_into.get(rec.id, ())),
                id=rec.id,
                recorded_on=rec.created_at.astimezone(zone).date() if arrived_late else None,
            )
        )
    return ForumReport(
        unit=unit_info(session, forum.unit_id),
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
        signatories=tuple(worded(forum.signatories or (), "id")),  # the documents speak Indonesian
        participants=tuple(
            Person(
                p.name, p.organization, p.category, p.gender, p.vulnerable, p.role, p.phone, p.attended, p.id
            )
            for p in people
        ),
        agenda=tuple(AgendaLine(i.title, i.presenter, i.planned_minutes) for i in items),
        recommendations=tuple(lines),
        survey=survey_of_forum(session, forum.id),
        late=late,
        attendance_scan=has_attendance_scan(session, forum.id),
        public_page=_public_page(session, forum),
    )


def _late(
    session: Session, forum: Forum, recs: Sequence[Recommendation], people: Sequence[Participant]
) -> Late | None:
    """What is not in the forum's latest frozen minutes: recommendations and attendees, and the
    votes counted since (a duplicate merged after the close brings its frozen votes along)."""
    frozen = session.scalars(
        select(FrozenMinutes)
        .where(FrozenMinutes.forum_id == forum.id, FrozenMinutes.deleted.is_(False))
        .order_by(FrozenMinutes.frozen_at.desc(), FrozenMinutes.id.desc())
        .limit(1)
    ).first()
    if frozen is None:
        return None
    content = frozen.content
    frozen_votes: dict[str, int] = {}
    in_minutes: set[str] = set()
    for rec in content.get("recommendations", []):
        frozen_votes[str(rec["id"])] = int(rec.get("votes", 0))
        in_minutes.add(str(rec["id"]))
        in_minutes.update(str(m["id"]) for m in rec.get("merged", []))
    attended = {str(a["id"]) for a in content.get("attendees", [])}
    counted: dict[str, int] = {}  # survivor → the frozen votes of its group
    for rec_id, survivor in _survivors(recs).items():
        counted[survivor] = counted.get(survivor, 0) + frozen_votes.get(rec_id, 0)
    votes: dict[str, int] = {}
    for rec in recs:
        since = rec.votes - counted.get(rec.id, 0)
        if rec.status != RecStatus.MERGED and since and rec.id in in_minutes:
            votes[rec.id] = since
    return Late(
        frozen_at=frozen.frozen_at,
        recommendations=frozenset(r.id for r in recs if r.id not in in_minutes),
        attendees=frozenset(p.id for p in people if p.attended and p.id not in attended),
        votes=votes,
    )


def _survivors(recs: Sequence[Recommendation]) -> dict[str, str]:
    """Each recommendation's survivor: itself, or the one a merged one ended in (a duplicate of
    a duplicate is under the last)."""
    into = {r.id: r.merged_into_id for r in recs if r.status == RecStatus.MERGED and r.merged_into_id}
    found: dict[str, str] = {}
    for rec in recs:
        rec_id, seen = rec.id, {rec.id}
        while rec_id in into and into[rec_id] not in seen:
            rec_id = into[rec_id]
            seen.add(rec_id)
        found[rec.id] = rec_id
    return found


@dataclass(frozen=True)
class SurveyDocument:
    unit: UnitInfo
    result: SurveyResult
    # Per service, the trend, the collection dates, the rencana tindak lanjut (none: not read).
    details: SurveyDetails | None = None
    issued_on: date | None = None  # the day it was issued (Terbitkan); a draft until then


def survey_document(session: Session, period_id: str) -> SurveyDocument:
    """What the survey report prints: the period's result, per service and against the
    previous period, its rencana tindak lanjut, its unit's letterhead, and the day the report
    was issued."""
    result = survey_result(session, period_id)
    details = survey_details(session, result.period)
    issued = report_issued(session, period_id)
    return SurveyDocument(
        unit_info(session, result.period.unit_id),
        result,
        details,
        issued.issued_on if issued is not None else None,
    )


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


def _public_page(session: Session, forum: Forum) -> str:
    """The forum on its unit's public page, when it is published there and the office named the
    server's public address ("" otherwise)."""
    address = public_address(session.get(Unit, forum.unit_id)) if forum.published else None
    return f"{address}#forum-{forum.id}" if address else ""
