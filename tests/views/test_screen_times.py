"""Times on the screen are the office's, named by its zone (the walk of issue #11: Settings said
the last backup was taken at 02.15, which was UTC; the office in Sorong reads WIT, 11.15). One
helper words them all: the last backup, the restore list, the last sync, the history pane."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME
from desktop.services import recommendations as recs
from desktop.services.units import update_unit
from desktop.store import backups
from desktop.sync.controller import SyncState, SyncStatus
from desktop.views.main_window import SETTINGS
from tests.views.drive import click, click_nav, with_modal
from tests.views.forum_setup import Running, running_forum
from tests.views.test_triage_actions import board_with

TAKEN = datetime(2026, 11, 30, 2, 15, tzinfo=UTC)  # 11.15 in Sorong (WIT, UTC+9)


@pytest.fixture
def wit_office(ws: Workspace) -> Running:
    forum = running_forum(ws)
    ws.write(update_unit, forum.unit, time_zone="WIT")
    folder = backups.backup_dir(ws.data_dir)
    folder.mkdir(exist_ok=True)
    shutil.copyfile(ws.data_dir / DB_FILENAME, folder / f"mufakat-{TAKEN.strftime('%Y%m%dT%H%M%S%fZ')}-manual.sqlite3")
    return forum


@pytest.mark.parametrize(("language", "said"), [("id", "30-11-2026 11.15 WIT"), ("en", "30-11-2026 11:15 WIT")])
def test_the_last_backup_and_the_restore_list_say_the_offices_time_and_zone(
    qtbot: QtBot, ws: Workspace, wit_office: Running, language: str, said: str
) -> None:
    ws.settings.language = language
    shell = Shell(ws)
    try:
        with qtbot.waitActive(shell.window):
            shell.window.show()
            shell.window.activateWindow()
        click_nav(qtbot, shell.window.nav, SETTINGS)
        group = shell.window.settings.backups
        assert said in group.last_backup.text(), group.last_backup.text()
        listed: list[str] = []

        def look(dialog) -> None:  # type: ignore[no-untyped-def]
            listed.append(dialog.table.item(0, 0).text())
            dialog.reject()

        with_modal(qtbot, lambda: click(qtbot, group.restore_button), look)
        assert listed == [said]
        shell.sync.status_changed.emit(SyncStatus(SyncState.UP_TO_DATE, last_sync_at=TAKEN))
        assert said in shell.window.sync_bar.last_label.text()
    finally:
        shell.window.retire()
        shell.window.close()
        shell.window.deleteLater()
        shell.close()
        shell.translations.switch("en")


def test_the_history_says_when_in_the_offices_zone(
    qtbot: QtBot, ws: Workspace, wit_office: Running, shell: Shell
) -> None:
    rec = ws.write(recs.add_recommendation, wit_office.forum, text="Sediakan kursi roda", scope="policy")
    board_with(qtbot, shell.window, rec)
    history = shell.window.triage.pane.history.toPlainText()
    assert history.split(" — ")[0].endswith(" WIT"), history
    assert "“Sediakan kursi roda” under Policy (escalate)" in history  # one pair of brackets
