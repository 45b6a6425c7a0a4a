"""The status bar says when this laptop's clock is noticeably off the server's (more than two
minutes): a short line, after a sync measured it; nothing when the clock is right."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.sync.controller import SyncController, SyncState
from desktop.views.sync_status import SyncStatusBar
from tests.sync.test_clocks import HOUR, WrongClock

Device = Callable[..., Workspace]


def test_the_status_bar_says_the_clock_is_off_after_a_sync(qtbot: QtBot, device: Device) -> None:
    clock = WrongClock()
    right = device("right", "KPPN-SORONG")
    wrong = device("wrong", "KPPN-SORONG", clock)
    clock.skew_ms = -2 * HOUR  # WIB set with the WIT zone, or so
    bars = []
    for ws in (right, wrong):
        controller = SyncController(ws, debounce_ms=60_000)
        bar = SyncStatusBar(controller)
        qtbot.addWidget(bar)
        bar.show()
        bars.append((controller, bar))
    try:
        for controller, bar in bars:
            assert not bar.clock_label.isVisible()  # not measured since the clock went wrong
            qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda c=controller: c.status().state == SyncState.UP_TO_DATE, timeout=15_000)
        (_c, right_bar), (wrong_controller, wrong_bar) = bars
        assert not right_bar.clock_label.isVisible()
        assert wrong_bar.clock_label.isVisible() and wrong_bar.clock_label.text() == "Clock 2 h behind"
        assert abs(wrong_controller.status().clock_offset_ms - 2 * HOUR) < 5_000
    finally:
        for controller, _bar in bars:
            controller.shutdown()
