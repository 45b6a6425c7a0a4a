"""The register of consultation inputs (*register masukan*): every recommendation an office's
forums received in a period, with its channel, subject, person in charge, status, the day it was
closed, the working days it took and whether it was late (PEKPPP: inputs handled and how fast;
Perpres 76/2013: complaints are registered and their handling is measured). The timing rule is
`desktop.services.timeliness`, the one the follow-up report prints.

No names: the register shows who raised an input by their element of the public (UU 27/2022).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import Category, ForumMode, RecStatus, Scope
from desktop.models import Forum, Recommendation, Unit
from desktop.rules import pekppp
from desktop.services.lookup import load
from desktop.services.recap import RecapRecommendation, recap_recommendations
from desktop.services.report_data import RecLine, office_zone_of, recorded_after_the_forum
from desktop.services.timeliness import Timing, timing_of
from domain.workdays import WorkCalendar


@dataclass(frozen=True)
class RegisterRow:
    number: int
    forum_title: str
    channel: ForumMode  # the forum's mode: the channel the input came through
    subject: str
    raised_by_category: Category | None
    scope: Scope
    person_in_charge: str  # the follow-up's owners, or the office the input was proposed to
    status: RecStatus
    timing: Timing


@dataclass(frozen=True)
class Register:
    unit_name: str
    held_from: date | None
    held_to: date | None
    as_of: date
    rows: tuple[RegisterRow, ...]
    indicators: tuple[int, ...]


def _in_charge(rec: RecapRecommendation) -> str:
    if rec.follow_ups:
        return ", ".join(dict.fromkeys(fu.owner for fu in rec.follow_ups))
    if rec.escalations:
        return rec.escalations[-1].to_unit
    return ""


def _line(rec: RecapRecommendation, zone: tzinfo | None) -> RecLine:
    return RecLine(
        number=rec.number,
        text=rec.text,
        scope=rec.scope,
        status=rec.status,
        status_reason=rec.status_reason,
        outcome=rec.outcome,
        votes=rec.votes,
        raised_by="",
        raised_by_category=rec.raised_by_category,
        follow_ups=rec.follow_ups,
        escalations=rec.escalations,
        status_on=rec.status_at.astimezone(zone).date() if rec.status_at else None,
    )


def register(
    session: Session,
    unit_id: str,
    as_of: date,
    calendar: WorkCalendar,
    held_from: date | None = None,
    held_to: date | None = None,
) -> Register:
    """The inputs of the unit's forums held from `held_from` to `held_to` (either open), in the
    order of the forums' dates, then as typed; merged duplicates are counted once."""
    if held_from and held_to and held_to < held_from:
        raise InputError(
            tr(
                "The last day {end} is before the first day {start}.",
                end=held_to.isoformat(),
                start=held_from.isoformat(),
            )
        )
    unit = load(session, Unit, unit_id, N_("Unit"))
    zone = office_zone_of(unit)
    query = (
        select(Recommendation.id)
        .join(Forum, Forum.id == Recommendation.forum_id)
        .where(
            Forum.unit_id == unit.id,
            Forum.deleted.is_(False),
            Recommendation.deleted.is_(False),
            Recommendation.status != RecStatus.MERGED,
        )
        .order_by(Forum.held_on, Forum.id, Recommendation.created_at, Recommendation.id)
    )
    if held_from:
        query = query.where(Forum.held_on >= held_from)
    if held_to:
        query = query.where(Forum.held_on <= held_to)
    recs = recap_recommendations(session, list(session.scalars(query)))
    rows = tuple(
        RegisterRow(
            number=rec.number,
            forum_title=rec.forum_title,
            channel=rec.forum_mode,
            subject=rec.text,
            raised_by_category=rec.raised_by_category,
            scope=rec.scope,
            person_in_charge=_in_charge(rec),
            status=rec.status,
            timing=timing_of(
                _line(rec, zone),
                rec.held_on,
                as_of,
                calendar,
                rec.created_at.astimezone(zone).date()
                if recorded_after_the_forum(rec.created_at, rec.first_closed)
                else None,
            ),
        )
        for rec in recs
    )
    return Register(
        unit_name=unit.full_name or unit.name,
        held_from=held_from,
        held_to=held_to,
        as_of=as_of,
        rows=rows,
        indicators=pekppp.indicators_of(unit.pekppp_indicators).get("register", ()),
    )
