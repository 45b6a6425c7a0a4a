"""The survey (SKM) in print: its own report, and its section in the minutes and the follow-up
report of the forum that discussed it (the demo survey lands in band B)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.documents.printed import forum_minutes_pdf
from desktop.reports.followup import build_followup_report
from desktop.reports.minutes import build_minutes
from desktop.reports.survey import build_survey_report
from desktop.services.report_data import forum_report, survey_document
from desktop.services.surveys import periods_of
from tests.helpers import make_tree
from tests.reports.conftest import all_text, font_files, out_of_page
from tests.test_cli import run


@pytest.fixture
def period(demo_ws: Workspace, demo_forum: str) -> str:
    [found] = [p for p in demo_ws.read(periods_of) if p.forum_id == demo_forum]  # the one discussed
    return found.id


def test_survey_report_prints_index_grade_sample_and_profile(demo_ws: Workspace, period: str) -> None:
    pdf = build_survey_report(demo_ws.read(survey_document, period))
    text = all_text(pdf)
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text
    assert "SKM Semester I 2024 (1 Januari 2024 – 30 Juni 2024)" in text
    assert "Nilai IKM : 82,16" in text or "82,16" in text
    assert "B (Baik)" in text
    assert "92 responden; memenuhi sampel minimum 92" in text
    assert "U8 Penanganan Pengaduan, Saran dan Masukan (NRR terendah)" in text
    for element in ("Persyaratan", "Sistem, Mekanisme, dan Prosedur", "Sarana dan Prasarana"):
        assert element in text
    assert "Perempuan" in text and "PNS/ASN" in text  # the profile, in Indonesian
    assert out_of_page(pdf) == [] and font_files(pdf)


def test_minutes_and_follow_up_report_carry_the_survey(demo_ws: Workspace, demo_forum: str) -> None:
    report = demo_ws.read(forum_report, demo_forum)
    frozen = forum_minutes_pdf(demo_ws, demo_forum)  # as signed: the survey was discussed in the room
    for pdf in (build_minutes(report), frozen, build_followup_report(report)):
        text = all_text(pdf)
        assert "Hasil Survei Kepuasan Masyarakat" in text and "82,16" in text and "B (Baik)" in text


def test_a_forum_without_a_survey_has_no_survey_section(ws: Workspace) -> None:
    tree = make_tree(ws)
    assert "Survei Kepuasan" not in all_text(build_minutes(ws.read(forum_report, tree.forum)))


def test_cli_prints_the_score_and_the_report(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    assert run(capsys, "--data-dir", data, "demo")[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "surveys")
    assert code == 0 and "SKM Semester I 2024" in out and "IKM=82,16" in out
    period = out.split()[0]
    code, out, _ = run(capsys, "--data-dir", data, "survey-score", period)
    assert code == 0
    [weakest] = [line.split() for line in out.splitlines() if line.startswith("U8 ")]
    # 264 points from 92 respondents: NRR 2,870 printed, × 25 = 71,75 (from the printed NRR).
    assert weakest[-3:] == ["264", "2,870", "71,75"] and out.splitlines()[1].startswith("Unsur")
    assert "IKM 82,16 — B (Baik)" in out and "cukup" in out  # Indonesian by default
    assert "Metode: Bobot tepat 1/9 per unsur" in out
    target = tmp_path / "skm.pdf"
    code, out, _ = run(capsys, "--data-dir", data, "survey-report", period, "-o", str(target))
    assert code == 0 and "82,16" in all_text(target.read_bytes())
    code, out, err = run(capsys, "--data-dir", data, "survey-score", "no-such-period")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


def test_cli_imports_questionnaires_all_or_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    period = run(capsys, "--data-dir", data, "surveys")[1].split()[0]
    bad = tmp_path / "bad.csv"
    bad.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n4,4,4,4,9,4,4,4,4\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", data, "--lang", "en", "import-survey", period, str(bad))
    assert code == 2 and "line 3" in err and "nothing was imported" in err
    good = tmp_path / "good.csv"
    good.write_text("U1,U2,U3,U4,U5,U6,U7,U8,U9\n4,4,4,4,4,4,4,4,4\n", encoding="utf-8")
    code, out, _ = run(capsys, "--data-dir", data, "--lang", "en", "import-survey", period, str(good))
    assert code == 0 and "1 questionnaire(s) imported." in out
    assert "n=93" in run(capsys, "--data-dir", data, "surveys")[1]


def test_cli_issues_the_report_once(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`survey-issue` fixes the report's date (the PDF loses its DRAF mark); a second time it is
    refused with one line and nothing changes."""
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    period = run(capsys, "--data-dir", data, "surveys")[1].split()[0]
    draft = tmp_path / "draft.pdf"
    run(capsys, "--data-dir", data, "survey-report", period, "-o", str(draft))
    assert "DRAF" in all_text(draft.read_bytes())
    code, out, _ = run(capsys, "--data-dir", data, "survey-issue", period)
    assert code == 0 and out.startswith("Laporan telah diterbitkan, bertanggal ")
    day = out.strip().removesuffix(".").split()[-1]  # dd-mm-yyyy
    issued = tmp_path / "issued.pdf"
    run(capsys, "--data-dir", data, "survey-report", period, "-o", str(issued))
    assert "DRAF" not in all_text(issued.read_bytes())
    code, out, err = run(capsys, "--data-dir", data, "survey-issue", period)
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and day in err
