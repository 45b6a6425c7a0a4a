"""F3 corrects a recommendation as capture set it (issue #11: the edit dialog was 270 px wide and
edited only the text; the topic, who raised it, the agenda item and the scope could not be
corrected, and the triage board did not show the topic). Driven with keys and clicks: what is
stored, each field in the history, one Ctrl+Z undoing the whole correction."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecCategory, Scope, label
from desktop.models import AuditEvent, Recommendation
from desktop.services import recommendations as recs
from desktop.views import main_window as mw
from desktop.views.main_window import MainWindow
from desktop.views.rec_edit_dialog import RecommendationDialog
from tests.views.drive import (
    CTRL,
    HUMAN_MS,
    Keyboard,
    choose,
    click,
    click_nav,
    click_row,
    click_tab,
    one,
    with_modal,
)
from tests.views.forum_setup import Running

READABLE = 600  # px: a recommendation's text reads in a few lines, not a word a line


def history_of(ws: Workspace, rec_id: str) -> list[tuple[str, dict[str, object]]]:
    with ws.store.read() as session:
        events = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == rec_id).order_by(AuditEvent.hlc)
        ).all()
        return [(e.action, dict(e.after)) for e in events]


def test_f3_corrects_text_scope_topic_raiser_and_agenda_item_with_one_undo(
    qtbot: QtBot, ws: Workspace, running: Running, window: MainWindow
) -> None:
    rec = ws.write(recs.add_recommendation, running.forum, text="Tambah loket pada awal bulna", scope="unit")
    workspace = window.open_forum(running.forum)
    assert workspace is not None
    capture = workspace.capture
    click_tab(qtbot, workspace.tabs, capture)
    click_row(qtbot, capture.table, capture.model.row_of(rec))

    def correct(dialog: QDialog) -> None:
        assert isinstance(dialog, RecommendationDialog)
        assert dialog.width() >= READABLE and dialog.text.width() >= READABLE - 150
        click(qtbot, dialog.text)
        Keyboard(qtbot, dialog).press(Qt.Key.Key_A, CTRL).type("Tambah loket pada awal bulan")
        choose(qtbot, dialog.scope, label(Scope.POLICY))
        choose(qtbot, dialog.category, label(RecCategory.FACILITIES))
        choose(qtbot, dialog.raised_by, "Siti Rahayu (Koperasi Maju Bersama)")
        choose(qtbot, dialog.agenda, "Diskusi")
        box = dialog.findChild(QDialogButtonBox)
        assert box is not None
        click(qtbot, box.button(QDialogButtonBox.StandardButton.Ok))

    with_modal(qtbot, lambda: qtbot.keyClick(capture.table, Qt.Key.Key_F3), correct)
    stored = one(ws, Recommendation, id=rec)
    assert (stored.text, stored.scope, stored.category, stored.raised_by_id, stored.agenda_item_id) == (
        "Tambah loket pada awal bulan",
        Scope.POLICY,
        RecCategory.FACILITIES,
        running.people["Siti Rahayu"],
        running.items[2],
    )
    corrected = history_of(ws, rec)[1:]
    assert [action for action, _after in corrected] == ["change_scope", "update"]  # one action, each field
    assert corrected[1][1] == {
        "text": "Tambah loket pada awal bulan",
        "category": "facilities",
        "raised_by_id": running.people["Siti Rahayu"],
        "agenda_item_id": running.items[2],
    }

    click(qtbot, capture.text)
    Keyboard(qtbot, window).press(Qt.Key.Key_Z, CTRL)  # the line is empty: the correction is undone
    stored = one(ws, Recommendation, id=rec)
    assert (stored.text, stored.scope, stored.category, stored.raised_by_id, stored.agenda_item_id) == (
        "Tambah loket pada awal bulna",
        Scope.UNIT,
        None,
        None,
        None,
    )

    Keyboard(qtbot, window).press(Qt.Key.Key_Y, CTRL)  # and redone
    assert one(ws, Recommendation, id=rec).category == RecCategory.FACILITIES
    click_nav(qtbot, window.nav, mw.TRIAGE)  # the topic shows on the triage board
    triage = window.triage
    triage.refresh()
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation and triage.model.row_of(rec) >= 0)
    click_row(qtbot, triage.table, triage.model.row_of(rec), column=1)
    qtbot.wait(HUMAN_MS)
    qtbot.waitUntil(lambda: label(RecCategory.FACILITIES) in triage.pane.meta.text())
