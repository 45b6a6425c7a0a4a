"""Entering paper questionnaires as a facilitator does after the forum: nine keys and Enter,
questionnaire after questionnaire; the stored scores and the shown index are checked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import Gender, IkmMethod
from desktop.models import Unit
from desktop.reports.survey import build_survey_report
from desktop.services.report_data import survey_document
from desktop.services.surveys import add_response, issue_report, reopen_report, responses_of, survey_result
from desktop.services.units import create_unit, set_home_unit
from desktop.views import main_window as mw
from desktop.views.document_dialog import DocumentDialog
from desktop.views.main_window import MainWindow
from desktop.views.survey_dialog import NewSurveyDialog
from tests.reports.conftest import all_text


def new_period(qtbot: QtBot, window: MainWindow, monkeypatch) -> str:
    made: list[NewSurveyDialog] = []

    def fill(dialog: NewSurveyDialog) -> int:
        made.append(dialog)
        qtbot.keyClicks(dialog.title, "SKM Semester II 2026")
        dialog.service_users.setValue(10)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
        return dialog.result()

    monkeypatch.setattr(NewSurveyDialog, "exec", fill)
    window.nav.setCurrentRow(mw.SURVEY)
    window.survey.new_period()
    assert made[0].period_id is not None
    return made[0].period_id


def test_typing_a_batch_of_questionnaires(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    ws.write(set_home_unit, ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong"))
    period = new_period(qtbot, window, monkeypatch)
    page = window.survey
    assert page.period_id() == period
    page.gender.setCurrentIndex(page.gender.findData(Gender.FEMALE))
    for typed in ("444444444", "333333333", "333333332"):
        qtbot.keyClicks(page.scores, typed)
        qtbot.keyClick(page.scores, Qt.Key.Key_Return)
    qtbot.keyClicks(page.scores, "3459")  # 5 and 9 are not answers: the field refuses them
    assert page.scores.text() == "34"
    qtbot.keyClick(page.scores, Qt.Key.Key_Return)  # only two of nine: refused, said why
    assert "you typed 2" in page.message.text()

    stored = ws.read(responses_of, period)
    assert [(r.u1, r.u9) for r in stored] == [(4, 4), (3, 3), (3, 2)]
    assert stored[0].gender == Gender.FEMALE and stored[1].gender is None  # the profile resets
    # From the printed NRR: 8 × 3,333 + 3,000 = 29,664; ÷ 9 × 25 = 82,40 (not 82,41 from 10/3).
    assert page.index_label.text() == "IKM 82,40 — B (Baik)"
    assert "Weight exactly 1/9" in page.method_label.text() and not page.method_warning.isVisibleTo(page)
    assert "7 more needed for the minimum sample of 10" in page.sample_label.text()
    assert "U9 Sarana dan Prasarana" in page.priority_label.text()
    assert page.bars[8].value() == 7500

    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)  # a typo: take the last one back
    assert len(ws.read(responses_of, period)) == 2
    result = ws.read(survey_result, period)
    assert result.score is not None and str(result.score.index) == "87.50"


def test_importing_a_sheet_with_a_bad_row_changes_nothing(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch, warnings: list[str], tmp_path: Path
) -> None:
    ws.write(set_home_unit, ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong"))
    period = new_period(qtbot, window, monkeypatch)
    sheet = tmp_path / "skm.csv"
    sheet.write_text("U1;U2;U3;U4;U5;U6;U7;U8;U9\n4;4;4;4;4;4;4;4;4\n4;4;4;4;4;4;4;4;0\n", encoding="utf-8")
    assert not window.survey.import_file(sheet)
    assert warnings and "line 3" in warnings[0]
    assert ws.read(responses_of, period) == []
    sheet.write_text("U1;U2;U3;U4;U5;U6;U7;U8;U9\n4;4;4;4;4;4;4;4;4\n", encoding="utf-8")
    assert window.survey.import_file(sheet)
    assert window.survey.index_label.text() == "IKM 100,00 — A (Sangat Baik)"


def test_the_survey_report_opens_from_the_page(qtbot: QtBot, demo_ws: Workspace, window: MainWindow) -> None:
    window.nav.setCurrentRow(mw.SURVEY)
    page = window.survey
    assert page.index_label.text() == "IKM 82,16 — B (Baik)"  # the demo's survey, band B
    dialog = page.open_report()
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=15_000)


def test_the_page_warns_when_the_two_methods_grade_differently_and_the_office_chooses(
    qtbot: QtBot, ws: Workspace, window: MainWindow, monkeypatch
) -> None:
    """Ten questionnaires, 318 points: by exactly 1/9 IKM 88,33 (A), by 0,111 88,25 (B)."""
    office = ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    ws.write(set_home_unit, office)
    period = new_period(qtbot, window, monkeypatch)
    page = window.survey
    for typed in ["444444444"] * 5 + ["444333333"] + ["333333333"] * 4:
        qtbot.keyClicks(page.scores, typed)
        qtbot.keyClick(page.scores, Qt.Key.Key_Return)
    assert len(ws.read(responses_of, period)) == 10
    assert page.index_label.text() == "IKM 88,33 — A (Sangat Baik)"
    assert page.method_warning.isVisibleTo(page)
    warning = page.method_warning.text()
    assert "IKM 88,33 — A (Sangat Baik)" in warning and "IKM 88,25 — B (Baik)" in warning

    # The office weighs by 0,111: chosen in Settings → Office with the keyboard.
    window.nav.setCurrentRow(mw.SETTINGS)
    combo = window.settings.rules.ikm_method
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert ws.read(lambda s: s.get(Unit, office).ikm_method) == IkmMethod.WEIGHT_0111
    window.nav.setCurrentRow(mw.SURVEY)
    assert page.index_label.text() == "IKM 88,25 — B (Baik)"
    assert "0.111" in page.method_label.text() and page.method_warning.isVisibleTo(page)
    printed = all_text(build_survey_report(ws.read(survey_document, period)))
    assert (
        "Nilai IKM : 88,25 (metode bobot 0,111 per unsur)" in printed
        and "Mutu pelayanan : B (Baik)" in printed
    )


def test_the_report_dialog_prints_an_issued_version_as_issued(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow
) -> None:
    """Issued, printed from the dialog; re-opened, ten low questionnaires added, issued again:
    the dialog lists both versions (the newest first) and version 1, chosen with the keyboard,
    prints the very file it printed when it was issued, with its figures."""
    ws = demo_ws
    window.nav.setCurrentRow(mw.SURVEY)
    page = window.survey
    period = page.period_id()
    assert period is not None
    ws.write(issue_report, period)

    def shown(version: int | None = None) -> tuple[DocumentDialog, bytes]:
        dialog = page.open_report()
        assert dialog is not None
        qtbot.addWidget(dialog)
        qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=15_000)
        if version is not None:
            dialog.version.setFocus()
            qtbot.keyClick(dialog.version, Qt.Key.Key_Down)
            assert dialog.version_number == version and dialog.paper.isEnabled()
            qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=15_000)
        assert dialog.pdf is not None
        return dialog, dialog.pdf

    first_dialog, issued = shown()
    assert [first_dialog.version.itemText(i) for i in range(first_dialog.version.count())] == [
        f"Version 1, issued {ws.ctx.today().strftime('%d-%m-%Y')}"
    ]
    assert "82,16" in all_text(issued)  # the demo's index, as issued
    ws.write(reopen_report, period, "Sepuluh kuesioner dari loket ditemukan")
    for _ in range(10):
        ws.write(add_response, period, [1] * 9)
    ws.write(issue_report, period)
    dialog, latest = shown()
    assert dialog.version.count() == 2 and dialog.version_number == 2
    assert "82,16" not in all_text(latest)
    _dialog, again = shown(version=1)
    assert again == issued
