"""An issued SKM report's questionnaires on the server, through a real server on 127.0.0.1 on
SQLite and PostgreSQL: a questionnaire typed on a laptop that had not heard of the issue is
refused with `survey_issued` (kept aside there, worded for the user), and so is its removal;
after the office re-opens the report (a new version) one is accepted again. A crafted report
record out of order (an issue of a version that is not next, a re-opening of what is not
issued) is refused."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import RejectedOp, SurveyReport, SurveyResponse
from desktop.reports.survey import build_survey_report
from desktop.services import surveys, units
from desktop.services.issued_survey import printed_document
from desktop.sync.engine import sync_once
from desktop.sync.refusals import describe
from protocol.ids import new_id
from tests.reports.conftest import all_text
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


def test_an_issued_version_prints_alike_on_every_laptop_and_keeps_its_figures(
    device: Callable[[str, str], Workspace],
) -> None:
    """Issued on A, printed on B (which never had the report issued there) byte for byte; after
    A re-opens it, a questionnaire is added on B and version 2 is issued, version 1 still prints
    the same bytes on both laptops (its figures and signer as issued)."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    period = period_with_answers(a)
    a.write(surveys.issue_report, period)
    issued_on_a = build_survey_report(a.read(printed_document, period))
    assert sync_once(a).refused == 0
    sync_once(b)
    assert build_survey_report(b.read(printed_document, period)) == issued_on_a
    a.write(surveys.reopen_report, period, "Kuesioner loket belum masuk")
    a.write(units.update_unit, unit_id(a, "KPPN-SORONG"), head_name="Kepala Baru Sekali")
    assert sync_once(a).refused == 0
    sync_once(b)
    b.write(surveys.add_response, period, [1] * 9)
    b.write(surveys.issue_report, period)
    assert sync_once(b).refused == 0
    sync_once(a)
    version_2 = build_survey_report(a.read(printed_document, period))
    assert version_2 == build_survey_report(b.read(printed_document, period)) != issued_on_a
    assert "Kepala Baru Sekali" in all_text(version_2)
    for ws in (a, b):
        assert build_survey_report(ws.read(printed_document, period, 1)) == issued_on_a


def test_a_crafted_snapshot_of_an_issued_report_is_refused(
    device: Callable[[str, str], Workspace], raw: Callable[[Workspace], Raw]
) -> None:
    a = device("a", "KPPN-SORONG")
    period = period_with_answers(a)
    a.write(surveys.issue_report, period)
    content = a.read(lambda s: s.scalars(select(SurveyReport.content)).one())
    a.write(surveys.reopen_report, period, "Koreksi")
    sync_once(a)
    forger = raw(a)

    def issue(snapshot: object) -> dict[str, object]:
        fields = valid_fields(
            "survey_reports", forger.unit_id, period_id=period, action="issue", version=2, content=snapshot
        )
        return forger.op("survey_reports", new_id(), "create", fields)

    bad_score = {**content, "questionnaires": [{"scores": [5] * 9}]}
    contact = {**content, "questionnaires": [{"scores": [4] * 9, "phone": "0812-1111-2222"}]}
    for snapshot in (bad_score, contact, {**content, "questionnaires": []}, {"title": "x"}):
        code, params = forger.refusal(issue(snapshot))
        assert (code, params["field"]) == ("invalid_field", "content"), snapshot
    [applied] = forger.push(issue(content))
    assert applied["status"] == "applied", applied
