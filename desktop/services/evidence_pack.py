"""What an evaluation pack ("Paket bukti") holds for a forum or for a period of an office, and
what is still missing from it, computed from the data (issue #16).

An evaluator of PEKPPP asks for the berita acara, the signed daftar hadir, the notulen, photos
(dokumentasi), the follow-up report, and the SKM report with its rencana tindak lanjut. This
module says which of these the data hold and words each gap as an office reads it ("Foto
kegiatan belum ada"): attaching a photo removes that line. Building the files and the ZIP is
`desktop.documents.evidence_pack`; the index's layout is `desktop.reports.evidence_index`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.core.vocab import ForumStatus
from desktop.models import FollowUp, Forum, Recommendation, SurveyAction, SurveyPeriod, Unit
from desktop.rules import pekppp
from desktop.services.attachments import AttachmentItem, attachments_of
from desktop.services.lookup import load
from desktop.services.surveys import issue_state_of
from protocol.vocab import AttachmentKind, RecStatus, Scope

EARLIEST = date(2000, 1, 1)  # no office held an FKP (PermenPANRB 16/2017) before this
LONGEST_DAYS = 3 * 366  # a period pack covers at most three years


# The lines of "what is still missing", as the index prints them (Indonesian: the pack is an
# Indonesian office's evidence). One table, so that a test and the index use the same words.
class Gap:
    NO_FORUM = "Belum ada Forum Konsultasi Publik pada periode ini."
    DRAFT_MINUTES = "Berita acara masih DRAF: forum belum ditutup."
    NO_SIGNED_LIST = "Daftar hadir bertanda tangan belum dipindai."
    NO_PHOTO = "Foto kegiatan belum ada."
    NO_RECOMMENDATION = "Belum ada rekomendasi yang dicatat."
    UNTRIAGED = "{n} rekomendasi belum ditelaah (diterima atau ditolak)."
    NO_FOLLOW_UP = "{n} rekomendasi ranah unit belum memiliki rencana tindak lanjut."
    NOT_RECEIVED = "{what} belum diterima dari laptop {who}: “{name}”."
    LOST = "{what} hilang dari folder data laptop ini: “{name}”; lampirkan lagi."
    NO_SURVEY_FORUM = "Belum ada Survei Kepuasan Masyarakat (SKM) yang dibahas di forum ini."
    NO_SURVEY_PERIOD = "Belum ada Survei Kepuasan Masyarakat (SKM) pada periode ini."
    SURVEY_NOT_ISSUED = "Laporan SKM belum diterbitkan."
    NO_SURVEY_ACTIONS = "Rencana tindak lanjut (RTL) SKM belum disusun."


@dataclass(frozen=True)
class PackScope:
    """A forum's pack (`forum_id`), or an office's for the forums held and the surveys run
    from `starts_on` to `ends_on` (both included)."""

    forum_id: str | None = None
    unit_id: str | None = None
    starts_on: date | None = None
    ends_on: date | None = None

    @classmethod
    def of_forum(cls, forum_id: str) -> PackScope:
        return cls(forum_id=forum_id)

    @classmethod
    def of_year(cls, unit_id: str, year: int) -> PackScope:
        if not EARLIEST.year <= year <= 2999:
            raise InputError(tr("{year} is not a year of forums; write a year such as 2024.", year=year))
        return cls.of_period(unit_id, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def of_period(cls, unit_id: str, starts_on: date, ends_on: date) -> PackScope:
        if ends_on < starts_on:
            raise InputError(
                tr(
                    "The period ends ({ends}) before it starts ({starts}); give the earlier date first.",
                    starts=starts_on.isoformat(),
                    ends=ends_on.isoformat(),
                )
            )
        if starts_on < EARLIEST or (ends_on - starts_on).days > LONGEST_DAYS:
            raise InputError(
                tr(
                    "A pack covers at most three years, from {earliest} on; make one per year.",
                    earliest=EARLIEST.isoformat(),
                )
            )
        return cls(unit_id=unit_id, starts_on=starts_on, ends_on=ends_on)


@dataclass(frozen=True)
class ForumEvidence:
    id: str
    title: str
    held_on: date
    closed: bool
    scans: tuple[AttachmentItem, ...]  # the signed daftar hadir, scanned
    photos: tuple[AttachmentItem, ...]  # dokumentasi, in the order they were added
    recommendations: int  # live, not merged
    untriaged: int
    without_follow_up: int  # accepted, unit scope, no follow-up action yet


@dataclass(frozen=True)
class SurveyEvidence:
    id: str
    title: str
    starts_on: date
    ends_on: date
    issued: bool
    version: int  # the version in force (0 when never issued)
    actions: int  # lines of its rencana tindak lanjut


@dataclass(frozen=True)
class PackContents:
    unit_id: str
    unit_name: str
    forum_pack: bool  # a forum's pack (else a period's)
    starts_on: date
    ends_on: date
    forums: tuple[ForumEvidence, ...]
    surveys: tuple[SurveyEvidence, ...]
    indicators: Mapping[str, tuple[int, ...]]  # the office's table (desktop.rules.pekppp)


@dataclass(frozen=True)
class Missing:
    """One line of what is still missing: where (a forum, an SKM period, the period) and what."""

    where: str
    what: str


def pack_contents(session: Session, scope: PackScope) -> PackContents:
    """Which forums and SKM periods a pack covers, and what the data hold of each."""
    if scope.forum_id is not None:
        forum = load(session, Forum, scope.forum_id, "Forum")
        unit = load(session, Unit, forum.unit_id, "Unit")
        forums = [forum]
        periods = list(
            session.scalars(
                select(SurveyPeriod)
                .where(SurveyPeriod.forum_id == forum.id, SurveyPeriod.deleted.is_(False))
                .order_by(SurveyPeriod.starts_on, SurveyPeriod.id)
            )
        )
        starts_on = ends_on = forum.held_on
    else:
        if scope.unit_id is None or scope.starts_on is None or scope.ends_on is None:
            raise InputError(tr("Name a forum, or an office and a period, for the evidence pack."))
        unit = load(session, Unit, scope.unit_id, "Unit")
        starts_on, ends_on = scope.starts_on, scope.ends_on
        forums = list(
            session.scalars(
                select(Forum)
                .where(
                    Forum.unit_id == unit.id,
                    Forum.deleted.is_(False),
                    Forum.held_on >= starts_on,
                    Forum.held_on <= ends_on,
                )
                .order_by(Forum.held_on, Forum.title, Forum.id)
            )
        )
        periods = list(
            session.scalars(
                select(SurveyPeriod)
                .where(
                    SurveyPeriod.unit_id == unit.id,
                    SurveyPeriod.deleted.is_(False),
                    SurveyPeriod.starts_on <= ends_on,
                    SurveyPeriod.ends_on >= starts_on,
                )
                .order_by(SurveyPeriod.starts_on, SurveyPeriod.id)
            )
        )
    return PackContents(
        unit_id=unit.id,
        unit_name=unit.name,
        forum_pack=scope.forum_id is not None,
        starts_on=starts_on,
        ends_on=ends_on,
        forums=tuple(_forum_evidence(session, forum) for forum in forums),
        surveys=tuple(_survey_evidence(session, period) for period in periods),
        indicators=pekppp.indicators_of(unit.pekppp_indicators),
    )


def _forum_evidence(session: Session, forum: Forum) -> ForumEvidence:
    files = attachments_of(session, forum.id, (AttachmentKind.ATTENDANCE_SCAN, AttachmentKind.PHOTO))
    live = (
        Recommendation.forum_id == forum.id,
        Recommendation.deleted.is_(False),
        Recommendation.status != RecStatus.MERGED,
    )
    recommendations = session.scalar(select(func.count()).select_from(Recommendation).where(*live)) or 0
    untriaged = (
        session.scalar(
            select(func.count())
            .select_from(Recommendation)
            .where(*live, Recommendation.status == RecStatus.PROPOSED)
        )
        or 0
    )
    followed = select(FollowUp.recommendation_id).where(FollowUp.deleted.is_(False))
    without = (
        session.scalar(
            select(func.count())
            .select_from(Recommendation)
            .where(
                *live,
                Recommendation.scope == Scope.UNIT,
                Recommendation.status == RecStatus.ACCEPTED,
                Recommendation.id.not_in(followed),
            )
        )
        or 0
    )
    return ForumEvidence(
        id=forum.id,
        title=forum.title,
        held_on=forum.held_on,
        closed=forum.status == ForumStatus.CLOSED,
        scans=tuple(f for f in files if f.kind is AttachmentKind.ATTENDANCE_SCAN),
        photos=tuple(f for f in files if f.kind is AttachmentKind.PHOTO),
        recommendations=recommendations,
        untriaged=untriaged,
        without_follow_up=without,
    )


def _survey_evidence(session: Session, period: SurveyPeriod) -> SurveyEvidence:
    state = issue_state_of(session, period.id)
    actions = (
        session.scalar(
            select(func.count())
            .select_from(SurveyAction)
            .where(SurveyAction.period_id == period.id, SurveyAction.deleted.is_(False))
        )
        or 0
    )
    return SurveyEvidence(
        id=period.id,
        title=period.title,
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        issued=state.issued,
        version=state.version if state.issued else 0,
        actions=actions,
    )


def forum_label(forum: ForumEvidence) -> str:
    return f"{forum.title} ({forum.held_on.strftime('%d-%m-%Y')})"


def survey_label(survey: SurveyEvidence) -> str:
    return survey.title


def missing(contents: PackContents, absent: Mapping[str, str] | None = None) -> list[Missing]:
    """What the pack still lacks, forum by forum then survey by survey. `absent` names the files
    the records name but this laptop could not get (SHA-256 → the laptop that holds them, "" when
    this laptop held it and it was removed from the data folder by hand)."""
    absent = absent or {}
    period = "Periode ini"
    found: list[Missing] = []
    if not contents.forum_pack and not contents.forums:
        found.append(Missing(period, Gap.NO_FORUM))
    for forum in contents.forums:
        where = forum_label(forum)
        lines = []
        if not forum.closed:
            lines.append(Gap.DRAFT_MINUTES)
        if not forum.scans:
            lines.append(Gap.NO_SIGNED_LIST)
        if not forum.photos:
            lines.append(Gap.NO_PHOTO)
        for kind, items in (("Pindaian daftar hadir", forum.scans), ("Foto", forum.photos)):
            for item in items:
                if item.sha256 in absent:
                    lines.append(_absent(kind, item, absent[item.sha256]))
        if not forum.recommendations:
            lines.append(Gap.NO_RECOMMENDATION)
        if forum.untriaged:
            lines.append(Gap.UNTRIAGED.format(n=forum.untriaged))
        if forum.without_follow_up:
            lines.append(Gap.NO_FOLLOW_UP.format(n=forum.without_follow_up))
        found += [Missing(where, line) for line in lines]
    if not contents.surveys:
        found.append(
            Missing(
                forum_label(contents.forums[0]) if contents.forum_pack else period,
                Gap.NO_SURVEY_FORUM if contents.forum_pack else Gap.NO_SURVEY_PERIOD,
            )
        )
    for survey in contents.surveys:
        if not survey.issued:
            found.append(Missing(survey_label(survey), Gap.SURVEY_NOT_ISSUED))
        if not survey.actions:
            found.append(Missing(survey_label(survey), Gap.NO_SURVEY_ACTIONS))
    return found


def _absent(what: str, item: AttachmentItem, holder: str) -> str:
    name = item.caption or item.file_name
    if not holder:
        return Gap.LOST.format(what=what, name=name)
    return Gap.NOT_RECEIVED.format(what=what, who=holder, name=name)
