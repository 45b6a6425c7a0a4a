"""The office head publishes a closed forum on the unit's public page with a click (issue 17),
and names the server's public address in the office settings by typing it; both are stored,
audited and queued for the server."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import AuditEvent, Forum, OutboxOp
from desktop.services import forums
from desktop.services.units import home_unit
from desktop.views.main_window import MainWindow
from tests.views.drive import click_tab
from tests.views.forum_setup import Running
from tests.views.test_office_settings import replace_text


def test_the_office_head_publishes_a_closed_forum_with_a_click(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    box = workspace.details.published
    assert not box.isEnabled() and not box.isChecked()  # a forum under way: not yet
    ws.write(forums.close_forum, running.forum)
    workspace.details.reload()
    click_tab(qtbot, workspace.tabs, workspace.details)
    assert box.isEnabled() and box.isVisible()
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # on its box
    assert workspace.details.message.text() == ""
    with ws.store.read() as session:
        assert session.get_one(Forum, running.forum).published is True
        assert (
            session.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == running.forum)).all()[-1]
            == "publish"
        )
        last = session.scalars(
            select(OutboxOp)
            .where(OutboxOp.entity_id == running.forum, OutboxOp.kind == "update")
            .order_by(OutboxOp.device_seq.desc())
        ).first()
    assert last is not None and last.fields["set"] == {"published": True}
    qtbot.keyClick(box, Qt.Key.Key_Space)  # and off again, from the keyboard
    with ws.store.read() as session:
        assert session.get_one(Forum, running.forum).published is False
    assert not box.isChecked()


def test_the_public_address_is_typed_in_the_office_settings(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.settings
    replace_text(qtbot, page.unit_lines["public_url"], "fkp kemenkeu")
    assert "not a web address" in page.office_message.text()
    replace_text(qtbot, page.unit_lines["public_url"], "https://fkp.kemenkeu.example.go.id/")
    office = ws.read(home_unit, ws.ctx.home_unit_id)
    assert office is not None and office.public_url == "https://fkp.kemenkeu.example.go.id"
