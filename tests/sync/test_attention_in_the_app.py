""" "Perlu perhatian" as office staff meet it (issue #12, refusals the user sees): two laptops of one
office on a real server (SQLite and PostgreSQL), the app's window on one of them in Indonesian,
driven with keys and clicks only. A refused change is listed in words, with why and what to
do; discarding it, retrying it or copying it as new does what it says, and the laptops end with
the same data. "Changed elsewhere" markers are resolved or dismissed on one laptop and closed
on the other too."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.models import Escalation, Forum, Participant, Recommendation, RejectedOp, Unit
from desktop.services import escalations, forums, participants
from desktop.services import recommendations as recs
from desktop.services.conflicts import conflicts_of
from desktop.services.export import export_json
from desktop.sync.controller import SyncState
from desktop.sync.engine import sync_once
from desktop.views import main_window as mw
from tests.sync.test_actions import accepted_policy
from tests.sync.test_sync_basics import Device, make_forum, unit_id
from tests.views.drive import activate, when_modal
from tests.views.test_mnemonics import collisions

Opener = Callable[[Workspace], Shell]


@pytest.fixture
def app_of(qtbot: QtBot) -> Iterator[Opener]:
    """app_of(ws): the app's window on that laptop, in Indonesian, shown and active."""
    shells: list[Shell] = []

    def open_(ws: Workspace) -> Shell:
        ws.change_settings(language="id")
        shell = Shell(ws)
        qtbot.addWidget(shell.window)
        with qtbot.waitActive(shell.window):
            shell.window.show()
            shell.window.activateWindow()
        shells.append(shell)
        return shell

    yield open_
    for shell in shells:
        shell.close()
        shell.translations.switch("en")  # the next test's widgets speak English again


def sync_in_the_app(qtbot: QtBot, shell: Shell) -> None:
    """F9, as the user presses it, and wait until the status bar says it is done."""
    qtbot.keyClick(shell.window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.UP_TO_DATE, timeout=20_000)


def click(qtbot: QtBot, widget: QWidget) -> None:
    assert widget.isVisible() and widget.isEnabled(), widget
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_row(qtbot: QtBot, view: QAbstractItemView, row: int, column: int = 0) -> None:
    rect = view.visualRect(view.model().index(row, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def alt(qtbot: QtBot, shell: Shell, key: Qt.Key) -> None:
    activate(qtbot, shell.window)
    qtbot.keyClick(shell.window.focusWidget() or shell.window, key, Qt.KeyboardModifier.AltModifier)


def cells(shell: Shell) -> list[list[str]]:
    model = shell.window.attention.model
    return [[model.text(r, c) for c in range(model.columnCount())] for r in range(model.rowCount())]


def refused_on(ws: Workspace) -> list[RejectedOp]:
    with ws.store.read() as session:
        return list(session.scalars(select(RejectedOp)))


def same_exports(*laptops: Workspace) -> None:
    exports = [ws.read(export_json) for ws in laptops]
    assert all(e == exports[0] for e in exports), "the laptops' exports differ"


def test_a_refused_escalation_is_one_item_in_indonesian_and_discarding_it_keeps_the_servers(
    qtbot: QtBot, device: Device, app_of: Opener
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    rec = accepted_policy(a, b)
    a.write(escalations.escalate, rec, "Mohon arahan")
    sync_once(a)
    b.write(escalations.escalate, rec, "Mohon arahan juga")  # offline: b has not seen a's
    shell = app_of(b)
    window = shell.window
    assert window.nav.item(mw.ATTENTION).text() == "Perlu perhatian"
    assert not window.sync_bar.attention_button.isVisible()
    sync_in_the_app(qtbot, shell)  # background sync never pops a dialog: a count appears instead
    assert window.sync_bar.attention_button.text() == "⚠ 1 perlu perhatian"
    assert window.nav.item(mw.ATTENTION).toolTip() == "1 perlu perhatian"
    click(qtbot, window.sync_bar.attention_button)
    assert window.stack.currentWidget() is window.attention
    [[what, why, when]] = cells(shell)
    assert what == "Rekomendasi “Layanan jemput bola”: dieskalasi"
    assert "di server statusnya sudah dieskalasi" in why and "laptop lain" in why
    assert when
    detail = window.attention.detail.text()
    assert "Yang dapat dilakukan:" in detail and "Buang perubahan Anda" in detail
    assert not window.attention.copy_button.isEnabled()  # nothing was created to copy
    assert collisions("Perlu perhatian", window) == []

    def discard_yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox) and "Buang perubahan ini?" in box.text()
        yes = box.button(QMessageBox.StandardButton.Yes)
        assert box.defaultButton() is not yes  # a destructive choice is never the default
        qtbot.mouseClick(yes, Qt.MouseButton.LeftButton)

    asked = when_modal(discard_yes)
    click(qtbot, window.attention.discard_button)
    assert asked
    assert {op.resolution for op in refused_on(b)} == {"discarded"}  # kept, with the choice
    assert window.attention.list.currentWidget() is window.attention.empty
    assert window.attention.message.text() == "Dibuang: laptop ini memakai yang ada di server."
    assert not window.sync_bar.attention_button.isVisible()
    assert window.nav.item(mw.ATTENTION).toolTip() == ""
    sync_in_the_app(qtbot, shell)
    sync_once(a)
    with b.store.read() as session:
        [sent] = session.scalars(select(Escalation)).all()
        assert sent.note == "Mohon arahan"  # a's, the one the parent office received
    same_exports(a, b)


def test_a_forum_refused_with_its_recommendation_is_copied_as_new_and_reaches_the_other_laptop(
    qtbot: QtBot, device: Device, app_of: Opener
) -> None:
    """A forum set up under the parent office by mistake: the server refuses it and what was
    typed into it. One item; "Salin sebagai baru" makes a forum of this office with the same
    participant and recommendation (as last edited), and the colleague's laptop gets them."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    wrong = b.write(
        forums.create_forum,
        unit_id=unit_id(b, "KANWIL-PBD"),
        title="FKP Pelayanan Prima",
        held_on="2024-08-21",
    )
    person = b.write(participants.add_participant, wrong, name="Agustinus Wambrauw", category="satker")
    rec = b.write(recs.add_recommendation, wrong, text="Loket prioritas", scope="unit", raised_by_id=person)
    b.write(recs.edit_recommendation, rec, text="Loket prioritas bagi lansia dan disabilitas")
    b.write(recs.vote, rec)
    shell = app_of(b)
    window = shell.window
    sync_in_the_app(qtbot, shell)
    assert window.sync_bar.attention_button.text() == "⚠ 1 perlu perhatian"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # the fifth place shown
    assert window.stack.currentWidget() is window.attention
    [[what, why, _when]] = cells(shell)
    assert what.startswith("Forum “FKP Pelayanan Prima”: ditambahkan (dan 4 perubahan sesudahnya")
    assert "milik kantor lain" in why
    detail = window.attention.detail.text()
    assert "Rekomendasi “Loket prioritas”: diubah: Teks" in detail
    alt(qtbot, shell, Qt.Key.Key_S)  # &Salin sebagai baru
    qtbot.waitUntil(lambda: window.attention.list.currentWidget() is window.attention.empty)
    assert "Disalin sebagai baru" in window.attention.message.text()
    assert {op.resolution for op in refused_on(b)} == {"copied"}
    sync_in_the_app(qtbot, shell)
    assert refused_on(b) and all(op.resolution for op in refused_on(b))  # nothing new refused
    sync_once(a)
    with a.store.read() as session:
        [forum] = session.scalars(select(Forum)).all()
        home = session.scalars(select(Unit.id).where(Unit.code == "KPPN-SORONG")).one()
        assert (forum.title, forum.unit_id) == ("FKP Pelayanan Prima", home)
        [copy] = session.scalars(select(Recommendation)).all()
        [raiser] = session.scalars(select(Participant)).all()
        assert copy.text == "Loket prioritas bagi lansia dan disabilitas" and copy.id != rec
        assert (copy.forum_id, copy.raised_by_id, raiser.name) == (forum.id, raiser.id, "Agustinus Wambrauw")
    same_exports(a, b)


def conflicting_edits(a: Workspace, b: Workspace) -> str:
    """Both laptops edit the same recommendation's text at the same time; b's, the later, wins
    everywhere, and a's is kept as the value that lost. Returns the recommendation."""
    _forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    a.write(recs.edit_recommendation, rec, text="Perkuat customer service (A)")
    b.write(recs.edit_recommendation, rec, text="Perkuat layanan pelanggan (B)")
    for ws in (a, b, a):
        sync_once(ws)
    for ws in (a, b):
        assert len(ws.read(conflicts_of, "recommendations", rec)) == 1
    return rec


def text_on(ws: Workspace, rec: str) -> str:
    with ws.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None
        return row.text


def test_keep_mine_on_a_ends_with_as_value_on_b_and_no_marker_on_either(
    qtbot: QtBot, device: Device, app_of: Opener
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    rec = conflicting_edits(a, b)
    on_b = app_of(b)  # b's value won: its marker offers the value that lost, a's
    click(qtbot, on_b.window.sync_bar.attention_button)
    card = on_b.window.attention.card
    assert card is not None and card.use_lost.text() == "Pakai yang &kalah"
    assert "Kalah: “Perkuat customer service (A)” (diketik di laptop lain)" in card.plain_text()
    assert "(diketik di laptop ini)" in card.plain_text()  # the value in use is b's
    on_b.close()
    shell = app_of(a)
    window = shell.window
    assert window.sync_bar.attention_button.text() == "⚠ 1 perlu perhatian"
    click_row(qtbot, window.nav, mw.ATTENTION)
    [[what, why, _when]] = cells(shell)
    assert (
        what == "Rekomendasi “Perkuat layanan pelanggan (B)”: teks diubah di laptop lain pada saat yang sama"
    )
    assert why == "Dipakai: “Perkuat layanan pelanggan (B)”; kalah: “Perkuat customer service (A)”"
    card = window.attention.card
    assert (
        card is not None
        and "Kalah: “Perkuat customer service (A)” (diketik di laptop ini)" in card.plain_text()
    )
    assert card.use_lost.text() == "&Pakai punya saya"
    assert collisions("Perlu perhatian", window) == []
    alt(qtbot, shell, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: window.attention.list.currentWidget() is window.attention.empty)
    assert text_on(a, rec) == "Perkuat customer service (A)"
    assert not window.sync_bar.attention_button.isVisible()
    sync_in_the_app(qtbot, shell)
    sync_once(b)
    assert text_on(b, rec) == "Perkuat customer service (A)"
    for ws in (a, b):
        assert ws.read(conflicts_of, "recommendations", rec) == []
    same_exports(a, b)


def test_a_marker_dismissed_in_triage_on_a_is_gone_on_b(qtbot: QtBot, device: Device, app_of: Opener) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    rec = conflicting_edits(a, b)
    shell = app_of(a)
    window = shell.window
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)
    click_row(qtbot, triage.table, triage.model.row_of(rec))
    [card] = triage.pane.cards
    assert card.isVisible() and "Dipakai sekarang: “Perkuat layanan pelanggan (B)”" in card.plain_text()
    assert card.use_lost.text() == "&Pakai punya saya"  # the value that lost was typed here
    assert collisions("Pemilahan", window) == []
    click(qtbot, card.dismiss)
    assert triage.pane.cards == []
    assert not window.sync_bar.attention_button.isVisible()
    sync_in_the_app(qtbot, shell)
    sync_once(b)
    for ws in (a, b):
        assert ws.read(conflicts_of, "recommendations", rec) == []
        assert text_on(ws, rec) == "Perkuat layanan pelanggan (B)"  # dismissing changes no value
    same_exports(a, b)
    shell.close()
    other = app_of(b)  # on b, the marker is gone from the triage pane too
    qtbot.keyClick(other.window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    triage = other.window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation, timeout=5000)
    click_row(qtbot, triage.table, triage.model.row_of(rec))
    assert triage.pane.detail is not None and triage.pane.cards == []
    assert not other.window.sync_bar.attention_button.isVisible()


def test_a_retry_the_life_cycle_no_longer_allows_is_refused_here_and_changes_nothing(
    qtbot: QtBot, device: Device, app_of: Opener
) -> None:
    """b rejected a recommendation a had accepted first (b had not seen it): the refusal, set
    aside while b's user worked in English, shows in Indonesian, and b's laptop shows a's
    acceptance. Retrying applies the rules to the recommendation as it is now: a rejection no
    longer applies, the reason is said on the page, nothing changes and the item stays."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    a.write(recs.accept, rec)
    sync_once(a)
    b.write(recs.reject, rec, "Duplikat")
    assert sync_once(b).refused == 1  # while b speaks English: worded later in the language of then
    shell = app_of(b)
    window = shell.window
    click(qtbot, window.sync_bar.attention_button)
    [[what, _why, _when]] = cells(shell)
    assert what == "Rekomendasi “Perkuat customer service”: ditolak"
    before = b.read(export_json)
    alt(qtbot, shell, Qt.Key.Key_C)  # &Coba lagi
    qtbot.waitUntil(lambda: bool(window.attention.message.text()))
    assert window.attention.message.text().startswith(
        "Tidak dapat menolak rekomendasi yang berstatus diterima"
    )
    assert b.read(export_json) == before and len(cells(shell)) == 1
