"""A forum's berita acara frozen when the forum closes (DOMAIN.md: signed on the day, a reprint
is identical; what happens afterwards goes in the follow-up report).

Closing a forum stores, in the same user action, a snapshot of its minutes as agreed in the
room (`protocol.minutes`): the office's kop and logo of that day, the forum's details, who
attended (no contact details), the agenda, agreements, recommendations with their votes and
merged duplicates, the survey discussed, and the paper size. Every laptop of the office, and the
office above once one of the forum's recommendations is escalated to it, prints that snapshot;
reportlab's invariant mode makes the same snapshot the same bytes. Reopening and closing again
makes another version; each stays printable. Forums closed before this laptop froze minutes are
frozen once, at the first start after the upgrade, and marked so.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import ForumStatus, RecStatus
from desktop.models import Forum, FrozenMinutes, PendingFreeze, SurveyPeriod
from desktop.rules.skm import SCORE_FIELDS
from desktop.services.context import Context
from desktop.services.journal import Journal, start_action
from desktop.services.lookup import load
from desktop.services.report_data import (
    AgendaLine,
    ForumReport,
    MergedLine,
    Person,
    RecLine,
    UnitInfo,
    forum_report,
    office_info,
)
from desktop.services.surveys import responses_of, result_of
from domain.unsur import mapping_of, stored_mapping
from protocol import minutes as shape
from protocol.vocab import FreezeCause, IkmMethod, Paper

# Minutes frozen at the upgrade get an id made from their forum's, the same on every laptop of
# the office, so that two laptops freezing the same forum make one record.
UPGRADE_IDS = uuid.UUID("6f0c6a3e-2a59-4d0e-9a55-6d7566616b61")
# C0 control characters but tab and newline (protocol.schema.CONTROL): none in a snapshot (a
# value stored before the server checked them would make the whole closing refused).
_CONTROL = str.maketrans({chr(c): None for c in range(32) if chr(c) not in "\t\n"})


def clean(value: str) -> str:
    return value.translate(_CONTROL)


# -- the snapshot ------------------------------------------------------------------------------
def unit_snapshot(unit: UnitInfo) -> shape.MinutesUnit:
    """The office as its kop, signer and sentences print it that day."""
    return shape.MinutesUnit(
        name=clean(unit.name),
        full_name=clean(unit.full_name),
        letterhead=[clean(line) for line in unit.letterhead],
        address=clean(unit.address),
        city=clean(unit.city),
        phone=clean(unit.phone),
        email=clean(unit.email),
        website=clean(unit.website),
        logo=base64.b64encode(unit.logo_png).decode("ascii"),
        head_title=clean(unit.head_title),
        head_name=clean(unit.head_name),
        head_nip=clean(unit.head_nip),
        time_zone=unit.time_zone,
        parent_name=clean(unit.parent_name),
        parent_full_name=clean(unit.parent_full_name),
        parent_head_title=clean(unit.parent_head_title),
        unsur_mapping=stored_mapping(unit.unsur_mapping),
    )


def snapshot(report: ForumReport, survey_scores: list[list[int]] | None) -> shape.Minutes:
    """The minutes' content as the protocol carries it (attendees only, no contact details)."""
    survey = report.survey
    return shape.Minutes(
        unit=unit_snapshot(report.unit),
        title=clean(report.title),
        theme=clean(report.theme),
        held_on=report.held_on,
        starts_at=report.starts_at,
        ends_at=report.ends_at,
        venue=clean(report.venue),
        mode=report.mode,
        facilitator=clean(report.facilitator),
        moderator=clean(report.moderator),
        note_taker=clean(report.note_taker),
        document_number=clean(report.document_number),
        summary=clean(report.summary),
        agreements=clean(report.agreements),
        signatories=[
            shape.Signatory(**{k: clean(str(person.get(k, ""))) for k in ("role", "name", "nip", "title")})
            for person in report.signatories
        ],
        attendees=[
            shape.Attendee(
                id=p.id,
                name=clean(p.name),
                organization=clean(p.organization),
                category=p.category,
                gender=p.gender,
                vulnerable=p.vulnerable,
                role=p.role,
            )
            for p in report.attendees
        ],
        agenda=[
            shape.AgendaLine(
                title=clean(a.title), presenter=clean(a.presenter), planned_minutes=a.planned_minutes
            )
            for a in report.agenda
        ],
        recommendations=[
            shape.Recommendation(
                id=r.id,
                text=clean(r.text),
                scope=r.scope,
                votes=r.votes,
                raised_by=clean(r.raised_by),
                raised_by_category=r.raised_by_category,
                merged=[
                    shape.Merged(id=m.id, text=clean(m.text), raised_by=clean(m.raised_by))
                    for m in r.merged
                ],
            )
            for r in report.recommendations
        ],
        layout=shape.LAYOUT,
        survey=None
        if survey is None or survey_scores is None
        else shape.Survey(
            title=clean(survey.period.title),
            starts_on=survey.period.starts_on,
            ends_on=survey.period.ends_on,
            service_users=survey.period.service_users,
            method=survey.score.method if survey.score is not None else IkmMethod.EXACT,
            scores=survey_scores,
        ),
    )


def content_of(minutes: shape.Minutes) -> dict[str, Any]:
    """The snapshot as stored and sent (JSON values)."""
    return dict(msgspec.to_builtins(minutes))


def unit_of(unit: shape.MinutesUnit) -> UnitInfo:
    """The office as a snapshot keeps it."""
    return office_info(
        unit,
        letterhead=tuple(unit.letterhead),
        logo=base64.b64decode(unit.logo),
        parent_name=unit.parent_name,
        parent_full_name=unit.parent_full_name,
        parent_head_title=unit.parent_head_title,
        unsur_mapping=mapping_of(unit.unsur_mapping),
    )


def report_of(content: dict[str, Any]) -> ForumReport:
    """The minutes' data as the documents read them, from a snapshot (a closed forum's)."""
    m = msgspec.convert(content, shape.Minutes, strict=False)
    unit = m.unit
    survey = None
    if m.survey is not None:
        period = SurveyPeriod(
            title=m.survey.title,
            starts_on=m.survey.starts_on,
            ends_on=m.survey.ends_on,
            service_users=m.survey.service_users,
        )
        survey = result_of(period, unit.name, m.survey.scores, method=m.survey.method)
    return ForumReport(
        unit=unit_of(m.unit),
        title=m.title,
        theme=m.theme,
        held_on=m.held_on,
        starts_at=m.starts_at,
        ends_at=m.ends_at,
        venue=m.venue,
        mode=m.mode,
        facilitator=m.facilitator,
        moderator=m.moderator,
        note_taker=m.note_taker,
        document_number=m.document_number,
        summary=m.summary,
        agreements=m.agreements,
        status=ForumStatus.CLOSED,
        signatories=tuple(msgspec.to_builtins(s) for s in m.signatories),
        participants=tuple(
            Person(a.name, a.organization, a.category, a.gender, a.vulnerable, a.role, "", True, a.id)
            for a in m.attendees
        ),
        agenda=tuple(AgendaLine(a.title, a.presenter, a.planned_minutes) for a in m.agenda),
        recommendations=tuple(
            RecLine(
                number=number,
                text=r.text,
                scope=r.scope,
                status=RecStatus.PROPOSED,
                status_reason="",
                outcome=None,
                votes=r.votes,
                raised_by=r.raised_by,
                raised_by_category=r.raised_by_category,
                follow_ups=(),
                escalations=(),
                merged=tuple(MergedLine(x.text, x.raised_by, x.id) for x in r.merged),
                id=r.id,
            )
            for number, r in enumerate(m.recommendations, start=1)
        ),
        survey=survey,
        layout=m.layout,
    )


# -- freezing ----------------------------------------------------------------------------------
def _survey_scores(session: Session, report: ForumReport) -> list[list[int]] | None:
    if report.survey is None:
        return None
    period_id = report.survey.period.id
    return [[getattr(r, name) for name in SCORE_FIELDS] for r in responses_of(session, period_id)]


def freeze(
    session: Session,
    ctx: Context,
    forum_id: str,
    paper: Paper = Paper.A4,
    cause: FreezeCause = FreezeCause.CLOSING,
) -> str:
    """Store the forum's minutes as they are now (part of the caller's action: the closing)."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    report = forum_report(session, forum_id)
    content = content_of(snapshot(report, _survey_scores(session, report)))
    if cause == FreezeCause.UPGRADE:  # the same record on every laptop that freezes it
        row = FrozenMinutes(
            id=str(uuid.uuid5(UPGRADE_IDS, forum.id)),
            frozen_at=forum.status_at or ctx.now(),
            frozen_by=forum.status_by,
        )
    else:
        row = FrozenMinutes(frozen_at=ctx.now(), frozen_by=ctx.actor)
    row.unit_id, row.forum_id, row.cause, row.paper, row.content = (
        forum.unit_id,
        forum.id,
        cause,
        paper,
        content,
    )
    Journal(session, ctx).create(row, action="freeze")
    return row.id


def has_pending(session: Session) -> bool:
    return session.scalar(select(PendingFreeze.forum_id).limit(1)) is not None


def freeze_pending(session: Session, ctx: Context) -> int:
    """Freeze, once, the forums that were closed before this laptop's upgrade (one action each);
    returns how many. A forum whose minutes another laptop froze and this one already holds, or
    that was reopened since, needs none."""
    pending = list(session.scalars(select(PendingFreeze.forum_id)))
    frozen = 0
    for forum_id in pending:
        forum = session.get(Forum, forum_id)
        held = session.scalar(select(FrozenMinutes.id).where(FrozenMinutes.forum_id == forum_id).limit(1))
        if forum is not None and forum.status == ForumStatus.CLOSED and held is None:
            start_action(session)
            freeze(session, ctx, forum_id, cause=FreezeCause.UPGRADE)
            frozen += 1
        session.execute(delete(PendingFreeze).where(PendingFreeze.forum_id == forum_id))
    return frozen


# -- reading -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class MinutesVersion:
    """One frozen berita acara of a forum (version 1 is the first closing)."""

    id: str
    number: int
    frozen_at: datetime
    frozen_by: str
    cause: FreezeCause
    paper: Paper
    title: str
    held_on: str


def versions(session: Session, forum_id: str) -> list[MinutesVersion]:
    """The forum's frozen minutes, oldest first."""
    rows = session.scalars(
        select(FrozenMinutes)
        .where(FrozenMinutes.forum_id == forum_id, FrozenMinutes.deleted.is_(False))
        .order_by(FrozenMinutes.frozen_at, FrozenMinutes.id)
    ).all()
    return [
        MinutesVersion(
            r.id,
            number,
            r.frozen_at,
            r.frozen_by,
            r.cause,
            r.paper,
            str(r.content.get("title", "")),
            str(r.content.get("held_on", "")),
        )
        for number, r in enumerate(rows, start=1)
    ]


def frozen_minutes(session: Session, minutes_id: str) -> tuple[ForumReport, Paper]:
    """What a frozen berita acara prints, and on which paper."""
    row = load(session, FrozenMinutes, minutes_id, N_("Berita acara"))
    layout = row.content.get("layout", 1)
    if not isinstance(layout, int) or layout > shape.LAYOUT:
        raise InputError(
            tr(
                "This berita acara was frozen by a newer Mufakat (layout {layout}; this one prints up to {known}). "
                "Update Mufakat on this laptop to print it as it was signed.",
                layout=layout,
                known=shape.LAYOUT,
            )
        )
    return report_of(row.content), row.paper


def minutes_of_escalated(session: Session, recommendation_id: str) -> list[MinutesVersion]:
    """The frozen minutes this laptop holds of the forum a recommendation was raised at (the
    office above holds them once the recommendation is escalated to it), oldest first."""
    found: list[FrozenMinutes] = []
    for row in session.scalars(
        select(FrozenMinutes).where(FrozenMinutes.deleted.is_(False)).order_by(FrozenMinutes.frozen_at)
    ):
        ids = {str(r.get("id")) for r in row.content.get("recommendations", [])}
        ids |= {str(m.get("id")) for r in row.content.get("recommendations", []) for m in r.get("merged", [])}
        if recommendation_id in ids:
            found.append(row)
    return versions(session, found[-1].forum_id) if found else []
