"""After *Terbitkan* the SKM report's questionnaires are fixed (its printed figures are computed
from them): adding, importing or removing one is refused with a clear message and changes
nothing, on the screen's services and in the CLI; the office re-opens the report as a new,
audited version (the reason kept), and the next issue is version 2."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from sqlalchemy import select, update

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError, TransitionError
from desktop.models import AuditEvent, SurveyPeriod, SurveyReport, SurveyResponse
from desktop.reports.survey import build_survey_report
from desktop.services import surveys, units
from desktop.services.issued_survey import issued_versions, printed_document
from desktop.services.report_data import survey_document
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


def ikm(scores: list[list[int]]) -> str:
    """The index as the report prints it, recomputed here: each element's NRR to 3 decimals
    (half up), their mean × 25 (the exact 1/9 method), to 2 decimals, with a decimal comma."""
    n = len(scores)
    nrr = [(Decimal(sum(s[i] for s in scores)) / n).quantize(Decimal("0.001"), ROUND_HALF_UP) for i in range(9)]
    index = (sum(nrr) / 9 * 25).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return str(index).replace(".", ",")


def stored_scores(ws: Workspace, period: str) -> list[list[int]]:
    return [[getattr(r, f"u{i}") for i in range(1, 10)] for r in ws.read(surveys.responses_of, period)]


def test_an_issued_version_keeps_its_figures_after_the_report_is_reopened(
    demo_ws: Workspace, period: str
) -> None:
    ws = demo_ws
    as_issued = ikm(stored_scores(ws, period))
    ws.write(surveys.issue_report, period)
    first = build_survey_report(ws.read(printed_document, period))
    assert f"{as_issued}" in all_text(first) and "DRAF" not in all_text(first)
    # Re-opened: ten low questionnaires found at the counter, the head of office changes; issued again.
    ws.write(surveys.reopen_report, period, "Sepuluh kuesioner dari loket ditemukan")
    for _ in range(10):
        ws.write(surveys.add_response, period, [1] * 9)
    unit = ws.read(lambda s: s.get(SurveyPeriod, period).unit_id)
    ws.write(units.update_unit, unit, head_name="Kepala Baru Sekali")
    assert "DRAF" in all_text(build_survey_report(ws.read(printed_document, period)))
    ws.write(surveys.issue_report, period)
    now = ikm(stored_scores(ws, period))
    assert now != as_issued
    latest = all_text(build_survey_report(ws.read(printed_document, period)))
    assert now in latest and "Kepala Baru Sekali" in latest
    # Version 1 prints as it was issued: the same bytes, its figures, its signer.
    again = build_survey_report(ws.read(printed_document, period, 1))
    assert again == first
    assert as_issued in all_text(again) and now not in all_text(again)
    assert "Kepala Baru Sekali" not in all_text(again)
    assert [(v.number, v.kept) for v in ws.read(issued_versions, period)] == [(1, True), (2, True)]


def test_the_cli_prints_an_issued_version_as_issued(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    period = run(capsys, "--data-dir", data, "surveys")[1].split()[0]
    assert run(capsys, "--data-dir", data, "survey-issue", period)[0] == 0
    issued, again, latest = (str(tmp_path / name) for name in ("issued.pdf", "again.pdf", "latest.pdf"))
    assert run(capsys, "--data-dir", data, "survey-report", period, "-o", issued)[0] == 0
    run(capsys, "--data-dir", data, "survey-reopen", period, "--reason", "Kuesioner susulan")
    low = tmp_path / "low.csv"
    low.write_text("u1;u2;u3;u4;u5;u6;u7;u8;u9\n" + "1;1;1;1;1;1;1;1;1\n" * 5, encoding="utf-8")
    assert run(capsys, "--data-dir", data, "import-survey", period, str(low))[0] == 0
    assert run(capsys, "--data-dir", data, "survey-issue", period)[0] == 0
    assert run(capsys, "--data-dir", data, "survey-report", period, "--version", "1", "-o", again)[0] == 0
    assert run(capsys, "--data-dir", data, "survey-report", period, "-o", latest)[0] == 0
    assert Path(again).read_bytes() == Path(issued).read_bytes() != Path(latest).read_bytes()
    code, out, err = run(
        capsys, "--data-dir", data, "--lang", "en", "survey-report", period, "--version", "3", "-o", again
    )
    assert code != 0 and out == "" and "no issued version 3: 2 issued so far" in err


def test_a_report_issued_before_snapshots_prints_from_its_questionnaires_while_in_force(
    demo_ws: Workspace, period: str
) -> None:
    ws = demo_ws
    ws.write(surveys.issue_report, period)
    table = SurveyReport.__table__
    with ws.store.write() as session:  # as the previous release issued it: no content
        session.execute(update(table).values(content={}))
    assert [(v.number, v.kept) for v in ws.read(issued_versions, period)] == [(1, False)]
    in_force = all_text(build_survey_report(ws.read(printed_document, period)))
    assert ikm(stored_scores(ws, period)) in in_force and "DRAF" not in in_force
    ws.write(surveys.reopen_report, period, "Koreksi")
    with pytest.raises(InputError, match="cannot be printed as issued"):
        ws.read(printed_document, period, 1)
