"""Frozen minutes from the user's seat, keys and clicks only (issue #13): closing asks for the
minutes' number, the signatories and the paper, and freezes them; the document dialog shows each
frozen version on its own paper (the old one stays printable after a reopening); the office
above opens a forum's minutes from its inbox; the satisfaction survey's report is issued with an
explicit action that fixes its date."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.vocab import ForumStatus
from desktop.documents.printed import forum_minutes_pdf, minutes_pdf
from desktop.models import Forum, Unit
from desktop.reports import indonesian
from desktop.services import demo, escalations, forums, frozen, surveys, units
from desktop.services.report_data import forum_report
from desktop.views.document_dialog import DocumentDialog, forum_document
from desktop.views.escalations_page import EscalationsPage
from desktop.views.main_window import MainWindow
from desktop.views.survey_page import SurveyPage
from protocol.vocab import Paper
from tests.reports.conftest import all_text
from tests.views.drive import (
    Keyboard,
    answer,
    choose,
    click,
    click_row,
    click_tab,
    multiline_answer,
    one,
    with_modal,
)
from tests.views.forum_setup import Running


def _ready(qtbot: QtBot, dialog: DocumentDialog) -> bytes:
    qtbot.waitUntil(lambda: dialog.pdf is not None or "color" in dialog.status.styleSheet(), timeout=15_000)
    assert dialog.pdf is not None, dialog.status.text()
    return dialog.pdf


def test_closing_asks_for_what_the_minutes_lack_and_freezes_them(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.details)

    def fill(dialog: object) -> None:
        from desktop.views.close_dialog import CloseForumDialog

        assert isinstance(dialog, CloseForumDialog)
        qtbot.waitUntil(dialog.gaps.isVisible)
        assert "no number yet" in dialog.gaps.text()
        assert "empty signature block for Representative of the public" in dialog.gaps.text()
        assert dialog.city is None  # the office has its city: not asked
        keys = Keyboard(qtbot, dialog)
        click(qtbot, dialog.number)
        keys.type("BA-9/KPN.1701/2026")
        click(qtbot, dialog.names[1])  # the representative of the public
        keys.type("Martina Rumbiak")
        qtbot.waitUntil(lambda: not dialog.gaps.isVisible())
        choose(qtbot, dialog.paper, "Folio (215 × 330 mm)")
        click(qtbot, dialog.confirm)  # nobody signed in at this forum: closed knowingly
        click(qtbot, dialog.close_button)

    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), fill)
    forum = one(ws, Forum)
    assert forum.status == ForumStatus.CLOSED and forum.document_number == "BA-9/KPN.1701/2026"
    assert forum.signatories[1]["name"] == "Martina Rumbiak"
    [version] = ws.read(frozen.versions, running.forum)
    assert version.paper == Paper.FOLIO
    text = all_text(forum_minutes_pdf(ws, running.forum))
    assert "Nomor: BA-9/KPN.1701/2026" in text and "Martina Rumbiak" in text and "DRAF" not in text


def test_closing_asks_for_the_offices_city_and_the_publics_representative(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    """The berita acara is signed where the office is, never at the forum's venue; while the
    office has no city, closing asks for it (and keeps it for the office), and says which
    signature block would print empty."""
    ws.write(units.update_unit, running.unit, city="")
    ws.write(forums.update_forum, running.forum, venue="Aula KPPN Sorong")
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.details)

    def fill(dialog: object) -> None:
        from desktop.views.close_dialog import CloseForumDialog

        assert isinstance(dialog, CloseForumDialog) and dialog.city is not None
        qtbot.waitUntil(dialog.gaps.isVisible)
        assert "The office has no city yet" in dialog.gaps.text()
        assert "empty signature block for Representative of the public" in dialog.gaps.text()
        keys = Keyboard(qtbot, dialog)
        click(qtbot, dialog.city)
        keys.type("Aimas")
        click(qtbot, dialog.names[1])
        keys.type("Martina Rumbiak")
        qtbot.waitUntil(lambda: "city" not in dialog.gaps.text() and "Perwakilan" not in dialog.gaps.text())
        click(qtbot, dialog.confirm)  # nobody signed in at this forum: closed knowingly
        click(qtbot, dialog.close_button)

    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), fill)
    assert ws.read(lambda s: s.get(Unit, running.unit).city) == "Aimas"
    text = all_text(forum_minutes_pdf(ws, running.forum))
    day = indonesian.long_date(one(ws, Forum).held_on)
    assert f"Aimas, {day}" in text and f"Aula KPPN Sorong, {day}" not in text
    assert "Martina Rumbiak" in text


def test_the_draft_says_which_signature_block_prints_empty(
    qtbot: QtBot, ws: Workspace, running: Running
) -> None:
    dialog = DocumentDialog(forum_document(ws, running.forum, "minutes"))
    qtbot.addWidget(dialog)
    dialog.show()
    _ready(qtbot, dialog)
    assert dialog.gaps.isVisible()
    assert "empty signature block for Representative of the public" in dialog.gaps.text()


def test_cancelling_the_close_changes_nothing(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.details)

    def cancel(dialog: object) -> None:
        from desktop.views.close_dialog import CloseForumDialog

        assert isinstance(dialog, CloseForumDialog)
        click(qtbot, dialog.number)
        Keyboard(qtbot, dialog).type("BA-1")
        dialog.reject()  # Esc, or the Cancel button

    with_modal(qtbot, lambda: click(qtbot, workspace.details.close_button), cancel)
    forum = one(ws, Forum)
    assert forum.status == ForumStatus.RUNNING and forum.document_number == ""
    assert ws.read(frozen.versions, running.forum) == []


def test_each_frozen_version_is_shown_on_its_own_paper(qtbot: QtBot, ws: Workspace, running: Running) -> None:
    ws.write(forums.close_forum, running.forum, paper="folio")
    ws.write(forums.reopen_forum, running.forum, "Nama peserta salah ketik")
    reopened = DocumentDialog(forum_document(ws, running.forum, "minutes"))
    qtbot.addWidget(reopened)
    reopened.show()
    assert reopened.version.currentText().startswith("Draft") and reopened.paper.isEnabled()
    assert "DRAF" in all_text(_ready(qtbot, reopened))
    ws.write(forums.close_forum, running.forum)  # on A4 this time
    one_, two = ws.read(frozen.versions, running.forum)
    dialog = DocumentDialog(forum_document(ws, running.forum, "minutes"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    labels = [dialog.version.itemText(i) for i in range(dialog.version.count())]
    assert [label.split(",")[0] for label in labels] == ["Version 2", "Version 1"]  # no draft: closed
    assert _ready(qtbot, dialog) == minutes_pdf(ws, two.id) and not dialog.paper.isEnabled()
    choose(qtbot, dialog.version, labels[1])
    qtbot.waitUntil(lambda: dialog.pdf == minutes_pdf(ws, one_.id), timeout=15_000)
    assert dialog.paper.currentData() == "folio" and not dialog.paper.isEnabled()


def test_the_minutes_dialog_speaks_indonesian(qtbot: QtBot, ws: Workspace, running: Running, qapp: object) -> None:
    """The document dialog's own words are in the catalog under its class (lupdate lost them
    to an unnamed context once, and the dialog stayed in English in an Indonesian app)."""
    from PySide6.QtCore import QCoreApplication

    from desktop.views.translation import Translations

    ws.write(forums.close_forum, running.forum)
    translations = Translations(QCoreApplication.instance())  # type: ignore[arg-type]
    translations.switch("id")
    try:
        dialog = DocumentDialog(forum_document(ws, running.forum, "minutes"))
        qtbot.addWidget(dialog)
        assert dialog.version_label.text() == "&Versi"
        assert dialog.save_button.text() == "Simpan PDF…" and dialog.print_button.text() == "Cetak…"
        assert dialog.version.currentText().startswith("Versi 1, ditutup")
    finally:
        translations.switch("en")


def test_the_office_above_opens_the_minutes_from_its_inbox(qtbot: QtBot, demo_ws: Workspace) -> None:
    ws = demo_ws
    forum = ws.write(demo.load_demo).forum_id
    policy = next(r for r in ws.read(forum_report, forum).recommendations if r.escalations)
    kanwil = ws.read(lambda s: ws.read(escalations.escalations_of, policy.id)[0].to_unit_id)
    ws.write(units.set_home_unit, kanwil)  # this laptop now works for the office above
    ws.settle_office()
    page = EscalationsPage(ws)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    row = next(i for i, r in enumerate(page.model.rows) if r.recommendation_id == policy.id)
    click_row(qtbot, page.table, row)
    qtbot.waitUntil(page.minutes_button.isEnabled)
    click(qtbot, page.minutes_button)
    dialog = next(d for d in page.findChildren(DocumentDialog))
    [version] = ws.read(frozen.versions, forum)
    assert _ready(qtbot, dialog) == minutes_pdf(ws, version.id)


def test_the_survey_report_is_issued_with_its_date_fixed(qtbot: QtBot, demo_ws: Workspace) -> None:
    page = SurveyPage(demo_ws)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.period_id() is not None)
    period = page.period_id()
    assert page.issue_button.isEnabled() and page.issued_label.text() == ""
    yes = answer(qtbot, QMessageBox.StandardButton.Yes)
    with_modal(qtbot, lambda: click(qtbot, page.issue_button), yes)
    issued = demo_ws.read(surveys.report_issued, period)
    assert issued is not None and issued.issued_on == demo_ws.ctx.today()
    assert (
        not page.issue_button.isEnabled()
        and issued.issued_on.strftime("%d-%m-%Y") in page.issued_label.text()
    )


def test_an_issued_reports_questionnaires_are_fixed_until_it_is_reopened(qtbot: QtBot, demo_ws: Workspace) -> None:
    page = SurveyPage(demo_ws)
    qtbot.addWidget(page)
    page.show()
    page.reload()
    qtbot.waitUntil(lambda: page.period_id() is not None)
    period = page.period_id()
    assert period is not None
    before = len(demo_ws.read(surveys.responses_of, period))
    assert not page.reopen_button.isVisible()
    with_modal(qtbot, lambda: click(qtbot, page.issue_button), answer(qtbot, QMessageBox.StandardButton.Yes))
    # Issued: the questionnaire entry and the import are closed, and the page says why.
    assert not page.scores.isEnabled() and not page.import_button.isEnabled() and not page.undo_button.isEnabled()
    assert "its questionnaires are fixed" in page.issued_label.text() and "(version 1)" in page.issued_label.text()
    assert page.reopen_button.isVisible()

    with_modal(qtbot, lambda: click(qtbot, page.reopen_button), multiline_answer(qtbot, "Kuesioner loket susulan"))
    assert demo_ws.read(surveys.report_issued, period) is None
    [reopened] = demo_ws.read(surveys.reopenings, period)
    assert reopened.reason == "Kuesioner loket susulan" and reopened.version == 1
    qtbot.waitUntil(page.scores.isEnabled)
    assert not page.reopen_button.isVisible() and page.issue_button.isEnabled()
    click(qtbot, page.scores)
    Keyboard(qtbot, page).type("444444444").press(Qt.Key.Key_Return)
    assert len(demo_ws.read(surveys.responses_of, period)) == before + 1
    with_modal(qtbot, lambda: click(qtbot, page.issue_button), answer(qtbot, QMessageBox.StandardButton.Yes))
    issued = demo_ws.read(surveys.report_issued, period)
    assert issued is not None and issued.version == 2 and "(version 2)" in page.issued_label.text()
