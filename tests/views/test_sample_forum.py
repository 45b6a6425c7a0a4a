"""The sample forum from the app at any time (issue #11, a fresh walk: only first run offered
it, and its history said "root"): Forums → "Load the sample forum" adds the demo beside the
office's own forums, titled CONTOH, asking who is typing when Settings names no one; nothing of
it is queued for the office's server; "Remove the sample forum" takes it away in one audited
action, the office's forums untouched."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QInputDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.models import AuditEvent, Forum, OutboxOp
from desktop.services import demo
from desktop.services.forums import create_forum
from desktop.views.main_window import MainWindow
from tests.views.drive import Keyboard, answer, click, rows, with_modal

OWN = "FKP Standar Pelayanan 2026"


def queued(ws: Workspace) -> int:
    with ws.store.read() as session:
        return int(session.scalar(select(func.count()).select_from(OutboxOp)) or 0)


def shown_titles(window: MainWindow) -> list[str]:
    model = window.forums.model
    return sorted(str(model.index(r, 2).data()) for r in range(model.rowCount()))


def type_name(qtbot: QtBot, name: str) -> object:
    def drive(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog), dialog
        line = dialog.findChild(QLineEdit)
        assert line is not None and dialog.labelText() == "Your name (in the history)"
        Keyboard(qtbot, dialog).type(name).press(Qt.Key.Key_Return)

    return drive


def test_the_sample_forum_is_loaded_beside_the_offices_and_removed_in_one_action(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow
) -> None:
    ws = office_ws
    ws.change_settings(operator="")  # nobody named yet: the history would say the computer's user
    own = ws.write(create_forum, unit_id=ws.ctx.home_unit_id, title=OWN, held_on="2026-12-07")
    window.forums.refresh()
    qtbot.waitUntil(lambda: window.forums.loaded() and shown_titles(window) == [OWN])
    before = queued(ws)
    button = window.forums.sample_button
    assert button.isVisible() and button.text() == "Load the sa&mple forum"

    with_modal(qtbot, lambda: click(qtbot, button), type_name(qtbot, "Rina Wulandari"))
    qtbot.waitUntil(lambda: window.forums.loaded() and len(shown_titles(window)) == 2)
    assert shown_titles(window) == [demo.SAMPLE_TITLE, OWN]
    assert ws.settings.operator == "Rina Wulandari"  # kept in Settings, as first run keeps it
    sample = ws.read(demo.sample_forum)
    assert sample is not None
    with ws.store.read() as session:
        history = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == sample)).all()
        assert {event.actor for event in history} == {"Rina Wulandari"}
        office_forum = session.get(Forum, own)
        assert office_forum is not None and office_forum.title == OWN and office_forum.unit_id == ws.ctx.home_unit_id
        assert session.get(Forum, sample).unit_id != ws.ctx.home_unit_id  # the sample's own office
    assert queued(ws) == before  # nothing of the sample waits for the office's server

    assert button.text() == "Remove the sa&mple forum"
    confirm = answer(qtbot, QMessageBox.StandardButton.Yes)
    with_modal(qtbot, lambda: click(qtbot, button), confirm)
    qtbot.waitUntil(lambda: window.forums.loaded() and shown_titles(window) == [OWN])
    assert "CONTOH" in confirm.asked[0]  # type: ignore[attr-defined]
    assert ws.read(demo.sample_forum) is None
    with ws.store.read() as session:
        removed = session.get(Forum, sample)
        assert removed is not None and removed.deleted  # a tombstone, like any delete
        removal = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == sample, AuditEvent.action == "remove_sample")
        ).all()
        assert [event.actor for event in removal] == ["Rina Wulandari"]
    assert [f.title for f in rows(ws, Forum)] == [OWN]
    assert queued(ws) == before
    assert button.text() == "Load the sa&mple forum"  # and it can come back


def test_no_name_no_sample(qtbot: QtBot, office_ws: Workspace, window: MainWindow) -> None:
    ws = office_ws
    ws.change_settings(operator="")
    ws.write(create_forum, unit_id=ws.ctx.home_unit_id, title=OWN, held_on="2026-12-07")
    window.forums.refresh()
    qtbot.waitUntil(lambda: window.forums.loaded() and shown_titles(window) == [OWN])

    def cancel(dialog: QDialog) -> None:
        assert isinstance(dialog, QInputDialog)
        Keyboard(qtbot, dialog).press(Qt.Key.Key_Escape)

    with_modal(qtbot, lambda: click(qtbot, window.forums.sample_button), cancel)
    assert ws.read(demo.sample_forum) is None and ws.settings.operator == ""


def test_a_named_operator_is_not_asked_again(qtbot: QtBot, office_ws: Workspace, window: MainWindow) -> None:
    ws = office_ws
    ws.write(create_forum, unit_id=ws.ctx.home_unit_id, title=OWN, held_on="2026-12-07")
    window.forums.refresh()
    qtbot.waitUntil(lambda: window.forums.loaded() and shown_titles(window) == [OWN])
    click(qtbot, window.forums.sample_button)  # Settings names "Tester": no question
    qtbot.waitUntil(lambda: window.forums.loaded() and len(shown_titles(window)) == 2)
    sample = ws.read(demo.sample_forum)
    with ws.store.read() as session:
        actors = set(session.scalars(select(AuditEvent.actor).where(AuditEvent.entity_id == sample)))
    assert actors == {"Tester"}
