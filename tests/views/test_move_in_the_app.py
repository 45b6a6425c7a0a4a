"""'Pindahkan ke laptop baru' in the app, driven with clicks and keys: the old laptop writes its
data to one file from Settings; a new laptop, on its first-run screen, takes the file in and
opens on the old laptop's data (its unsent changes with their ids), under a device id of its
own and not enrolled; a laptop with data of its own is asked before anything is replaced."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import OutboxOp
from desktop.services.export import export_json
from desktop.sync.engine import is_enrolled
from desktop.views.main_window import SETTINGS
from tests.views.drive import click, click_nav, file_chosen, with_modal
from tests.views.forum_setup import Running


def queued(ws: Workspace) -> list[str]:
    with ws.store.read() as session:
        return list(session.scalars(select(OutboxOp.op_id).order_by(OutboxOp.device_seq)))


@pytest.fixture
def new_laptop(qtbot: QtBot, tmp_path: Path) -> Iterator[Shell]:
    ws = Workspace.open(tmp_path / "new-laptop", Settings(language="en", operator="Baru"))
    made = Shell(ws)
    made.window.show()
    qtbot.waitExposed(made.window)
    yield made
    if shiboken6.isValid(made.window):
        made.window.retire()
        made.window.close()
        made.window.deleteLater()
    made.close()
    made.ws.close()


def export_from(qtbot: QtBot, shell: Shell, target: Path) -> None:
    click_nav(qtbot, shell.window.nav, SETTINGS)
    group = shell.window.settings.move_laptop
    with_modal(qtbot, lambda: click(qtbot, group.export_button), file_chosen(qtbot, target))
    qtbot.waitUntil(lambda: "Written to" in group.message.text())
    assert target.exists()


def test_a_new_laptop_takes_in_the_old_ones_data_from_its_first_screen(
    qtbot: QtBot,
    running: Running,
    shell: Shell,
    new_laptop: Shell,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer_questions: Callable[..., list[str]],
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    # typing not yet saved on the old laptop (as a crash leaves it) travels with the data
    shell.drafts.keep(running.forum, "capture", {"text": "Setengah diketik di laptop lama", "scope": "unit"})
    assert shell.drafts.flush()
    moved = tmp_path / "pindah.zip"
    export_from(qtbot, shell, moved)
    first = new_laptop.window.first_run
    assert first is not None and first.isVisible()
    asked = answer_questions()
    old_window = new_laptop.window
    with_modal(qtbot, lambda: click(qtbot, first.take_in_button), file_chosen(qtbot, moved))
    assert "Take in the data in pindah.zip" in asked[0]
    qtbot.waitUntil(lambda: new_laptop.window is not old_window)
    window = new_laptop.window
    assert window.first_run is None
    assert "Enroll this laptop" in window.settings.device_message.text()
    qtbot.waitUntil(lambda: window.workspace is not None)  # the typing offered back, and taken
    assert "Setengah diketik" in asked[1]
    assert window.workspace is not None
    assert window.workspace.capture.text.text() == "Setengah diketik di laptop lama"
    assert "Enroll this laptop" in window.settings.device_message.text()
    new, old = new_laptop.ws, shell.ws
    assert new.read(export_json) == old.read(export_json)
    assert queued(new) == queued(old) and queued(old)
    assert new.ctx.device_id != old.ctx.device_id and not is_enrolled(new)
    assert new.store.device().moved_from == old.ctx.device_id


def test_a_laptop_with_data_of_its_own_is_asked_and_no_keeps_it(
    qtbot: QtBot,
    running: Running,
    shell: Shell,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    answer_questions: Callable[..., list[str]],
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    moved = tmp_path / "pindah.zip"
    export_from(qtbot, shell, moved)
    before = shell.ws.read(export_json)
    device = shell.ws.ctx.device_id
    asked = answer_questions(QMessageBox.StandardButton.No)
    window = shell.window
    group = window.settings.move_laptop
    with_modal(qtbot, lambda: click(qtbot, group.import_button), file_chosen(qtbot, moved))
    assert len(asked) == 1 and "holds data of its own" in asked[0]
    assert shell.window is window and shell.ws.read(export_json) == before
    assert shell.ws.ctx.device_id == device
