"""The language switch from the user's seat: a typed, unsaved recommendation is asked about as
closing the window asks (issue #11: switching silently dropped it); staying keeps everything as
it was, saving stores it and the window comes back in the other language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import SETTINGS_FILENAME, Settings
from desktop.models import Recommendation
from desktop.services.report_data import forum_report
from desktop.views import main_window as mw
from tests.views.drive import Keyboard, answer, choose, click, one, rows, with_modal
from tests.views.forum_setup import Running, running_forum


def go_to_settings(qtbot: QtBot, shell: Shell) -> None:
    nav = shell.window.nav
    item = nav.item(mw.SETTINGS)
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(item).center())
    assert shell.window.stack.currentWidget() is shell.window.settings


@pytest.fixture
def forum(ws: Workspace) -> Running:
    """A forum under way, set up before the window opens."""
    return running_forum(ws)


def test_switching_language_asks_about_a_typed_recommendation(
    qtbot: QtBot, ws: Workspace, forum: Running, shell: Shell
) -> None:
    english = shell.window
    workspace = english.open_forum(forum.forum)
    assert workspace is not None
    workspace.tabs.setCurrentWidget(workspace.capture)
    click(qtbot, workspace.capture.text)
    Keyboard(qtbot, english).type("Sediakan ruang laktasi di ruang layanan")
    go_to_settings(qtbot, shell)

    stay = answer(qtbot, QMessageBox.StandardButton.Cancel)
    with_modal(qtbot, lambda: choose(qtbot, english.settings.language, "Bahasa Indonesia", stays=False), stay)
    assert "Sediakan ruang laktasi di ruang layanan" in stay.asked[0]  # type: ignore[attr-defined]
    assert shell.window is english and english.settings.language.currentText() == "English"
    assert ws.settings.language == "en" and not (ws.data_dir / SETTINGS_FILENAME).exists()
    assert not rows(ws, Recommendation)
    assert workspace.capture.text.text() == "Sediakan ruang laktasi di ruang layanan"  # still there

    save = answer(qtbot, QMessageBox.StandardButton.Save)
    with_modal(qtbot, lambda: choose(qtbot, english.settings.language, "Bahasa Indonesia", stays=False), save)
    assert one(ws, Recommendation).text == "Sediakan ruang laktasi di ruang layanan"
    [line] = ws.read(forum_report, forum.forum).recommendations  # what the berita acara prints
    assert (line.number, line.text) == (1, "Sediakan ruang laktasi di ruang layanan")
    indonesian = shell.window
    assert indonesian is not english and indonesian.nav.item(mw.TRIAGE).text() == "Pemilahan"
    assert Settings.load(ws.data_dir).language == "id"


def test_discarding_drops_the_typed_text_and_switches(
    qtbot: QtBot, ws: Workspace, forum: Running, shell: Shell
) -> None:
    english = shell.window
    workspace = english.open_forum(forum.forum)
    assert workspace is not None
    workspace.tabs.setCurrentWidget(workspace.capture)
    click(qtbot, workspace.capture.text)
    Keyboard(qtbot, english).type("Salah ketik")
    go_to_settings(qtbot, shell)
    drop = answer(qtbot, QMessageBox.StandardButton.Discard)
    with_modal(qtbot, lambda: choose(qtbot, english.settings.language, "Bahasa Indonesia", stays=False), drop)
    assert shell.window is not english and not rows(ws, Recommendation)
    assert Settings.load(ws.data_dir).language == "id"


def test_nothing_typed_switches_without_a_question(
    qtbot: QtBot, ws: Workspace, forum: Running, shell: Shell
) -> None:
    english = shell.window
    go_to_settings(qtbot, shell)
    choose(qtbot, english.settings.language, "Bahasa Indonesia", stays=False)
    assert shell.window is not english and Settings.load(ws.data_dir).language == "id"
