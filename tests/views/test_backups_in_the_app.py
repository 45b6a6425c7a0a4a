"""Backups in the app, as an office's administrator uses them: Settings → Cadangan takes one at
a click, restores one from the list (the window opens on the restored data, the replaced data
is kept), refuses a file that is not a backup without changing anything, and the day's
automatic backup tells of a missing second folder in the status bar, never in a dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.models import Recommendation
from desktop.services import recommendations as recs
from desktop.store import backups
from desktop.views.main_window import SETTINGS
from tests.views.drive import click, click_nav, file_chosen, rows, type_text, with_modal
from tests.views.forum_setup import Running


def open_backups(qtbot: QtBot, shell: Shell):  # type: ignore[no-untyped-def]
    click_nav(qtbot, shell.window.nav, SETTINGS)
    group = shell.window.settings.backups
    assert group.isVisibleTo(shell.window)
    return group


def texts(ws: Workspace) -> set[str]:
    return {r.text for r in rows(ws, Recommendation)}


def test_back_up_then_restore_from_the_list(
    qtbot: QtBot, running: Running, shell: Shell, answer_questions: Callable[..., list[str]]
) -> None:
    ws = shell.ws
    ws.write(recs.add_recommendation, running.forum, text="Sebelum cadangan", scope="unit")
    group = open_backups(qtbot, shell)
    click(qtbot, group.backup_button)
    qtbot.waitUntil(lambda: "Backed up" in group.message.text())
    assert [b.label for b in backups.list_backups(backups.backup_dir(ws.data_dir))] == ["manual"]
    assert "Last backup" in group.last_backup.text()

    ws.write(recs.add_recommendation, running.forum, text="Sesudah cadangan", scope="unit")
    asked = answer_questions()
    old_window = shell.window

    def pick_newest(dialog) -> None:  # type: ignore[no-untyped-def]
        assert dialog.table.rowCount() == 1 and dialog.table.item(0, 2).text() == "taken by hand"
        click(qtbot, dialog.restore_button)

    with_modal(qtbot, lambda: click(qtbot, group.restore_button), pick_newest)
    assert len(asked) == 1 and "Replace the data on this laptop by the copy of " in asked[0]
    assert "(taken by hand)" in asked[0]
    qtbot.waitUntil(lambda: shell.window is not old_window)
    assert shell.window.stack.currentWidget() is shell.window.settings
    assert "Restored" in shell.window.settings.device_message.text()
    found = texts(shell.ws)
    assert "Sebelum cadangan" in found and "Sesudah cadangan" not in found
    kinds = sorted(b.label for b in backups.list_backups(backups.backup_dir(ws.data_dir)))
    assert kinds == ["manual", "replaced"]
    # the window works on the restored data: a recommendation typed now is stored in it
    shell.ws.write(recs.add_recommendation, running.forum, text="Sesudah pemulihan", scope="unit")
    reopened = Workspace.open(ws.data_dir, Settings(language="en"))
    try:
        assert "Sesudah pemulihan" in texts(reopened)
    finally:
        reopened.close()


def test_a_file_that_is_not_a_backup_is_refused_inline(
    qtbot: QtBot, running: Running, shell: Shell, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    wrong = tmp_path / "undangan.sqlite3"
    wrong.write_text("nama,instansi\n", encoding="utf-8")
    db = shell.ws.data_dir / DB_FILENAME
    group = open_backups(qtbot, shell)
    window = shell.window

    def other_file(dialog) -> None:  # type: ignore[no-untyped-def]
        with_modal(qtbot, lambda: click(qtbot, dialog.other_button), file_chosen(qtbot, wrong))

    with_modal(qtbot, lambda: click(qtbot, group.restore_button), other_file)
    assert shell.window is window
    assert "not a Mufakat backup" in group.message.text()
    assert not backups.backup_dir(shell.ws.data_dir).exists()
    assert db.exists() and "Sebelum" not in texts(shell.ws)


def test_a_missing_second_folder_is_a_line_in_the_status_bar(
    qtbot: QtBot, running: Running, shell: Shell, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    stick.mkdir()
    group = open_backups(qtbot, shell)
    type_text(qtbot, group.second_folder, str(stick))
    qtbot.keyClick(group.second_folder, Qt.Key.Key_Tab)
    assert "copied to" in group.message.text()
    assert Settings.load(shell.ws.data_dir).backup_folder == str(stick)
    stick.rmdir()  # the stick is pulled out
    shell.auto_backup.check()  # the day's backup is due: none was taken today
    qtbot.waitUntil(lambda: shell.backup_note.isVisible())
    assert "not there" in shell.backup_note.text()
    assert [b.label for b in backups.list_backups(backups.backup_dir(shell.ws.data_dir))] == ["daily"]
    shell.auto_backup.check()  # not due again today
    assert len(backups.list_backups(backups.backup_dir(shell.ws.data_dir))) == 1
