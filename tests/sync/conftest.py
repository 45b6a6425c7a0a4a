"""A real server on 127.0.0.1 (uvicorn in a thread, tests/server/serving.py) and enrolled device
data folders; the crafted requests of a laptop's token (tests/sync/crafted.py)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.sync.engine import enroll, sync_once
from tests.server.serving import (  # noqa: F401 - fixtures, and what tests import from here
    PG_URL,
    Running,
    fresh_pg_database,
    prepared_store,
    require_pg,
    server,
    server_db,
    serving,
)
from tests.sync.crafted import raw, world  # noqa: F401 - fixtures


@pytest.fixture
def device(tmp_path: Path, server: Running) -> Iterator[Callable[..., Workspace]]:  # noqa: F811 - the fixture
    """device(name, unit_code[, physical_ns]): an enrolled device that has synced once (it knows
    the units); `physical_ns` is its machine's clock (a laptop whose clock is wrong)."""
    opened: list[Workspace] = []

    def make(name: str, unit_code: str, physical_ns: Callable[[], int] = time.time_ns) -> Workspace:
        ws = Workspace.open(tmp_path / name, Settings(language="en", operator=name), physical_ns)
        enroll(ws, server.url, server.code(unit_code))
        sync_once(ws)
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()
