"""The public satisfaction survey (SKM): survey periods, questionnaires entered or imported,
and the period's score (desktop/rules/skm.py holds the rules)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError, TransitionError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import AgeBand, Education, Gender, IkmMethod, Occupation
from desktop.models import Forum, SurveyPeriod, SurveyReport, SurveyResponse, Unit
from desktop.rules import skm
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.journal import Journal, start_action
from desktop.services.lookup import load
from domain.survey_issue import IssueState, issue_state
from protocol.vocab import SurveyIssue

PERIOD_RULES: dict[str, f.Validator] = {
    "title": f.text(N_("Survey period")),
    "starts_on": f.day(N_("First day")),
    "ends_on": f.day(N_("Last day")),
    "forum_id": lambda v: v or None,
    "service_users": lambda v: (
        None if v in (None, "", 0) else f.integer(N_("Service users"), 1, 100_000_000)(v)
    ),
    "note": f.text(N_("Note"), required=False, max_len=5000),
}
PROFILE_RULES: dict[str, f.Validator] = {
    "gender": f.choice(Gender, N_("Gender"), required=False),
    "age_band": f.choice(AgeBand, N_("Age"), required=False),
    "education": f.choice(Education, N_("Education"), required=False),
    "occupation": f.choice(Occupation, N_("Occupation"), required=False),
    "service": f.text(N_("Service used"), required=False),
    "answered_on": f.day(N_("Date answered"), required=False),
}


def _check_days(starts: date | None, ends: date | None) -> None:
    if starts and ends and ends < starts:
        raise InputError(
            tr(
                "The last day {end} is before the first day {start}.",
                end=ends.isoformat(),
                start=starts.isoformat(),
            ),
            field="ends_on",
        )


def _check_forum(session: Session, forum_id: str | None, unit_id: str) -> None:
    if forum_id is None:
        return
    forum = load(session, Forum, forum_id, N_("Forum"))
    if forum.unit_id != unit_id:
        raise InputError(tr("The forum belongs to another unit; choose one of this unit's forums."))


def create_period(session: Session, ctx: Context, *, unit_id: str, **values: Any) -> str:
    unit = load(session, Unit, unit_id, N_("Unit"))
    data = f.require(PERIOD_RULES, values, "title", "starts_on", "ends_on")
    _check_days(data["starts_on"], data["ends_on"])
    _check_forum(session, data.get("forum_id"), unit.id)
    period = SurveyPeriod(unit_id=unit.id, **data)
    Journal(session, ctx).create(period)
    return period.id


def update_period(session: Session, ctx: Context, period_id: str, **changes: Any) -> None:
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
    data = f.clean(PERIOD_RULES, changes)
    _check_days(data.get("starts_on", period.starts_on), data.get("ends_on", period.ends_on))
    if "forum_id" in data:
        _check_forum(session, data["forum_id"], period.unit_id)
    Journal(session, ctx).update(period, **data)


def clean_response(scores: Sequence[object], profile: dict[str, Any]) -> dict[str, Any]:
    """The nine scores and the profile of one questionnaire, checked (nothing is written)."""
    checked = skm.check_scores(scores)
    return {**dict(zip(skm.SCORE_FIELDS, checked, strict=True)), **f.clean(PROFILE_RULES, profile)}


def add_response(
    session: Session, ctx: Context, period_id: str, scores: Sequence[object], **profile: Any
) -> str:
    """One questionnaire: nine scores 1–4 (required), the respondent's profile (optional)."""
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
    require_not_issued(session, period)
    response = SurveyResponse(period_id=period.id, unit_id=period.unit_id, **clean_response(scores, profile))
    Journal(session, ctx).create(response)
    return response.id


def remove_response(session: Session, ctx: Context, response_id: str) -> None:
    response = load(session, SurveyResponse, response_id, N_("Questionnaire"))
    require_not_issued(session, load(session, SurveyPeriod, response.period_id, N_("Survey period")))
    Journal(session, ctx).delete(response)


def import_responses(session: Session, ctx: Context, period_id: str, rows: list[dict[str, Any]]) -> int:
    """Add questionnaires already checked by `survey_import.parse_responses` (all or nothing:
    the caller's transaction)."""
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
    require_not_issued(session, period)
    journal = Journal(session, ctx)
    for row in rows:
        start_action(session)  # each questionnaire is an action of its own on the server
        journal.create(SurveyResponse(period_id=period.id, unit_id=period.unit_id, **row))
    return len(rows)


# -- reading ---------------------------------------------------------------------------------
def periods_of(session: Session, unit_id: str | None = None) -> list[SurveyPeriod]:
    """Live survey periods (of one unit, if given), newest first."""
    query = select(SurveyPeriod).where(SurveyPeriod.deleted.is_(False))
    if unit_id:
        query = query.where(SurveyPeriod.unit_id == unit_id)
    return list(session.scalars(query.order_by(SurveyPeriod.starts_on.desc(), SurveyPeriod.title)))


def responses_of(session: Session, period_id: str) -> list[SurveyResponse]:
    return list(
        session.scalars(
            select(SurveyResponse)
            .where(SurveyResponse.period_id == period_id, SurveyResponse.deleted.is_(False))
            .order_by(SurveyResponse.created_at, SurveyResponse.id)
        )
    )


@dataclass(frozen=True)
class SurveyResult:
    period: SurveyPeriod
    unit_name: str
    score: skm.SurveyScore | None  # None while there are no questionnaires (by the office's method)
    required: int | None  # Krejcie–Morgan minimum, when the number of service users is known
    profile: dict[str, dict[Any, int]]  # field → value → respondents

    @property
    def respondents(self) -> int:
        return self.score.respondents if self.score else 0

    @property
    def too_few(self) -> bool:
        return self.required is not None and self.respondents < self.required


def survey_result(session: Session, period_id: str) -> SurveyResult:
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
    unit = session.get(Unit, period.unit_id)
    responses = responses_of(session, period.id)
    scores = [tuple(getattr(r, name) for name in skm.SCORE_FIELDS) for r in responses]
    profile = profile_of(responses)
    method = unit.ikm_method if unit is not None else IkmMethod.EXACT
    return result_of(period, unit.name if unit else "", scores, profile, method)


PROFILE_FIELDS = ("gender", "age_band", "education", "occupation")


def profile_of(responses: Sequence[object]) -> dict[str, dict[Any, int]]:
    """How many respondents gave each value of each profile field (a questionnaire stored, or
    one of an issued report's snapshot: both have these fields)."""
    profile: dict[str, dict[Any, int]] = {}
    for name in PROFILE_FIELDS:
        counts: dict[Any, int] = {}
        for r in responses:
            value = getattr(r, name)
            if value is not None:
                counts[value] = counts.get(value, 0) + 1
        profile[name] = counts
    return profile


def result_of(
    period: SurveyPeriod,
    unit_name: str,
    scores: Sequence[Sequence[int]],
    profile: dict[str, dict[Any, int]] | None = None,
    method: IkmMethod = IkmMethod.EXACT,
) -> SurveyResult:
    """A period's result from its questionnaires' scores (nine each), by the office's IKM method:
    the figures a report prints follow from these alone (a frozen berita acara keeps just these
    and the method)."""
    return SurveyResult(
        period=period,
        unit_name=unit_name,
        score=skm.score(scores, method) if scores else None,
        required=skm.minimum_sample(period.service_users) if period.service_users else None,
        profile=profile or {},
    )


def survey_of_forum(session: Session, forum_id: str) -> SurveyResult | None:
    """The survey discussed at a forum (the newest, if several), with its result."""
    period_id = session.scalar(
        select(SurveyPeriod.id)
        .where(SurveyPeriod.forum_id == forum_id, SurveyPeriod.deleted.is_(False))
        .order_by(SurveyPeriod.starts_on.desc())
        .limit(1)
    )
    return survey_result(session, period_id) if period_id else None


# -- issuing the report ----------------------------------------------------------------------
ISSUES = uuid.UUID("0b7a3c1e-5d2f-4e8a-9c61-7e6b2f4a1d90")


REOPENS = uuid.UUID("5c1e8f0a-7b3d-4f62-a9e4-2d8c6b1f0e73")


def _report_id(period_id: str, action: SurveyIssue, version: int) -> str:
    """The same on every laptop for the same action on the same version (a second is refused);
    version 1's issue keeps the id of the reports issued before versions existed."""
    if action == SurveyIssue.ISSUE:
        return str(uuid.uuid5(ISSUES, period_id if version == 1 else f"{period_id}/{version}"))
    return str(uuid.uuid5(REOPENS, f"{period_id}/{version}"))


def _records(session: Session, period_id: str) -> list[SurveyReport]:
    return list(
        session.scalars(
            select(SurveyReport)
            .where(SurveyReport.period_id == period_id, SurveyReport.deleted.is_(False))
            .order_by(SurveyReport.version, SurveyReport.created_at)
        )
    )


def issue_state_of(session: Session, period_id: str) -> IssueState:
    return issue_state((r.action, r.version) for r in _records(session, period_id))


def report_issued(session: Session, period_id: str) -> SurveyReport | None:
    """The period's report in force, if it is issued (not re-opened since)."""
    state = issue_state_of(session, period_id)
    if not state.issued:
        return None
    return session.get(SurveyReport, _report_id(period_id, SurveyIssue.ISSUE, state.version))


def reopenings(session: Session, period_id: str) -> list[SurveyReport]:
    """The re-openings of the period's report, oldest first (who, when, why)."""
    return [r for r in _records(session, period_id) if r.action == SurveyIssue.REOPEN]


def require_not_issued(session: Session, period: SurveyPeriod) -> None:
    """Questionnaires are fixed once the period's report is issued: its printed figures are
    computed from them (domain.survey_issue)."""
    issued = report_issued(session, period.id)
    if issued is not None:
        raise TransitionError(
            tr(
                "The SKM report of {period} was issued on {day}: its questionnaires are fixed, so none "
                "can be added, imported or removed. To correct them, re-open the report (a new "
                "version, with the reason kept in the history) and issue it again.",
                period=period.title,
                day=issued.issued_on.strftime("%d-%m-%Y"),
            )
        )


def issue_report(session: Session, ctx: Context, period_id: str) -> date:
    """Terbitkan: issue the period's report today (the office's date), once per version. Its
    date is fixed from then on, and its questionnaires; the report prints without the DRAF
    mark, and the history says who issued it. Two laptops issuing the same version make the
    same record id: the server keeps the first."""
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
    issued = report_issued(session, period.id)
    if issued is not None:
        raise TransitionError(
            tr(
                "The report of {period} was issued on {day}; its date stays as it was.",
                period=period.title,
                day=issued.issued_on.strftime("%d-%m-%Y"),
            )
        )
    if not responses_of(session, period.id):
        raise InputError(tr("The period has no questionnaires yet: there is no result to issue."))
    from desktop.services.issued_survey import snapshot  # it reads the report through this module

    version = issue_state_of(session, period.id).next_version
    report = SurveyReport(
        id=_report_id(period.id, SurveyIssue.ISSUE, version),
        unit_id=period.unit_id,
        period_id=period.id,
        issued_on=ctx.today(),
        issued_by=ctx.actor,
        action=SurveyIssue.ISSUE,
        version=version,
        content=snapshot(session, period.id),
    )
    Journal(session, ctx).create(report, action="issue")
    return report.issued_on


REOPEN_REASON = f.text(N_("Reason"), required=False, max_len=5000)


def reopen_report(session: Session, ctx: Context, period_id: str, reason: str) -> int:
    """Re-open the issued report (e.g. questionnaires found after it was issued): that version
    ends, the questionnaires may change again, and the next issue is a new version. The reason
    is required and kept, with who and when. Returns the version re-opened."""
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
    why = REOPEN_REASON(reason)
    if not why:
        raise InputError(tr("Say why the report is re-opened: the reason is kept in its history."), field="reason")
    issued = report_issued(session, period.id)
    if issued is None:
        raise TransitionError(
            tr("The report of {period} is not issued: its questionnaires may already change.", period=period.title)
        )
    reopened = SurveyReport(
        id=_report_id(period.id, SurveyIssue.REOPEN, issued.version),
        unit_id=period.unit_id,
        period_id=period.id,
        issued_on=ctx.today(),
        issued_by=ctx.actor,
        action=SurveyIssue.REOPEN,
        version=issued.version,
        reason=why,
    )
    Journal(session, ctx).create(reopened, action="reopen")
    return issued.version
