"""An issued SKM report's questionnaires on the server, through a real server on 127.0.0.1 on
SQLite and PostgreSQL: a questionnaire typed on a laptop that had not heard of the issue is
refused with `survey_issued` (kept aside there, worded for the user), and so is its removal;
after the office re-opens the report (a new version) one is accepted again. A crafted report
record out of order (an issue of a version that is not next, a re-opening of what is not
issued) is refused."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from desktop.models import RejectedOp, SurveyResponse
from desktop.services import surveys
from desktop.sync.engine import sync_once
from desktop.sync.refusals import describe
from desktop.workspace import Workspace
from protocol.ids import new_id
from tests.sync.crafted import Raw, valid_fields
from tests.sync.test_sync_basics import unit_id

SCORES = [3, 4, 3, 4, 3, 4, 3, 4, 3]


def period_with_answers(ws: Workspace) -> str:
    period = ws.write(
        surveys.create_period,
        unit_id=unit_id(ws, "KPPN-SORONG"),
        title="SKM Semester II 2026",
        starts_on="2026-07-01",
        ends_on="2026-12-31",
    )
    for _ in range(3):
        ws.write(surveys.add_response, period, SCORES)
    return period


def test_a_questionnaire_after_the_issue_is_refused_until_the_report_is_reopened(
    device: Callable[[str, str], Workspace],
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    period = period_with_answers(a)
    assert sync_once(a).refused == 0
    sync_once(b)
    # B, offline, types a late questionnaire and removes one; A issues the report meanwhile.
    late = b.write(surveys.add_response, period, [4] * 9)
    gone = b.read(surveys.responses_of, period)[0].id
    b.write(surveys.remove_response, gone)
    a.write(surveys.issue_report, period)
    assert sync_once(a).refused == 0
    assert sync_once(b).refused
    refused = b.read(
        lambda s: list(s.scalars(select(RejectedOp).where(RejectedOp.entity == "survey_responses")))
    )
    assert {(r.code, r.entity_id) for r in refused} == {("survey_issued", late), ("survey_issued", gone)}
    assert refused[0].params == {"period_id": period, "version": 1}
    assert "the SKM report of this survey period" in describe(refused[0].code, refused[0].params)
    sync_once(a)
    assert len(a.read(surveys.responses_of, period)) == 3  # the issued report's three

    # The office re-opens the report (version 1 ends): a questionnaire is accepted again.
    a.write(surveys.reopen_report, period, "Kuesioner loket belum masuk")
    assert sync_once(a).refused == 0
    sync_once(b)
    b.write(surveys.add_response, period, [4] * 9)
    assert sync_once(b).refused == 0
    sync_once(a)
    assert len(a.read(surveys.responses_of, period)) == 4
    a.write(surveys.issue_report, period)
    assert sync_once(a).refused == 0
    sync_once(b)
    issued = b.read(surveys.report_issued, period)
    assert issued is not None and issued.version == 2
    assert b.read(lambda s: s.scalar(select(SurveyResponse.id).where(SurveyResponse.id == late))) is None


def test_crafted_report_records_out_of_order_are_refused(
    device: Callable[[str, str], Workspace], raw: Callable[[Workspace], Raw]
) -> None:
    a = device("a", "KPPN-SORONG")
    period = period_with_answers(a)
    sync_once(a)
    forger = raw(a)
    office = forger.unit_id

    def report(action: str, version: int) -> dict[str, object]:
        fields = valid_fields("survey_reports", office, period_id=period, action=action, version=version)
        return forger.op("survey_reports", new_id(), "create", fields)

    for action, version in (("reopen", 1), ("issue", 2)):  # nothing issued yet
        code, params = forger.refusal(report(action, version))
        assert (code, params["field"], params["problem"]) == ("invalid_field", "version", "not_allowed")
    [issued] = forger.push(report("issue", 1))
    assert issued["status"] == "applied", issued
    code, _ = forger.refusal(report("issue", 1))  # issued again, under another id
    assert code == "invalid_field"
    answer = valid_fields("survey_responses", office, period_id=period, **{f"u{n}": 4 for n in range(1, 10)})
    code, params = forger.refusal(forger.op("survey_responses", new_id(), "create", answer))
    assert (code, params) == ("survey_issued", {"period_id": period, "version": 1})
