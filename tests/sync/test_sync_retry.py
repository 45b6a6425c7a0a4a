"""A failed background sync is a state of the status bar, never a dialog, and it is retried by
itself: the server goes away while the facilitator types, comes back, and the queued changes
reach it with nobody pressing anything (issue #11, "Sync retry")."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import uvicorn
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.sync.controller import SyncController, SyncState, SyncStatus
from desktop.sync.engine import enroll, sync_once
from desktop.sync.retry import retry_delays
from server_stub.app import create_app
from server_stub.store import ServerStore
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import make_forum


class Restartable:
    """The test server, on a fixed port, that can be stopped and started again (a real outage)."""

    def __init__(self, store: ServerStore) -> None:
        self.store = store
        self.port = 0
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        config = uvicorn.Config(
            create_app(self.store), host="127.0.0.1", port=self.port, log_level="warning", lifespan="off"
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 15
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        self.port = self._server.servers[0].sockets[0].getsockname()[1]

    def stop(self) -> None:
        assert self._server is not None and self._thread is not None
        self._server.should_exit = True
        self._thread.join(timeout=10)


@pytest.fixture
def outage_server(server: Running) -> Iterator[Restartable]:
    """A second server process on the fixture's database, which the test may take down."""
    restartable = Restartable(server.store)
    restartable.start()
    yield restartable
    restartable.stop()


def test_the_first_value_of_the_retry_schedule_is_a_delay() -> None:
    delays = retry_delays()
    first = [next(delays) for _ in range(8)]
    assert all(isinstance(d, float) and 0 <= d <= 600 for d in first)


def test_a_failed_sync_is_retried_by_itself_and_never_shows_a_dialog(
    qtbot: QtBot, tmp_path: Path, server: Running, outage_server: Restartable, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialogs: list[str] = []
    for name in ("critical", "warning", "information", "question"):
        monkeypatch.setattr(
            QMessageBox, name, staticmethod(lambda _p, _t, text, *_a, **_k: dialogs.append(text))
        )
    url = f"http://127.0.0.1:{outage_server.port}"
    ws = Workspace.open(tmp_path / "laptop", Settings(language="en", operator="Facilitator"))
    enroll(ws, url, server.code("KPPN-SORONG"))
    sync_once(ws)
    # The real schedule (exponential, jittered), only shorter: 0.2 s doubling up to 1 s.
    shell = Shell(ws, SyncController(ws, retry_delays=partial(retry_delays, 0.2, 1.0)))
    qtbot.addWidget(shell.window)
    attempts: list[SyncState] = []
    offline_said: list[str] = []  # the status bar's words at each failure (it updates first)

    def seen(status: SyncStatus) -> None:
        attempts.append(status.state)
        if status.state == SyncState.OFFLINE:
            offline_said.append(shell.window.sync_bar.state_label.text())

    shell.sync.status_changed.connect(seen)
    try:
        shell.sync.sync_now()
        qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.UP_TO_DATE, timeout=10_000)

        outage_server.stop()  # the server goes away while the facilitator types
        make_forum(ws)
        qtbot.waitUntil(lambda: attempts.count(SyncState.OFFLINE) >= 2, timeout=15_000)  # retried
        assert offline_said and all(said.startswith("Offline: will retry") for said in offline_said)
        assert shell.sync.status().pending > 0

        outage_server.start()  # back, on the same address: nobody presses anything
        qtbot.waitUntil(
            lambda: shell.sync.status().state == SyncState.UP_TO_DATE and shell.sync.status().pending == 0,
            timeout=15_000,
        )
        assert dialogs == []
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        assert app.activeModalWidget() is None
        assert not [w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    finally:
        shell.close()
        ws.close()
