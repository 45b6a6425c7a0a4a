"""Updating: the administrator announces the current app version and where the office downloads
it (`mufakat-server release`); every laptop learns it at its next sync, and one running an older
version shows "Versi baru tersedia" with the link in Settings → Tentang, without a dialog."""

from __future__ import annotations

import httpx
import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop import __version__
from desktop.app.shell import Shell
from desktop.sync.controller import SyncState
from desktop.sync.engine import sync_once
from desktop.views import main_window as mw
from server_stub.__main__ import main as server_main
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device

URL = "https://fkp.kppn-sorong.go.id/mufakat/Mufakat-99.0-setup.exe"


def db_url(server: Running) -> str:
    return server.store.engine.url.render_as_string(hide_password=False)


def test_a_newer_version_announced_by_the_server_is_offered_in_settings(
    qtbot: QtBot, device: Device, server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = device("a", "KPPN-SORONG")
    assert ws.store.device().latest_app_version == ""
    assert server_main(["release", "--db", db_url(server), "--version", "99.0", "--url", URL]) == 0
    assert capsys.readouterr().out.strip() == f"99.0\t{URL}"
    assert httpx.get(f"{server.url}/version").json()["app_version"] == "99.0"  # no token needed
    shell = Shell(ws)
    qtbot.addWidget(shell.window)
    shell.window.show()
    qtbot.waitExposed(shell.window)
    try:
        about = shell.window.settings.about
        shell.window.nav.setCurrentRow(mw.SETTINGS)
        assert about.version.text() == f"Mufakat version {__version__}" and not about.update_line.isVisible()
        qtbot.mouseClick(shell.window.sync_bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: about.update_line.isVisible(), timeout=15_000)
        assert shell.sync.status().state == SyncState.UP_TO_DATE
        assert "New version available: 99.0" in about.update_line.text() and URL in about.update_line.text()
    finally:
        shell.close()
    # the same version as the one running is no news
    assert server_main(["release", "--db", db_url(server), "--version", __version__, "--url", URL]) == 0
    sync_once(ws)
    assert ws.store.device().latest_app_version == __version__


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--version", "terbaru", "--url", URL], "--version"),
        (["--version", "1.0", "--url", "javascript:alert(1)"], "--url"),
        (["--version", "1.0", "--url", "https://x/" + "a" * 300], "--url"),
        (["--version", "1.0"], "both"),
    ],
)
def test_a_wrong_announcement_is_refused_in_one_line_and_nothing_changes(
    server: Running, capsys: pytest.CaptureFixture[str], args: list[str], words: str
) -> None:
    assert server_main(["release", "--db", db_url(server), *args]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and words in err
    assert server_main(["release", "--db", db_url(server)]) == 0
    assert capsys.readouterr().out.strip() == "-\t-"
