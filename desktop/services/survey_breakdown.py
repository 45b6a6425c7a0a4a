"""What the SKM report adds to a period's score (PermenPANRB 14/2017; PEKPPP: the survey held,
published and followed up): the score per *jenis layanan* (the service each respondent used),
the trend against the office's previous period, when the answers were collected, and the
rencana tindak lanjut (RTL) with its realisation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.vocab import IkmMethod
from desktop.models import SurveyPeriod, SurveyResponse, Unit
from desktop.rules import skm
from desktop.services.survey_actions import actions_of
from desktop.services.surveys import responses_of

UNSTATED = ""  # respondents who named no service


@dataclass(frozen=True)
class ServiceScore:
    service: str  # as first typed; "" for respondents who named none
    score: skm.SurveyScore


@dataclass(frozen=True)
class PreviousPeriod:
    title: str
    starts_on: date
    ends_on: date
    score: skm.SurveyScore


@dataclass(frozen=True)
class ActionLine:
    element: int
    action: str
    owner: str
    due_on: date | None
    progress: int
    realisation: str
    completed_on: date | None

    def late(self, as_of: date) -> bool:
        """Not done by its due date (done after it, or still open after it)."""
        if self.due_on is None:
            return False
        return (self.completed_on or as_of) > self.due_on


@dataclass(frozen=True)
class SurveyDetails:
    services: tuple[ServiceScore, ...]  # by number of respondents, most first
    previous: PreviousPeriod | None
    answered_from: date | None  # the first and last day a questionnaire was answered, if recorded
    answered_to: date | None
    actions: tuple[ActionLine, ...]


def _scores(responses: Sequence[SurveyResponse]) -> list[tuple[int, ...]]:
    return [tuple(getattr(r, name) for name in skm.SCORE_FIELDS) for r in responses]


def by_service(
    answers: Sequence[tuple[str, Sequence[int]]], method: IkmMethod = IkmMethod.EXACT
) -> tuple[ServiceScore, ...]:
    """The score of each service's questionnaires (each as the service used and its nine
    scores; spelling and spacing of its name aside), by the office's IKM method."""
    groups: dict[str, tuple[str, list[Sequence[int]]]] = {}
    for service, scores in answers:
        name = " ".join(service.split())
        groups.setdefault(name.casefold(), (name, []))[1].append(scores)
    scored = [ServiceScore(name or UNSTATED, skm.score(rows, method)) for name, rows in groups.values()]
    return tuple(
        sorted(scored, key=lambda s: (-s.score.respondents, s.service == UNSTATED, s.service.casefold()))
    )


def previous_answers(session: Session, period: SurveyPeriod) -> tuple[SurveyPeriod, list[tuple[int, ...]]] | None:
    """The office's latest period before this one that has questionnaires, with their scores."""
    earlier = session.scalars(
        select(SurveyPeriod)
        .where(
            SurveyPeriod.unit_id == period.unit_id,
            SurveyPeriod.deleted.is_(False),
            SurveyPeriod.starts_on < period.starts_on,
        )
        .order_by(SurveyPeriod.starts_on.desc(), SurveyPeriod.id)
    )
    for candidate in earlier:
        rows = responses_of(session, candidate.id)
        if rows:
            return candidate, _scores(rows)
    return None


def previous_period(
    session: Session, period: SurveyPeriod, method: IkmMethod = IkmMethod.EXACT
) -> PreviousPeriod | None:
    """The office's latest period before this one that has questionnaires (scored by the
    office's method of now, so the two indexes compare)."""
    found = previous_answers(session, period)
    if found is None:
        return None
    earlier, scores = found
    return PreviousPeriod(earlier.title, earlier.starts_on, earlier.ends_on, skm.score(scores, method))


def survey_details(session: Session, period: SurveyPeriod) -> SurveyDetails:
    unit = session.get(Unit, period.unit_id)
    method = unit.ikm_method if unit is not None else IkmMethod.EXACT
    responses = responses_of(session, period.id)
    answered = [r.answered_on for r in responses if r.answered_on is not None]
    return SurveyDetails(
        services=by_service(list(zip([r.service for r in responses], _scores(responses), strict=True)), method)
        if responses
        else (),
        previous=previous_period(session, period, method),
        answered_from=min(answered) if answered else None,
        answered_to=max(answered) if answered else None,
        actions=tuple(
            ActionLine(a.element, a.action, a.owner, a.due_on, a.progress, a.realisation, a.completed_on)
            for a in actions_of(session, period.id)
        ),
    )
