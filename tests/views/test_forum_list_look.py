"""The forum list and a forum's heading read whole (the walk of issue #11): a forum that starts
after the list was measured is drawn in bold, and its date was cut ("21-08-20…"); a forum held
with no venue yet read "30-11-2026 ·  · Direncanakan"."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.services import forums
from desktop.views.main_window import MainWindow
from tests.views.drive import click_row
from tests.views.fit import _cut_cells
from tests.views.forum_setup import Running, office


def test_a_forum_that_starts_keeps_its_date_whole_in_the_list(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    unit = office(ws)
    forum = ws.write(forums.create_forum, unit_id=unit, title="FKP Standar Pelayanan 2026", held_on="2026-11-30")
    page = window.forums
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded() and page.model.rowCount() == 1)
    assert _cut_cells(page.table) == []
    ws.write(forums.start_forum, forum)  # a running forum's row is in bold
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded() and page.model.index(0, 3).data() == "Running")
    assert _cut_cells(page.table) == []


def test_a_forum_without_a_venue_says_nothing_of_it_in_its_heading(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    ws.write(forums.update_forum, running.forum, venue="")
    page = window.forums
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded() and page.model.rowCount() == 1)
    click_row(qtbot, page.table, 0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.workspace is not None and window.workspace.isVisible())
    assert window.workspace is not None
    heading = window.workspace.heading.text()
    assert "30-11-2026 · Running" in heading and "·  ·" not in heading and "· ·" not in heading
