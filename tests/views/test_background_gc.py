"""Cyclic garbage (closed windows' widgets among it) is collected on the GUI thread, never in a
background job's thread: deleting Qt objects there crashed the app (a segmentation fault seen
while a forum list was read in the background as a forum was opened)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.app.background import Jobs, collect_garbage_on_gui_thread

MANY = 200_000  # new containers: more than every threshold of the cyclic collector


def test_cyclic_garbage_is_collected_on_the_gui_thread_not_in_a_job(qtbot: QtBot, qapp: QApplication) -> None:
    collect_garbage_on_gui_thread(qapp)
    finalised: list[threading.Thread] = []

    class Cycle:
        def __init__(self) -> None:
            self.me = self  # only the cyclic collector can free it

        def __del__(self) -> None:
            finalised.append(threading.current_thread())

    Cycle()
    done: list[object] = []
    owner = QObject()
    Jobs(owner).run(lambda: len([[n] for n in range(MANY)]), done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [MANY]
    main = threading.main_thread()
    assert all(thread is main for thread in finalised)  # nothing was collected in the job

    kept = [[n] for n in range(MANY)]  # the GUI thread's collector finds the cycle, if not yet
    qtbot.waitUntil(lambda: bool(finalised), timeout=10_000)
    assert len(kept) == MANY and finalised == [main]
