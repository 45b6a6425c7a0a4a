"""The satisfaction survey's issued report on the server (domain.survey_issue): once a period's
report is issued, a questionnaire of that period created or removed by a laptop is refused
(`survey_issued`: it was typed on a laptop that had not yet heard of the issue, and is kept
aside there for the office to decide), until the office re-opens the report as a new version.
A report's records follow their order: a re-opening re-opens an issued version, and an issue
after a re-opening is the next version."""

from __future__ import annotations

from typing import Any

from domain.survey_issue import IssueState, issue_state
from protocol.refusals import Problem, Refusal, Refused, invalid
from protocol.vocab import SurveyIssue
from server_stub.minutes import records_of
from server_stub.registers import Batch

REPORTS = "survey_reports"
RESPONSES = "survey_responses"


def _state(batch: Batch, unit_id: str, period_id: object) -> IssueState:
    return issue_state(
        (str(r.data.get("action") or SurveyIssue.ISSUE.value), int(r.data.get("version") or 1))
        for r in records_of(batch, REPORTS, unit_id)
        if r.data.get("period_id") == period_id and not r.deleted
    )


def check_response(batch: Batch, unit_id: str, period_id: object) -> None:
    """A questionnaire may be added to (or removed from) a period whose report is not issued."""
    state = _state(batch, unit_id, period_id)
    if state.issued:
        raise Refused(
            Refusal.SURVEY_ISSUED,
            f"the report of survey period {period_id} is issued (version {state.version})",
            period_id=str(period_id),
            version=state.version,
        )


def check_report(batch: Batch, unit_id: str, fields: dict[str, Any]) -> None:
    """An issue is of the period's next version; a re-opening re-opens the version in force."""
    state = _state(batch, unit_id, fields["period_id"])
    action = SurveyIssue(fields.get("action") or SurveyIssue.ISSUE.value)
    version = int(fields.get("version") or 1)
    if action == SurveyIssue.ISSUE and (state.issued or version != state.next_version):
        raise invalid(REPORTS, "version", Problem.NOT_ALLOWED)
    if action == SurveyIssue.REOPEN and (not state.issued or version != state.version):
        raise invalid(REPORTS, "version", Problem.NOT_ALLOWED)
