"""The agenda as a facilitator builds and runs it: each item typed appears in the list at once,
and "Make current" starts the item the facilitator clicked, not another one."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import AgendaItem
from desktop.services.forums import create_forum
from desktop.views.main_window import MainWindow


def shown_titles(view: QListWidget) -> list[str]:
    """What the list shows on screen: the text under each row the view has laid out."""
    titles = []
    for row in range(view.count()):
        rect = view.visualItemRect(view.item(row))
        if not rect.isValid() or not view.viewport().rect().intersects(rect):
            continue
        index = view.indexAt(rect.center())
        if index.isValid():
            titles.append(str(index.data()))
    return titles


def click_item(qtbot: QtBot, view: QListWidget, text: str) -> None:
    item = next(view.item(r) for r in range(view.count()) if text in view.item(r).text())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualItemRect(item).center())


def stored(ws: Workspace, forum_id: str) -> list[AgendaItem]:
    with ws.store.read() as session:
        return list(
            session.scalars(
                select(AgendaItem).where(AgendaItem.forum_id == forum_id).order_by(AgendaItem.position)
            )
        )


def test_items_typed_appear_at_once_and_the_clicked_one_is_made_current(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow
) -> None:
    ws = office_ws
    forum_id = ws.write(create_forum, unit_id=ws.ctx.home_unit_id, title="FKP 2026", held_on="2026-03-02")
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # the Agenda tab
    agenda = workspace.agenda
    assert workspace.tabs.currentWidget() is agenda
    qtbot.mouseClick(agenda.title, Qt.MouseButton.LeftButton)
    for title in ("Pembukaan", "Paparan standar pelayanan", "Diskusi"):
        qtbot.keyClicks(agenda.title, title)
        qtbot.keyClick(agenda.title, Qt.Key.Key_Return)
        assert any(title in shown for shown in shown_titles(agenda.list))  # on screen at once
    assert [i.title for i in stored(ws, forum_id)] == ["Pembukaan", "Paparan standar pelayanan", "Diskusi"]
    assert shown_titles(agenda.list) == ["1. Pembukaan", "2. Paparan standar pelayanan", "3. Diskusi"]

    # The facilitator clicks the second item and makes it current; then the third.
    click_item(qtbot, agenda.list, "Paparan")
    qtbot.mouseClick(agenda.start_button, Qt.MouseButton.LeftButton)
    items = stored(ws, forum_id)
    assert [i.started_at is not None for i in items] == [False, True, False]
    assert "Paparan standar pelayanan" in agenda.current.text()
    click_item(qtbot, agenda.list, "Diskusi")
    qtbot.mouseClick(agenda.start_button, Qt.MouseButton.LeftButton)
    items = stored(ws, forum_id)
    assert items[1].ended_at is not None and items[2].started_at is not None and items[2].ended_at is None
    assert items[0].started_at is None
    assert "Diskusi" in agenda.current.text()
    assert shown_titles(agenda.list) == ["1. Pembukaan", "2. Paparan standar pelayanan", "3. Diskusi"]


def test_enter_in_the_minutes_adds_the_item_and_the_next_title_goes_into_the_title(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow
) -> None:
    """Title, Tab, presenter, Tab, minutes, Enter: the item is added with its minutes, and what
    is typed next is the next title (Enter in the minutes did nothing, and the next typing was
    swallowed by the number field)."""
    ws = office_ws
    forum_id = ws.write(create_forum, unit_id=ws.ctx.home_unit_id, title="FKP 2026", held_on="2026-03-02")
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    agenda = workspace.agenda
    qtbot.mouseClick(agenda.title, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(agenda.title, "Paparan")
    qtbot.keyClick(agenda.title, Qt.Key.Key_Tab)
    qtbot.keyClicks(agenda.presenter, "Kepala Kantor")
    qtbot.keyClick(agenda.presenter, Qt.Key.Key_Tab)
    assert agenda.minutes.hasFocus()
    qtbot.keyClick(agenda.minutes, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(agenda.minutes, "20")
    qtbot.keyClick(agenda.minutes, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(stored(ws, forum_id)) == 1, timeout=3000)
    [item] = stored(ws, forum_id)
    assert (item.title, item.presenter, item.planned_minutes) == ("Paparan", "Kepala Kantor", 20)
    assert agenda.title.hasFocus()


def test_the_running_items_timer_says_what_it_counts_in_indonesian(
    qtbot: QtBot, office_ws: Workspace, indonesian: Workspace, window: MainWindow
) -> None:
    """A bare "00:03" beside the item read as a time of day: the timer says it is the time the
    item has been running, to the eye and to a screen reader."""
    ws = office_ws
    forum_id = ws.write(create_forum, unit_id=ws.ctx.home_unit_id, title="FKP 2026", held_on="2026-03-02")
    workspace = window.open_forum(forum_id)
    assert workspace is not None
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # the Agenda tab
    agenda = workspace.agenda
    assert workspace.tabs.currentWidget() is agenda
    qtbot.mouseClick(agenda.title, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(agenda.title, "Paparan standar pelayanan")
    qtbot.keyClick(agenda.title, Qt.Key.Key_Tab)
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Tab)  # past the presenter, to the minutes
    qtbot.keyClicks(window.focusWidget(), "20")
    qtbot.keyClick(window.focusWidget(), Qt.Key.Key_Return)
    assert not agenda.timer.isVisible()  # nothing runs yet: no timer
    click_item(qtbot, agenda.list, "Paparan")
    qtbot.mouseClick(agenda.start_button, Qt.MouseButton.LeftButton)
    assert agenda.current.text() == "Sekarang: Paparan standar pelayanan"
    assert agenda.timer.isVisible()
    assert re.fullmatch(r"Waktu agenda berjalan: 00:0\d dari 20:00 \(menit:detik\)", agenda.timer.text())
    assert agenda.timer.accessibleName() == "Waktu agenda berjalan"
    assert agenda.timer.accessibleDescription() == agenda.timer.text()
