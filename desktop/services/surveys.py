"""The public satisfaction survey (SKM): survey periods, questionnaires entered or imported,
and the period's score (desktop/skm.py holds the rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop import skm
from desktop.errors import InputError
from desktop.i18n import N_, tr
from desktop.models import Forum, SurveyPeriod, SurveyResponse, Unit
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.journal import Journal, start_action
from desktop.services.lookup import load
from desktop.vocab import AgeBand, Education, Gender, IkmMethod, Occupation

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
    response = SurveyResponse(period_id=period.id, unit_id=period.unit_id, **clean_response(scores, profile))
    Journal(session, ctx).create(response)
    return response.id


def remove_response(session: Session, ctx: Context, response_id: str) -> None:
    Journal(session, ctx).delete(load(session, SurveyResponse, response_id, N_("Questionnaire")))


def import_responses(session: Session, ctx: Context, period_id: str, rows: list[dict[str, Any]]) -> int:
    """Add questionnaires already checked by `survey_import.parse_responses` (all or nothing:
    the caller's transaction)."""
    period = load(session, SurveyPeriod, period_id, N_("Survey period"))
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
    profile: dict[str, dict[Any, int]] = {}
    for name in ("gender", "age_band", "education", "occupation"):
        counts: dict[Any, int] = {}
        for r in responses:
            value = getattr(r, name)
            if value is not None:
                counts[value] = counts.get(value, 0) + 1
        profile[name] = counts
    method = unit.ikm_method if unit is not None else IkmMethod.EXACT
    return SurveyResult(
        period=period,
        unit_name=unit.name if unit else "",
        score=skm.score(scores, method) if scores else None,
        required=skm.minimum_sample(period.service_users) if period.service_users else None,
        profile=profile,
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
