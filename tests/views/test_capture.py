"""Live capture as the note-taker types it: F2 files one recommendation under policy and the next
starts in the unit's scope again, the scope is shown beside the line; the agenda item follows
the one that is running (issue #11, "Scope toggle", "Agenda item")."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.vocab import Scope
from desktop.models import Participant, Recommendation
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow
from desktop.views.undo import REDO_KEYS, UNDO_KEYS
from tests.views.drive import ALT, Keyboard, choose, click, click_row, click_tab, one, rows
from tests.views.forum_setup import Running, running_forum


@pytest.fixture
def forum(ws: Workspace) -> Running:
    return running_forum(ws)


@pytest.fixture
def workspace(qtbot: QtBot, forum: Running, window: MainWindow) -> ForumWorkspace:
    opened = window.open_forum(forum.forum)
    assert opened is not None
    return opened


def say(qtbot: QtBot, window: MainWindow, workspace: ForumWorkspace, text: str, *keys: Qt.Key) -> None:
    """The note-taker clicks into the line, types, presses `keys` (e.g. F2), then Enter."""
    capture = workspace.capture
    click(qtbot, capture.text)
    keyboard = Keyboard(qtbot, window).type(text)
    for key in keys:
        keyboard.press(key)
    keyboard.press(Qt.Key.Key_Return)


def test_f2_files_one_recommendation_under_policy_and_the_next_is_the_units(
    qtbot: QtBot, ws: Workspace, window: MainWindow, workspace: ForumWorkspace
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_4, ALT)  # the Recommendations tab
    capture = workspace.capture
    assert workspace.tabs.currentWidget() is capture
    unit_words = capture.scope_button.text()
    assert "Unit scope" in unit_words
    click(qtbot, capture.text)
    Keyboard(qtbot, window).type("Usulkan layanan jemput bola ke distrik").press(Qt.Key.Key_F2)
    assert "Policy" in capture.scope_button.text()  # said beside the line while typing
    assert capture.text.styleSheet() != ""  # … and in colour
    policy_look = capture.text.styleSheet()
    Keyboard(qtbot, window).press(Qt.Key.Key_Return)
    assert capture.scope_button.text() == unit_words and capture.text.styleSheet() != policy_look
    say(qtbot, window, workspace, "Tambah petugas customer service")
    say(qtbot, window, workspace, "Perkuat layanan konsultasi")
    assert one(ws, Recommendation, text="Usulkan layanan jemput bola ke distrik").scope == Scope.POLICY
    assert one(ws, Recommendation, text="Tambah petugas customer service").scope == Scope.UNIT
    assert one(ws, Recommendation, text="Perkuat layanan konsultasi").scope == Scope.UNIT


def test_the_scope_button_toggles_with_the_mouse_too(
    qtbot: QtBot, ws: Workspace, window: MainWindow, workspace: ForumWorkspace
) -> None:
    click_tab(qtbot, workspace.tabs, workspace.capture)
    click(qtbot, workspace.capture.scope_button)
    say(qtbot, window, workspace, "Tarif layanan daring ditinjau")
    assert one(ws, Recommendation, text="Tarif layanan daring ditinjau").scope == Scope.POLICY


def test_the_agenda_item_follows_the_running_item(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, workspace: ForumWorkspace
) -> None:
    agenda = workspace.agenda
    click_tab(qtbot, workspace.tabs, agenda)
    click_row(qtbot, agenda.list, 0)
    click(qtbot, agenda.start_button)
    click_tab(qtbot, workspace.tabs, workspace.capture)
    say(qtbot, window, workspace, "Sambutan: perbaiki antrean")
    assert one(ws, Recommendation, text="Sambutan: perbaiki antrean").agenda_item_id == forum.items[0]

    click_tab(qtbot, workspace.tabs, agenda)  # the facilitator moves the forum on
    click_row(qtbot, agenda.list, 1)
    click(qtbot, agenda.start_button)
    click_tab(qtbot, workspace.tabs, workspace.capture)
    assert workspace.capture.agenda.currentData() == forum.items[1]
    say(qtbot, window, workspace, "Standar waktu layanan dipersingkat")
    assert one(ws, Recommendation, text="Standar waktu layanan dipersingkat").agenda_item_id == forum.items[1]


def test_an_item_chosen_by_hand_holds_until_another_item_starts(
    qtbot: QtBot, ws: Workspace, forum: Running, window: MainWindow, workspace: ForumWorkspace
) -> None:
    agenda = workspace.agenda
    click_tab(qtbot, workspace.tabs, agenda)
    click_row(qtbot, agenda.list, 1)
    click(qtbot, agenda.start_button)
    capture = workspace.capture
    click_tab(qtbot, workspace.tabs, capture)
    choose(qtbot, capture.agenda, "1. Pembukaan")  # a remark about the opening, said late
    say(qtbot, window, workspace, "Sambutan terlalu panjang")
    click_tab(qtbot, workspace.tabs, workspace.summary)
    click_tab(qtbot, workspace.tabs, capture)  # nothing started meanwhile: the choice holds
    say(qtbot, window, workspace, "Sambutan tanpa pengeras suara")
    assert one(ws, Recommendation, text="Sambutan terlalu panjang").agenda_item_id == forum.items[0]
    assert one(ws, Recommendation, text="Sambutan tanpa pengeras suara").agenda_item_id == forum.items[0]
    click_tab(qtbot, workspace.tabs, agenda)
    click_row(qtbot, agenda.list, 2)
    click(qtbot, agenda.start_button)
    click_tab(qtbot, workspace.tabs, capture)
    say(qtbot, window, workspace, "Diskusi: jam layanan diperpanjang")
    assert one(ws, Recommendation, text="Diskusi: jam layanan diperpanjang").agenda_item_id == forum.items[2]


def test_enter_on_a_suggested_name_picks_it_and_the_next_enter_saves(
    qtbot: QtBot, ws: Workspace, window: MainWindow, workspace: ForumWorkspace
) -> None:
    """Typing part of an attendee's name shows suggestions; ↓ and Enter pick one, and only the
    next Enter saves the recommendation (the pick saved it at once, before a topic was chosen)."""
    qtbot.keyClick(window, Qt.Key.Key_4, ALT)
    capture = workspace.capture
    click(qtbot, capture.text)
    keys = Keyboard(qtbot, window).type("Sediakan ruang laktasi")
    click(qtbot, capture.raised_by)
    keys.type("Rumb")
    qtbot.waitUntil(capture.completer.popup().isVisible, timeout=3000)
    keys.press(Qt.Key.Key_Down).press(Qt.Key.Key_Return)
    assert capture.raised_by.text() == "Martina Rumbiak"
    qtbot.wait(50)
    assert not ws.read(lambda s: s.query(Recommendation).count())  # picked, not saved
    keys.press(Qt.Key.Key_Return)
    saved = one(ws, Recommendation, text="Sediakan ruang laktasi")
    assert saved.raised_by_id is not None


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_hint_under_the_line_names_every_undo_and_redo_key(
    qtbot: QtBot, ws: Workspace, forum: Running, language: str
) -> None:
    """Ctrl+Y redoes as Ctrl+Shift+Z does (the Windows habit); the hint named only the latter."""
    ws.settings.language = language
    shell = Shell(ws)
    try:
        opened = shell.window.open_forum(forum.forum)
        assert opened is not None
        hint = opened.capture.hint.text()
        for key in UNDO_KEYS | REDO_KEYS:
            assert QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText) in hint, hint
    finally:
        shell.window.retire()
        shell.window.close()
        shell.window.deleteLater()
        shell.close()
        shell.translations.switch("en")


def test_part_of_a_name_that_fits_one_person_is_taken_and_said(
    qtbot: QtBot, ws: Workspace, window: MainWindow, workspace: ForumWorkspace
) -> None:
    """The note-taker types "rumb" and Enter without picking from the suggestions: Martina
    Rumbiak is the only one it fits, so she is taken, and the line under the entry says so
    (it was refused as "not on the attendance list"). "mart" fits two people: refused, naming
    both, and nothing is saved."""
    qtbot.keyClick(window, Qt.Key.Key_4, ALT)
    capture = workspace.capture
    click(qtbot, capture.text)
    keys = Keyboard(qtbot, window).type("Sediakan ruang laktasi")
    click(qtbot, capture.raised_by)
    keys.type("rumb")
    qtbot.waitUntil(capture.completer.popup().isVisible, timeout=3000)
    keys.press(Qt.Key.Key_Escape)  # the suggestions closed, none picked
    qtbot.waitUntil(lambda: not capture.completer.popup().isVisible(), timeout=3000)
    keys.press(Qt.Key.Key_Return)
    saved = one(ws, Recommendation, text="Sediakan ruang laktasi")
    assert saved.raised_by_id == workspace_person(ws, "Martina Rumbiak")
    assert "Martina Rumbiak" in capture.message.text()

    click(qtbot, capture.text)
    keys.type("Papan antrean digital")
    click(qtbot, capture.raised_by)
    keys.type("mart")
    qtbot.waitUntil(capture.completer.popup().isVisible, timeout=3000)
    keys.press(Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not capture.completer.popup().isVisible(), timeout=3000)
    keys.press(Qt.Key.Key_Return)
    said = capture.message.text()
    assert "Martina Rumbiak" in said and "Martin Kambu" in said, said
    assert not rows(ws, Recommendation, text="Papan antrean digital")


def workspace_person(ws: Workspace, name: str) -> str:
    return one(ws, Participant, name=name).id
