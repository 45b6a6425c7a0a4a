"""The background sync keeps its HTTP connection from one cycle to the next (issue #18: a new
client at every cycle cost more than the change it carried), and never keeps one it should not:
after a new enrollment (a new token) or a cut connection the next cycle still goes through."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.services import recommendations as recs
from desktop.sync.controller import SyncController, SyncState
from desktop.sync.engine import enroll
from tests.server.serving import Running
from tests.sync.tcp_relay import TcpRelay
from tests.sync.test_sync_basics import make_forum
from tests.sync.test_sync_in_the_app import on_server


@pytest.fixture
def relay(server: Running) -> Iterator[TcpRelay]:
    with TcpRelay(server.url) as running:
        yield running


@pytest.fixture
def laptop(tmp_path: Path, server: Running, relay: TcpRelay) -> Iterator[Workspace]:
    """A laptop enrolled with the server's address through the relay."""
    ws = Workspace.open(tmp_path / "a", Settings(language="en", operator="a"))
    enroll(ws, relay.url, server.code("KPPN-SORONG"))
    yield ws
    ws.close()


def cycle(qtbot: QtBot, controller: SyncController) -> None:
    controller.sync_now()
    qtbot.waitUntil(lambda: controller.status().state != SyncState.SYNCING, timeout=20_000)
    assert controller.status().state == SyncState.UP_TO_DATE, controller.status().message


def change(ws: Workspace, forum: str, n: int) -> str:
    return ws.write(recs.add_recommendation, forum, text=f"Perubahan nomor {n}", scope="unit")


def test_cycles_reuse_one_connection(qtbot: QtBot, laptop: Workspace, relay: TcpRelay, server: Running) -> None:
    controller = SyncController(laptop, debounce_ms=3_600_000)
    try:
        forum, _rec = make_forum(laptop)
        cycle(qtbot, controller)
        opened = relay.accepted
        sent = []
        for n in range(3):
            sent.append(change(laptop, forum, n))
            cycle(qtbot, controller)
        assert all(on_server(server, rec) is not None for rec in sent)
        assert relay.accepted == opened  # four cycles, one connection
    finally:
        controller.shutdown()


def version_asked(server: Running) -> int:
    """How many times the server was asked which app version it announces (its metrics)."""
    page = httpx.get(f"{server.url}/metrics", timeout=10).text
    wanted = 'mufakat_requests_total{method="GET",route="/version",status="200"}'
    return sum(int(float(line.split()[-1])) for line in page.splitlines() if line.startswith(wanted))


def test_the_announced_version_is_asked_once_not_at_every_cycle(
    qtbot: QtBot, laptop: Workspace, server: Running
) -> None:
    controller = SyncController(laptop, debounce_ms=3_600_000)
    try:
        before = version_asked(server)
        for _ in range(3):
            cycle(qtbot, controller)
        assert version_asked(server) == before + 1
    finally:
        controller.shutdown()


def test_a_new_token_or_a_cut_connection_is_not_kept(
    qtbot: QtBot, laptop: Workspace, relay: TcpRelay, server: Running
) -> None:
    controller = SyncController(laptop, debounce_ms=3_600_000)
    try:
        forum, _rec = make_forum(laptop)
        cycle(qtbot, controller)
        # Enrolled again (the old token is no longer valid): the kept client's token is stale.
        enroll(laptop, relay.url, server.code("KPPN-SORONG"))
        after_enrollment = change(laptop, forum, 1)
        cycle(qtbot, controller)
        assert on_server(server, after_enrollment) is not None
        relay.cut()  # the link drops the kept connection
        after_cut = change(laptop, forum, 2)
        cycle(qtbot, controller)
        assert on_server(server, after_cut) is not None
    finally:
        controller.shutdown()
