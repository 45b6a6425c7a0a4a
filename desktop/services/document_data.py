"""Plain data for the documents of issue #13 that the berita acara does not cover: the Laporan
Pelaksanaan FKP, the notulen, the surat undangan. Read from the store in one place, as
`report_data` does for the berita acara; the builders in desktop/reports never see a session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import Category, Gender, RecStatus, Role, Scope
from desktop.models import AgendaItem, Forum, Participant, Recommendation, Unit
from desktop.services.as_of import forum_report_on
from desktop.services.lookup import load
from desktop.services.report_data import ForumReport, forum_report
from desktop.services.templates import Templates, check_invitation_date, effective
from desktop.services.timeliness import Timing, timing_of
from domain.workdays import WorkCalendar


# -- Laporan Pelaksanaan FKP ---------------------------------------------------------------------
@dataclass(frozen=True)
class ImplementationReport:
    forum: ForumReport
    templates: Templates
    timing: dict[int, Timing]  # by the recommendation's number in the berita acara
    as_of: date  # the report's date


def implementation_report(
    session: Session, forum_id: str, as_of: date, calendar: WorkCalendar
) -> ImplementationReport:
    """`as_of`: the report's day (*posisi per*): each recommendation's status as it stood at the
    end of that day, by the follow-up report's rule (desktop.services.as_of)."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    report = forum_report_on(session, forum_id, as_of)
    return ImplementationReport(
        forum=report,
        templates=effective(session.get(Unit, forum.unit_id), forum),
        timing={r.number: timing_of(r, report.held_on, as_of, calendar, r.recorded_on) for r in report.recommendations},
        as_of=as_of,
    )


# -- notulen ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class NoteLine:
    """One thing said: by whom, and the office's response."""

    number: int  # in the order typed, every input (duplicates merged later included)
    text: str
    speaker: str
    organization: str
    category: Category | None
    scope: Scope
    response: str
    merged_into: int | None  # the number of the input it was merged into


@dataclass(frozen=True)
class NoteSection:
    title: str  # the agenda item ("" for what was said outside the agenda's items)
    presenter: str
    lines: tuple[NoteLine, ...]


@dataclass(frozen=True)
class Notes:
    forum: ForumReport
    sections: tuple[NoteSection, ...]

    @property
    def inputs(self) -> int:
        return sum(len(s.lines) for s in self.sections)


def notes(session: Session, forum_id: str) -> Notes:
    """What was said at the forum, per agenda item in the agenda's order (then what was said
    under no item), each in the order typed."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    speaker = aliased(Participant)
    rows = session.execute(
        select(
            Recommendation.id,
            Recommendation.text,
            Recommendation.scope,
            Recommendation.response,
            Recommendation.status,
            Recommendation.merged_into_id,
            Recommendation.agenda_item_id,
            speaker.name,
            speaker.organization,
            speaker.category,
        )
        .outerjoin(speaker, speaker.id == Recommendation.raised_by_id)
        .where(Recommendation.forum_id == forum.id, Recommendation.deleted.is_(False))
        .order_by(Recommendation.created_at, Recommendation.id)
    ).all()
    number = {row.id: n for n, row in enumerate(rows, start=1)}
    by_item: dict[str | None, list[NoteLine]] = {}
    for row in rows:
        merged = number.get(row.merged_into_id) if row.status == RecStatus.MERGED else None
        by_item.setdefault(row.agenda_item_id, []).append(
            NoteLine(
                number=number[row.id],
                text=row.text,
                speaker=row.name or "",
                organization=row.organization or "",
                category=row.category,
                scope=row.scope,
                response=row.response,
                merged_into=merged,
            )
        )
    items = session.scalars(
        select(AgendaItem)
        .where(AgendaItem.forum_id == forum.id, AgendaItem.deleted.is_(False))
        .order_by(AgendaItem.position, AgendaItem.created_at)
    ).all()
    sections = [NoteSection(i.title, i.presenter, tuple(by_item.pop(i.id, ()))) for i in items]
    rest = [line for lines in by_item.values() for line in lines]  # no item, or an item deleted since
    if rest:
        sections.append(NoteSection("", "", tuple(sorted(rest, key=lambda line: line.number))))
    return Notes(
        forum=forum_report(session, forum_id),
        sections=tuple(sections),
    )


# -- surat undangan -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Invitee:
    name: str
    gender: Gender | None


@dataclass(frozen=True)
class Letter:
    """One letter: to an organisation (its invitees named for attention), or to a person
    invited on their own (no organisation)."""

    organization: str
    invitees: tuple[Invitee, ...]


@dataclass(frozen=True)
class Invitations:
    forum: ForumReport
    templates: Templates
    letters: tuple[Letter, ...]
    letter_date: date | None  # None: printed after the forum with no date fixed, left to fill in


def invitations(session: Session, forum_id: str, today: date, letter_date: date | None = None) -> Invitations:
    """A letter per invited organisation, and per person invited without one, from the
    invitation list (the office's own staff are not invited; walk-ins were not). Dated
    `letter_date` if given, else the forum's invitation date, else `today` if the forum is still
    to come; printed later with no date fixed, the date is left blank to fill in (a letter dated
    after the forum it invites to would be sent back)."""
    forum = load(session, Forum, forum_id, N_("Forum"))
    people = session.scalars(
        select(Participant)
        .where(
            Participant.forum_id == forum.id,
            Participant.deleted.is_(False),
            Participant.invited.is_(True),
            Participant.role != Role.ORGANIZER,
        )
        .order_by(Participant.organization, Participant.name, Participant.id)
    ).all()
    if not people:
        raise InputError(
            tr(
                "Nobody is on this forum's invitation list, so there is no invitation to print. "
                "Import the invitation list in Attendance first."
            )
        )
    groups: dict[str, list[Invitee]] = {}
    alone: list[Letter] = []
    for person in people:
        organization = " ".join(person.organization.split())
        invitee = Invitee(person.name, person.gender)
        if organization:
            # One letter per organisation, however its name was capitalised on the list.
            key = next((k for k in groups if k.casefold() == organization.casefold()), organization)
            groups.setdefault(key, []).append(invitee)
        else:
            alone.append(Letter("", (invitee,)))
    letters = [Letter(org, tuple(names)) for org, names in groups.items()]
    templates = effective(session.get(Unit, forum.unit_id), forum)
    dated = letter_date or templates.invitation_date
    if dated is not None:
        check_invitation_date(dated, forum.held_on)
    elif today <= forum.held_on:
        dated = today
    return Invitations(
        forum=forum_report(session, forum_id),
        templates=templates,
        letters=tuple(letters + sorted(alone, key=lambda letter: letter.invitees[0].name.casefold())),
        letter_date=dated,
    )
