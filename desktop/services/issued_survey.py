"""An SKM report keeps, once issued, what it printed (issue #13: the SKM report is issued by an
explicit, audited *Terbitkan*; a re-opening makes a new version and the old one stays printable
as it was issued).

*Terbitkan* stores, on the issuing `survey_reports` record itself (the synced, append-only
record of that version, whose id every laptop makes alike), a snapshot of everything the report
prints (`protocol.survey_report`): the office's kop and signer, the period, the IKM method, every
questionnaire's scores, service and profile, the collection dates, the previous period's scores
and the rencana tindak lanjut. On the record, not beside it: the version and what it printed
are one thing, made in one action, and two laptops issuing the same version make one record
with one content (the server keeps the first). Every laptop prints an issued version from its
snapshot, so version 1 keeps its figures after the report is re-opened and questionnaires are
added, and reads the same on every laptop.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import msgspec
from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.models import SurveyPeriod, SurveyReport
from desktop.rules import skm
from desktop.services.frozen import clean, unit_of, unit_snapshot
from desktop.services.report_data import SurveyDocument, survey_document, unit_info
from desktop.services.survey_breakdown import (
    ActionLine,
    PreviousPeriod,
    SurveyDetails,
    by_service,
    previous_answers,
    survey_details,
)
from desktop.services.surveys import issue_state_of, profile_of, responses_of, result_of, survey_result
from protocol import survey_report as shape
from protocol.vocab import IkmMethod, SurveyIssue

EVIDENCE = "survey-report"  # the document's key in the office's PEKPPP table


def snapshot(session: Session, period_id: str) -> dict[str, Any]:
    """What the period's report prints now, as an issuing record keeps it (JSON values)."""
    result = survey_result(session, period_id)
    period = result.period
    method = result.score.method if result.score is not None else IkmMethod.EXACT
    details = survey_details(session, period)
    unit = unit_info(session, period.unit_id)
    found = previous_answers(session, period)
    earlier = None
    if found is not None:
        before, answers = found
        earlier = shape.Previous(
            title=clean(before.title),
            starts_on=before.starts_on,
            ends_on=before.ends_on,
            scores=[list(s) for s in answers],
        )
    issued = shape.IssuedReport(
        unit=unit_snapshot(unit),
        evidence=list(unit.indicators.get(EVIDENCE, ())),
        title=clean(period.title),
        starts_on=period.starts_on,
        ends_on=period.ends_on,
        service_users=period.service_users,
        note=clean(period.note),
        method=method,
        questionnaires=[
            shape.Questionnaire(
                scores=[getattr(r, name) for name in skm.SCORE_FIELDS],
                service=clean(r.service),
                gender=r.gender,
                age_band=r.age_band,
                education=r.education,
                occupation=r.occupation,
            )
            for r in responses_of(session, period_id)
        ],
        answered_from=details.answered_from,
        answered_to=details.answered_to,
        previous=earlier,
        actions=[
            shape.Action(
                element=a.element,
                action=clean(a.action),
                owner=clean(a.owner),
                due_on=a.due_on,
                progress=a.progress,
                realisation=clean(a.realisation),
                completed_on=a.completed_on,
            )
            for a in details.actions
        ],
        layout=shape.LAYOUT,
    )
    return dict(msgspec.to_builtins(issued))


def document_of(content: dict[str, Any], issued_on: date) -> SurveyDocument:
    """What an issued version prints, from its snapshot alone."""
    issued = msgspec.convert(content, shape.IssuedReport, strict=False)
    period = SurveyPeriod(
        title=issued.title,
        starts_on=issued.starts_on,
        ends_on=issued.ends_on,
        service_users=issued.service_users,
        note=issued.note,
    )
    scores = [q.scores for q in issued.questionnaires]
    unit = replace(unit_of(issued.unit), indicators={EVIDENCE: tuple(issued.evidence)})
    result = result_of(period, unit.name, scores, profile_of(issued.questionnaires), issued.method)
    previous = issued.previous
    details = SurveyDetails(
        services=by_service([(q.service, q.scores) for q in issued.questionnaires], issued.method),
        previous=None
        if previous is None
        else PreviousPeriod(
            previous.title,
            previous.starts_on,
            previous.ends_on,
            skm.score(previous.scores, issued.method),
        ),
        answered_from=issued.answered_from,
        answered_to=issued.answered_to,
        actions=tuple(
            ActionLine(a.element, a.action, a.owner, a.due_on, a.progress, a.realisation, a.completed_on)
            for a in issued.actions
        ),
    )
    return SurveyDocument(unit, result, details, issued_on)


@dataclass(frozen=True)
class IssuedVersion:
    number: int
    issued_on: date
    issued_by: str
    kept: bool  # its snapshot is kept (issued by this version of Mufakat or later)


def issued_versions(session: Session, period_id: str) -> list[IssuedVersion]:
    """The period's issued versions, oldest first."""
    rows = session.scalars(
        select(SurveyReport)
        .where(
            SurveyReport.period_id == period_id,
            SurveyReport.action == SurveyIssue.ISSUE,
            SurveyReport.deleted.is_(False),
        )
        .order_by(SurveyReport.version)
    )
    return [IssuedVersion(r.version, r.issued_on, r.issued_by, bool(r.content)) for r in rows]


def printed_document(session: Session, period_id: str, version: int | None = None) -> SurveyDocument:
    """What the SKM report prints: an issued version (`version`, or the one in force) from its
    snapshot, else the draft from the questionnaires as they are (DRAF, undated)."""
    if version is not None:
        return issued_document(session, period_id, version)
    state = issue_state_of(session, period_id)
    if state.issued:
        return issued_document(session, period_id, state.version)
    return survey_document(session, period_id)


def issued_document(session: Session, period_id: str, version: int) -> SurveyDocument:
    """An issued version as it was issued."""
    row = session.scalars(
        select(SurveyReport).where(
            SurveyReport.period_id == period_id,
            SurveyReport.action == SurveyIssue.ISSUE,
            SurveyReport.version == version,
            SurveyReport.deleted.is_(False),
        )
    ).first()
    if row is None:
        count = len(issued_versions(session, period_id))
        raise InputError(
            tr(
                "The SKM report has no issued version {version}: {count} issued so far.",
                version=version,
                count=count,
            )
        )
    if row.content:
        return document_of(row.content, row.issued_on)
    state = issue_state_of(session, period_id)
    if state.issued and state.version == version:  # issued before snapshots, still in force
        return survey_document(session, period_id)
    raise InputError(
        tr(
            "Version {version} of the SKM report was issued before Mufakat kept what an issued report printed, "
            "and its questionnaires have changed since it was re-opened: it cannot be printed as issued. "
            "Print the current version.",
            version=version,
        )
    )
