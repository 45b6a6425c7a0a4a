"""Typing survives a crash or a power cut (issue #11, "Typed text lost on a crash"): the real app,
started as users start it (`python -m desktop --data-dir …`) on the test's X server, is typed
into with real key events (xdotool), killed with SIGKILL before the line is saved, and started
again: the typing is offered back, restored into the line, and Enter saves it."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.store.drafts import DRAFTS_FILENAME
from tests.views.forum_setup import running_forum

TYPED = "Sediakan ruang laktasi di ruang tunggu layanan"
WAIT_S = 30.0  # the longest any step may take on a loaded machine


def wait_for(what: str, found: Callable[[], object]) -> object:
    deadline = time.monotonic() + WAIT_S
    while time.monotonic() < deadline:
        result = found()
        if result:
            return result
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def xdotool(*args: str) -> str:
    done = subprocess.run(["xdotool", *args], capture_output=True, text=True, timeout=WAIT_S, check=False)
    return done.stdout.strip()


def window(name: str) -> str:
    """The id of the visible window titled `name`, once it is there; it gets the keyboard."""
    found = wait_for(f"a window titled {name!r}", lambda: xdotool("search", "--onlyvisible", "--name", name))
    wid = str(found).splitlines()[-1]
    xdotool("windowfocus", "--sync", wid)
    return wid


def keys(*names: str) -> None:
    for name in names:
        xdotool("key", "--delay", "50", name)


def saved_texts(data: Path) -> list[str]:
    engine = create_engine(f"sqlite:///{data / DB_FILENAME}")
    try:
        with engine.connect() as conn:
            return [row[0] for row in conn.execute(text("SELECT text FROM recommendations WHERE deleted = 0"))]
    finally:
        engine.dispose()


@pytest.fixture
def app(tmp_path: Path) -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    """app(): the desktop app started on the test's X server with its own data folder."""
    if shutil.which("xdotool") is None:
        pytest.fail("This test types into the real app with xdotool: install it ('apt-get install xdotool').")
    started: list[subprocess.Popen[bytes]] = []
    data = tmp_path / "data"

    def start() -> subprocess.Popen[bytes]:
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb"}
        process = subprocess.Popen(
            [sys.executable, "-m", "desktop", "--data-dir", str(data)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def test_typing_is_offered_back_after_the_app_is_killed(
    app: Callable[[], subprocess.Popen[bytes]], tmp_path: Path
) -> None:
    data = tmp_path / "data"
    ws = Workspace.open(data, Settings(language="en"))
    Settings(language="en").save(data)
    running_forum(ws)
    ws.close()

    first = app()
    window("^Mufakat — KPPN Sorong$")  # the forum list
    keys("Return")  # the forum search has the cursor: Enter opens the forum found
    window("FKP Standar Pelayanan 2026")
    keys("alt+4")  # the Recommendations tab: the cursor is in its line
    xdotool("type", "--delay", "20", TYPED)
    drafts = data / DRAFTS_FILENAME
    wait_for("the typing in the draft file", lambda: drafts.exists() and TYPED in drafts.read_text("utf-8"))
    first.kill()  # a crash, or the power going: no chance to save or ask anything
    first.wait(timeout=WAIT_S)
    assert saved_texts(data) == []

    app()
    window("^Unsaved typing$")
    keys("Return")  # Yes: restore it
    window("FKP Standar Pelayanan 2026")  # the forum is open again, the typing back in its line
    keys("Return")  # Enter saves it, as if nothing had happened
    wait_for("the recommendation in the database", lambda: saved_texts(data) == [TYPED])
    wait_for("the draft to go", lambda: not drafts.exists())
