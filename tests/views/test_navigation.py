"""Ctrl+1…6 go to the places the navigation list shows, in the order it shows them: the
Escalations entry, hidden while this office has received none, is not counted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.services import demo
from desktop.services.units import set_home_unit
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow


def press(qtbot: QtBot, window: MainWindow, number: int) -> None:
    qtbot.keyClick(window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier)


def test_ctrl_numbers_follow_the_visible_list(qtbot: QtBot, demo_ws: Workspace, window: MainWindow) -> None:
    assert window.nav.item(mw.ESCALATIONS).isHidden()  # KPPN Sorong has received no escalation
    items = [window.nav.item(row) for row in range(window.nav.count())]
    shown = [item.text() for item in items if not item.isHidden()]
    assert shown == ["Forums", "Triage", "Follow-up", "Survey (SKM)", "Settings"]
    expected = [window.forums, window.triage, window.follow_up, window.survey, window.settings]
    for number, page in enumerate(expected, start=1):
        press(qtbot, window, number)
        assert window.stack.currentWidget() is page, number
    press(qtbot, window, 6)  # nothing is sixth: the page stays
    assert window.stack.currentWidget() is window.settings

    # The parent office has received escalations: the entry shows, and Ctrl+3 reaches it.
    demo_ws.write(set_home_unit, demo_ws.write(demo.ensure_units)["KANWIL-PBD"])
    window.refresh_all()
    assert not window.nav.item(mw.ESCALATIONS).isHidden()
    press(qtbot, window, 3)
    assert window.stack.currentWidget() is window.escalations
    press(qtbot, window, 4)
    assert window.stack.currentWidget() is window.follow_up
    press(qtbot, window, 6)
    assert window.stack.currentWidget() is window.settings
