"""How the big lists load (what keeps the screens quick at 100,000 recommendations; bench/ui.py
prints the times): the forum list shows its forums first and their counts when counted; the
triage board reads nothing until it is shown, and keeps the order the user chose."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.services import forums as forum_rules
from desktop.services import participants
from desktop.services import recommendations as recs
from desktop.services.queries import list_forums
from desktop.views import forums_page, triage_page
from desktop.views.main_window import MainWindow
from desktop.views.triage_page import TriagePage


def test_the_forum_list_shows_its_counts_once_counted(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    forums = window.forums
    qtbot.waitUntil(lambda: forums.loaded() and forums.counted_generation == forums.shown_generation)
    assert [forums.model.index(0, column).data() for column in (2, 4, 5, 6)] == [
        "Forum Konsultasi Publik KPPN Sorong Tahun 2024",
        "12 / 13",
        "5",
        "2",
    ]
    recounts: list[object] = []
    real = forums_page.forum_counts
    monkeypatch.setattr(forums_page, "forum_counts", lambda session: recounts.append(1) or real(session))
    forums.search.setFocus()
    qtbot.keyClicks(forums.search, "sorong")  # a search shows part of the same list, counted already
    qtbot.waitUntil(lambda: forums.loaded() and forums.counted_generation == forums.shown_generation)
    assert forums.model.index(0, 4).data() == "12 / 13" and recounts == []
    demo_ws.write(forum_rules.reopen_forum, demo_forum_id(demo_ws), "Peserta datang terlambat")  # it was closed
    demo_ws.write(participants.add_participant, demo_forum_id(demo_ws), name="Datang Terlambat", category="media",
                  attended=True)
    forums.refresh()  # what the window does after a change: counted again
    qtbot.waitUntil(lambda: forums.model.index(0, 4).data() == "13 / 14")
    assert recounts == [1]
    qtbot.keyClicks(forums.search, " tidak ada")
    qtbot.waitUntil(lambda: forums.loaded() and forums.model.rowCount() == 0)


def demo_forum_id(ws: Workspace) -> str:
    return ws.read(list_forums, with_counts=False)[0].id


def test_the_triage_board_reads_when_shown_and_keeps_the_chosen_order(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[Any] = []
    real = triage_page.list_recommendations

    def counted(session: Any, flt: Any, with_total: bool = True) -> Any:
        reads.append(flt)
        return real(session, flt, with_total)

    monkeypatch.setattr(triage_page, "list_recommendations", counted)
    board = TriagePage(demo_ws)
    qtbot.addWidget(board)
    board.show()
    assert reads == []  # built at start-up: nothing read until the page is first shown
    demo_ws.write(recs.add_recommendation, reopened_demo, text="Sediakan kursi roda", scope="unit")
    board.reload()
    qtbot.waitUntil(lambda: board.shown_generation == board._generation)
    votes = board.model.columns.index("votes")
    header = board.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(votes) + 5, 5)
    )
    shown = [board.model.row_at(i).votes for i in range(board.model.rowCount())]
    assert shown == sorted(shown) or shown == sorted(shown, reverse=True)
    order = board.model.current_filter.descending
    board.reload()  # shown again: the same order
    qtbot.waitUntil(lambda: board.shown_generation == board._generation)
    assert (board.model.current_filter.sort, board.model.current_filter.descending) == ("votes", order)
    again = [board.model.row_at(i).votes for i in range(board.model.rowCount())]
    assert again == shown
