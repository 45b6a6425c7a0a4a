"""Editing and deleting, with undo (issue #11: "Edit and delete (with undo, audited, tombstoned
for sync) for participants, recommendations and forums not yet held"), from the user's seat:
a recommendation in live capture and on the triage board, a forum not yet held in the forum
list. A deletion is a tombstone that syncs; undoing it restores the same record (its id, its
history, one more audited event); redoing deletes it again; every step is in the history and on
its way to the server."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.models import AgendaItem, AuditEvent, Forum, OutboxOp, Participant, Recommendation
from desktop.services import agenda, forums, participants
from desktop.services import recommendations as recs
from desktop.services.queries import recommendation_row
from desktop.views import main_window as mw
from desktop.views.forum_dialog import EditForumDialog
from desktop.views.main_window import MainWindow
from tests.views.drive import (
    CTRL,
    HUMAN_MS,
    Keyboard,
    click,
    click_nav,
    click_row,
    click_tab,
    one,
    rows,
    with_modal,
)
from tests.views.forum_setup import Running


def tombstoned(ws: Workspace, model: type, record_id: str, times: int = 1) -> bool:
    with ws.store.read() as session:
        row = session.get(model, record_id)
        deletes = session.scalars(
            select(OutboxOp).where(OutboxOp.entity_id == record_id, OutboxOp.kind == "delete")
        ).all()
    return row is not None and row.deleted and len(deletes) == times


def restored(ws: Workspace, record_id: str) -> int:
    """How many restores of the record are on their way to the server."""
    with ws.store.read() as session:
        return len(
            session.scalars(select(OutboxOp).where(OutboxOp.entity_id == record_id, OutboxOp.kind == "restore")).all()
        )


def actions_on(ws: Workspace, entity: str) -> list[str]:
    with ws.store.read() as session:
        return list(
            session.scalars(
                select(AuditEvent.action).where(AuditEvent.entity == entity).order_by(AuditEvent.hlc)
            )
        )


def test_delete_in_live_capture_and_undo(qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow) -> None:
    typo = ws.write(recs.add_recommendation, running.forum, text="Sediakan kursi rdoa", scope="unit")
    kept = ws.write(recs.add_recommendation, running.forum, text="Perpanjang jam layanan", scope="unit")
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    capture = workspace.capture
    click_tab(qtbot, workspace.tabs, capture)
    click_row(qtbot, capture.table, capture.model.row_of(typo))
    qtbot.keyClick(capture.table, Qt.Key.Key_Delete)
    assert [r.id for r in rows(ws, Recommendation)] == [kept]
    assert tombstoned(ws, Recommendation, typo)
    assert "Ctrl+Z" in capture.message.text() and capture.model.row_of(typo) < 0
    assert capture.text.hasFocus()
    qtbot.keyClick(capture.text, Qt.Key.Key_Z, CTRL)  # the line is empty: the deletion is undone
    back = one(ws, Recommendation, text="Sediakan kursi rdoa")
    assert back.id == typo and back.scope == "unit" and capture.model.row_of(typo) >= 0  # the same record
    assert restored(ws, typo) == 1 and len(rows(ws, Recommendation)) == 2
    assert actions_on(ws, "recommendations")[-2:] == ["delete", "restore"]
    qtbot.keyClick(capture.text, Qt.Key.Key_Y, CTRL)  # redo: deleted again, the same record
    assert tombstoned(ws, Recommendation, typo, times=2) and capture.model.row_of(typo) < 0
    qtbot.keyClick(capture.text, Qt.Key.Key_Z, CTRL)
    assert one(ws, Recommendation, text="Sediakan kursi rdoa").id == typo
    with ws.store.read() as session:  # one record, its whole history under its one id
        assert session.scalar(select(func.count()).select_from(Recommendation)) == 2
        history = session.scalars(
            select(AuditEvent.action).where(AuditEvent.entity_id == typo).order_by(AuditEvent.hlc)
        ).all()
    assert history == ["create", "delete", "restore", "delete", "restore"]


def test_an_accepted_recommendation_is_not_deleted(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow, warnings: list[str]
) -> None:
    rec = ws.write(recs.add_recommendation, running.forum, text="Papan informasi", scope="unit")
    ws.write(recs.accept, rec)
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    click_tab(qtbot, workspace.tabs, workspace.capture)
    click_row(qtbot, workspace.capture.table, workspace.capture.model.row_of(rec))
    qtbot.keyClick(workspace.capture.table, Qt.Key.Key_Delete)
    assert warnings and "reject" in warnings[-1]  # says what to do instead
    assert one(ws, Recommendation, id=rec).status == "accepted"
    assert not workspace.capture.undo_button.isEnabled()  # nothing was done, nothing to undo


def board(qtbot: QtBot, window: MainWindow, rec_id: str) -> None:
    click_nav(qtbot, window.nav, mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation)
    click_row(qtbot, triage.table, triage.model.row_of(rec_id), column=1)
    qtbot.wait(HUMAN_MS)


def test_edit_and_delete_on_the_triage_board_with_undo(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    rec = ws.write(recs.add_recommendation, running.forum, text="Tambah loket pada awal bulna", scope="unit")
    board(qtbot, window, rec)
    pane, triage = window.triage.pane, window.triage

    def correct(dialog: QDialog) -> None:
        Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type("Tambah loket pada awal bulan")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    with_modal(qtbot, lambda: click(qtbot, pane.edit_button), correct)
    assert one(ws, Recommendation, id=rec).text == "Tambah loket pada awal bulan"
    assert "Tambah loket pada awal bulan" in pane.history.toPlainText()  # "… changed the text to …"
    qtbot.wait(HUMAN_MS)
    click(qtbot, pane.delete_button)
    assert rows(ws, Recommendation) == [] and tombstoned(ws, Recommendation, rec)
    bar = triage.undo_bar
    assert bar.isVisible() and "Tambah loket pada awal bulan" in bar.text.text()
    click(qtbot, bar.undo_button)  # the deletion undone: it is on the board again
    back = one(ws, Recommendation, text="Tambah loket pada awal bulan")
    assert back.id == rec
    qtbot.waitUntil(lambda: triage.model.row_of(back.id) >= 0)
    click_row(qtbot, triage.table, triage.model.row_of(rec), column=1)
    qtbot.waitUntil(lambda: "restored the deleted recommendation" in pane.history.toPlainText())
    assert "Tambah loket pada awal bulna" in pane.history.toPlainText()  # its history before the deletion too
    triage.text.setFocus()  # the search line is empty: Ctrl+Z undoes the edit of before
    qtbot.keyClick(triage.text, Qt.Key.Key_Z, CTRL)
    assert one(ws, Recommendation, id=back.id).text == "Tambah loket pada awal bulna"
    assert ws.read(recommendation_row, back.id) is not None
    assert actions_on(ws, "recommendations") == ["create", "update", "delete", "restore", "update"]


def test_a_recommendation_of_a_closed_forum_keeps_its_text(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    rec = ws.write(recs.add_recommendation, running.forum, text="Perkuat customer service", scope="unit")
    ws.write(forums.close_forum, running.forum)
    board(qtbot, window, rec)
    pane = window.triage.pane
    assert not pane.edit_button.isVisible() and not pane.delete_button.isVisible()
    assert pane.buttons["accept"].isVisible()  # its triage goes on


def test_a_forum_not_yet_held_is_corrected_deleted_and_brought_back(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    planned = ws.write(
        forums.create_forum, unit_id=running.unit, title="FKP Rancangan SOP", held_on="2026-12-03", venue="Aula"
    )
    siti = ws.write(participants.add_participant, planned, name="Siti Rahayu", category="service_user", invited=True)
    gone = ws.write(participants.add_participant, planned, name="Salah Ketik", category="media", invited=True)
    ws.write(participants.remove_participant, gone)  # removed on its own: stays removed
    item = ws.write(agenda.add_item, planned, title="Pembukaan")
    ws.write(recs.add_recommendation, planned, text="Usul awal", scope="unit", raised_by_id=siti, agenda_item_id=item)
    page = window.forums
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded() and page.model.row_of(planned) >= 0)
    click_row(qtbot, page.table, page.model.row_of(running.forum), column=2)
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()  # it is under way
    click_row(qtbot, page.table, page.model.row_of(planned), column=2)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()

    def move_it(dialog: QDialog) -> None:
        assert isinstance(dialog, EditForumDialog)
        assert dialog.title.text() == "FKP Rancangan SOP" and dialog.venue.text() == "Aula"
        click(qtbot, dialog.title)
        keys = Keyboard(qtbot, dialog).press(Qt.Key.Key_End).type(" Layanan Pencairan").tab()
        assert keys.focused() is dialog.held_on
        keys.type("10.12.2026")
        click(qtbot, dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok))

    with_modal(qtbot, lambda: click(qtbot, page.edit_button), move_it)
    forum = one(ws, Forum, id=planned)
    assert (forum.title, forum.held_on.isoformat()) == ("FKP Rancangan SOP Layanan Pencairan", "2026-12-10")
    assert page.undo_bar.isVisible()

    qtbot.waitUntil(lambda: page.loaded() and page.selected_forum() == planned)
    qtbot.wait(HUMAN_MS)
    click(qtbot, page.delete_button)
    assert tombstoned(ws, Forum, planned)
    # Its invitation list, agenda and what was typed for it go with it (they pointed at a
    # deleted forum), in the same step.
    assert not rows(ws, Participant, forum_id=planned) and not rows(ws, AgendaItem, forum_id=planned)
    assert not rows(ws, Recommendation, forum_id=planned)
    qtbot.waitUntil(lambda: page.loaded() and page.model.row_of(planned) < 0)
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_Z, CTRL)  # back, with its invitation list and agenda
    again = one(ws, Forum, title="FKP Rancangan SOP Layanan Pencairan")
    assert again.id == planned and again.status == "planned" and again.held_on.isoformat() == "2026-12-10"
    assert [p.name for p in rows(ws, Participant, forum_id=again.id)] == ["Siti Rahayu"]
    assert [i.title for i in rows(ws, AgendaItem, forum_id=again.id)] == ["Pembukaan"]
    assert [r.text for r in rows(ws, Recommendation, forum_id=again.id)] == ["Usul awal"]
    qtbot.waitUntil(lambda: page.loaded() and page.model.row_of(again.id) >= 0)
    qtbot.keyClick(page.search, Qt.Key.Key_Z, CTRL)  # and the correction before it
    assert one(ws, Forum, id=again.id).title == "FKP Rancangan SOP"
    assert actions_on(ws, "forums")[-4:] == ["update", "delete", "restore", "update"]


def test_a_planned_forum_with_a_triaged_recommendation_is_not_deleted(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    """A recommendation already accepted has a life of its own (a follow-up, a report): the
    forum it came from stays, and the line under the list says why; nothing changes."""
    planned = ws.write(forums.create_forum, unit_id=running.unit, title="FKP Rancangan SOP", held_on="2026-12-03")
    person = ws.write(participants.add_participant, planned, name="Siti Rahayu", category="service_user")
    rec = ws.write(recs.add_recommendation, planned, text="Usul awal", scope="unit", raised_by_id=person)
    ws.write(recs.accept, rec)
    page = window.forums
    page.refresh()
    qtbot.waitUntil(lambda: page.loaded() and page.model.row_of(planned) >= 0)
    click_row(qtbot, page.table, page.model.row_of(planned), column=2)
    qtbot.wait(HUMAN_MS)
    click(qtbot, page.delete_button)
    said = page.notice.text.text()
    assert "cannot be deleted" in said and "1 of its recommendations" in said, said
    assert rows(ws, Forum, id=planned) and rows(ws, Participant, forum_id=planned)
    assert rows(ws, Recommendation, forum_id=planned)
