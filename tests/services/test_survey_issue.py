"""After *Terbitkan* the SKM report's questionnaires are fixed (its printed figures are computed
from them): adding, importing or removing one is refused with a clear message and changes
nothing, on the screen's services and in the CLI; the office re-opens the report as a new,
audited version (the reason kept), and the next issue is version 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.errors import InputError, TransitionError
from desktop.models import AuditEvent, SurveyReport, SurveyResponse
from desktop.reports.survey import build_survey_report
from desktop.services import surveys
from desktop.services.report_data import survey_document
from desktop.workspace import Workspace
from protocol.vocab import SurveyIssue
from tests.reports.conftest import all_text
from tests.test_cli import run

SCORES = [4, 4, 4, 4, 4, 4, 4, 4, 4]


@pytest.fixture
def period(demo_ws: Workspace, demo_forum: str) -> str:
    [found] = [p for p in demo_ws.read(surveys.periods_of) if p.forum_id == demo_forum]
    return found.id


def answers(ws: Workspace, period: str) -> int:
    return len(ws.read(surveys.responses_of, period))


def test_an_issued_report_fixes_its_questionnaires_until_it_is_reopened(
    demo_ws: Workspace, period: str
) -> None:
    ws = demo_ws
    before = answers(ws, period)
    issued_pdf = all_text(build_survey_report(ws.read(survey_document, period)))
    ws.write(surveys.issue_report, period)
    some = ws.read(surveys.responses_of, period)[0].id
    for attempt in (
        lambda: ws.write(surveys.add_response, period, SCORES),
        lambda: ws.write(surveys.import_responses, period, [surveys.clean_response(SCORES, {})]),
        lambda: ws.write(surveys.remove_response, some),
    ):
        with pytest.raises(TransitionError, match="questionnaires are fixed"):
            attempt()
    assert answers(ws, period) == before
    assert "DRAF" not in all_text(build_survey_report(ws.read(survey_document, period)))

    with pytest.raises(InputError, match="Say why"):
        ws.write(surveys.reopen_report, period, "  ")
    assert ws.write(surveys.reopen_report, period, "Sepuluh kuesioner dari loket ditemukan") == 1
    assert ws.read(surveys.report_issued, period) is None
    assert "DRAF" in all_text(build_survey_report(ws.read(survey_document, period)))  # a draft again
    ws.write(surveys.add_response, period, SCORES)
    assert answers(ws, period) == before + 1
    with pytest.raises(TransitionError):
        ws.write(surveys.reopen_report, period, "Lagi")  # nothing issued to re-open

    ws.write(surveys.issue_report, period)
    issued = ws.read(surveys.report_issued, period)
    assert issued is not None and issued.version == 2
    with pytest.raises(TransitionError, match="questionnaires are fixed"):
        ws.write(surveys.add_response, period, SCORES)
    records = ws.read(lambda s: [(r.action, r.version, r.reason) for r in s.scalars(select(SurveyReport))])
    assert sorted(records) == [
        (SurveyIssue.ISSUE, 1, ""),
        (SurveyIssue.ISSUE, 2, ""),
        (SurveyIssue.REOPEN, 1, "Sepuluh kuesioner dari loket ditemukan"),
    ]
    history = ws.read(
        lambda s: [
            e.action for e in s.scalars(select(AuditEvent).where(AuditEvent.entity == "survey_reports"))
        ]
    )
    assert sorted(history) == ["issue", "issue", "reopen"]
    assert issued_pdf != all_text(build_survey_report(ws.read(survey_document, period)))
    assert ws.read(lambda s: s.scalar(select(SurveyResponse.id).limit(1))) is not None


def test_the_cli_refuses_and_reopens(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    period = run(capsys, "--data-dir", data, "surveys")[1].split()[0]
    assert run(capsys, "--data-dir", data, "survey-issue", period)[0] == 0
    good = tmp_path / "good.csv"
    good.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", data, "--lang", "en", "import-survey", period, str(good))
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1
    assert "questionnaires are fixed" in err and "re-open the report" in err
    code, out, err = run(
        capsys, "--data-dir", data, "--lang", "en", "survey-reopen", period, "--reason", "Kuesioner susulan"
    )
    assert code == 0 and "Version 1 of the report is re-opened" in out
    code, out, _ = run(capsys, "--data-dir", data, "--lang", "en", "import-survey", period, str(good))
    assert code == 0 and "1 questionnaire(s) imported." in out
